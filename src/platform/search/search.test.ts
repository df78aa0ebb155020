import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eachDatabase, freshDatabase, perDatabase } from '../../../tests/support/databases.ts';
import { foldFunction } from '../migrations/202611260200_platform_search.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../auth/identity.ts';
import { indexRecords, rankedMatches, reindex, search } from './index.ts';
import { notesSource } from '../../../tests/support/searchNotes.ts';
import { accentReadings, parseQuery, queryForms, snippet } from './text.ts';

const anonymous: Actor = { user: null };
const insider = { user: { id: 'insider' } } as Actor;

const notes = new Map([
  ['es1', { title: 'Financiación de la gobernanza', body: 'Un informe sobre la financiación de iniciativas nacionales en Colombia y en Bogotá.', language: 'es' }],
  ['es2', { title: 'Financiamientos regionales', body: 'Los financiamientos del foro regional y sus fuentes.', language: 'es' }],
  ['pt1', { title: 'Governança da Internet no Brasil', body: 'O fórum discute a governança multissetorial da rede.', language: 'pt' }],
  ['fr1', { title: 'Gouvernance de l’Internet en Afrique', body: 'Le forum sur la gouvernance réunit les parties prenantes.', language: 'fr' }],
  ['en1', { title: 'Open consultation', body: 'Comments on the draft text about digital cooperation in the region.', language: 'en' }],
  ['en2', { title: 'Cooperation digital', body: 'Digital in cooperation with nobody: the words, but not side by side in that order.', language: 'en' }],
  ['secret', { title: 'Financiación secreta', body: 'Un borrador que nadie más debe ver.', language: 'es', secret: true }],
]);
const source = notesSource(notes);

async function found(db: Db, q: string, actor: Actor = anonymous): Promise<string[]> {
  const results = await search(db, [source], actor, { q, limit: 20, offset: 0, locale: 'es' });
  assert.equal(results.total, results.items.length, 'the total counts every match');
  return results.items.map((i) => i.recordId).sort();
}

test('a word typed without accents reads as the words it may be', () => {
  assert.ok(accentReadings('financiacion').includes('financiación'));
  assert.ok(accentReadings('governanca').includes('governança'));
  assert.deepEqual(accentReadings('gobernanzá'), ['gobernanzá']);
  assert.ok(queryForms('financiacion').includes('financi'));
  assert.deepEqual(parseQuery('la gobernanza "de internet" y'), { words: ['gobernanza'], phrases: [['de', 'internet']] });
  assert.deepEqual(parseQuery('de la'), { words: ['de', 'la'], phrases: [] }, 'a query of stop words alone keeps them');
});

test('snippets escape the text and mark the matching words', () => {
  const html = snippet('<b>Financiación</b> & más: financiamientos', 'es', new Set(queryForms('financiacion')));
  assert.equal(html, '&lt;b&gt;<mark>Financiación</mark>&lt;/b&gt; &amp; más: <mark>financiamientos</mark>');
  assert.equal(snippet('nothing here', 'en', new Set(['financi'])), null);
  const long = Array.from({ length: 100 }, (_, i) => (i === 50 ? 'Financiación' : `w${i}`)).join(' ');
  const passage = snippet(long, 'es', new Set(queryForms('financiacion')))!;
  const named = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `w${from + i}`).join(' ');
  assert.equal(passage, `… ${named(42, 49)} <mark>Financiación</mark> ${named(51, 73)} …`, 'the 32 words around the first match, the cuts marked');
});

eachDatabase('search finds words across languages whatever their accents and case', async ({ db }) => {
  assert.equal(await reindex(db, [source]), notes.size);
  assert.deepEqual(await found(db, 'financiacion'), ['es1', 'es2']);
  assert.deepEqual(await found(db, 'FINANCIACIÓN'), ['es1', 'es2']);
  assert.deepEqual(await found(db, 'financiamientos'), ['es1', 'es2']);
  assert.deepEqual(await found(db, 'governanca'), ['pt1']);
  assert.deepEqual(await found(db, 'gouvernance'), ['fr1']);
  assert.deepEqual(await found(db, 'GOUVERNANCE internet'), ['fr1']);
  assert.deepEqual(await found(db, 'la gobernanza de'), ['es1']);
  assert.deepEqual(await found(db, 'bogota'), ['es1']);
  assert.deepEqual(await found(db, 'nothing-like-this'), []);
});

