import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDatabase } from '../../../tests/support/databases.ts';
import { dialectOf, type Db } from '../db/index.ts';
import type { Actor } from '../auth/identity.ts';
import { indexRecords, reindex, search, type SearchSource } from './index.ts';
import { notesSource, type Note } from '../../../tests/support/searchNotes.ts';
import { postgresIndex } from './postgres.ts';
import { parseQuery } from './text.ts';

/**
 * PostgreSQL's rebuild writes into shadow tables from several connections and swaps them in
 * (rebuild.ts): the same results as indexing record by record, the same tables, indexes and
 * constraints as the migrations made, and no change a command made meanwhile lost. SQLite's stems
 * on a worker thread while it writes (stemming.ts): the same results too.
 */

const anonymous: Actor = { user: null };
const insider = { user: { id: 'insider' } } as Actor;

const written: Array<[string, Note]> = [
  ['es1', { title: 'Financiación de la gobernanza', body: 'Un informe sobre la financiación de iniciativas nacionales en Colombia y en Bogotá.', language: 'es', country: 'CO', updated: '2026-01-01T00:00:01.000Z' }],
  ['es2', { title: 'Financiamientos regionales', body: 'Los financiamientos del foro regional y sus fuentes.', language: 'es', country: 'CO', updated: '2026-01-01T00:00:02.000Z' }],
  ['pt1', { title: 'Governança da Internet no Brasil', body: 'O fórum discute a governança multissetorial da rede.', language: 'pt', country: 'BR', updated: '2026-01-01T00:00:03.000Z' }],
  ['fr1', { title: 'Gouvernance de l’Internet en Afrique', body: 'Le forum sur la gouvernance réunit les parties prenantes.', language: 'fr', country: 'CO', updated: '2026-01-01T00:00:04.000Z' }],
  ['en1', { title: 'Open consultation', body: 'Comments on the draft text about digital cooperation in the region.', language: 'en', country: 'CO', updated: '2026-01-01T00:00:05.000Z' }],
  ['secret', { title: 'Financiación secreta', body: 'Un borrador que nadie más debe ver.', language: 'es', country: 'CO', secret: true, updated: '2026-01-01T00:00:06.000Z' }],
];

/** The notes above and, so that the rebuild has several batches for its writers, many more in the four languages. */
function manyNotes(count = 1_000): Map<string, Note> {
  const notes = new Map(written);
  const bodies = {
    es: 'Las comunidades debaten la conectividad rural y la financiación del foro',
    en: 'Communities discuss rural connectivity and the funding of the forum',
    pt: 'As comunidades discutem a conectividade rural e o financiamento do fórum',
    fr: 'Les communautés débattent de la connectivité rurale et du financement du forum',
  };
  for (let i = 0; i < count; i++) {
    const language = (['es', 'en', 'pt', 'fr'] as const)[i % 4];
    // Each its own time: equally relevant results are ordered by it (then by id, which differs between builds).
    const [day, minute, second] = [1 + (i % 28), Math.floor(i / 60), i % 60].map((n) => String(n).padStart(2, '0'));
    notes.set(`n${i}`, { title: `${language} ${i}`, body: `${bodies[language]} ${i}.`, language, country: language === 'pt' ? 'BR' : 'CO', updated: `2026-0${1 + (i % 9)}-${day}T10:${minute}:${second}.000Z` });
  }
  return notes;
}

const queries = ['financiacion', 'governanca', 'gouvernance', '"digital cooperation"', 'conectividad', 'connectivity rural', 'financement', 'forum'];

/** What readers see: each query's total, results (with snippets) and facets, anonymous and for an insider. */
async function answers(db: Db, sources: readonly SearchSource[]): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const q of queries) {
    for (const actor of [anonymous, insider]) {
      seen.push(await search(db, sources, actor, { q, limit: 20, offset: 0, locale: 'es', facets: true }));
      seen.push(await search(db, sources, actor, { q, limit: 20, offset: 490, locale: 'en' }));
    }
  }
  return seen;
}

