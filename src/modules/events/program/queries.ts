import type { Db } from '../../../platform/db/index.ts';
import { eventsDb, type EventSessionPeopleTable, type EventSessionsTable, type EventTracksTable } from '../tables.ts';
import { windowsOf, windowsOfEvent } from '../availability/store.ts';
import type { Interval } from '../domain/types.ts';

/** A session's person, with the windows they said they can take part in (none stated: empty; decision 022). */
export type SessionPerson = Omit<EventSessionPeopleTable, 'confirmed' | 'position'> & { confirmed: boolean; position: number; availability: Interval[] };
export type Session = Omit<EventSessionsTable, 'expected_attendance' | 'capacity'> & { expected_attendance: number | null; capacity: number | null; people: SessionPerson[] };
export type Track = Pick<EventTracksTable, 'id' | 'name'>;

const numberOrNull = (v: number | string | null) => (v === null ? null : Number(v));

/** The event's sessions (the organisers' working copy) with their people, placed ones first by start, room and title. */
export async function sessionsOf(db: Db, eventId: string): Promise<Session[]> {
  const events = eventsDb(db);
  const rows = await events.selectFrom('event_sessions').selectAll().where('event_id', '=', eventId).execute();
  if (rows.length === 0) return [];
  const [people, windows] = await Promise.all([
    events
      .selectFrom('event_session_people')
      .selectAll()
      .where('session_id', 'in', events.selectFrom('event_sessions').select('id').where('event_id', '=', eventId))
      .orderBy('position')
      .execute(),
    windowsOfEvent(db, eventId),
  ]);
  const bySession = new Map<string, SessionPerson[]>();
  for (const p of people) {
    const list = bySession.get(p.session_id) ?? [];
    list.push({ ...p, confirmed: Number(p.confirmed) === 1, position: Number(p.position), availability: windows.get(p.id) ?? [] });
    bySession.set(p.session_id, list);
  }
  const sessions = rows.map((r) => ({ ...r, expected_attendance: numberOrNull(r.expected_attendance), capacity: numberOrNull(r.capacity), people: bySession.get(r.id) ?? [] }));
  return sessions.sort(sessionOrder);
}

/** Placed before unplaced, then by start, room and title (code-unit order: the same on both databases). */
export function sessionOrder(a: Pick<Session, 'starts_at' | 'room_id' | 'title' | 'id'>, b: Pick<Session, 'starts_at' | 'room_id' | 'title' | 'id'>): number {
  const key = (s: typeof a) => [s.starts_at === null ? '1' : '0', s.starts_at ?? '', s.room_id ?? '', s.title, s.id];
  const [p, q] = [key(a), key(b)];
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
  return 0;
}

export async function findSession(db: Db, eventId: string, sessionId: string): Promise<Session | undefined> {
  const events = eventsDb(db);
  const row = await events.selectFrom('event_sessions').selectAll().where('id', '=', sessionId).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) return undefined;
  const people = await events.selectFrom('event_session_people').selectAll().where('session_id', '=', sessionId).orderBy('position').execute();
  const windows = await windowsOf(db, 'session', people.map((p) => p.id));
  return {
    ...row, expected_attendance: numberOrNull(row.expected_attendance), capacity: numberOrNull(row.capacity),
    people: people.map((p) => ({ ...p, confirmed: Number(p.confirmed) === 1, position: Number(p.position), availability: windows.get(p.id) ?? [] })),
  };
}

export async function tracksOf(db: Db, eventId: string): Promise<Track[]> {
  return eventsDb(db).selectFrom('event_tracks').select(['id', 'name']).where('event_id', '=', eventId).orderBy('position').orderBy('id').execute();
}

export interface ProgramVersionRow {
  version: number;
  snapshot: string;
  snapshot_sha256: string;
  session_count: number;
  open_conflicts: number;
  published_at: string;
}

/** Every published version of the event's program, latest first. */
export async function versionsOf(db: Db, eventId: string): Promise<ProgramVersionRow[]> {
  const rows = await eventsDb(db)
    .selectFrom('event_program_versions')
    .select(['version', 'snapshot', 'snapshot_sha256', 'session_count', 'open_conflicts', 'published_at'])
    .where('event_id', '=', eventId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), session_count: Number(r.session_count), open_conflicts: Number(r.open_conflicts) }));
}