eachDatabase('a quoted phrase must appear as written, words side by side', async ({ db }) => {
  await reindex(db, [source]);
  assert.deepEqual(await found(db, 'digital cooperation'), ['en1', 'en2']);
  assert.deepEqual(await found(db, '"digital cooperation"'), ['en1']);
  assert.deepEqual(await found(db, '"cooperation digital"'), ['en2']);
  assert.deepEqual(await found(db, '"financiacion de la gobernanza"'), ['es1']);
  assert.deepEqual(await found(db, '"gobernanza de la financiacion"'), []);
});

eachDatabase('restricted documents appear only to whom their source allows', async ({ db }) => {
  await reindex(db, [source]);
  assert.deepEqual(await found(db, 'financiacion'), ['es1', 'es2']);
  assert.deepEqual(await found(db, 'financiacion', insider), ['es1', 'es2', 'secret']);
  assert.deepEqual(await found(db, 'secreta'), []);
});

eachDatabase('titles rank above bodies, recent first on ties; facets count and narrow', async ({ db }) => {
  const ranked = notesSource(new Map([
    ['body-old', { title: 'Informe anual', body: 'Texto sobre conectividad rural.', language: 'es', updated: '2024-01-01T00:00:00.000Z' }],
    ['title', { title: 'Conectividad rural', body: 'Un texto.', language: 'es', updated: '2020-01-01T00:00:00.000Z' }],
    ['body-new', { title: 'Informe anual', body: 'Texto sobre conectividad rural.', language: 'es', updated: '2025-01-01T00:00:00.000Z' }],
    ['english', { title: 'Annual report', body: 'Rural connectivity.', language: 'en', updated: '2025-01-01T00:00:00.000Z' }],
  ]));
  await reindex(db, [ranked]);
  const results = await search(db, [ranked], anonymous, { q: 'conectividad rural', limit: 10, offset: 0, locale: 'es', facets: true });
  assert.deepEqual(results.items.map((i) => i.recordId), ['title', 'body-new', 'body-old']);
  assert.match(results.items[1]!.snippet, /<mark>conectividad<\/mark> <mark>rural<\/mark>/);
  assert.deepEqual(results.facets.language, [{ value: 'es', label: null, count: 3 }]);
  assert.deepEqual(results.facets.year, [{ value: '2026', label: null, count: 3 }]);
  const page = await search(db, [ranked], anonymous, { q: 'rural', limit: 2, offset: 2, locale: 'es' });
  assert.equal(page.total, 4);
  assert.equal(page.items.length, 2);
  const english = await search(db, [ranked], anonymous, { q: 'rural', limit: 10, offset: 0, locale: 'es', language: 'en' });
  assert.deepEqual(english.items.map((i) => [i.recordId, i.language]), [['english', 'en']]);
});

