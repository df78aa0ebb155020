/**
 * Mentoring's writes (docs/decisions/035-mentoring.md). Each runs in one transaction, is audited,
 * re-checks what must hold under the routing lock (no mentor above capacity, one open request per
 * newcomer, an answer only to a request still offered) and answers a Result.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { notify } from '../../platform/notifications/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { secretariatMailboxes } from '../accounts/index.ts';
import { topicList } from '../events/index.ts';
import { approvalNeeded, meetingLogged, requestAccepted } from './notifications.ts';
import { sideOf } from './policy.ts';
import { answerDays, approvalRequired, loadsOf, openRequestStatuses, placeTakingStatuses, type MentorshipDetail } from './queries.ts';
import { coordinatorsOf, fillPlaces, lockRouting, passOver, route, type RoutingCtx } from './routing.ts';
import type { FeedbackInput, MeetingInput, OfferInput, OfferStatus, RequestInput } from './schema.ts';
import { offerSearch } from './search.ts';
import { mentoringDb } from './tables.ts';

/** What the commands know of an initiative. */
export interface Initiative {
  id: string;
  slug: string;
  name: string;
  status: string;
}

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Only a recognised initiative (listed in the registry) offers to mentor. */
const recognised = (initiative: Initiative) => initiative.status === 'listed';

/**
 * Makes or changes the initiative's offer. Its topics must be the taxonomy's, and its capacity
 * at least the places already taken (a mentor is never above capacity, even by its own hand).
 */
export async function saveOffer(ctx: CommandContext<SignedIn>, initiative: Initiative, input: OfferInput): Promise<Result<{ id: string }>> {
  if (!recognised(initiative)) return refuse('mentoring.errors.not_recognised', { status: 409 });
  const topics = new Set((await topicList(ctx.db)).map((t) => t.key));
  if (input.topics.some((t) => !topics.has(t))) return refuse('mentoring.errors.topic', { field: 'topics' });
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const now = timestamp(ctx.now);
    const existing = await tx.selectFrom('mentor_offers').select(['id', 'status']).where('initiative_id', '=', initiative.id).executeTakeFirst();
    const fields = {
      languages: JSON.stringify(input.languages), regions: JSON.stringify(input.regions), topics: JSON.stringify(input.topics), steps: JSON.stringify(input.steps),
      capacity: input.capacity, note: input.note ?? null, updated_at: now,
    };
    let id: string;
    if (existing) {
      const load = (await loadsOf(tx, [existing.id])).get(existing.id) ?? 0;
      if (input.capacity < load) return refuse('mentoring.errors.capacity_below_load', { field: 'capacity', values: { load } });
      id = existing.id;
      await tx.updateTable('mentor_offers').set(fields).where('id', '=', id).execute();
    } else {
      id = newId();
      await tx.insertInto('mentor_offers').values({ id, initiative_id: initiative.id, ...fields, status: 'open', created_by: ctx.actor.user.id, created_at: now }).execute();
    }
    // A larger offer may take a request that was waiting for it.
    await fillPlaces(ctx, tx);
    await indexRecords(tx, offerSearch, [id]);
    await audit(tx, ctx.actor, ctx.now, { action: existing ? 'mentoring.offer_changed' : 'mentoring.offer_made', subjectType: 'initiative', subjectId: initiative.id, details: { capacity: input.capacity } });
    return ok({ id });
  });
}

/**
 * Pauses (no new requests; those waiting on its answer stay), reopens or withdraws the offer.
 * Withdrawing passes the requests still waiting on its answer on to their next preference.
 */
export async function setOfferStatus(ctx: CommandContext<SignedIn>, initiative: Initiative, status: OfferStatus): Promise<Result<void>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const offer = await tx.selectFrom('mentor_offers').select(['id', 'status']).where('initiative_id', '=', initiative.id).executeTakeFirst();
    if (!offer) return refuse('mentoring.errors.no_offer', { status: 409 });
    if (offer.status === status) return refuse('mentoring.errors.same_status', { status: 409 });
    if (status === 'open' && !recognised(initiative)) return refuse('mentoring.errors.not_recognised', { status: 409 });
    await tx.updateTable('mentor_offers').set({ status, updated_at: timestamp(ctx.now) }).where('id', '=', offer.id).execute();
    if (status === 'withdrawn') {
      const pending = await tx.selectFrom('mentoring_requests').select('id').where('offer_id', '=', offer.id).where('status', '=', 'offered').orderBy('offered_at').execute();
      for (const request of pending) await passOver(ctx, tx, { requestId: request.id, offerId: offer.id, reason: 'withdrawn', note: null, by: ctx.actor.user.id });
    }
    await fillPlaces(ctx, tx);
    await indexRecords(tx, offerSearch, [offer.id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.offer_status', subjectType: 'initiative', subjectId: initiative.id, details: { status } });
    return ok();
  });
}

