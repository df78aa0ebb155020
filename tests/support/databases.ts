import { test } from 'node:test';
import pg from 'pg';
import { newId, openDatabase, type Database } from '../../src/platform/db/index.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { allMigrations } from '../../src/platform/manifests.ts';
import { modules } from '../../src/modules/index.ts';

const requireAll = process.env.CABILDO_REQUIRE_ALL === '1';
/** The Node 24 pass is a smoke run on SQLite alone (docs/decisions/004-test-strategy.md). */
export const smokeRun = process.env.CABILDO_TEST_SCOPE === 'smoke';

export type Kind = 'sqlite' | 'postgres';

/** A fresh, empty PostgreSQL schema inside TEST_DATABASE_URL, opened as a database; close() drops it. */
export async function freshPostgresSchema(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = 't_' + newId().toLowerCase().replace(/[^a-z0-9]/g, '');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ url, schema });
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

/** An empty database of the given kind, not migrated. */
export async function emptyDatabase(kind: Kind): Promise<Database> {
  return kind === 'sqlite' ? openDatabase({ sqliteFile: ':memory:' }) : freshPostgresSchema();
}

/** A fresh database of the given kind with every module's migrations applied. */
export async function freshDatabase(kind: Kind): Promise<Database> {
  const database = await emptyDatabase(kind);
  await migrate(database, allMigrations(modules));
  return database;
}

/**
 * Declares one test per database, for what depends on the database (queries, commands,
 * migrations, backups, races).
 */
export function eachDatabase(name: string, body: (database: Database) => Promise<void>, options: { timeout?: number; kinds?: readonly Kind[] } = {}): void {
  perDatabase(name, options, async (kind) => {
    const database = await freshDatabase(kind);
    try {
      await body(database);
    } finally {
      await database.close();
    }
  });
}

/**
 * Declares `name [sqlite]` and `name [postgres]` (or the `kinds` given). Without TEST_DATABASE_URL
 * the PostgreSQL one is skipped, or fails under CABILDO_REQUIRE_ALL=1; `missing` may name another
 * thing the test needs (Chromium) and is treated the same way. A smoke run declares SQLite only.
 */
export function perDatabase(
  name: string,
  options: { timeout?: number; missing?: string | null; kinds?: readonly Kind[] },
  body: (kind: Kind) => Promise<void>,
): void {
  const kinds = (options.kinds ?? ['sqlite', 'postgres']).filter((kind) => !smokeRun || kind === 'sqlite');
  for (const kind of kinds) {
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