eachDatabase(`a broad query ranks its ${rankedMatches} most recent matches, then lists the older ones, most recent first`, async ({ db }) => {
  const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();
  type Note = { title: string; body: string; language: string; updated: string };
  const broad = new Map<string, Note>();
  for (let n = 40; n < rankedMatches + 40; n++) broad.set(`n${n}`, { title: `Nota ${n}`, body: 'Notas del foro sobre conectividad.', language: 'es', updated: day(n) });
  broad.set('best-recent', { title: 'Foro', body: 'El foro y el foro.', language: 'es', updated: day(rankedMatches + 40) });
  // The oldest notes are written last (the order of writing does not decide what is recent); the best
  // match of all is among them.
  for (let n = 39; n >= 0; n--) broad.set(`old${n}`, { title: n === 0 ? 'Foro foro' : `Nota antigua ${n}`, body: 'Notas del foro.', language: 'es', updated: day(n) });
  // Older still, on other things: enough documents that PostgreSQL looks for the recent matches among the newest months first.
  for (let n = 1; n <= 3 * rankedMatches; n++) broad.set(`other${n}`, { title: `Otra ${n}`, body: 'Conectividad rural.', language: 'es', updated: day(-n) });
  const notesOnForums = notesSource(broad);
  await reindex(db, [notesOnForums]);
  const ask = (offset: number, limit: number, facets = false) =>
    search(db, [notesOnForums], anonymous, { q: 'foro', limit, offset, locale: 'es', facets });
  const first = await ask(0, 20, true);
  const matches = broad.size - 3 * rankedMatches;
  assert.equal(first.total, matches);
  assert.equal(first.ranked, rankedMatches);
  assert.equal(first.items[0]!.recordId, 'best-recent');
  assert.ok(!first.items.some((i) => i.recordId.startsWith('old')), 'the older matches are not ranked with the recent ones');
  assert.deepEqual(first.facets.kind, [{ value: 'note', label: null, count: rankedMatches }], 'facets count the ranked matches');
  const older = ['n40', ...Array.from({ length: 40 }, (_, k) => `old${39 - k}`)];
  const across = await ask(rankedMatches - 10, 20);
  assert.deepEqual(across.items.slice(10).map((i) => i.recordId), older.slice(0, 10), 'a page across the boundary goes on with the older ones');
  const seen: string[] = [];
  for (let offset = 0; offset < matches; offset += 500) seen.push(...(await ask(offset, 500)).items.map((i) => i.recordId));
  assert.equal(new Set(seen).size, matches, 'paging through shows every match once');
  assert.deepEqual(seen.slice(rankedMatches), older);
});

eachDatabase('indexing follows changes, and a rebuild gives the same index', async ({ db }) => {
  const changing = new Map(notes);
  const live = notesSource(changing);
  await reindex(db, [live]);
  await db.transaction().execute(async (tx) => {
    changing.set('es1', { ...changing.get('es1')!, title: 'Conectividad', body: 'Ya no habla de dinero.' });
    changing.delete('es2');
    await indexRecords(tx, live, ['es1', 'es2']);
  });
  assert.deepEqual(await found(db, 'financiacion'), []);
  assert.deepEqual(await found(db, 'conectividad'), ['es1']);
  const before = await search(db, [live], insider, { q: 'forum', limit: 20, offset: 0, locale: 'en', facets: true });
  await reindex(db, [live]);
  await reindex(db, [live]);
  const after = await search(db, [live], insider, { q: 'forum', limit: 20, offset: 0, locale: 'en', facets: true });
  assert.deepEqual(after, before);
  const { rows } = await (await import('kysely')).sql<{ n: number }>`select count(*) as n from search_documents`.execute(db);
  assert.equal(Number(rows[0]!.n), changing.size);
});

eachDatabase('hostile queries are only text', async ({ db }) => {
  await reindex(db, [source]);
  for (const q of ['"', '""', 'a"b', "' or 1=1 --", 'NEAR(a b)', 'x OR y', '*', '^financiacion', 'financiacion:*', '\\', '( )', '&|!<->', 'ñ'.repeat(500), '\u0000']) {
    const results = await search(db, [source], anonymous, { q, limit: 5, offset: 0, locale: 'es' });
    assert.ok(results.total >= 0);
  }
  assert.deepEqual(await found(db, 'financiacion:*'), ['es1', 'es2']);
});

perDatabase('without the unaccent extension, PostgreSQL folds accents with its translation table, the same way', { kinds: ['postgres'] }, async (kind) => {
  const database = await freshDatabase(kind);
  try {
    await sql.raw(foldFunction(null)).execute(database.db);
    const { rows } = await sql<{ folded: string }>`select search_fold('Financiación Governança GOUVERNANCE Ñandú Øre') as folded`.execute(database.db);
    assert.equal(rows[0]!.folded, 'financiacion governanca gouvernance nandu ore');
    await reindex(database.db, [source]);
    assert.deepEqual(await found(database.db, 'financiacion'), ['es1', 'es2']);
    assert.deepEqual(await found(database.db, 'governanca'), ['pt1']);
    assert.deepEqual(await found(database.db, '"financiacion de la gobernanza"'), ['es1']);
  } finally {
    await database.close();
  }
});
