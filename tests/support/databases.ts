import { test } from 'node:test';
import pg from 'pg';
import { migrate, newId, openDatabase, type Database } from '../../src/platform/db/index.ts';

const requireAll = process.env.CABILDO_REQUIRE_ALL === '1';

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
  perDatabase(name, {}, async (kind) => {
    const database = await freshDatabase(kind);
    try {
      await body(database);
    } finally {
      await database.close();
    }
  });
}

/**
 * Declares `name [sqlite]` and `name [postgres]`. Without TEST_DATABASE_URL the PostgreSQL one
 * is skipped, or fails under CABILDO_REQUIRE_ALL=1; `missing` may name another thing the test
 * needs (Chromium) and is treated the same way.
 */
export function perDatabase(
  name: string,
  options: { timeout?: number; missing?: string | null; kinds?: Array<'sqlite' | 'postgres'> },
  body: (kind: 'sqlite' | 'postgres') => Promise<void>,
): void {
  for (const kind of options.kinds ?? ['sqlite', 'postgres'] as const) {
    const title = `${name} [${kind}]`;
    const missing = options.missing ?? (kind === 'postgres' && !process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL is not set' : null);
    if (missing) {
      if (requireAll) test(title, () => { throw new Error(`${missing} and CABILDO_REQUIRE_ALL=1`); });
      else test(title, { skip: missing }, () => {});
      continue;
    }
    test(title, { timeout: options.timeout ?? 60_000 }, () => body(kind));
  }
}
