/**
 * What the statistics count, read from the database (docs/decisions/021): the people of the
 * published program's sessions, the interventions from the live queues, and the registrations.
 * Rows carry only what is counted; names are used to count a person once and go no further.
 */
import type { Db } from '../../../platform/db/index.ts';
import { eventsDb } from '../tables.ts';
import { versionsOf } from '../program/queries.ts';
import { readSnapshot } from '../program/snapshot.ts';
import { nameKey } from '../domain/people.ts';
import type { Counted } from './counts.ts';

/** The ids of the sessions in the event's latest published program (none before the first version). */
async function publishedSessionIds(db: Db, eventId: string): Promise<string[]> {
  const [latest] = await versionsOf(db, eventId);
  return latest ? readSnapshot(latest.snapshot).sessions.map((s) => s.id) : [];
}

/** The published program's speakers, each person once (by account, else by name and organisation). */
export async function speakersOf(db: Db, eventId: string): Promise<Counted[]> {
  const ids = await publishedSessionIds(db, eventId);
  if (ids.length === 0) return [];
  const rows = await eventsDb(db).selectFrom('event_session_people')
    .select(['user_id', 'name', 'organisation', 'stakeholder_group', 'presence', 'gender', 'country'])
    .where('session_id', 'in', ids).where('role', '=', 'speaker').orderBy('id').execute();
  const people = new Map<string, Counted>();
  for (const r of rows) {
    const key = r.user_id ? `id:${r.user_id}` : `name:${nameKey(r)}`;
    if (!people.has(key)) people.set(key, { stakeholder_group: r.stakeholder_group, presence: r.presence, gender: r.gender, country: r.country });
  }
  return [...people.values()];
}

/** Every time someone took the floor or had their question answered, in any of the event's sessions. */
export async function interventionsOf(db: Db, eventId: string): Promise<Counted[]> {
  return eventsDb(db).selectFrom('event_floor_requests')
    .innerJoin('event_sessions', 'event_sessions.id', 'event_floor_requests.session_id')
    .select(['event_floor_requests.stakeholder_group', 'event_floor_requests.presence'])
    .where('event_sessions.event_id', '=', eventId).where('event_floor_requests.status', 'in', ['took_floor', 'answered']).execute();
}

/** The confirmed registrations for the event itself (decision 018); waitlisted and cancelled ones are not participants. */
export async function registrationsOf(db: Db, eventId: string): Promise<Counted[]> {
  return eventsDb(db).selectFrom('event_registrations').select(['stakeholder_group', 'presence'])
    .where('event_id', '=', eventId).where('scope', '=', '').where('status', '=', 'confirmed').execute();
}
