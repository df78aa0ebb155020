import { sql } from 'kysely';
import type { Database } from './db/index.ts';
import type { DB } from './db/schema.ts';

/** Every table, parents before children, so a restore never breaks a foreign key. */
export const backupTables: Array<keyof DB> = [
  'users', 'sessions', 'user_tokens', 'api_tokens', 'initiatives', 'initiative_countries', 'initiative_languages',
  'initiative_descriptions', 'committee_members', 'committee_invitations', 'recognition_requests', 'audit_log',
];

export interface Backup {
  format: 'cabildo-backup';
  version: 1;
  created_at: string;
  tables: Record<string, Array<Record<string, unknown>>>;
}

/**
 * Dumps every table as JSON. The format is the same for both databases, so a backup also
 * moves an installation from SQLite to PostgreSQL.
 */
export async function createBackup(database: Database, now: Date): Promise<Backup> {
  const tables: Backup['tables'] = {};
  await database.db.transaction().execute(async (tx) => {
    for (const table of backupTables) tables[table] = await tx.selectFrom(table).selectAll().execute();
  });
  return { format: 'cabildo-backup', version: 1, created_at: now.toISOString(), tables };
}

export class RestoreError extends Error {}

/** Loads a backup into a migrated, empty database, all in one transaction. */
export async function restoreBackup(database: Database, backup: unknown): Promise<Record<string, number>> {
  const data = backup as Backup;
  if (!data || data.format !== 'cabildo-backup' || data.version !== 1 || typeof data.tables !== 'object') {
    throw new RestoreError('this file is not a Cabildo backup (version 1)');
  }
  const counts: Record<string, number> = {};
  await database.db.transaction().execute(async (tx) => {
    for (const table of backupTables) {
      const { n } = await tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(n) > 0) throw new RestoreError(`the database is not empty (table ${table} has rows); restore into a fresh one`);
    }
    for (const table of backupTables) {
      const rows = data.tables[table] ?? [];
      for (let i = 0; i < rows.length; i += 200) {
        await tx.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
      }
      counts[table] = rows.length;
    }
    if (database.dialect === 'sqlite') await sql`pragma foreign_key_check`.execute(tx);
  });
  return counts;
}
