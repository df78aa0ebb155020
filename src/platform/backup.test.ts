import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { eachDatabase, freshDatabase } from '../../tests/support/databases.ts';
import { backupTables, createBackup, restoreBackup, RestoreError } from './backup.ts';
import { importInitiatives } from '../modules/initiatives/commands/importInitiatives.ts';

const seedCsv = readFileSync(new URL('../../seeds/nris.csv', import.meta.url), 'utf8');

eachDatabase('a backup restores into a fresh database of either kind, row for row', async (database) => {
  await importInitiatives(database.db, seedCsv, { demo: true, now: new Date('2026-01-01T00:00:00Z'), source: 'nris.csv' });
  const backup = JSON.parse(JSON.stringify(await createBackup(database, new Date())));
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) continue;
    const target = await freshDatabase(kind);
    try {
      const counts = await restoreBackup(target, backup);
      assert.equal(counts.initiatives, 103);
      const again = JSON.parse(JSON.stringify(await createBackup(target, new Date(backup.created_at))));
      for (const table of backupTables) {
        const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
        assert.deepEqual(sort(again.tables[table]), sort(backup.tables[table]), table);
      }
      await assert.rejects(restoreBackup(target, backup), RestoreError, 'refuses a database that is not empty');
    } finally {
      await target.close();
    }
  }
  await assert.rejects(restoreBackup(database, { format: 'something else' }), RestoreError);
});

eachDatabase('the backup covers every table the migrations create', async (database) => {
  const rows = database.dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(database.db)).rows
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(database.db)).rows;
  assert.deepEqual(rows.map((r) => r.name).sort(), [...backupTables].sort());
});
