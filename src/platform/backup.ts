import { sql } from 'kysely';
import type { Database, Db } from './db/index.ts';
import { foreignKeyParents, parentsFirst } from './db/migrate.ts';
import { CommandError } from './cli.ts';
import { moveDataVersion } from './audit.ts';

export interface Backup {
  format: 'cabildo-backup';
  version: 1;
  created_at: string;
  tables: Record<string, Array<Record<string, unknown>>>;
  /**
   * Files of the data directory an installation cannot do without, by name: the transparency
   * log's signing key (its checkpoints can only be continued with it). Older backups have none.
   */
  files?: Record<string, string>;
}

/** A backup that cannot be restored here, said in the operator's terms. */
export class RestoreError extends CommandError {}

/** The given tables (every module's and the platform's), parents before children, as the database's foreign keys say. */
export async function inRestoreOrder(database: Database, tables: readonly string[]): Promise<string[]> {
  return parentsFirst(tables, await foreignKeyParents(database.db, database.dialect, tables));
}

/**
 * Dumps the tables as JSON, in one transaction so the copy is consistent. The format is the same
 * for both databases, so a backup also moves an installation from SQLite to PostgreSQL.
 */
export async function createBackup(database: Database, tables: readonly string[], now: Date): Promise<Backup> {
  const dump: Backup['tables'] = {};
  await database.db.transaction().execute(async (tx) => {
    for (const table of tables) dump[table] = await tx.selectFrom(table).selectAll().execute();
  });
  return { format: 'cabildo-backup', version: 1, created_at: now.toISOString(), tables: dump };
}

/** Loads a backup into a migrated, empty database, all in one transaction; a broken reference fails it. */
export async function restoreBackup(database: Database, tables: readonly string[], backup: unknown): Promise<Record<string, number>> {
  const data = backup as Backup;
  if (!data || data.format !== 'cabildo-backup' || data.version !== 1 || typeof data.tables !== 'object' || data.tables === null) {
    throw new RestoreError('this file is not a Cabildo backup (version 1)');
  }
  const unknown = Object.keys(data.tables).filter((table) => !tables.includes(table));
  if (unknown.length) throw new RestoreError(`the backup has tables this installation does not know: ${unknown.join(', ')}`);
  const ordered = await inRestoreOrder(database, tables);
  const counts: Record<string, number> = {};
  await database.db.transaction().execute(async (tx) => {
    try {
      await loadRows(tx, database.dialect, ordered, data, counts);
    } catch (error) {
      throw asRestoreError(error);
    }
    await moveDataVersion(tx);
  });
  return counts;
}

/** The databases' refusals of a broken or repeated row, said in the operator's terms. */
function asRestoreError(error: unknown): unknown {
  const { code, detail } = error as { code?: string; detail?: string };
  const about = detail ? ` (${detail})` : '';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new RestoreError(`the backup has rows that refer to rows it does not hold${about}; nothing was restored`);
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new RestoreError(`the backup holds the same row twice${about}; nothing was restored`);
  }
  return error;
}

async function loadRows(tx: Db, dialect: Database['dialect'], ordered: string[], data: Backup, counts: Record<string, number>): Promise<void> {
  for (const table of ordered) {
    const { n } = await tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n) > 0) throw new RestoreError(`the database is not empty (table ${table} has rows); restore into a fresh one`);
  }
  for (const table of ordered) {
    const rows = data.tables[table] ?? [];
    if (!Array.isArray(rows)) throw new RestoreError(`table ${table} in the backup is not a list of rows`);
    for (let i = 0; i < rows.length; i += 200) {
      await tx.insertInto(table).values(rows.slice(i, i + 200)).execute();
    }
    counts[table] = rows.length;
  }
  // PostgreSQL checks each reference on insert; SQLite is asked once everything is in.
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(tx);
    if (rows.length) {
      const broken = [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))].join(', ');
      throw new RestoreError(`the backup has rows that refer to rows it does not hold (${broken}); nothing was restored`);
    }
  }
}
