import type { Db } from '../../../platform/db/index.ts';
import type { StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { screeningContext, screeningMessageKey, screenProposal, type Screening, type ScreeningContext, type ScreeningResult } from '../domain/screening.ts';
import type { Modality, ProposalDraft, StakeholderKey } from '../domain/types.ts';
import type { Call, Proposal } from './queries.ts';
import { speakersOfEvent } from './queries.ts';
import { overdueReportsProvider } from './reportsHook.ts';
import type { PersonInput, ProposalInput, SpeakerInput } from './schema.ts';

/**
 * The domain's screening rules (domain/screening.ts) applied to a call's proposals. The organisers
 * with overdue session reports come from the reports module's registered answer (reportsHook.ts),
 * as of `now`.
 */
export async function screeningFor(db: Db, call: Pick<Call, 'event_id' | 'min_speakers' | 'min_stakeholder_groups' | 'max_sessions_per_speaker'>, taxonomy: StakeholderTaxonomy, now: Date): Promise<ScreeningContext> {
  const overdue = overdueReportsProvider();
  return screeningContext({
    eventSessions: await speakersOfEvent(db, call.event_id),
    overdueReportOrganisers: overdue ? await overdue(db, now) : [],
    settings: { minSpeakers: call.min_speakers, minStakeholderGroups: call.min_stakeholder_groups, maxSessionsPerSpeaker: call.max_sessions_per_speaker, taxonomy },
  });
}

const person = (p: PersonInput | undefined) => (p?.name ? { name: p.name, organisation: p.organisation ?? null } : null);

/** A proposal's input (the form's current contents, or JSON) as the rules read it. */
export function draftOfInput(input: Pick<ProposalInput, 'modality' | 'organisers' | 'speakers' | 'moderator' | 'online_moderator' | 'rapporteur'>, id?: string): ProposalDraft {
  return {
    id: id ?? null,
    modality: input.modality,
    organisers: input.organisers.flatMap((o) => (o.name ? [{ name: o.name, organisation: o.organisation ?? null }] : [])),
    speakers: input.speakers.flatMap((s: SpeakerInput) => (s.name
      ? [{ name: s.name, organisation: s.organisation ?? null, stakeholderGroup: s.stakeholder_group ?? null, country: s.country ?? null, gender: s.gender ?? null, presence: s.presence ?? null, confirmed: s.confirmed }]
      : [])),
    moderator: person(input.moderator),
    onlineModerator: person(input.online_moderator),
    rapporteur: person(input.rapporteur),
  };
}

/** A stored proposal as the rules read it. */
export function draftOfProposal(proposal: Proposal): ProposalDraft {
  const ofRole = (role: string) => proposal.people.filter((p) => p.role === role).map((p) => ({ id: p.user_id, name: p.name, organisation: p.organisation }));
  return {
    id: proposal.id,
    modality: proposal.modality as Modality,
    organisers: ofRole('organiser'),
    speakers: proposal.people.filter((p) => p.role === 'speaker').map((p) => ({
      id: p.user_id, name: p.name, organisation: p.organisation, stakeholderGroup: p.stakeholder_group as StakeholderKey | null, country: p.country, gender: p.gender,
      presence: p.presence as 'onsite' | 'online' | null, confirmed: p.confirmed,
    })),
    moderator: ofRole('moderator')[0] ?? null,
    onlineModerator: ofRole('online_moderator')[0] ?? null,
    rapporteur: ofRole('rapporteur')[0] ?? null,
  };
}

export { screenProposal };
export type { Screening, ScreeningResult };

/** The values a rule's message reads (`events.screening.<rule>.passed|failed|not_applicable`), from the data it exports. */
export function messageValues(result: ScreeningResult, groupLabel: (group: string) => string): Record<string, string | number> {
  switch (result.rule) {
    case 'min_speakers':
      return { ...result.data };
    case 'stakeholder_groups':
      return { count: result.data.count, required: result.data.required, withoutGroup: result.data.withoutGroup, groups: result.data.groups.map(groupLabel).join(', ') };
    case 'gender_diversity':
      return { stated: result.data.stated, speakers: result.data.speakers, genders: result.data.genders.length };
    case 'onsite_moderator':
    case 'online_moderator':
    case 'rapporteur':
      return { name: result.data.name ?? '' };
    case 'speaker_sessions':
      return { max: result.data.max, names: result.data.over.map((o) => `${o.name} (${o.sessions})`).join(', '), count: result.data.over.length };
    case 'reports_filed':
      return { names: result.data.organisers.join(', '), count: result.data.organisers.length };
  }
}

/** One rule's outcome as a word and a sentence in the reader's language. */
export function describeResult(result: ScreeningResult, t: Translate, groupLabel: (group: string) => string) {
  const outcome = !result.applies ? 'not_applicable' : result.passed ? 'passed' : 'failed';
  return { outcome, title: t(`${screeningMessageKey(result.rule)}.title`), message: t(`${screeningMessageKey(result.rule)}.${outcome}`, messageValues(result, groupLabel)) };
}
