import { conflictsOfInterest, type ConflictOfInterestReason } from '../domain/assignment.ts';
import type { ProposalForReview, Reviewer } from '../domain/types.ts';
import type { StakeholderKey } from '../../../platform/stakeholders.ts';
import type { Proposal } from '../call/queries.ts';
import type { Member } from './queries.ts';

/** A stored proposal as the assignment rules read it: its proposer counts among its organisers. */
export function proposalForReview(proposal: Proposal, proposerName: string | undefined): ProposalForReview {
  const of = (roles: string[]) => proposal.people.filter((p) => roles.includes(p.role)).map((p) => ({ id: p.user_id, name: p.name, organisation: p.organisation }));
  const proposer = proposal.proposer_id ? [{ id: proposal.proposer_id, name: proposerName ?? '', organisation: null }] : [];
  return { id: proposal.id, organisers: [...proposer, ...of(['organiser'])], speakers: of(['speaker', 'moderator', 'online_moderator', 'rapporteur']) };
}

/**
 * The member as one reviewer per declared organisation: the domain rule knows one organisation a
 * person, and a member may declare several (their employer and a board they sit on).
 */
export function reviewersOf(member: Member): Reviewer[] {
  const organisations = member.organisations.length ? member.organisations : [null];
  return organisations.map((organisation) => ({ id: member.id, person: { id: member.user_id, name: member.name, organisation }, stakeholderGroup: member.stakeholder_group as StakeholderKey }));
}

/** Why a member may not review a proposal (empty: they may), over all their declared organisations. */
export function conflictsOf(member: Member, proposal: ProposalForReview): ConflictOfInterestReason[] {
  return [...new Set(reviewersOf(member).flatMap((reviewer) => conflictsOfInterest(reviewer, proposal)))];
}
