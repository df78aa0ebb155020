import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { eachApp } from '../../../tests/support/app.ts';
import { parseCsvObjects } from '../../platform/csv.ts';
import { registryDb } from './tables.ts';

/** More than SQLite's 32,766 bound variables, had the export bound one per row. */
const count = 33_100;

eachApp('/initiatives.csv streams every one of more than 33,000 matching initiatives, in the directory\'s order', async (t) => {
  const db = registryDb(t.database.db);
  // Straight into the tables, a thousand rows a statement. Names repeat and creation times tie,
  // so the order depends on the tie-breaks the export pages through.
  const times = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      return {
        id: `id-${String(i).padStart(6, '0')}-${(i * 7919) % 1000}`, slug: `initiative-${i}`, name: `Initiative ${i % 500}`, acronym: null,
        type: 'national', region: null, year_established: i % 3 === 0 ? null : 2000 + (i % 20), website: null, contact_email: '',
        original_locale: 'en', status: i % 50 === 0 ? 'draft' : 'listed', principles_accepted_at: null, is_demo: 0,
        search_name: `initiative ${i % 500}`, created_by: null, created_at: times[i % 3]!, updated_at: times[i % 3]!,
      };
    });
    await db.insertInto('initiatives').values(batch).execute();
    await db.insertInto('initiative_countries').values(batch.map((row, k) => ({ initiative_id: row.id, country: (start + k) % 2 ? 'BR' : 'UY' }))).execute();
    await db.insertInto('initiative_languages').values(batch.map((row) => ({ initiative_id: row.id, language: 'es' }))).execute();
  }
  const listed = count - Math.ceil(count / 50);
  const client = t.client();

  const inOrder = async (order: string) =>
    (await sql<{ slug: string }>`select slug from initiatives where status = 'listed' order by ${sql.raw(order)}`.execute(t.database.db)).rows.map((r) => r.slug);

  const csv = await client.get('/initiatives.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.response.headers.get('content-type')!, /^text\/csv/);
  assert.equal(csv.response.headers.get('etag'), null, 'not read whole to be tagged and cached');
  assert.equal(csv.response.headers.get('content-length'), null, 'sent as it is made');
  const rows = parseCsvObjects(csv.html, 'initiatives.csv');
  assert.equal(rows.length, listed);
  assert.deepEqual(rows.map((r) => r.slug), await inOrder('search_name, id'));
  const first = rows.find((r) => r.slug === 'initiative-1')!;
  assert.equal(first.countries, 'BR');
  assert.equal(first.languages, 'es');

  const newest = parseCsvObjects((await client.get('/initiatives.csv?sort=newest')).html, 'initiatives.csv');
  assert.deepEqual(newest.map((r) => r.slug), await inOrder('created_at desc, search_name, id'));
  const established = parseCsvObjects((await client.get('/initiatives.csv?sort=established')).html, 'initiatives.csv');
  assert.deepEqual(established.map((r) => r.slug), await inOrder('coalesce(year_established, 9999), search_name, id'));

  const brazil = parseCsvObjects((await client.get('/initiatives.csv?country=BR&status=any')).html, 'initiatives.csv');
  assert.equal(brazil.length, Math.floor(count / 2));
  assert.ok(brazil.every((r) => r.countries === 'BR'));

  // Compressed as it streams, for a browser that accepts it.
  const zipped = await client.request('/initiatives.csv', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(zipped.response.headers.get('content-encoding'), 'gzip');
  const again = await t.app.request('http://cabildo.test/initiatives.csv', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gunzipSync(Buffer.from(await again.arrayBuffer())).toString('utf8'), csv.html);
}, { postgres: true, timeout: 600_000 });
