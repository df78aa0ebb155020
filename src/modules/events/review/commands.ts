import type { Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { notify } from '../../../platform/notifications/index.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { accountByEmail, publicPeople } from '../../accounts/index.ts';
import { assignReviewers, type Declaration } from '../domain/assignment.ts';
import { eventsDb, type EventsTables } from '../tables.ts';
import { findProposal, type Proposal } from '../call/queries.ts';
import { proposalSearch } from '../call/search.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { conflictsOf, proposalForReview, reviewersOf } from './conflicts.ts';
import { logDecision, proposalDecided } from './outcomes.ts';
import { criteriaOf, membersOf, type Member } from './queries.ts';
import type { CriteriaInput, DecisionInput, MemberInput, ReviewInput } from './schema.ts';
import { criterionKeys } from './vocabulary.ts';
import { writeWindows } from '../availability/store.ts';

interface EventRef {
  id: string;
  slug: string;
}

/** Seats an existing account on the event's programme committee; a new chair replaces the old one. */
export async function addMember(ctx: CommandContext<SignedIn>, event: EventRef, input: MemberInput): Promise<Result<void>> {
  const account = await accountByEmail(ctx.db, input.email);
  if (!account) return refuse('events.committee.errors.no_account', { field: 'email' });
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const existing = await tx.selectFrom('event_review_members').select('id').where('event_id', '=', event.id).where('user_id', '=', account.id).executeTakeFirst();
    if (existing) return refuse('events.committee.errors.already_member', { field: 'email' });
    if (input.chair) await tx.updateTable('event_review_members').set({ is_chair: 0 }).where('event_id', '=', event.id).execute();
    const id = newId();
    await tx.insertInto('event_review_members').values({
      id, event_id: event.id, user_id: account.id, stakeholder_group: input.stakeholder_group, is_chair: input.chair ? 1 : 0,
      organisations: input.organisations ?? null, created_at: timestamp(ctx.now),
    }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.committee_member_added', subjectType: 'event', subjectId: event.id });
    return ok();
  });
}

/** Removes a member; their assignments and reviews go with them (a decided proposal keeps its decision). */
export async function removeMember(ctx: CommandContext<SignedIn>, event: EventRef, memberId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const removed = await tx.deleteFrom('event_review_members').where('id', '=', memberId).where('event_id', '=', event.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return refuse('events.committee.errors.gone', { status: 404 });
    await audit(tx, ctx.actor, ctx.now, { action: 'event.committee_member_removed', subjectType: 'event', subjectId: event.id });
    return ok();
  });
}

/** Sets the criteria's weights (0 leaves one out). */
export async function saveCriteria(ctx: CommandContext<SignedIn>, event: EventRef, input: CriteriaInput): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    await tx.deleteFrom('event_review_criteria').where('event_id', '=', event.id).execute();
    await tx.insertInto('event_review_criteria').values(criterionKeys.map((criterion, position) => ({ event_id: event.id, criterion, weight: input[criterion], position }))).execute();
    // Anonymous review is the call's setting (decision 017 gave it the column); no call, nothing to hide yet.
    await tx.updateTable('event_calls').set({ anonymous_review: input.anonymous ? 1 : 0, updated_at: timestamp(ctx.now) }).where('event_id', '=', event.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.review_criteria_saved', subjectType: 'event', subjectId: event.id });
    return ok();
  });
}

/** The event's proposals awaiting a decision, as the assignment reads them. */
async function undecided(tx: Kysely<EventsTables>, eventId: string) {
  const rows = await tx.selectFrom('event_proposals').select(['id', 'proposer_id']).where('event_id', '=', eventId).where('status', '=', 'submitted').execute();
  const proposals = (await Promise.all(rows.map((r) => findProposal(tx, eventId, r.id)))).filter((p): p is Proposal => !!p);
  const names = await publicPeople(tx, proposals.map((p) => p.proposer_id).filter((id): id is string => !!id));
  return proposals.map((p) => proposalForReview(p, p.proposer_id ? names.get(p.proposer_id)?.name : undefined));
}

/**
 * The chair's press: every proposal awaiting a decision gets reviewers from at least three
 * stakeholder groups, the load balanced, conflicts of interest left out (domain/assignment.ts).
 * Assignments already reviewed are kept, whatever the new draw says: a review is never thrown away.
 */
