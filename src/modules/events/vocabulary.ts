/** The events module's fixed lists (issue 10, item 1). */
export const eventKinds = ['annual_forum', 'webinar', 'dialogue', 'preparatory_meeting', 'regional_igf_session', 'global_igf_session'] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventFormats = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof eventFormats)[number];

/** Draft → published → closed. Drafts are seen by the organising committee and the secretariat only. */
export const eventStatuses = ['draft', 'published', 'closed'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const publicStatuses: readonly EventStatus[] = ['published', 'closed'];

/** Working languages offered: the platform's four (other languages come when the platform has a list of them). */
export const eventLanguages = ['es', 'en', 'pt', 'fr'] as const;

/** Every interpretation pair between two of the offered languages, as "en-es" (alphabetical). */
export const interpretationPairs = eventLanguages.flatMap((a, i) => eventLanguages.slice(i + 1).map((b) => [a, b].sort().join('-')));