/**
 * A newcomer asks for a mentor with its ranked preferences: one open request at a time, none
 * while it has a mentor, never itself; the request goes at once to the first preference with room.
 */
export async function makeRequest(ctx: CommandContext<SignedIn>, initiative: Initiative, input: RequestInput): Promise<Result<{ id: string; routed: string }>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const open = await tx.selectFrom('mentoring_requests').select('id').where('initiative_id', '=', initiative.id).where('status', 'in', [...openRequestStatuses]).executeTakeFirst();
    if (open) return refuse('mentoring.errors.request_open', { status: 409 });
    const mentored = await tx.selectFrom('mentorships').select('id').where('mentee_initiative_id', '=', initiative.id).where('status', 'in', [...placeTakingStatuses]).executeTakeFirst();
    if (mentored) return refuse('mentoring.errors.already_mentored', { status: 409 });
    const offers = await tx.selectFrom('mentor_offers').select(['id', 'initiative_id', 'status']).where('id', 'in', input.preferences).execute();
    for (const [i, id] of input.preferences.entries()) {
      const offer = offers.find((o) => o.id === id);
      if (!offer || offer.status !== 'open' || offer.initiative_id === initiative.id) return refuse('mentoring.errors.preference', { field: `preferences.${i}` });
    }
    const id = newId();
    const now = timestamp(ctx.now);
    await tx.insertInto('mentoring_requests').values({
      id, initiative_id: initiative.id, preferences: JSON.stringify(input.preferences), message: input.message ?? null, status: 'waiting', offer_id: null, offered_at: null,
      created_by: ctx.actor.user.id, created_at: now, updated_at: now,
    }).execute();
    const routed = await route(ctx, tx, id);
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.requested', subjectType: 'initiative', subjectId: initiative.id, details: { request: id, preferences: input.preferences, routed } });
    return ok({ id, routed });
  });
}

/** The newcomer withdraws its open request; a place it held is offered to the next waiting request. */
export async function withdrawRequest(ctx: CommandContext<SignedIn>, initiative: Initiative, requestId: string): Promise<Result<void>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const request = await tx.selectFrom('mentoring_requests').select(['id', 'status']).where('id', '=', requestId).where('initiative_id', '=', initiative.id).executeTakeFirst();
    if (!request) return refuse('mentoring.errors.gone', { status: 404 });
    if (!(openRequestStatuses as readonly string[]).includes(request.status)) return refuse('mentoring.errors.request_closed', { status: 409 });
    await tx.updateTable('mentoring_requests').set({ status: 'withdrawn', updated_at: timestamp(ctx.now) }).where('id', '=', requestId).execute();
    await fillPlaces(ctx, tx);
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.request_withdrawn', subjectType: 'initiative', subjectId: initiative.id, details: { request: requestId } });
    return ok();
  });
}

/**
 * The mentor answers a request offered to it. Accepting starts the mentorship, or holds it for the
 * secretariat's approval when that is required (it keeps its place meanwhile); declining moves the
 * request to the newcomer's next preference.
 */
export async function answerRequest(ctx: CommandContext<SignedIn>, mentor: Initiative, requestId: string, input: { answer: 'accept' | 'decline'; note?: string }): Promise<Result<{ mentorship: string | null }>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const offer = await tx.selectFrom('mentor_offers').select(['id']).where('initiative_id', '=', mentor.id).executeTakeFirst();
    const request = offer && await tx.selectFrom('mentoring_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
    if (!offer || !request) return refuse('mentoring.errors.gone', { status: 404 });
    if (request.status !== 'offered' || request.offer_id !== offer.id) return refuse('mentoring.errors.not_offered', { status: 409 });
    const now = timestamp(ctx.now);
    if (input.answer === 'decline') {
      await passOver(ctx, tx, { requestId, offerId: offer.id, reason: 'declined', note: input.note ?? null, by: ctx.actor.user.id });
      await fillPlaces(ctx, tx);
      await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.declined', subjectType: 'initiative', subjectId: mentor.id, details: { request: requestId } });
      return ok({ mentorship: null });
    }
    const approval = await approvalRequired(tx);
    const id = newId();
    await tx.insertInto('mentorships').values({
      id, request_id: requestId, offer_id: offer.id, mentor_initiative_id: mentor.id, mentee_initiative_id: request.initiative_id, status: approval ? 'approval' : 'active',
      goals: '[]', mentor_consent: 0, mentee_consent: 0, accepted_by: ctx.actor.user.id, accepted_at: now, approved_by: null, started_at: approval ? null : now,
      ended_by: null, ended_at: null, mentor_feedback: null, mentor_rating: null, mentee_feedback: null, mentee_rating: null, updated_at: now,
    }).execute();
    await tx.updateTable('mentoring_requests').set({ status: 'matched', updated_at: now }).where('id', '=', requestId).execute();
    for (const userId of await coordinatorsOf(tx, request.initiative_id)) {
      await notify(ctx, tx, requestAccepted, { userId, kind: requestAccepted.kind, values: { mentor: mentor.name, approval: approval ? 'yes' : 'no' }, path: `/mentorships/${id}` });
    }
    if (approval) {
      for (const member of await secretariatMailboxes(tx)) {
        await notify(ctx, tx, approvalNeeded, { userId: member.id, kind: approvalNeeded.kind, values: { mentor: mentor.name }, path: '/secretariat/mentoring#approvals' });
      }
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.accepted', subjectType: 'mentorship', subjectId: id, details: { request: requestId, approval } });
    return ok({ mentorship: id });
  });
}

