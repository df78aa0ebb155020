import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { committeeOf, findInitiativeBySlug, initiativeNames } from '../initiatives/index.ts';
import type { EventListQuery } from './schema.ts';
import { publicStatuses } from './vocabulary.ts';
import { toLocalInput } from './time.ts';
import { eventsDb, type EventRoomsTable, type EventsTable, type EventsTables } from './tables.ts';

export type EventRow = EventsTable;

export interface InitiativeName {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
}

export interface EventSummary extends EventRow {
  languages: string[];
  interpretation: string[];
  initiative: InitiativeName;
}

export type Room = EventRoomsTable;

function groupBy<Row extends { event_id: string }, V>(rows: readonly Row[], value: (row: Row) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) map.set(row.event_id, [...(map.get(row.event_id) ?? []), value(row)]);
  return map;
}

const unknownInitiative = (id: string): InitiativeName => ({ id, slug: '', name: '', acronym: null });

/** Attaches languages, interpretation pairs and the organising initiative's name to events, a few queries for the whole list. */
async function withDetails(db: Db, rows: EventRow[]): Promise<EventSummary[]> {
  if (rows.length === 0) return [];
  const events = eventsDb(db);
  const ids = rows.map((r) => r.id);
  const [languages, pairs, initiatives] = await Promise.all([
    events.selectFrom('event_languages').selectAll().where('event_id', 'in', ids).orderBy('language').execute(),
    events.selectFrom('event_interpretations').selectAll().where('event_id', 'in', ids).orderBy('pair').execute(),
    initiativeNames(db, rows.map((r) => r.initiative_id)),
  ]);
  const languagesOf = groupBy(languages, (r) => r.language);
  const pairsOf = groupBy(pairs, (r) => r.pair);
  return rows.map((row) => ({
    ...row,
    languages: languagesOf.get(row.id) ?? [],
    interpretation: pairsOf.get(row.id) ?? [],
    initiative: initiatives.get(row.initiative_id) ?? unknownInitiative(row.initiative_id),
  }));
}

type Filters = Omit<EventListQuery, 'page' | 'when'>;

async function filtered(db: Db, events: Kysely<EventsTables>, filters: Filters) {
  let query = events.selectFrom('events').where('status', 'in', [...publicStatuses]);
  if (filters.initiative) {
    const initiative = await findInitiativeBySlug(db, filters.initiative);
    query = query.where('initiative_id', '=', initiative?.id ?? '');
  }
  if (filters.country) query = query.where('venue_country', '=', filters.country);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.format) query = query.where('format', '=', filters.format);
  if (filters.language) {
    query = query.where('id', 'in', events.selectFrom('event_languages').select('event_id').where('language', '=', filters.language));
  }
  return query;
}

/**
 * A page of public events and how many match: upcoming ones (not yet ended) soonest first, past
 * ones latest first.
 */
export async function listEvents(db: Db, query: Omit<EventListQuery, 'page'>, page: { limit: number; offset: number }, now: string) {
  const events = eventsDb(db);
  let base = await filtered(db, events, query);
  base = query.when === 'upcoming' ? base.where('ends_at', '>=', now) : base.where('ends_at', '<', now);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('starts_at', query.when === 'upcoming' ? 'asc' : 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total), items: await withDetails(db, rows) };
}

/** Every public event, soonest first (the calendar feed). */
export async function publicEvents(db: Db): Promise<EventSummary[]> {
  const rows = await eventsDb(db).selectFrom('events').selectAll().where('status', 'in', [...publicStatuses]).orderBy('starts_at').orderBy('id').execute();
  return withDetails(db, rows);
}

