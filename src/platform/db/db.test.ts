import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachDatabase, emptyDatabase, perDatabase } from '../../../tests/support/databases.ts';
import { newId, postgresPoolOf, timestamp } from './index.ts';
import { csvCell } from '../csv.ts';

eachDatabase('ids, timestamps, flags and unicode text round-trip unchanged', async ({ db }) => {
  // A table shaped like users (the accounts module's), made here so the platform's test stands alone.
  await db.schema
    .createTable('round_trip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('affiliation', 'text')
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('email_verified_at', 'text')
    .addColumn('is_secretariat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const id = newId();
  const at = timestamp(new Date('2026-03-04T05:06:07.089Z'));
  await db
    .insertInto('round_trip')
    .values({
      id, email: 'rt@example.org', name: 'Ñandú “Çà” 漢字 🙂', password_hash: 'x', locale: 'es',
      country: 'CO', stakeholder_group: 'academia', affiliation: null, capacity: 'personal',
      email_verified_at: at, is_secretariat: 1, created_at: at, updated_at: at,
    })
    .execute();
  const row = await db.selectFrom('round_trip').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.id, id);
  assert.equal(row.name, 'Ñandú “Çà” 漢字 🙂');
  assert.equal(row.email_verified_at, '2026-03-04T05:06:07.089Z');
  assert.equal(row.is_secretariat, 1);
  assert.equal(row.affiliation, null);
  const { n } = await db.selectFrom('round_trip').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(n, 1);
  assert.equal(typeof n, 'number');
});

test('ids are unique and url-safe, and stay whole in a CSV export', () => {
  const ids = new Set(Array.from({ length: 1000 }, newId));
  assert.equal(ids.size, 1000);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  // A cell starting with '-' is defused with a quote in exports (about 16 of 1,000 random ids would).
  for (const id of ids) assert.equal(csvCell(id), id);
});

perDatabase('closing a PostgreSQL database closes what its pool lent outside Kysely, so a command exits at once', { kinds: ['postgres'] }, async () => {
  const database = await emptyDatabase('postgres');
  const pool = postgresPoolOf(database.db);
  const client = await pool.connect();
  await client.query('select 1');
  client.release();
  await database.close();
  assert.equal(pool.totalCount, 0, 'no connection is left open (it would keep the process alive until its idle timeout)');
  assert.ok(pool.ended);
});