/** The index's tables, columns, indexes, constraints and id sequence, as the catalogs describe them. */
async function structure(db: Db): Promise<unknown> {
  const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename like 'search%' order by indexname`.execute(db);
  const { rows: constraints } = await sql`
    select conname, conrelid::regclass::text as on, pg_get_constraintdef(oid) as definition from pg_constraint
    where connamespace = current_schema()::regnamespace and conrelid::regclass::text like 'search%' order by conname`.execute(db);
  const { rows: columns } = await sql`
    select table_name, column_name, data_type, is_nullable, column_default, is_identity from information_schema.columns
    where table_schema = current_schema() and table_name like 'search%' order by table_name, ordinal_position`.execute(db);
  const { rows: statistics } = await sql`select attname, attstattarget from pg_attribute where attrelid = 'search_documents'::regclass and attnum > 0 and not attisdropped order by attnum`.execute(db);
  const { rows: sequence } = await sql`select pg_get_serial_sequence('search_documents', 'id') as name`.execute(db);
  return { indexes, constraints, columns, statistics, sequence };
}

eachDatabase('a PostgreSQL rebuild gives the same results, tables and indexes as indexing record by record', async ({ db }) => {
  const notes = manyNotes();
  const source = notesSource(notes);
  const memos = notesSource(new Map([['m1', { title: 'Memorando de financiación', body: 'Un memorando.', language: 'es', updated: '2026-01-01T00:00:07.000Z' }]]), 'memo');
  const migrated = await structure(db);
  await db.transaction().execute(async (tx) => {
    await indexRecords(tx, source, [...notes.keys()]);
    await indexRecords(tx, memos, ['m1']);
  });
  const before = await answers(db, [source, memos]);
  assert.equal(await reindex(db, [source], { writers: 2 }), notes.size);
  assert.deepEqual(await answers(db, [source, memos]), before, 'the same hits, snippets, totals and facets; the memo, not rebuilt, is still there');
  assert.deepEqual(await structure(db), migrated, 'the tables, indexes, constraints and id sequence the migrations made');
  await reindex(db, [source, memos], { writers: 3 });
  assert.deepEqual(await answers(db, [source, memos]), before, 'running it again gives the same index');
  // The identity goes on after the swap: a command indexes as before.
  notes.set('es3', { title: 'Financiación nueva', body: 'Otra más.', language: 'es' });
  await db.transaction().execute((tx) => indexRecords(tx, source, ['es3']));
  assert.ok((await search(db, [source], anonymous, { q: 'financiacion', limit: 20, offset: 0, locale: 'es' })).items.some((i) => i.recordId === 'es3'));
}, { kinds: ['postgres'], timeout: 120_000 });

eachDatabase('a command that indexes while PostgreSQL rebuilds keeps its change', async ({ db }) => {
  const notes = new Map(written);
  const plain = notesSource(notes);
  await reindex(db, [plain]);
  // The rebuild's first read of the documents waits, once it has read them, until released.
  let readByRebuild!: () => void;
  const read = new Promise<void>((resolve) => (readByRebuild = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = true;
  const held: SearchSource = {
    ...plain,
    documents: async (tx, ids) => {
      const documents = await plain.documents(tx, ids);
      if (holding) {
        holding = false;
        readByRebuild();
        await released;
      }
      return documents;
    },
  };
  const rebuilding = reindex(db, [held], { writers: 2 });
  let rebuilt = false;
  void rebuilding.then(() => (rebuilt = true), () => undefined);
  await read;
  // A command commits while the rebuild holds the old texts: one record changed, one removed, one added.
  await db.transaction().execute(async (tx) => {
    notes.set('es1', { title: 'Conectividad', body: 'Ya no habla de dinero.', language: 'es' });
    notes.delete('es2');
    notes.set('es9', { title: 'Financiación tardía', body: 'Llegó durante la reconstrucción.', language: 'es' });
    await indexRecords(tx, plain, ['es1', 'es2', 'es9']);
  });
  // Another is still running when the rebuild comes to its swap: the swap waits for it.
  let commit!: () => void;
  const committing = new Promise<void>((resolve) => (commit = resolve));
  const command = db.transaction().execute(async (tx) => {
    notes.set('fr1', { title: 'Accès rural', body: 'La connectivité des villages.', language: 'fr' });
    await indexRecords(tx, plain, ['fr1']);
    await committing;
  });
  release();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  assert.equal(rebuilt, false, 'the swap waits for the command that is indexing');
  commit();
  await command;
  await rebuilding;
  const found = async (q: string) => (await search(db, [plain], anonymous, { q, limit: 20, offset: 0, locale: 'es' })).items.map((i) => i.recordId).sort();
  assert.deepEqual(await found('conectividad'), ['es1']);
  assert.deepEqual(await found('villages'), ['fr1']);
  assert.deepEqual(await found('financiacion'), ['es9']);
  assert.deepEqual(await found('regionales'), [], 'the record removed meanwhile is not found');
  assert.deepEqual(await found('gouvernance'), []);
  const after = await answers(db, [plain]);
  await reindex(db, [plain]);
  assert.deepEqual(await answers(db, [plain]), after, 'the index is what a rebuild now gives');
}, { kinds: ['postgres'], timeout: 120_000 });

eachDatabase('a PostgreSQL search reads both halves of the vectors’ index, never every vector', async ({ db }) => {
  const notes = manyNotes();
  await reindex(db, [notesSource(notes)], { writers: 2 });
  const compiled = await postgresIndex.compile(db, parseQuery('financiacion "rural connectivity"'));
  assert.ok(compiled);
  // A plan that could use neither half would read every row: with sequential scans priced out, it still would.
  const plan = await db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select d.id from ${compiled.documents} where ${compiled.where} limit 501`.execute(tx);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
  assert.match(plan, /Bitmap Index Scan on search_documents_terms_even/);
  assert.match(plan, /Bitmap Index Scan on search_documents_terms_odd/);
  assert.doesNotMatch(plan, /Seq Scan/);
  // Every document is in one half: an anonymous search finds the public documents that reading every vector finds.
  const broad = await postgresIndex.compile(db, parseQuery('financiacion'));
  assert.ok(broad);
  const everyVector = await db.transaction().execute(async (tx) => {
    await sql`set local enable_bitmapscan = off`.execute(tx);
    await sql`set local enable_indexscan = off`.execute(tx);
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${broad.documents} where ${broad.where} and d.visibility = 'public'`.execute(tx);
    return Number(rows[0]!.n);
  });
  const { total } = await search(db, [notesSource(notes)], anonymous, { q: 'financiacion', limit: 20, offset: 0, locale: 'en' });
  assert.ok(everyVector > 100);
  assert.equal(total, everyVector);
}, { kinds: ['postgres'], timeout: 120_000 });

eachDatabase('a SQLite rebuild, stemmed on a worker thread, gives the same results as indexing record by record', async ({ db }) => {
  // More documents than a rebuild stems inline.
  const notes = manyNotes(2_500);
  const source = notesSource(notes);
  await db.transaction().execute((tx) => indexRecords(tx, source, [...notes.keys()]));
  const before = await answers(db, [source]);
  let ticked = 0;
  assert.equal(await reindex(db, [source], { tick: (n) => (ticked += n) }), notes.size);
  assert.equal(ticked, notes.size, 'the progress bar reaches its end');
  assert.deepEqual(await answers(db, [source]), before);
}, { kinds: ['sqlite'], timeout: 120_000 });

eachDatabase('a failed rebuild leaves the index as it was', async ({ db }) => {
  // Enough for SQLite to stem on its worker thread, and for PostgreSQL's writers to have several batches each.
  const notes = manyNotes(2_500);
  const source = notesSource(notes);
  await reindex(db, [source]);
  const before = await answers(db, [source]);
  let calls = 0;
  const failing: SearchSource = {
    ...source,
    documents: async (tx, ids) => {
      if (++calls === 4) throw new Error('the records could not be read');
      return source.documents(tx, ids);
    },
  };
  await assert.rejects(reindex(db, [failing], { writers: 2 }), /could not be read/);
  assert.deepEqual(await answers(db, [source]), before);
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() and tablename like '%rebuild%'`.execute(db);
    assert.deepEqual(rows, [], 'no shadow table is left');
  }
}, { timeout: 120_000 });
