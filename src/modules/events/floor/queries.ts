/**
 * Reading a session's live queue (docs/decisions/021-events-floor-and-statistics.md).
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { eventsDb } from '../tables.ts';
import type { EventFloorRequestsTable } from './tables.ts';

export type FloorRequest = Omit<EventFloorRequestsTable, 'version' | 'position'>;

/** The session's people with an account who moderate online: they run its queue. */
export async function onlineModeratorsOf(db: Db, sessionId: string): Promise<Array<{ user_id: string | null }>> {
  return eventsDb(db).selectFrom('event_session_people').select('user_id')
    .where('session_id', '=', sessionId).where('role', '=', 'online_moderator').where('user_id', 'is not', null).execute();
}

/** The queue's version: grows with every change to any of its requests (see the migration). */
export async function queueVersion(db: Db, sessionId: string): Promise<number> {
  const row = await eventsDb(db).selectFrom('event_floor_requests')
    .select(sql<number | string | null>`coalesce(sum(version), 0)`.as('v'))
    .where('session_id', '=', sessionId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Every request of the session in the order asked. */
export async function requestsOf(db: Db, sessionId: string): Promise<FloorRequest[]> {
  return eventsDb(db).selectFrom('event_floor_requests')
    .select(['id', 'session_id', 'user_id', 'name', 'kind', 'question', 'presence', 'stakeholder_group', 'requested_at', 'status', 'handled_by', 'handled_at'])
    .where('session_id', '=', sessionId).orderBy('position').execute();
}

export async function findRequest(db: Db, sessionId: string, requestId: string): Promise<FloorRequest | undefined> {
  return (await requestsOf(db, sessionId)).find((r) => r.id === requestId);
}

/** The waiting requests, in order: the queue as the moderator works through it. */
export const waiting = (requests: readonly FloorRequest[]) => requests.filter((r) => r.status === 'waiting');

/** Where the person's waiting requests stand in the queue (1 = next), with the request. */
export function placesOf(requests: readonly FloorRequest[], userId: string): Array<{ place: number; request: FloorRequest }> {
  return waiting(requests).map((request, i) => ({ place: i + 1, request })).filter((x) => x.request.user_id === userId);
}

export interface Balance {
  /** Who has spoken (took the floor, or whose question was answered), by stakeholder group ('unknown' apart). */
  byGroup: Array<{ key: string; count: number }>;
  byPresence: Array<{ key: 'onsite' | 'online'; count: number }>;
  total: number;
}

/** Who has spoken so far, counted by group and by presence: what the moderator balances. */
export function balanceOf(requests: readonly FloorRequest[], groups: readonly string[]): Balance {
  const spoke = requests.filter((r) => r.status === 'took_floor' || r.status === 'answered');
  const count = (pick: (r: FloorRequest) => boolean) => spoke.filter(pick).length;
  const byGroup = groups.map((key) => ({ key, count: count((r) => r.stakeholder_group === key) }));
  const unknown = count((r) => r.stakeholder_group === null || !groups.includes(r.stakeholder_group));
  if (unknown > 0) byGroup.push({ key: 'unknown', count: unknown });
  return { byGroup, byPresence: (['onsite', 'online'] as const).map((key) => ({ key, count: count((r) => r.presence === key) })), total: spoke.length };
}
