/**
 * Writing the live queue (docs/decisions/021-events-floor-and-statistics.md). Each command is one
 * transaction; a moderator's mark changes a request only while it waits, in one conditional
 * update, so two moderators marking the same request at once make one change and the other is told.
 * The audit entries name the session and the request, never the person or the question.
 */
import { sql, type Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { eventsDb, type EventsTables } from '../tables.ts';
import type { Participation } from './registered.ts';
import type { AskInput, MarkInput, SpeakerInput } from './schema.ts';

export interface FloorSession {
  eventId: string;
  sessionId: string;
}

/** Waiting questions one person may have at once: enough to follow up, not to flood the queue. */
export const maxWaitingQuestions = 3;

/** The next place in the session's order; the caller holds the session's row lock (PostgreSQL) or the only write (SQLite). */
async function nextPosition(tx: Kysely<EventsTables>, sessionId: string): Promise<number> {
  const row = await tx.selectFrom('event_floor_requests').select((eb) => eb.fn.max('position').as('p')).where('session_id', '=', sessionId).executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

const logEntry = (action: string, where: FloorSession, request: string) =>
  ({ action: `event.floor_${action}`, subjectType: 'event', subjectId: where.eventId, details: { session: where.sessionId, request } });

/** A registered participant asks for the floor (at most one waiting) or posts a question (a few waiting). */
export async function askForFloor(ctx: CommandContext<SignedIn>, where: FloorSession, participation: Participation, input: AskInput): Promise<Result<{ id: string }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    // One after another per session: two presses of the button make one request.
    await lockRow(tx, 'event_sessions', where.sessionId);
    const mine = await tx.selectFrom('event_floor_requests').select('kind')
      .where('session_id', '=', where.sessionId).where('user_id', '=', ctx.actor.user.id).where('status', '=', 'waiting').execute();
    if (input.kind === 'floor' && mine.some((r) => r.kind === 'floor')) return refuse('events.floor.errors.already_waiting', { field: 'kind', status: 409 });
    if (input.kind === 'question' && mine.filter((r) => r.kind === 'question').length >= maxWaitingQuestions) {
      return refuse('events.floor.errors.too_many_questions', { field: 'question', status: 409, values: { max: maxWaitingQuestions } });
    }
    const id = newId();
    await tx.insertInto('event_floor_requests').values({
      id, session_id: where.sessionId, user_id: ctx.actor.user.id, name: ctx.actor.user.name, kind: input.kind, question: input.question,
      presence: participation.presence, stakeholder_group: participation.stakeholder_group, position: await nextPosition(tx, where.sessionId), requested_at: timestamp(ctx.now), status: 'waiting',
      handled_by: null, handled_at: null, version: 1,
    }).execute();
    await audit(tx, ctx.actor, ctx.now, logEntry('asked', where, id));
    return ok({ id });
  });
}

/** The participant takes back their own waiting request. */
export async function withdrawRequest(ctx: CommandContext<SignedIn>, where: FloorSession, requestId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const changed = await tx.updateTable('event_floor_requests')
      .set({ status: 'withdrawn', handled_at: timestamp(ctx.now), version: sql<number>`version + 1` })
      .where('id', '=', requestId).where('session_id', '=', where.sessionId).where('user_id', '=', ctx.actor.user.id).where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return refuse('events.floor.errors.not_waiting', { status: 409 });
    await audit(tx, ctx.actor, ctx.now, logEntry('withdrawn', where, requestId));
    return ok();
  });
}

/** Which marks fit which request: the floor is taken, a question answered; either may be dismissed. */
const fits = (kind: string, status: MarkInput['status']) => status === 'dismissed' || (kind === 'floor' ? status === 'took_floor' : status === 'answered');

/** The moderator marks a waiting request; one that is no longer waiting is refused (409), unchanged. */
export async function markRequest(ctx: CommandContext<SignedIn>, where: FloorSession, requestId: string, input: MarkInput): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const request = await tx.selectFrom('event_floor_requests').select(['kind']).where('id', '=', requestId).where('session_id', '=', where.sessionId).executeTakeFirst();
    if (!request) return refuse('events.floor.errors.gone', { status: 404 });
    if (!fits(request.kind, input.status)) return refuse('events.floor.errors.wrong_mark', { field: 'status' });
    const changed = await tx.updateTable('event_floor_requests')
      .set({ status: input.status, handled_by: ctx.actor.user.id, handled_at: timestamp(ctx.now), version: sql<number>`version + 1` })
      .where('id', '=', requestId).where('session_id', '=', where.sessionId).where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return refuse('events.floor.errors.not_waiting', { field: 'status', status: 409 });
    await audit(tx, ctx.actor, ctx.now, logEntry(input.status, where, requestId));
    return ok();
  });
}

/** The moderator records someone in the room who took the floor without the queue, for the balance. */
export async function recordSpeaker(ctx: CommandContext<SignedIn>, where: FloorSession, input: SpeakerInput): Promise<Result<{ id: string }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'event_sessions', where.sessionId);
    const id = newId();
    const stamp = timestamp(ctx.now);
    await tx.insertInto('event_floor_requests').values({
      id, session_id: where.sessionId, user_id: null, name: input.name ?? null, kind: 'floor', question: null, presence: input.presence,
      stakeholder_group: input.stakeholder_group ?? null, position: await nextPosition(tx, where.sessionId), requested_at: stamp, status: 'took_floor', handled_by: ctx.actor.user.id, handled_at: stamp, version: 1,
    }).execute();
    await audit(tx, ctx.actor, ctx.now, logEntry('recorded', where, id));
    return ok({ id });
  });
}
