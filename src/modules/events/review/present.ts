import type { Modality } from '../domain/types.ts';
import type { ProposalView } from '../domain/review.ts';
import type { StakeholderKey } from '../../../platform/stakeholders.ts';
import type { Proposal } from '../call/queries.ts';

/** A stored proposal as the committee reads it (domain/review.ts), for anonymising. */
export function proposalView(proposal: Proposal): ProposalView {
  const person = (p: Proposal['people'][number]) => ({
    id: p.user_id, name: p.name, organisation: p.organisation, stakeholderGroup: p.stakeholder_group as StakeholderKey | null, country: p.country, gender: p.gender,
    presence: p.presence as 'onsite' | 'online' | null, confirmed: p.confirmed,
  });
  const of = (role: string) => proposal.people.filter((p) => p.role === role).map(person);
  return {
    id: proposal.id, title: proposal.title, description: proposal.description, policyQuestions: proposal.policy_questions ? [proposal.policy_questions] : [],
    format: proposal.format, track: proposal.track_id, modality: proposal.modality as Modality,
    organisers: of('organiser'), speakers: of('speaker'), moderator: of('moderator')[0] ?? null, onlineModerator: of('online_moderator')[0] ?? null, rapporteur: of('rapporteur')[0] ?? null,
  };
}
