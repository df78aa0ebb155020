/**
 * Reading and writing stated availability (table `event_person_availability`, decision 022), and
 * the check a command makes before writing it: the windows fall within the event's days.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../../platform/db/index.ts';
import type { Db } from '../../../platform/db/index.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { Interval } from '../domain/types.ts';
import { eventsDb, type EventsTables } from '../tables.ts';
import { availabilityInEvent, eventDaysInZone, type TypedWindow } from './format.ts';

type Tx = Kysely<EventsTables>;

/**
 * Each person's typed windows as instants in the event's zone, or the refusal of the first that
 * falls outside the event (or at a time the zone skips), placed on that person's field.
 */
export function windowsInEvent(
  event: { time_zone: string; starts_at: string; ends_at: string },
  people: ReadonlyArray<{ availability?: TypedWindow[] | undefined } | null | undefined>,
  field: (index: number) => string,
): Result<Interval[][]> {
  const schema = availabilityInEvent(eventDaysInZone(event));
  const all: Interval[][] = [];
  for (let i = 0; i < people.length; i++) {
    const parsed = schema.safeParse(people[i]?.availability ?? []);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse(issue.message, { field: field(i), values: (issue as { params?: Record<string, string | number> }).params });
    }
    all.push(parsed.data);
  }
  return ok(all);
}

/** Stores windows for person rows just written (their earlier windows went with their old rows). */
export async function writeWindows(tx: Tx, owner: 'session' | 'proposal', rows: ReadonlyArray<{ personId: string; windows: readonly Interval[] }>): Promise<void> {
  const values = rows.flatMap(({ personId, windows }) => windows.map((w, position) => ({
    id: newId(), session_person_id: owner === 'session' ? personId : null, proposal_person_id: owner === 'proposal' ? personId : null,
    starts_at: new Date(w.start).toISOString(), ends_at: new Date(w.end).toISOString(), position,
  })));
  if (values.length) await tx.insertInto('event_person_availability').values(values).execute();
}

/** The windows of person rows (of sessions or of proposals), by row id, in the order typed. */
export async function windowsOf(db: Db, owner: 'session' | 'proposal', personIds: readonly string[]): Promise<Map<string, Interval[]>> {
  const byPerson = new Map<string, Interval[]>();
  if (personIds.length === 0) return byPerson;
  const column = owner === 'session' ? 'session_person_id' : 'proposal_person_id';
  const rows = await eventsDb(db).selectFrom('event_person_availability').select([column, 'starts_at', 'ends_at'])
    .where(column, 'in', [...personIds]).orderBy('position').orderBy('starts_at').execute();
  for (const row of rows) {
    const id = (row as Record<string, string | null>)[column]!;
    byPerson.set(id, [...(byPerson.get(id) ?? []), { start: Date.parse(row.starts_at), end: Date.parse(row.ends_at) }]);
  }
  return byPerson;
}

/** The windows of an event's session people, by row id (one query for the whole program). */
export async function windowsOfEvent(db: Db, eventId: string): Promise<Map<string, Interval[]>> {
  const events = eventsDb(db);
  const rows = await events.selectFrom('event_person_availability')
    .innerJoin('event_session_people', 'event_session_people.id', 'event_person_availability.session_person_id')
    .innerJoin('event_sessions', 'event_sessions.id', 'event_session_people.session_id')
    .select(['event_person_availability.session_person_id as person', 'event_person_availability.starts_at', 'event_person_availability.ends_at'])
    .where('event_sessions.event_id', '=', eventId)
    .orderBy('event_person_availability.position').orderBy('event_person_availability.starts_at')
    .execute();
  const byPerson = new Map<string, Interval[]>();
  for (const row of rows) byPerson.set(row.person!, [...(byPerson.get(row.person!) ?? []), { start: Date.parse(row.starts_at), end: Date.parse(row.ends_at) }]);
  return byPerson;
}