/** Requests a mentor has not answered within `answerDays` go to their next preference (a daily job). */
export async function expireUnanswered(ctx: RoutingCtx & { db: Db }): Promise<number> {
  const before = timestamp(new Date(ctx.now.getTime() - answerDays * 86_400_000));
  const stale = await mentoringDb(ctx.db).selectFrom('mentoring_requests').select(['id', 'offer_id']).where('status', '=', 'offered').where('offered_at', '<=', before).orderBy('offered_at').execute();
  let expired = 0;
  for (const candidate of stale) {
    await mentoringDb(ctx.db).transaction().execute(async (tx) => {
      await lockRouting(tx);
      // Read again under the lock: the mentor may have answered, or another server expired it.
      const request = await tx.selectFrom('mentoring_requests').select(['status', 'offer_id', 'offered_at', 'initiative_id']).where('id', '=', candidate.id).executeTakeFirstOrThrow();
      if (request.status !== 'offered' || request.offer_id !== candidate.offer_id || !request.offered_at || request.offered_at > before) return;
      await passOver(ctx, tx, { requestId: candidate.id, offerId: candidate.offer_id!, reason: 'expired', note: null, by: null });
      await fillPlaces(ctx, tx);
      await audit(tx, { user: null }, ctx.now, { action: 'mentoring.expired', subjectType: 'initiative', subjectId: request.initiative_id, details: { request: candidate.id } });
      expired++;
    });
  }
  return expired;
}

type Mentorship = Pick<MentorshipDetail, 'id' | 'mentor' | 'mentee' | 'listed'>;

/** Re-reads a mentorship under the routing lock. */
const current = (tx: Db, id: string) => mentoringDb(tx).selectFrom('mentorships').selectAll().where('id', '=', id).executeTakeFirst();

/** The goals, as either committee writes them, while it runs (or waits for approval). */
export async function setGoals(ctx: CommandContext<SignedIn>, mentorship: Mentorship, goals: string[]): Promise<Result<void>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    const row = await current(tx, mentorship.id);
    if (!row) return refuse('mentoring.errors.gone', { status: 404 });
    if (!(placeTakingStatuses as readonly string[]).includes(row.status)) return refuse('mentoring.errors.not_running', { status: 409 });
    await tx.updateTable('mentorships').set({ goals: JSON.stringify(goals), updated_at: timestamp(ctx.now) }).where('id', '=', mentorship.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.goals', subjectType: 'mentorship', subjectId: mentorship.id, details: { goals: goals.length } });
    return ok();
  });
}

/** A meeting, logged by either side on the day it was held or later; the other side's coordinators hear of it. */
export async function logMeeting(ctx: CommandContext<SignedIn>, mentorship: Mentorship, input: MeetingInput): Promise<Result<void>> {
  if (input.held_on > dayOf(ctx.now)) return refuse('mentoring.errors.meeting_future', { field: 'held_on' });
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    const row = await current(tx, mentorship.id);
    if (!row) return refuse('mentoring.errors.gone', { status: 404 });
    if (row.status !== 'active') return refuse('mentoring.errors.not_running', { status: 409 });
    const side = sideOf(ctx.actor.user, mentorship);
    await tx.insertInto('mentoring_meetings').values({ id: newId(), mentorship_id: mentorship.id, held_on: input.held_on, notes: input.notes, side, logged_by: ctx.actor.user.id, created_at: timestamp(ctx.now) }).execute();
    await tx.updateTable('mentorships').set({ updated_at: timestamp(ctx.now) }).where('id', '=', mentorship.id).execute();
    const [by, other] = side === 'mentor' ? [mentorship.mentor, mentorship.mentee] : [mentorship.mentee, mentorship.mentor];
    for (const userId of await coordinatorsOf(tx, other.id)) {
      await notify(ctx, tx, meetingLogged, { userId, kind: meetingLogged.kind, values: { initiative: by.name, date: input.held_on }, path: `/mentorships/${mentorship.id}#meetings` });
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.meeting', subjectType: 'mentorship', subjectId: mentorship.id, details: { held_on: input.held_on } });
    return ok();
  });
}

