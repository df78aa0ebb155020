import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { newId, timestamp } from '../../platform/db/index.ts';
import { appendToLog, type LogKind } from '../../platform/log/index.ts';
import { eventsDb, type EventOutcomesTable, type EventsTables } from './tables.ts';

/**
 * Publishing and closing an event are public outcomes: each is a new version of the record
 * `event/<id>`, stored here and appended to the transparency log in the same transaction.
 */
export const eventOutcomeKinds = {
  published: 'events.published',
  closed: 'events.closed',
} as const;
export type EventOutcome = keyof typeof eventOutcomeKinds;

const recordOf = (eventId: string) => `event/${eventId}`;

/** What the log's hash covers: the event as it was when published or closed, never later edits. */
function content(row: EventOutcomesTable) {
  return {
    decided_at: row.decided_at,
    decided_by: row.decided_by,
    ends_at: row.ends_at,
    event: row.event_id,
    initiative: row.initiative_id,
    outcome: row.outcome,
    starts_at: row.starts_at,
    time_zone: row.time_zone,
    title: row.title,
  };
}

/** Records the outcome and appends it to the log, in the caller's transaction (the event's row is locked). */
export async function logEventOutcome(tx: Kysely<EventsTables>, outcome: { eventId: string; outcome: EventOutcome; actorId: string | null; now: Date }): Promise<void> {
  const event = await tx.selectFrom('events').selectAll().where('id', '=', outcome.eventId).executeTakeFirstOrThrow();
  const last = await tx.selectFrom('event_outcomes').select((eb) => eb.fn.max('version').as('version')).where('event_id', '=', outcome.eventId).executeTakeFirst();
  const row: EventOutcomesTable = {
    id: newId(), event_id: event.id, version: Number(last?.version ?? 0) + 1, outcome: outcome.outcome, title: event.title,
    initiative_id: event.initiative_id, starts_at: event.starts_at, ends_at: event.ends_at, time_zone: event.time_zone,
    decided_by: outcome.actorId, decided_at: timestamp(outcome.now),
  };
  await tx.insertInto('event_outcomes').values(row).execute();
  await appendToLog(tx, {
    kind: eventOutcomeKinds[outcome.outcome], record: recordOf(event.id), version: row.version, content: content(row), actor: row.decided_by, time: outcome.now,
  });
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, eventId] = record.split('/');
  if (type !== 'event' || !eventId) return null;
  const row = await eventsDb(db).selectFrom('event_outcomes').selectAll().where('event_id', '=', eventId).where('version', '=', version).executeTakeFirst();
  return row ? content({ ...row, version: Number(row.version) }) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await eventsDb(db).selectFrom('events').select(['id', 'title', 'slug']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.id), { title: row.title, href: `/events/${row.slug}` }]));
}

/** The manifest's declaration: how `cabildo log verify` finds each outcome again, and how /log names it. */
export const eventLogKinds: Record<string, LogKind> = Object.fromEntries(
  Object.entries(eventOutcomeKinds).map(([outcome, kind]) => [kind, { label: `events.log.${outcome}`, content: storedContent, describe }]),
);
