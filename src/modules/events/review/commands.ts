import { randomBytes } from 'node:crypto';
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
import { logDecision, proposalDecided, reviewsAssigned } from './outcomes.ts';
import { criteriaOf, membersOf, type Member } from './queries.ts';
import type { CriteriaInput, DecisionInput, MemberInput, OwnCriterionInput, ReviewInput } from './schema.ts';
import { maxCriteria, ownCriterionPrefix } from './vocabulary.ts';
import { defaultCriteria } from '../domain/review.ts';
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

/**
 * The event's criteria as rows: the stored ones, or the four defaults (not yet stored: they are
 * written with the first change, after every check, so that a refusal writes nothing).
 */
async function criteriaRows(tx: Kysely<EventsTables>, eventId: string) {
  const rows = await tx.selectFrom('event_review_criteria').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('criterion').execute();
  if (rows.length > 0) return { rows, stored: true };
  return { rows: defaultCriteria.map((c, position) => ({ event_id: eventId, criterion: c.key, weight: c.weight, position, labels: null as string | null })), stored: false };
}

/** Sets every criterion's weight (0 leaves one out, at least one must count) and whether the review is anonymous. */
export async function saveCriteria(ctx: CommandContext<SignedIn>, event: EventRef, input: CriteriaInput): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const { rows } = await criteriaRows(tx, event.id);
    const unknown = Object.keys(input.weights).find((key) => !rows.some((r) => r.criterion === key));
    if (unknown !== undefined) return refuse('events.criteria.errors.gone', { field: `weights.${unknown}` });
    const missing = rows.find((r) => input.weights[r.criterion] === undefined);
    if (missing) return refuse('common.errors.required', { field: `weights.${missing.criterion}` });
    if (!rows.some((r) => input.weights[r.criterion]! > 0)) return refuse('events.committee.errors.no_criterion', { field: `weights.${rows[0]!.criterion}` });
    await tx.deleteFrom('event_review_criteria').where('event_id', '=', event.id).execute();
    await tx.insertInto('event_review_criteria').values(rows.map((r) => ({ ...r, weight: input.weights[r.criterion]! }))).execute();
    // Anonymous review is the call's setting (decision 017 gave it the column); no call, nothing to hide yet.
    await tx.updateTable('event_calls').set({ anonymous_review: input.anonymous ? 1 : 0, updated_at: timestamp(ctx.now) }).where('event_id', '=', event.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.review_criteria_saved', subjectType: 'event', subjectId: event.id });
    return ok();
  });
}

/**
 * Adds a criterion of the committee's own: its label as typed in the event's working languages
 * (at least one), and its weight. Its key is generated, so that no label can collide with a
 * default's key or a form's field name.
 */
export async function addCriterion(ctx: CommandContext<SignedIn>, event: EventRef & { languages: readonly string[] }, input: OwnCriterionInput): Promise<Result<{ key: string }>> {
  const labels = Object.fromEntries(event.languages.flatMap((l) => {
    const label = input[`label_${l}` as keyof OwnCriterionInput];
    return typeof label === 'string' && label ? [[l, label]] : [];
  }));
  if (Object.keys(labels).length === 0) return refuse('events.criteria.errors.label_needed', { field: `label_${event.languages[0] ?? 'en'}` });
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const { rows, stored } = await criteriaRows(tx, event.id);
    if (rows.length >= maxCriteria) return refuse('events.criteria.errors.too_many', { field: `label_${event.languages[0] ?? 'en'}`, status: 409, values: { max: maxCriteria } });
    const key = `${ownCriterionPrefix}${randomBytes(6).toString('hex')}`;
    const position = Math.max(...rows.map((r) => Number(r.position))) + 1;
    if (!stored) await tx.insertInto('event_review_criteria').values(rows).execute();
    await tx.insertInto('event_review_criteria').values({ event_id: event.id, criterion: key, weight: input.weight, position, labels: JSON.stringify(labels) }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.review_criterion_added', subjectType: 'event', subjectId: event.id, details: { criterion: key } });
    return ok({ key });
  });
}

/**
 * Removes a criterion of the committee's own (the four defaults are left out with weight 0
 * instead). Scores already given for it stay in the reviews, unread by the aggregate.
 */
export async function removeCriterion(ctx: CommandContext<SignedIn>, event: EventRef, key: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const { rows } = await criteriaRows(tx, event.id);
    const row = rows.find((r) => r.criterion === key);
    if (!row) return refuse('events.criteria.errors.gone', { status: 404 });
    if (row.labels === null) return refuse('events.criteria.errors.default', { status: 409 });
    if (!rows.some((r) => r.criterion !== key && Number(r.weight) > 0)) return refuse('events.committee.errors.no_criterion', { status: 409 });
    await tx.deleteFrom('event_review_criteria').where('event_id', '=', event.id).where('criterion', '=', key).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.review_criterion_removed', subjectType: 'event', subjectId: event.id, details: { criterion: key } });
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
export async function assignAutomatically(ctx: CommandContext<SignedIn>, event: EventRef & { title: string }, taxonomy: StakeholderTaxonomy): Promise<Result<{ assigned: number; uncovered: number }>> {
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
    // Each member with proposals to review is told once for this run, in their language, with the way to their list.
    const load = new Map<string, number>();
    for (const r of rows.values()) load.set(r.member_id, (load.get(r.member_id) ?? 0) + 1);
    for (const member of members) {
      const count = load.get(member.id);
      if (count) await notifyAssigned(ctx, tx, event, member.user_id, count);
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'event.reviewers_assigned', subjectType: 'event', subjectId: event.id });
    return ok({ assigned: rows.size, uncovered: result.uncovered.length });
  });
}

/** Tells a committee member how many proposals they have to review, with the link to their list. */
const notifyAssigned = (ctx: CommandContext, tx: Kysely<EventsTables>, event: EventRef & { title: string }, userId: string, count: number) =>
  notify(ctx, tx, reviewsAssigned, { userId, kind: reviewsAssigned.kind, values: { event: event.title, count }, path: `/events/${event.slug}/review` });

/** The chair adds a reviewer to a proposal (the member is told); a conflict of interest is refused with its reason. */
export async function addAssignment(ctx: CommandContext<SignedIn>, event: EventRef & { title: string }, proposalId: string, memberId: string): Promise<Result<void>> {
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
    if (!existing) {
      await tx.insertInto('event_review_assignments').values({ proposal_id: proposalId, member_id: memberId, event_id: event.id, created_at: timestamp(ctx.now) }).execute();
      await notifyAssigned(ctx, tx, event, member.user_id, 1);
    }
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
    // Scores given earlier for criteria the event no longer weighs are kept, not deleted (decision 023).
    const before = await tx.selectFrom('event_reviews').select('scores').where('proposal_id', '=', proposalId).where('member_id', '=', member.id).executeTakeFirst();
    const kept = before ? Object.fromEntries(Object.entries(JSON.parse(before.scores) as Record<string, number>).filter(([key]) => !criteria.some((c) => c.key === key))) : {};
    const values = { scores: JSON.stringify({ ...kept, ...input.scores }), comment: input.comment ?? null, private_note: input.private_note ?? null, updated_at: now };
    if (before) await tx.updateTable('event_reviews').set(values).where('proposal_id', '=', proposalId).where('member_id', '=', member.id).execute();
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
