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

/** Session formats a call offers, with the IGF's usual durations in minutes (organisers change them per call). */
export const sessionFormats = {
  panel: 90,
  roundtable: 90,
  workshop: 90,
  lightning_talk: 20,
  open_forum: 60,
  town_hall: 60,
  debate: 60,
  birds_of_a_feather: 60,
} as const;
export type SessionFormat = keyof typeof sessionFormats;

/**
 * The IGF 2025 subthemes (call for session proposals, intgovforum.org), offered as a new call's
 * tracks in the organisers' language; they rename, remove or add. Catalog `events.tracks.<key>`.
 */
export const defaultTracks = ['digital_trust_resilience', 'responsible_innovation', 'universal_access_rights', 'digital_cooperation'] as const;
