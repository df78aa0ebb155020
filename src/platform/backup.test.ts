import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eachDatabase, freshDatabase } from '../../tests/support/databases.ts';
import { createBackup, inRestoreOrder, restoreBackup, RestoreError } from './backup.ts';
import { tableNames, bookkeepingTables } from './db/migrate.ts';
import { allTables } from './manifests.ts';
import { modules } from '../modules/index.ts';
import { demoInitiativesFile, importInitiatives } from '../modules/initiatives/index.ts';

const seedCsv = readFileSync(demoInitiativesFile, 'utf8');
const tables = allTables(modules);

eachDatabase('a backup restores into a fresh database of either kind, row for row', async (database) => {
  await importInitiatives(database.db, seedCsv, { demo: true, now: new Date('2026-01-01T00:00:00Z'), source: 'nris.csv' });
  const backup = JSON.parse(JSON.stringify(await createBackup(database, tables, new Date())));
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) continue;
    const target = await freshDatabase(kind);
    try {
      const counts = await restoreBackup(target, tables, backup);
      assert.equal(counts.initiatives, 103);
      const again = JSON.parse(JSON.stringify(await createBackup(target, tables, new Date(backup.created_at))));
      for (const table of tables) {
        const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
        assert.deepEqual(sort(again.tables[table]), sort(backup.tables[table]), table);
      }
      await assert.rejects(restoreBackup(target, tables, backup), RestoreError, 'refuses a database that is not empty');
    } finally {
      await target.close();
    }
  }
  await assert.rejects(restoreBackup(database, tables, { format: 'something else' }), RestoreError);
});

eachDatabase('a backup whose rows refer to rows it does not hold fails and restores nothing', async (database) => {
  await importInitiatives(database.db, seedCsv, { demo: true, now: new Date('2026-01-01T00:00:00Z'), source: 'nris.csv' });
  const backup = JSON.parse(JSON.stringify(await createBackup(database, tables, new Date())));
  backup.tables.initiatives = backup.tables.initiatives.slice(1);
  const target = await freshDatabase(database.dialect);
  try {
    await assert.rejects(restoreBackup(target, tables, backup), (error: unknown) => {
      assert.ok(error instanceof RestoreError);
      assert.match(error.message, /refer to rows it does not hold/);
      return true;
    });
    const { n } = await target.db.selectFrom('initiative_countries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n), 0, 'nothing half-restored');
  } finally {
    await target.close();
  }
});

eachDatabase("the backup covers every table the migrations create, ordered by the database's foreign keys", async (database) => {
  const created = (await tableNames(database.db, database.dialect)).filter((t) => !(bookkeepingTables as readonly string[]).includes(t));
  assert.deepEqual(created, [...tables].sort());
  const ordered = await inRestoreOrder(database, tables);
  assert.ok(ordered.indexOf('users') < ordered.indexOf('initiatives'));
  assert.ok(ordered.indexOf('initiatives') < ordered.indexOf('committee_members'));
  assert.ok(ordered.indexOf('users') < ordered.indexOf('sessions'));
});