/** One side's consent to list the mentorship publicly (it is listed when both agree), given or taken back. */
export async function setConsent(ctx: CommandContext<SignedIn>, mentorship: Mentorship, consent: boolean): Promise<Result<void>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    const row = await current(tx, mentorship.id);
    if (!row) return refuse('mentoring.errors.gone', { status: 404 });
    const column = sideOf(ctx.actor.user, mentorship) === 'mentor' ? 'mentor_consent' : 'mentee_consent';
    await tx.updateTable('mentorships').set({ [column]: consent ? 1 : 0, updated_at: timestamp(ctx.now) }).where('id', '=', mentorship.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.consent', subjectType: 'mentorship', subjectId: mentorship.id, details: { side: column, consent } });
    return ok();
  });
}

/**
 * A side's feedback: the first one ends a running mentorship (its place is offered to a waiting
 * request); the other side adds its own afterwards. Each side gives it once.
 */
export async function leaveFeedback(ctx: CommandContext<SignedIn>, mentorship: Mentorship, input: FeedbackInput): Promise<Result<{ ended: boolean }>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const row = await current(tx, mentorship.id);
    if (!row) return refuse('mentoring.errors.gone', { status: 404 });
    const side = sideOf(ctx.actor.user, mentorship);
    const given = side === 'mentor' ? row.mentor_feedback : row.mentee_feedback;
    if (row.status !== 'active' && row.status !== 'ended') return refuse('mentoring.errors.not_running', { status: 409 });
    if (given !== null) return refuse('mentoring.errors.feedback_given', { status: 409 });
    const now = timestamp(ctx.now);
    const ending = row.status === 'active';
    const feedback = side === 'mentor' ? { mentor_feedback: input.feedback, mentor_rating: input.rating } : { mentee_feedback: input.feedback, mentee_rating: input.rating };
    await tx.updateTable('mentorships').set({ ...feedback, ...(ending ? { status: 'ended', ended_at: now, ended_by: ctx.actor.user.id } : {}), updated_at: now }).where('id', '=', mentorship.id).execute();
    if (ending) await fillPlaces(ctx, tx);
    await audit(tx, ctx.actor, ctx.now, { action: ending ? 'mentoring.ended' : 'mentoring.feedback', subjectType: 'mentorship', subjectId: mentorship.id, details: { side, rating: input.rating } });
    return ok({ ended: ending });
  });
}

/** The secretariat turns its approval of matches on or off (matches already waiting stay waiting until decided). */
export async function setApprovalRequired(ctx: CommandContext<SignedIn>, required: boolean): Promise<Result<void>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    const now = timestamp(ctx.now);
    const value = required ? '1' : '0';
    await tx.insertInto('mentoring_settings').values({ name: 'approval_required', value, updated_by: ctx.actor.user.id, updated_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_by: ctx.actor.user.id, updated_at: now })).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'mentoring.approval_setting', subjectType: 'mentoring', subjectId: 'approval_required', details: { required } });
    return ok();
  });
}

/**
 * The secretariat approves a match (it starts) or does not (the request moves on to the
 * newcomer's next preference, and the mentor's place is offered to whoever waits for it).
 */
export async function decideMatch(ctx: CommandContext<SignedIn>, mentorshipId: string, decision: 'approve' | 'reject'): Promise<Result<void>> {
  return mentoringDb(ctx.db).transaction().execute(async (tx) => {
    await lockRouting(tx);
    const row = await current(tx, mentorshipId);
    if (!row) return refuse('mentoring.errors.gone', { status: 404 });
    if (row.status !== 'approval') return refuse('mentoring.errors.decided', { status: 409 });
    const now = timestamp(ctx.now);
    if (decision === 'approve') {
      await tx.updateTable('mentorships').set({ status: 'active', approved_by: ctx.actor.user.id, started_at: now, updated_at: now }).where('id', '=', mentorshipId).execute();
    } else {
      await tx.updateTable('mentorships').set({ status: 'rejected', approved_by: ctx.actor.user.id, updated_at: now }).where('id', '=', mentorshipId).execute();
      await tx.updateTable('mentoring_requests').set({ status: 'waiting', offer_id: null, updated_at: now }).where('id', '=', row.request_id).execute();
      await passOver(ctx, tx, { requestId: row.request_id, offerId: row.offer_id, reason: 'rejected', note: null, by: ctx.actor.user.id });
      await fillPlaces(ctx, tx);
    }
    await audit(tx, ctx.actor, ctx.now, { action: `mentoring.${decision}d`, subjectType: 'mentorship', subjectId: mentorshipId });
    return ok();
  });
}

