import type { Context } from 'hono';
import type { Db } from '../../../platform/db/index.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { eventPolicy, type FloorSubject } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { findSession, versionsOf } from '../program/queries.ts';
import { readSnapshot } from '../program/snapshot.ts';
import type { FloorSession } from './commands.ts';
import { onlineModeratorsOf } from './queries.ts';
import { participationOf, type Participation } from './registered.ts';

/** A session's live queue as the rules and commands see it. */
export interface FloorContext extends FloorSubject {
  event: EventDetail;
  session: { id: string; title: string };
  participation: Participation;
  where: FloorSession;
}

/** Whether the session is in the event's latest published program. */
async function isPublished(db: Db, eventId: string, sessionId: string): Promise<boolean> {
  const [latest] = await versionsOf(db, eventId);
  return Boolean(latest && readSnapshot(latest.snapshot).sessions.some((s) => s.id === sessionId));
}

/**
 * The session's queue, if the visitor may know the session: the event must be visible to them,
 * and the session in the published program — or they run it (its moderators, the organisers).
 */
export async function loadFloor(db: Db, c: Context<AppEnv>, sessionParam = 'session'): Promise<FloorContext | undefined> {
  const actor = c.get('actor');
  const event = await findEventBySlug(db, c.req.param('slug') ?? '');
  if (!event || !eventPolicy.view(actor, event)) return undefined;
  const session = await findSession(db, event.id, c.req.param(sessionParam) ?? '');
  if (!session) return undefined;
  const moderators = await onlineModeratorsOf(db, session.id);
  const participation = actor.user
    ? await participationOf(db, event.id, session.id, actor.user)
    : { registered: false, presence: 'online' as const, stakeholder_group: null };
  const f: FloorContext = {
    event, session: { id: session.id, title: session.title }, moderators, registered: participation.registered, participation,
    where: { eventId: event.id, sessionId: session.id },
  };
  if (!eventPolicy.moderateFloor(actor, f) && !(await isPublished(db, event.id, session.id))) return undefined;
  return f;
}