/** The initiatives that have public events, for the list's filter. */
export async function initiativesWithEvents(db: Db): Promise<InitiativeName[]> {
  const rows = await eventsDb(db).selectFrom('events').select('initiative_id').distinct().where('status', 'in', [...publicStatuses]).execute();
  const names = await initiativeNames(db, rows.map((r) => r.initiative_id));
  return [...names.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** An event with its languages, rooms and organising initiative (its committee, for the rules); no personal data. */
export async function findEventBySlug(db: Db, slug: string) {
  const events = eventsDb(db);
  const row = await events.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const [[summary], rooms, committee] = await Promise.all([
    withDetails(db, [row]),
    events.selectFrom('event_rooms').selectAll().where('event_id', '=', row.id).orderBy('position').orderBy('id').execute(),
    committeeOf(db, row.initiative_id),
  ]);
  return { ...summary!, rooms: rooms.map((r) => ({ ...r, capacity: r.capacity === null ? null : Number(r.capacity) })), initiative: { ...summary!.initiative, committee } };
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof findEventBySlug>>>;

/** Every event of the given initiatives, drafts included (for their organisers), latest first. */
export async function eventsOfInitiatives(db: Db, initiativeIds: readonly string[]): Promise<EventSummary[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await eventsDb(db).selectFrom('events').selectAll().where('initiative_id', 'in', [...initiativeIds]).orderBy('starts_at', 'desc').orderBy('id').execute();
  return withDetails(db, rows);
}

/** An event as an annual report tells it: what, when (days in its own zone), where. */
export interface EventOfYear {
  id: string;
  slug: string;
  title: string;
  kind: string;
  format: string;
  first_day: string;
  last_day: string;
  venue_name: string | null;
  venue_city: string | null;
  venue_country: string | null;
}

/**
 * The initiative's public events that began in `year`, as the organisers' calendar counts it (the
 * event's own zone: a forum opening on 31 December in Bogotá belongs to that year), oldest first.
 */
export async function publicEventsInYear(db: Db, initiativeId: string, year: number): Promise<EventOfYear[]> {
  // A day either side in UTC, then the exact year in each event's zone.
  const rows = await eventsDb(db).selectFrom('events').selectAll()
    .where('initiative_id', '=', initiativeId).where('status', 'in', [...publicStatuses])
    .where('starts_at', '>=', `${year - 1}-12-31`).where('starts_at', '<', `${year + 1}-01-02`)
    .orderBy('starts_at').orderBy('id').execute();
  return rows
    .map((e) => ({
      id: e.id, slug: e.slug, title: e.title, kind: e.kind, format: e.format, venue_name: e.venue_name, venue_city: e.venue_city, venue_country: e.venue_country,
      first_day: toLocalInput(e.starts_at, e.time_zone).slice(0, 10), last_day: toLocalInput(e.ends_at, e.time_zone).slice(0, 10),
    }))
    .filter((e) => e.first_day.startsWith(`${year}-`));
}

/**
 * How many events each of these initiatives has held by `now`: closed, or published and over.
 * Initiatives with none are absent.
 */
export async function heldEventCounts(db: Db, initiativeIds: readonly string[], now: string): Promise<Map<string, number>> {
  if (initiativeIds.length === 0) return new Map();
  const rows = await eventsDb(db).selectFrom('events').select(['initiative_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('initiative_id', 'in', [...new Set(initiativeIds)])
    .where((eb) => eb.or([eb('status', '=', 'closed'), eb.and([eb('status', '=', 'published'), eb('ends_at', '<=', now)])]))
    .groupBy('initiative_id').execute();
  return new Map(rows.map((r) => [r.initiative_id, Number(r.n)]));
}

/** An event as other modules name it (a consultation on it, docs/decisions/040). */
export interface EventRef {
  id: string;
  slug: string;
  title: string;
  status: string;
  initiative_id: string;
}

/** These events, by id, drafts included: whoever shows one checks that its reader may see it (`eventVisibleTo`). */
export async function eventRefs(db: Db, ids: readonly string[]): Promise<Map<string, EventRef>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await eventsDb(db).selectFrom('events').select(['id', 'slug', 'title', 'status', 'initiative_id']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
