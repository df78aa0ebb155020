import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { initiativeFields, registerInitiative, verifiedPerson } from '../../../tests/support/factories.ts';
import { importInitiatives } from '../../modules/initiatives/index.ts';
import { rankedMatches } from './index.ts';

const header = 'name,acronym,type,countries,region,year_established,website,languages,source_url\n';
const row = (name: string, country: string, year: number) =>
  `${name},,national,${country},Latin America and Caribbean,${year},https://example.org,es,https://example.org/${encodeURIComponent(name)}\n`;

eachApp('/search lists what matches, with highlighted snippets, facets and pages, in the reader\'s language', async (t) => {
  const rows = Array.from({ length: 23 }, (_, i) => row(`Foro de Gobernanza ${i + 1}`, i % 2 ? 'AR' : 'UY', 2010 + (i % 3))).join('');
  await importInitiatives(t.database.db, header + rows + row('Fórum da Governança da Internet', 'BR', 2011), { demo: false, now: t.clock.now, source: 'test.csv' });
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  await registerInitiative(coordinator, { ...initiativeFields, name: 'Borrador de gobernanza secreta', acronym: '' });

  const reader = t.client();
  reader.language = 'es';
  const home = await reader.get('/');
  assert.match(home.html, /<form method="get" action="\/search" role="search" class="site-search" aria-label="Buscar en Cabildo">/, 'a search box in the header');

  const first = await reader.get('/search?q=GOBERNANZA');
  assert.equal(first.status, 200);
  assert.match(first.html, /<h2 id="results">23 resultados para «GOBERNANZA»<\/h2>/, 'the draft does not count');
  assert.doesNotMatch(first.html, /Borrador/);
  // The 23 forums tie on relevance and date, so which of them fill the first page is the index's order: any result links to its own page.
  assert.match(first.html, /<a href="\/initiatives\/foro-de-gobernanza-(\d+)">Foro de Gobernanza \1<\/a>/);
  assert.match(first.html, /<h3 id="facet-country">País<\/h3>/);
  assert.match(first.html, /<a href="\/search\?q=GOBERNANZA&amp;country=AR">Argentina<\/a> <span class="meta">\(11\)<\/span>/);
  assert.match(first.html, /Página 1 de 2/);
  const second = await reader.get('/search?q=GOBERNANZA&page=2');
  assert.equal((second.html.match(/<li><h3>/g) ?? []).length, 3);
  assert.match(second.html, /<ol class="results" start="21">/);

  const narrowed = await reader.get('/search?q=gobernanza&country=AR&year=2011');
  assert.match(narrowed.html, /4 resultados/);
  assert.doesNotMatch(first.html, /id="facet-initiative"/, 'a facet whose every value names one result is no help');
  assert.match(narrowed.html, /Argentina \(quitar este filtro\)/);
  assert.match(narrowed.html, /<input type="hidden" name="country" value="AR"\/?>/, 'a new query keeps the filters');

  const portuguese = await reader.get('/search?q=governanca+internet');
  assert.match(portuguese.html, /Fórum da Governança da Internet/);

  const empty = await reader.get('/search');
  assert.equal(empty.status, 200);
  assert.match(empty.html, /Escribe una o más palabras/);

  const hostile = await reader.get(`/search?q=${encodeURIComponent('<script>alert(1)</script> "gobernanza')}&page=-4&year=abc&country=<b>`);
  assert.equal(hostile.status, 200);
  assert.doesNotMatch(hostile.html, /<script>alert/);
  assert.match(hostile.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);

  const french = t.client();
  french.language = 'fr';
  assert.match((await french.get('/search?q=gobernanza')).html, /23 résultats pour « gobernanza »/);
}, { postgres: true });

eachApp(`a broad search says that its ${rankedMatches} most recent matches are ranked, and counts facets among them`, async (t) => {
  const rows = Array.from({ length: rankedMatches + 10 }, (_, i) => row(`Foro Nacional ${i + 1}`, i % 2 ? 'AR' : 'UY', 2015)).join('');
  await importInitiatives(t.database.db, header + rows, { demo: false, now: t.clock.now, source: 'test.csv' });
  const reader = t.client();
  reader.language = 'es';
  const page = (await reader.get('/search?q=foro')).html;
  assert.match(page, new RegExp(`<h2 id="results">${(rankedMatches + 10).toLocaleString('es')} resultados para «foro»</h2>`));
  assert.match(page, new RegExp(`Los ${rankedMatches.toLocaleString('es')} más recientes se ordenan por relevancia`));
  const counts = [...page.matchAll(/(?:Argentina|Uruguay)<\/a> <span class="meta">\((\d+)\)<\/span>/g)].map((m) => Number(m[1]));
  assert.equal(counts.reduce((a, b) => a + b, 0), rankedMatches, 'the country counts add up to the ranked matches');
  const narrow = (await reader.get('/search?q=foro&country=UY')).html;
  assert.doesNotMatch(narrow, /más recientes se ordenan/, 'a query within the bound says nothing of it');
  const api = JSON.parse((await reader.get('/api/search?q=foro&limit=1')).html) as { total: number; more: boolean };
  assert.deepEqual([api.total, api.more], [rankedMatches + 10, false]);
}, { postgres: true });

eachApp('GET /api/search answers results the caller may see, in the documented shape', async (t) => {
  await importInitiatives(t.database.db, header + row('Forum sur la Gouvernance de l’Internet', 'SN', 2015) + row('Foro de Gobernanza', 'UY', 2015), { demo: false, now: t.clock.now, source: 'test.csv' });
  const client = t.client();
  const answer = await client.get('/api/search?q=gouvernance&limit=5');
  assert.equal(answer.status, 200);
  const body = JSON.parse(answer.html) as { total: number; items: Array<Record<string, string>> };
  assert.equal(body.total, 1);
  assert.deepEqual(Object.keys(body.items[0]!).sort(), ['kind', 'language', 'snippet', 'title', 'url']);
  assert.equal(body.items[0]!.kind, 'initiative');
  assert.equal(body.items[0]!.url, 'http://cabildo.test/initiatives/forum-sur-la-gouvernance-de-l-internet');

  const none = JSON.parse((await client.get('/api/search?q=gouvernance&lang=pt')).html);
  assert.deepEqual(none, { total: 0, more: false, items: [] });
  assert.deepEqual(JSON.parse((await client.get('/api/search')).html), { total: 0, more: false, items: [] });
  assert.equal((await client.get('/api/search?q=x&limit=1000')).status, 422);
  assert.equal((await client.get('/api/search?q=x&offset=-1')).status, 422);
  assert.equal((await client.get('/api/search?q=x&lang=%3Cb%3E')).status, 422);

  const openapi = JSON.parse((await client.get('/api/openapi.json')).html);
  assert.ok(openapi.paths['/search']?.get, 'documented in the OpenAPI description');
  assert.deepEqual(openapi.paths['/search'].get.parameters.map((p: { name: string }) => p.name), ['q', 'kind', 'lang', 'limit', 'offset']);
}, { postgres: true });
