import type { Db } from '../../../platform/db/index.ts';
import type { StakeholderKey, StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { publicPeople } from '../../accounts/index.ts';
import { aggregateReviews, type Aggregate } from '../domain/review.ts';
import { proposalsOfEvent, type Proposal } from '../call/queries.ts';
import { conflictsOf, proposalForReview } from './conflicts.ts';
import type { ConflictOfInterestReason } from '../domain/assignment.ts';
import { assignmentsOf, criteriaOf, membersOf, reviewsOf, type EventCriterion, type Member, type StoredReview } from './queries.ts';

export interface ProposalUnderReview {
  proposal: Proposal;
  reviewers: Member[];
  reviews: StoredReview[];
  aggregate: Aggregate;
  /** Members who may not review it, and why. */
  conflicts: { member: Member; reasons: ConflictOfInterestReason[] }[];
}

export interface ReviewOverview {
  members: Member[];
  /** The criteria the event weighs: the aggregate reads only these (scores for others stay stored, unread). */
  criteria: EventCriterion[];
  /** Sorted by aggregate, highest first; not yet scored last. */
  proposals: ProposalUnderReview[];
}

/** Every proposal sent to the event (not withdrawn), with its reviewers, reviews, aggregate and conflicts. */
export async function reviewOverview(db: Db, eventId: string, taxonomy: StakeholderTaxonomy): Promise<ReviewOverview> {
  const [members, criteria, all, assignments, reviews] = await Promise.all([
    membersOf(db, eventId), criteriaOf(db, eventId), proposalsOfEvent(db, eventId), assignmentsOf(db, eventId), reviewsOf(db, eventId),
  ]);
  const proposals = all.filter((p) => p.status !== 'withdrawn' && p.status !== 'draft');
  const names = await publicPeople(db, proposals.map((p) => p.proposer_id).filter((id): id is string => !!id));
  const byId = new Map(members.map((m) => [m.id, m]));
  const items = proposals.map((proposal): ProposalUnderReview => {
    const own = reviews.filter((r) => r.proposal_id === proposal.id && byId.has(r.member_id));
    const forReview = proposalForReview(proposal, names.get(proposal.proposer_id ?? '')?.name);
    return {
      proposal,
      reviewers: (assignments.get(proposal.id) ?? []).map((id) => byId.get(id)).filter((m): m is Member => !!m),
      reviews: own,
      aggregate: aggregateReviews(own.map((r) => ({ reviewerId: r.member_id, stakeholderGroup: byId.get(r.member_id)!.stakeholder_group as StakeholderKey, scores: r.scores })), { criteria, taxonomy }),
      conflicts: members.map((member) => ({ member, reasons: conflictsOf(member, forReview) })).filter((c) => c.reasons.length > 0),
    };
  });
  items.sort((a, b) => (b.aggregate.score ?? -1) - (a.aggregate.score ?? -1) || a.proposal.title.localeCompare(b.proposal.title));
  return { members, criteria, proposals: items };
}
