import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { appendToLog, type LogKind } from '../../../platform/log/index.ts';
import { eventsDb, type EventProgramVersionsTable, type EventsTables } from '../tables.ts';

/**
 * Each published version of a program is a version of the record `program/<event id>` in the
 * transparency log (docs/decisions/013): the entry's hash covers the snapshot's hash, so anyone
 * holding a copy of the published program can check it is the one that was logged.
 */
export const programPublishedKind = 'events.program_published';
const recordOf = (eventId: string) => `program/${eventId}`;

function content(row: Omit<EventProgramVersionsTable, 'id' | 'snapshot'>) {
  return {
    event: row.event_id,
    open_conflicts: Number(row.open_conflicts),
    published_at: row.published_at,
    published_by: row.published_by,
    session_count: Number(row.session_count),
    snapshot_sha256: row.snapshot_sha256,
    version: Number(row.version),
  };
}

/** Appends the version just stored to the log, in the caller's transaction. */
export async function logProgramVersion(tx: Kysely<EventsTables>, entry: { eventId: string; version: number; actorId: string | null; now: Date }): Promise<void> {
  const row = await tx.selectFrom('event_program_versions').selectAll().where('event_id', '=', entry.eventId).where('version', '=', entry.version).executeTakeFirstOrThrow();
  await appendToLog(tx, { kind: programPublishedKind, record: recordOf(entry.eventId), version: entry.version, content: content(row), actor: entry.actorId, time: entry.now });
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, eventId] = record.split('/');
  if (type !== 'program' || !eventId) return null;
  const row = await eventsDb(db).selectFrom('event_program_versions').selectAll().where('event_id', '=', eventId).where('version', '=', version).executeTakeFirst();
  return row ? content(row) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await eventsDb(db).selectFrom('events').select(['id', 'title', 'slug']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.id), { title: row.title, href: `/events/${row.slug}/program` }]));
}

export const programLogKinds: Record<string, LogKind> = {
  [programPublishedKind]: { label: 'events.program.log_published', content: storedContent, describe },
};
