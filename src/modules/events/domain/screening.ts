/**
 * The IGF's screening rules for a session proposal (issue 10, item 2), computed live so that the
 * proposer sees them before submitting. Each rule answers whether it applies, whether it passed,
 * and the facts a message needs (`events.screening.<rule>` in the catalog, with these values).
 */
import { taxonomies, type StakeholderKey, type StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { normaliseText, PeopleIndex } from './people.ts';
import type { PersonRef, ProposalDraft } from './types.ts';

export const screeningRules = [
  'min_speakers',
  'stakeholder_groups',
  'gender_diversity',
  'onsite_moderator',
  'online_moderator',
  'rapporteur',
  'speaker_sessions',
  'reports_filed',
] as const;
export type ScreeningRule = (typeof screeningRules)[number];

/** The catalog key of each rule's message. */
export const screeningMessageKey = (rule: ScreeningRule) => `events.screening.${rule}` as const;
export const screeningMessageKeys = screeningRules.map(screeningMessageKey);

export interface ScreeningSettings {
  /** At least this many speakers (IGF: 3). */
  minSpeakers: number;
  /** Speakers from at least this many stakeholder groups (IGF: 3). */
  minStakeholderGroups: number;
  /** No speaker in more than this many sessions of the event, this one included (IGF: 3). */
  maxSessionsPerSpeaker: number;
  /** How stored stakeholder values are counted (the IGF's five fold academia into the technical community). */
  taxonomy: StakeholderTaxonomy;
}

export const defaultScreeningSettings: ScreeningSettings = {
  minSpeakers: 3,
  minStakeholderGroups: 3,
  maxSessionsPerSpeaker: 3,
  taxonomy: taxonomies.six,
};

/** The other proposals and sessions of the same event, as far as speakers go. */
export interface EventSessionSpeakers {
  id: string;
  speakers: readonly PersonRef[];
}

export interface ScreeningInput {
  /** The event's other live proposals and scheduled sessions (a stored proposal may be among them: it is skipped by id). */
  eventSessions?: readonly EventSessionSpeakers[];
  /** Organisers whose earlier session reports are overdue (empty until session reports exist). */
  overdueReportOrganisers?: readonly PersonRef[];
  settings?: Partial<ScreeningSettings>;
}

export type ScreeningResult =
  | { rule: 'min_speakers'; applies: true; passed: boolean; data: { speakers: number; confirmed: number; required: number } }
  | { rule: 'stakeholder_groups'; applies: true; passed: boolean; data: { groups: StakeholderKey[]; count: number; required: number; withoutGroup: number } }
  | { rule: 'gender_diversity'; applies: boolean; passed: boolean; data: { genders: string[]; stated: number; speakers: number } }
  | { rule: 'onsite_moderator'; applies: boolean; passed: boolean; data: { name: string | null } }
  | { rule: 'online_moderator'; applies: boolean; passed: boolean; data: { name: string | null } }
  | { rule: 'rapporteur'; applies: true; passed: boolean; data: { name: string | null } }
  | { rule: 'speaker_sessions'; applies: true; passed: boolean; data: { max: number; over: { name: string; sessions: number; otherSessionIds: string[] }[] } }
  | { rule: 'reports_filed'; applies: true; passed: boolean; data: { organisers: string[] } };

export interface Screening {
  /** Whether every rule that applies passed. */
  passed: boolean;
  /** One result per rule, in the order of `screeningRules`. */
  results: ScreeningResult[];
}

const named = (person: PersonRef | null | undefined): string | null => {
  const name = person?.name?.trim();
  return name ? name : null;
};

/**
 * What screening needs from the rest of the event, prepared once: who speaks in which of its
 * sessions. A page that screens a draft on every change, or a list that screens every proposal,
 * prepares it once and passes it to `screenProposal`.
 */
export interface ScreeningContext {
  readonly prepared: true;
  readonly settings: ScreeningSettings;
  readonly index: PeopleIndex;
  /** Person key → the sessions that name them as a speaker. */
  readonly sessionsOf: ReadonlyMap<string, ReadonlySet<string>>;
  readonly overdueReportOrganisers: readonly PersonRef[];
}

export function screeningContext(input: ScreeningInput = {}): ScreeningContext {
  const sessions = input.eventSessions ?? [];
  const index = new PeopleIndex(sessions.flatMap((session) => session.speakers));
  const sessionsOf = new Map<string, Set<string>>();
  for (const session of sessions) {
    for (const speaker of session.speakers) {
      if (!named(speaker)) continue;
      const key = index.keyOf(speaker);
      let ids = sessionsOf.get(key);
      if (!ids) sessionsOf.set(key, (ids = new Set()));
      ids.add(session.id);
    }
  }
  return { prepared: true, settings: { ...defaultScreeningSettings, ...input.settings }, index, sessionsOf, overdueReportOrganisers: input.overdueReportOrganisers ?? [] };
}

/** Screens one proposal against the rules and the rest of the event. */
export function screenProposal(proposal: ProposalDraft, input: ScreeningInput | ScreeningContext = {}): Screening {
  const context = 'prepared' in input ? input : screeningContext(input);
  const { settings, index } = context;

  // The same person typed twice is one speaker.
  const own = new PeopleIndex(proposal.speakers);
  const speakers = new Map<string, ProposalDraft['speakers'][number]>();
  for (const speaker of proposal.speakers) {
    if (!named(speaker)) continue;
    const key = own.keyOf(speaker);
    if (!speakers.has(key)) speakers.set(key, speaker);
  }
  const speakerList = [...speakers.values()];

  const results: ScreeningResult[] = [];

  results.push({
    rule: 'min_speakers',
    applies: true,
    passed: speakerList.length >= settings.minSpeakers,
    data: { speakers: speakerList.length, confirmed: speakerList.filter((s) => s.confirmed).length, required: settings.minSpeakers },
  });

  const groups = new Set<StakeholderKey>();
  for (const speaker of speakerList) if (speaker.stakeholderGroup) groups.add(settings.taxonomy.groupOf(speaker.stakeholderGroup));
  const groupList = settings.taxonomy.groups.filter((group) => groups.has(group));
  results.push({
    rule: 'stakeholder_groups',
    applies: true,
    passed: groupList.length >= settings.minStakeholderGroups,
    data: { groups: groupList, count: groupList.length, required: settings.minStakeholderGroups, withoutGroup: speakerList.filter((s) => !s.stakeholderGroup).length },
  });

  // Only stated genders count; an unknown one neither makes nor breaks diversity. With fewer than
  // two stated there is nothing to compare, so the rule does not apply.
  const stated = speakerList.map((s) => normaliseText(s.gender)).filter((g) => g !== '');
  const genders = [...new Set(stated)].sort();
  const genderApplies = stated.length >= 2;
  results.push({
    rule: 'gender_diversity',
    applies: genderApplies,
    passed: !genderApplies || genders.length > 1,
    data: { genders, stated: stated.length, speakers: speakerList.length },
  });

  // Someone must run the room whenever there is a room: hybrid sessions (the IGF's rule) and in-person ones.
  const onsiteApplies = proposal.modality !== 'online';
  const moderator = named(proposal.moderator);
  results.push({ rule: 'onsite_moderator', applies: onsiteApplies, passed: !onsiteApplies || moderator !== null, data: { name: moderator } });

  const onlineApplies = proposal.modality !== 'in_person';
  const onlineModerator = named(proposal.onlineModerator);
  results.push({ rule: 'online_moderator', applies: onlineApplies, passed: !onlineApplies || onlineModerator !== null, data: { name: onlineModerator } });

  const rapporteur = named(proposal.rapporteur);
  results.push({ rule: 'rapporteur', applies: true, passed: rapporteur !== null, data: { name: rapporteur } });

  // Sessions per speaker: this one plus every other session of the event that names them as a speaker.
  const over = speakerList.flatMap((speaker) => {
    const ids = new Set(index.aliasesOf(speaker).flatMap((key) => [...(context.sessionsOf.get(key) ?? [])]));
    if (proposal.id) ids.delete(proposal.id);
    const sessions = ids.size + 1;
    return sessions > settings.maxSessionsPerSpeaker ? [{ name: speaker.name.trim(), sessions, otherSessionIds: [...ids].sort() }] : [];
  });
  results.push({ rule: 'speaker_sessions', applies: true, passed: over.length === 0, data: { max: settings.maxSessionsPerSpeaker, over } });

  const overdueList = context.overdueReportOrganisers;
  const organisers = new PeopleIndex([...overdueList, ...proposal.organisers]);
  const overdueKeys = new Set(overdueList.map((person) => organisers.keyOf(person)));
  const late = proposal.organisers.filter((organiser) => named(organiser) && overdueKeys.has(organisers.keyOf(organiser)));
  results.push({
    rule: 'reports_filed',
    applies: true,
    passed: late.length === 0,
    data: { organisers: [...new Set(late.map((o) => o.name.trim()))] },
  });

  return { passed: results.every((result) => !result.applies || result.passed), results };
}
