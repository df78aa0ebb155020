import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import type { Db } from './db/index.ts';
import { dialectOf, newId, tablesOf, timestamp } from './db/index.ts';
import type { Actor } from './auth/identity.ts';

interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
  is_public: number;
  created_at: string;
}
const auditDb = (db: Db) => tablesOf<{ audit_log: AuditLogTable }>(db);

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  /** Public entries appear on the subject's public history (such as an initiative's page). */
  isPublic?: boolean;
  /** Who acted, when it is not the signed-in actor (a new account signing itself up). */
  actorId?: string;
}

function auditRow(actor: Actor, now: Date, entry: AuditEntry): AuditLogTable {
  return {
    id: newId(),
    actor_id: entry.actorId ?? actor.user?.id ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    details: JSON.stringify(entry.details ?? {}),
    is_public: entry.isPublic ? 1 : 0,
    created_at: timestamp(now),
  };
}

/**
 * PostgreSQL: the data version's move and the audit entry as two clauses of a `with` statement,
 * each made once for every row of the clause named `when` (none or one).
 */
function auditClauses(row: AuditLogTable, when: string): RawBuilder<unknown> {
  return sql`moved_version as (insert into data_versions (scope, version) select 'public.' || (pg_backend_pid() % ${sql.lit(dataVersionShards)}), 1 from ${sql.table(when)}
      on conflict (scope) do update set version = data_versions.version + 1),
    audited as (insert into audit_log (id, actor_id, action, subject_type, subject_id, details, is_public, created_at)
      select ${row.id}, ${row.actor_id}, ${row.action}, ${row.subject_type}, ${row.subject_id}, ${row.details}, ${sql.lit(row.is_public)}, ${row.created_at} from ${sql.table(when)})`;
}

/**
 * Records who did what to which record, inside the command's transaction, and moves the data
 * version (see dataVersion): every write that changes state is audited, so public pages built
 * before it are not served again.
 */
export async function audit(tx: Db, actor: Actor, now: Date, entry: AuditEntry): Promise<void> {
  const row = auditRow(actor, now, entry);
  if (dialectOf(tx) === 'postgres') {
    // One round trip instead of two: the busiest audited writes (votes) are made of a handful of statements.
    await sql`with always as (select 1), ${auditClauses(row, 'always')} select 1`.execute(tx);
    return;
  }
  await moveDataVersion(tx);
  await auditDb(tx).insertInto('audit_log').values(row).execute();
}

/**
 * PostgreSQL: the audit of a write made as one statement (a vote), as clauses for its `with`;
 * they take effect only if the clause named `when` returned a row, in the same statement.
 */
export function auditAlong(when: string, actor: Actor, now: Date, entry: AuditEntry): RawBuilder<unknown> {
  return auditClauses(auditRow(actor, now, entry), when);
}

export interface PublicHistoryEntry {
  action: string;
  details: Record<string, unknown>;
  created_at: string;
  actor_id: string | null;
}

/** A record's public history: its audit entries marked public, newest first. */
export async function publicHistory(db: Db, subjectType: string, subjectId: string, limit = 100): Promise<PublicHistoryEntry[]> {
  const rows = await auditDb(db)
    .selectFrom('audit_log')
    .select(['action', 'details', 'created_at', 'actor_id'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('is_public', '=', 1)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}

/**
 * How many counters make the data version on PostgreSQL (rows `public.<n>`, made on first use).
 * Each connection moves the one its backend number picks, so writers on different connections do
 * not queue for one row until each commits (votes at 200 a second did); the version is the sum of
 * the counters, which every commit still moves.
 */
const dataVersionShards = 16;

/** PostgreSQL: moves the counter of this connection's shard, made on first use. */
const movedShard = sql`insert into data_versions (scope, version) values ('public.' || (pg_backend_pid() % ${sql.lit(dataVersionShards)}), 1)
  on conflict (scope) do update set version = data_versions.version + 1`;

/** Moves the data version, in the caller's transaction, so nothing built before it is served again. */
export async function moveDataVersion(tx: Db): Promise<void> {
  await (dialectOf(tx) === 'postgres' ? movedShard : sql`update data_versions set version = version + 1 where scope = 'public'`).execute(tx);
}

/**
 * How long a process trusts the data version it read before reading it again. Writes made in
 * this process are seen at once (the action pipeline calls `forgetDataVersion` after every
 * command); writes made by another process (a second server, the command line) within this
 * window.
 */
const versionLifetimeMs = 200;

interface KnownVersion {
  version: number;
  readAt: number;
}
const knownVersions = new WeakMap<Db, KnownVersion>();
/** Moves on every forget, so that a read which began before a write cannot store its older answer after it. */
let forgetGeneration = 0;
const versionQueries = new WeakMap<Db, CompiledQuery<{ version: number }>>();

/**
 * The current data version, read before building a public page, so the page is never older than
 * the version it is filed under. Reading a row on every request costs more than serving the page
 * from memory, hence the short-lived copy (see versionLifetimeMs).
 */
export async function dataVersion(db: Db): Promise<number> {
  const now = performance.now();
  const known = knownVersions.get(db);
  if (known && now - known.readAt < versionLifetimeMs) return known.version;
  const generation = forgetGeneration;
  let query = versionQueries.get(db);
  if (!query) {
    query = sql<{ version: number }>`select sum(version) as version from data_versions where scope like 'public%'`.compile(db);
    versionQueries.set(db, query);
  }
  const { rows } = await db.executeQuery(query);
  const version = Number(rows[0]!.version);
  if (generation === forgetGeneration) knownVersions.set(db, { version, readAt: now });
  return version;
}

/** Drops the copy of the data version, after a write in this process has committed. */
export function forgetDataVersion(db: Db): void {
  forgetGeneration++;
  knownVersions.delete(db);
}