export async function assignAutomatically(ctx: CommandContext<SignedIn>, event: EventRef, taxonomy: StakeholderTaxonomy): Promise<Result<{ assigned: number; uncovered: number }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const [proposals, members] = await Promise.all([undecided(tx, event.id), membersOf(tx, event.id)]);
    if (members.length === 0) return refuse('events.review.errors.no_members', { status: 409 });
    // Extra declared organisations reach the rule as declarations (it reads one organisation a person).
    const declarations: Declaration[] = [];
    for (const member of members) {
      for (const proposal of proposals) if (member.organisations.length > 1 && conflictsOf(member, proposal).length) declarations.push({ reviewerId: member.id, proposalId: proposal.id });
    }
    const result = assignReviewers({ proposals, reviewers: members.map((m) => reviewersOf(m)[0]!), declarations, settings: { taxonomy, seed: event.id } });
    const ids = proposals.map((p) => p.id);
    const reviewed = ids.length
      ? await tx.selectFrom('event_reviews').select(['proposal_id', 'member_id']).where('proposal_id', 'in', ids).execute()
      : [];
    if (ids.length) await tx.deleteFrom('event_review_assignments').where('proposal_id', 'in', ids).execute();
    const now = timestamp(ctx.now);
    const rows = new Map<string, { proposal_id: string; member_id: string; event_id: string; created_at: string }>();
    for (const { proposalId, reviewerIds } of result.assignments) for (const memberId of reviewerIds) rows.set(`${proposalId}/${memberId}`, { proposal_id: proposalId, member_id: memberId, event_id: event.id, created_at: now });
    for (const r of reviewed) rows.set(`${r.proposal_id}/${r.member_id}`, { proposal_id: r.proposal_id, member_id: r.member_id, event_id: event.id, created_at: now });
    if (rows.size) await tx.insertInto('event_review_assignments').values([...rows.values()]).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.reviewers_assigned', subjectType: 'event', subjectId: event.id });
    return ok({ assigned: rows.size, uncovered: result.uncovered.length });
  });
}

/** The chair adds a reviewer to a proposal; a conflict of interest is refused with its reason. */
export async function addAssignment(ctx: CommandContext<SignedIn>, event: EventRef, proposalId: string, memberId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const proposal = await findProposal(tx, event.id, proposalId);
    if (!proposal || proposal.status !== 'submitted') return refuse('events.review.errors.not_under_review', { field: 'proposal' });
    const member = (await membersOf(tx, event.id)).find((m) => m.id === memberId);
    if (!member) return refuse('common.errors.invalid_choice', { field: 'member' });
    const names = await publicPeople(tx, proposal.proposer_id ? [proposal.proposer_id] : []);
    const reasons = conflictsOf(member, proposalForReview(proposal, names.get(proposal.proposer_id ?? '')?.name));
    if (reasons.length) return refuse(`events.review.coi.${reasons[0]}`, { field: 'member' });
    const existing = await tx.selectFrom('event_review_assignments').select('member_id').where('proposal_id', '=', proposalId).where('member_id', '=', memberId).executeTakeFirst();
    if (!existing) await tx.insertInto('event_review_assignments').values({ proposal_id: proposalId, member_id: memberId, event_id: event.id, created_at: timestamp(ctx.now) }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.reviewer_added', subjectType: 'event_proposal', subjectId: proposalId });
    return ok();
  });
}

/** The chair takes a reviewer off a proposal (their review, if any, goes with it). */
export async function removeAssignment(ctx: CommandContext<SignedIn>, event: EventRef, proposalId: string, memberId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const removed = await tx.deleteFrom('event_review_assignments').where('proposal_id', '=', proposalId).where('member_id', '=', memberId).where('event_id', '=', event.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return refuse('events.review.errors.not_assigned', { field: 'member' });
    await tx.deleteFrom('event_reviews').where('proposal_id', '=', proposalId).where('member_id', '=', memberId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.reviewer_removed', subjectType: 'event_proposal', subjectId: proposalId });
    return ok();
  });
}

/**
 * Saves a reviewer's scores, comment and private note, until the chair decides. Every criterion
 * the event weighs must be scored, and only those: an unknown one is refused beside its field.
 */
