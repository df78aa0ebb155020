import { test } from 'node:test';
import pg from 'pg';
import { migrate, newId, openDatabase, type Database } from '../../src/platform/db/index.ts';

const requireAll = process.env.CABILDO_REQUIRE_ALL === '1';

/** The databases every integration test runs on: SQLite always, PostgreSQL when configured. */
export function testDatabaseKinds(): Array<'sqlite' | 'postgres'> {
  return ['sqlite', 'postgres'];
}

/**
 * Opens a fresh, migrated database of the given kind. PostgreSQL gets its own schema inside
 * TEST_DATABASE_URL, dropped again by the returned close().
 */
export async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<Database> {
  if (kind === 'sqlite') {
    const database = openDatabase({ sqliteFile: ':memory:' });
    await migrate(database);
    return database;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = 't_' + newId().toLowerCase().replace(/[^a-z0-9]/g, '');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ url, schema });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    },
  };
}

/**
 * Declares one test per database. Without TEST_DATABASE_URL the PostgreSQL variant reports
 * itself skipped, or fails when CABILDO_REQUIRE_ALL=1 (CI), so a missing database is never silent.
 */
export function eachDatabase(name: string, body: (database: Database) => Promise<void>): void {
  for (const kind of testDatabaseKinds()) {
    const title = `${name} [${kind}]`;
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
      if (requireAll) {
        test(title, () => {
          throw new Error('TEST_DATABASE_URL is not set and CABILDO_REQUIRE_ALL=1: PostgreSQL tests cannot run');
        });
      } else {
        test(title, { skip: 'PostgreSQL not configured: set TEST_DATABASE_URL' }, () => {});
      }
      continue;
    }
    test(title, async () => {
      const database = await freshDatabase(kind);
      try {
        await body(database);
      } finally {
        await database.close();
      }
    });
  }
}
