import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql } from 'kysely';
import { perDatabase, emptyDatabase, freshDatabase } from '../../../tests/support/databases.ts';
import * as foundation from '../../../tests/fixtures/migrations/001_foundation.ts';
import type { Database } from './index.ts';
import { migrate, parentsFirst } from './migrate.ts';
import { allMigrations } from '../manifests.ts';
import { modules } from '../../modules/index.ts';

/** Every table's columns, as the database describes them. */
async function schemaOf(database: Database): Promise<Record<string, string[]>> {
  const tables = await database.db.introspection.getTables();
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.dataType}:${c.isNullable ? 'null' : 'not null'}`).sort()]).sort());
}

perDatabase('a database made by the first release (one 001_foundation migration) upgrades cleanly, keeping its data', {}, async (kind) => {
  const old = await emptyDatabase(kind);
  const fresh = await freshDatabase(kind);
  try {
    // The release before modules owned their migrations ran exactly this.
    const legacy = new Migrator({
      db: old.db, provider: { getMigrations: async () => ({ '001_foundation': foundation }) },
      ...(old.schema ? { migrationTableSchema: old.schema } : {}),
    });
    assert.equal((await legacy.migrateToLatest()).error, undefined);
    const at = '2026-11-23T10:00:00.000Z';
    await old.db.insertInto('users').values({
      id: 'u1', email: 'carla@example.org', name: 'Carla', password_hash: 'x', locale: 'es', country: 'CO', stakeholder_group: 'civil_society',
      affiliation: null, capacity: 'personal', email_verified_at: at, is_secretariat: 0, created_at: at, updated_at: at,
    }).execute();
    await old.db.insertInto('audit_log').values({ id: 'a1', actor_id: 'u1', action: 'account.signed_up', subject_type: 'user', subject_id: 'u1', details: '{}', is_public: 0, created_at: at }).execute();

    const applied = await migrate(old, allMigrations(modules));
    const everything = Object.keys(allMigrations(modules)).sort();
    const formerlyFoundation = everything.filter((name) => allMigrations(modules)[name]!.formerly === '001_foundation');
    assert.deepEqual(applied, everything.filter((name) => !formerlyFoundation.includes(name)), 'only what came after the first release runs');
    const recorded = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(old.db)).rows.map((r) => r.name);
    assert.deepEqual(recorded, everything);
    assert.deepEqual(await schemaOf(old), await schemaOf(fresh), 'the same schema as a database made today');
    assert.equal((await old.db.selectFrom('users').select('name').executeTakeFirstOrThrow()).name, 'Carla');
    assert.equal((await old.db.selectFrom('audit_log').select('action').executeTakeFirstOrThrow()).action, 'account.signed_up');
    assert.deepEqual(await migrate(old, allMigrations(modules)), [], 'a second run has nothing to do');
  } finally {
    await old.close();
    await fresh.close();
  }
});

test('migration names say when and which module; each module names only its own', () => {
  for (const module of modules) {
    for (const name of Object.keys(module.migrations ?? {})) assert.match(name, new RegExp(`^\\d{12}_${module.name}_[a-z0-9_]+$`), name);
  }
  for (const name of Object.keys(allMigrations(modules))) assert.match(name, /^\d{12}_[a-z]+_[a-z0-9_]+$/, name);
});

test('tables are ordered parents first, and a cycle is reported', () => {
  const parents = new Map([['c', ['b']], ['b', ['a']], ['a', []], ['self', ['self']]]);
  assert.deepEqual(parentsFirst(['c', 'b', 'a', 'self'], parents), ['a', 'b', 'c', 'self']);
  assert.throws(() => parentsFirst(['x', 'y'], new Map([['x', ['y']], ['y', ['x']]])), /cycle/);
});