export async function saveReview(ctx: CommandContext<SignedIn>, event: EventRef, proposalId: string, member: Pick<Member, 'id'>, input: ReviewInput): Promise<Result<void>> {
  const criteria = await criteriaOf(ctx.db, event.id);
  const unknown = Object.keys(input.scores).find((key) => !criteria.some((c) => c.key === key));
  if (unknown !== undefined) return refuse('events.review.errors.unknown_criterion', { field: `scores.${unknown}` });
  const missing = criteria.find((c) => input.scores[c.key] === undefined);
  if (missing) return refuse('common.errors.required', { field: `scores.${missing.key}` });
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'event_proposals', proposalId);
    const proposal = await tx.selectFrom('event_proposals').select('status').where('id', '=', proposalId).executeTakeFirst();
    if (!proposal) return refuse('events.proposals.errors.gone', { status: 404 });
    if (proposal.status !== 'submitted') return refuse('events.review.errors.decided', { status: 409 });
    const now = timestamp(ctx.now);
    const values = { scores: JSON.stringify(input.scores), comment: input.comment ?? null, private_note: input.private_note ?? null, updated_at: now };
    const existing = await tx.selectFrom('event_reviews').select('member_id').where('proposal_id', '=', proposalId).where('member_id', '=', member.id).executeTakeFirst();
    if (existing) await tx.updateTable('event_reviews').set(values).where('proposal_id', '=', proposalId).where('member_id', '=', member.id).execute();
    else await tx.insertInto('event_reviews').values({ proposal_id: proposalId, member_id: member.id, created_at: now, ...values }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.proposal_reviewed', subjectType: 'event_proposal', subjectId: proposalId });
    return ok();
  });
}

/** An accepted proposal becomes an unscheduled session of the program, with its people as they are. */
async function sessionFromProposal(tx: Kysely<EventsTables>, eventId: string, proposal: Proposal, now: string): Promise<string> {
  const id = newId();
  await tx.insertInto('event_sessions').values({
    id, event_id: eventId, proposal_id: proposal.id, title: proposal.title, description: proposal.description, original_locale: proposal.original_locale,
    format: proposal.format, track_id: proposal.track_id, modality: proposal.modality, room_id: null, starts_at: null, ends_at: null,
    expected_attendance: null, capacity: null, created_at: now, updated_at: now,
  }).execute();
  if (proposal.people.length) {
    const rows = proposal.people.map((p) => ({
      id: newId(), session_id: id, role: p.role, user_id: p.user_id, name: p.name, organisation: p.organisation, stakeholder_group: p.stakeholder_group,
      country: p.country, gender: p.gender, presence: p.presence, confirmed: p.confirmed ? 1 : 0, position: p.position,
    }));
    await tx.insertInto('event_session_people').values(rows).execute();
    // What the speakers said they can attend comes along, for the conflict detection (decision 022).
    await writeWindows(tx, 'session', rows.map((row, i) => ({ personId: row.id, windows: proposal.people[i]!.availability })));
  }
  return id;
}

/**
 * The chair's decision, once: the proposal's row is locked, so of two presses at the same time one
 * decides and the other is told it was decided. The decision and its reason go into the public
 * log, the proposer is told in their language, and an accepted proposal becomes a session.
 */
export async function decideProposal(ctx: CommandContext<SignedIn>, event: EventRef, proposalId: string, input: DecisionInput): Promise<Result<{ sessionId: string | null }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'event_proposals', proposalId);
    const proposal = await findProposal(tx, event.id, proposalId);
    if (!proposal) return refuse('events.proposals.errors.gone', { status: 404 });
    if (proposal.status !== 'submitted') return refuse('events.decision.errors.already_decided', { status: 409 });
    if (input.decision === 'merge_suggested') {
      const other = await tx.selectFrom('event_proposals').select(['id', 'status']).where('id', '=', input.merge_with ?? '').where('event_id', '=', event.id).executeTakeFirst();
      if (!other || other.id === proposalId || other.status === 'draft' || other.status === 'withdrawn' || other.status === 'rejected') {
        return refuse('events.decision.errors.merge_with_unknown', { field: 'merge_with' });
      }
    }
    const now = timestamp(ctx.now);
    await tx.updateTable('event_proposals').set({ status: input.decision, version: proposal.version + 1, updated_at: now }).where('id', '=', proposalId).execute();
    await logDecision(tx, {
      proposal_id: proposalId, event_id: event.id, decision: input.decision, reason: input.reason, merge_with: input.decision === 'merge_suggested' ? input.merge_with ?? null : null,
      title: proposal.title, decided_by: ctx.actor.user.id, decided_at: now,
    }, ctx.now);
    const sessionId = input.decision === 'accepted' ? await sessionFromProposal(tx, event.id, proposal, now) : null;
    if (proposal.proposer_id) {
      await notify(ctx, tx, proposalDecided, {
        userId: proposal.proposer_id, kind: proposalDecided.kind, values: { title: proposal.title, decision: input.decision, reason: input.reason },
        path: `/events/${event.slug}/proposals/${proposalId}/outcome`,
      });
    }
    await indexRecords(tx, proposalSearch, [proposalId]);
    await audit(tx, ctx.actor, ctx.now, { action: `proposal.${input.decision}`, subjectType: 'event_proposal', subjectId: proposalId });
    return ok({ sessionId });
  });
}
