/**
 * What the reports module reads of the program (docs/decisions/024-session-reports.md): a session
 * with its event and people, and the placed sessions that have ended, through events' index only.
 */
import type { Db } from '../../../platform/db/index.ts';
import { eventsDb } from '../tables.ts';

export interface ReportSessionPerson {
  role: string;
  user_id: string | null;
  name: string;
  organisation: string | null;
  stakeholder_group: string | null;
}

export interface ReportSession {
  id: string;
  title: string;
  original_locale: string;
  starts_at: string | null;
  ends_at: string | null;
  room: string | null;
  event: { id: string; slug: string; title: string; status: string; initiative_id: string; venue_city: string | null; time_zone: string };
  people: ReportSessionPerson[];
}

const peopleColumns = ['session_id', 'role', 'user_id', 'name', 'organisation', 'stakeholder_group'] as const;

/** One session with its event and its people (never their gender, country or presence). */
export async function sessionForReport(db: Db, sessionId: string): Promise<ReportSession | undefined> {
  const events = eventsDb(db);
  const row = await events.selectFrom('event_sessions as s').innerJoin('events as e', 'e.id', 's.event_id').leftJoin('event_rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.title', 's.original_locale', 's.starts_at', 's.ends_at', 'r.name as room', 'e.id as event_id', 'e.slug', 'e.title as event_title', 'e.status', 'e.initiative_id', 'e.venue_city', 'e.time_zone'])
    .where('s.id', '=', sessionId).executeTakeFirst();
  if (!row) return undefined;
  const people = await events.selectFrom('event_session_people').select([...peopleColumns]).where('session_id', '=', sessionId).orderBy('position').execute();
  return {
    id: row.id, title: row.title, original_locale: row.original_locale, starts_at: row.starts_at, ends_at: row.ends_at, room: row.room ?? null,
    event: { id: row.event_id, slug: row.slug, title: row.event_title, status: row.status, initiative_id: row.initiative_id, venue_city: row.venue_city, time_zone: row.time_zone },
    people: people.map(({ session_id: _, ...p }) => p),
  };
}

/**
 * The people in one role of the placed sessions that ended before `before`, in events that are not
 * drafts, each with their session's id, event and end: one statement, however long the history.
 */
export async function peopleOfEndedSessions(db: Db, before: string, role: string): Promise<Array<ReportSessionPerson & { session_id: string; event_id: string; ends_at: string }>> {
  const rows = await eventsDb(db).selectFrom('event_session_people as p').innerJoin('event_sessions as s', 's.id', 'p.session_id').innerJoin('events as e', 'e.id', 's.event_id')
    .select(['p.session_id', 'p.role', 'p.user_id', 'p.name', 'p.organisation', 'p.stakeholder_group', 's.event_id', 's.ends_at'])
    .where('p.role', '=', role).where('s.ends_at', 'is not', null).where('s.ends_at', '<', before).where('e.status', '!=', 'draft')
    .orderBy('s.ends_at').orderBy('p.session_id').orderBy('p.position').execute();
  return rows.map((r) => ({ ...r, ends_at: r.ends_at! }));
}

/** Every session of one event (placed or not), for its organisers' reports page. */
export async function sessionsOfEventForReports(db: Db, eventId: string): Promise<Array<Omit<ReportSession, 'event' | 'people'>>> {
  const rows = await eventsDb(db).selectFrom('event_sessions as s').leftJoin('event_rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.title', 's.original_locale', 's.starts_at', 's.ends_at', 'r.name as room'])
    .where('s.event_id', '=', eventId).orderBy('s.starts_at').orderBy('s.title').orderBy('s.id').execute();
  return rows.map((r) => ({ ...r, room: r.room ?? null }));
}

/** The sessions where this account is named as rapporteur, with their events' slugs. */
export async function sessionsReportedBy(db: Db, userId: string): Promise<Array<{ id: string; title: string; event_slug: string; event_title: string; ends_at: string | null }>> {
  return eventsDb(db).selectFrom('event_session_people as p').innerJoin('event_sessions as s', 's.id', 'p.session_id').innerJoin('events as e', 'e.id', 's.event_id')
    .select(['s.id', 's.title', 'e.slug as event_slug', 'e.title as event_title', 's.ends_at'])
    .where('p.user_id', '=', userId).where('p.role', '=', 'rapporteur').where('e.status', '!=', 'draft')
    .orderBy('s.ends_at').orderBy('s.id').execute();
}

/** A placed session that ended, with its event and the accounts of its rapporteurs. */
export interface EndedSession {
  id: string;
  title: string;
  ends_at: string;
  event: { id: string; slug: string; title: string; initiative_id: string };
  rapporteurs: string[];
}

/** The placed sessions of non-draft events that ended in [from, to), with their rapporteurs' accounts: two statements. */
export async function sessionsEndedBetween(db: Db, from: string, to: string): Promise<EndedSession[]> {
  const events = eventsDb(db);
  const rows = await events.selectFrom('event_sessions as s').innerJoin('events as e', 'e.id', 's.event_id')
    .select(['s.id', 's.title', 's.ends_at', 'e.id as event_id', 'e.slug', 'e.title as event_title', 'e.initiative_id'])
    .where('s.ends_at', '>=', from).where('s.ends_at', '<', to).where('e.status', '!=', 'draft').orderBy('s.ends_at').orderBy('s.id').execute();
  if (rows.length === 0) return [];
  const people = await events.selectFrom('event_session_people').select(['session_id', 'user_id'])
    .where('session_id', 'in', rows.map((r) => r.id)).where('role', '=', 'rapporteur').where('user_id', 'is not', null).execute();
  const rapporteurs = new Map<string, string[]>();
  for (const p of people) rapporteurs.set(p.session_id, [...(rapporteurs.get(p.session_id) ?? []), p.user_id!]);
  return rows.map((r) => ({
    id: r.id, title: r.title, ends_at: r.ends_at!, event: { id: r.event_id, slug: r.slug, title: r.event_title, initiative_id: r.initiative_id },
    rapporteurs: rapporteurs.get(r.id) ?? [],
  }));
}

/** The track of each of these sessions that has one, by name (the reports archive's track filter). */
export async function trackOfSessions(db: Db, sessionIds: readonly string[]): Promise<Map<string, string>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await eventsDb(db).selectFrom('event_sessions as s').innerJoin('event_tracks as t', 't.id', 's.track_id')
    .select(['s.id', 't.name']).where('s.id', 'in', [...sessionIds]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
