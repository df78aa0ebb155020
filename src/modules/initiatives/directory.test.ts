import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { importInitiatives } from './commands/importInitiatives.ts';
import { demoInitiativesFile } from './seeds.ts';
import { initiativeFields, registerInitiative, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { parseCsvObjects } from '../../platform/csv.ts';

const seedCsv = readFileSync(demoInitiativesFile, 'utf8');

async function seed(t: TestApp) {
  const report = await importInitiatives(t.database.db, seedCsv, { demo: true, now: t.clock.now, source: 'nris.csv' });
  assert.deepEqual(report, { imported: 103, skipped: 0, errors: [] });
}

function titles(html: string): string[] {
  return [...html.matchAll(/<h3><a href="\/initiatives\/[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]!);
}

eachApp('the directory filters by country, type, region, language and name, without minding accents', async (t) => {
  await seed(t);
  const client = t.client();
  client.language = 'en';
  const colombia = await client.get('/initiatives?country=CO');
  assert.ok(titles(colombia.html).length >= 1);
  assert.ok(titles(colombia.html).every((name) => /Colombia/i.test(name)), titles(colombia.html).join('; '));
  const lower = await client.get('/initiatives?country=co');
  assert.deepEqual(titles(lower.html), titles(colombia.html), 'country codes are case-insensitive');

  const youth = await client.get('/initiatives?type=youth&region=latin_america_caribbean');
  assert.ok(titles(youth.html).length > 0);
  assert.match(youth.html, /Youth/);

  assert.deepEqual(titles((await client.get('/initiatives?q=foro+peru')).html), ['Foro de Gobernanza de Internet de Perú']);
  assert.deepEqual(titles((await client.get('/initiatives?q=FORUM+DA+INTERNET')).html), ['Fórum da Internet no Brasil']);
  assert.deepEqual(titles((await client.get('/initiatives?q=panam%C3%A1&type=youth')).html), ['Youth IGF Panamá']);
  assert.deepEqual(titles((await client.get('/initiatives?q=100%25')).html), [], 'LIKE wildcards are literal');
  const swiss = titles((await client.get('/initiatives?language=de')).html);
  assert.ok(swiss.some((name) => /Swiss/.test(name)), swiss.join('; '));
  // Unknown filter values fall back rather than fail.
  assert.equal((await client.get('/initiatives?type=nonsense&page=-4&sort=%3Cscript%3E')).status, 200);
}, { postgres: true });

eachApp('the directory paginates, sorts and counts', async (t) => {
  await seed(t);
  const client = t.client();
  client.language = 'en';
  const first = await client.get('/initiatives');
  assert.match(first.html, /103 initiatives/);
  assert.match(first.html, /Page 1 of 6/);
  assert.equal(titles(first.html).length, 20);
  const second = await client.get('/initiatives?page=2');
  assert.equal(new Set([...titles(first.html), ...titles(second.html)]).size, 40, 'pages do not overlap');
  const names = titles(first.html);
  const folded = names.map((n) => n.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase());
  assert.deepEqual(folded, [...folded].sort(), 'sorted by name');
  const last = await client.get('/initiatives?page=6');
  assert.equal(titles(last.html).length, 3);
  // Past the end: the last page there is, keeping the filters; no results: the first page.
  const beyond = await client.get('/initiatives?page=999&sort=newest');
  assert.equal(beyond.status, 302);
  assert.equal(beyond.location, '/initiatives?sort=newest&page=6');
  const nothing = await client.get('/initiatives?q=zzzzzz&page=3');
  assert.equal(nothing.location, '/initiatives?q=zzzzzz');
  assert.equal((await client.get('/initiatives?q=zzzzzz')).status, 200);
  assert.match(first.html, /By type/);
  assert.match(first.html, /href="\/initiatives\?region=africa"/);
}, { postgres: true });

eachApp('open data: CSV with a header row, paginated JSON with total, one initiative by slug', async (t) => {
  await seed(t);
  const client = t.client();
  const csv = await client.get('/initiatives.csv?country=BR');
  assert.equal(csv.status, 200);
  assert.match(csv.response.headers.get('content-type')!, /^text\/csv/);
  const rows = parseCsvObjects(csv.html, 'initiatives.csv');
  assert.deepEqual(Object.keys(rows[0]!), ['slug', 'name', 'acronym', 'type', 'countries', 'region', 'year_established', 'website', 'languages', 'status', 'url']);
  assert.ok(rows.every((r) => r.countries!.split('|').includes('BR')));

  const list = await client.json('GET', '/api/initiatives?limit=500', undefined);
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 103);
  assert.equal(list.body.items.length, 103);
  assert.ok(list.body.items.every((i: { slug: string }) => typeof i.slug === 'string'));
  const page = await client.json('GET', '/api/initiatives?limit=10&offset=100', undefined);
  assert.equal(page.body.items.length, 3);
  assert.equal((await client.json('GET', '/api/initiatives?limit=501', undefined)).status, 422);
  const problem = await client.json('GET', '/api/initiatives?limit=abc', undefined);
  assert.equal(problem.status, 422);
  assert.match(problem.response.headers.get('content-type')!, /application\/problem\+json/);
  assert.equal(problem.body.status, 422);

  const slug = list.body.items[0].slug;
  const one = await client.json('GET', `/api/initiatives/${slug}`, undefined);
  assert.equal(one.status, 200);
  assert.equal(one.body.slug, slug);
  assert.equal(one.body.demo, true);
  const missing = await client.json('GET', '/api/initiatives/no-such-thing', undefined);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.title, 'Page not found');
});

eachApp('the API creates and updates with a token or a session with CSRF', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const body = { ...initiativeFields, year_established: 2014 };
  assert.equal((await t.client().json('POST', '/api/initiatives', body)).status, 401);
  const bad = await coordinator.json('POST', '/api/initiatives', { ...body, type: 'galactic', contact_email: 'x' });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['#/contact_email', '#/type']);
  const malformed = await coordinator.request('/api/initiatives', {
    method: 'POST', body: '{"name": ', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await coordinator.csrfToken() },
  });
  assert.equal(malformed.status, 400);
  assert.match(malformed.response.headers.get('content-type')!, /application\/problem\+json/);
  const created = await coordinator.json('POST', '/api/initiatives', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.status, 'draft');

  const tokenPage = await coordinator.post('/account/tokens', { token_name: 'script' });
  const token = tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!;
  const stranger = t.client();
  const patched = await stranger.json('PATCH', `/api/initiatives/${created.body.slug}`, { website: 'https://igf.co' }, { Authorization: `Bearer ${token}` });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.website, 'https://igf.co');
  assert.equal(patched.body.name, initiativeFields.name, 'other fields are kept');
  const translated = await coordinator.json('PATCH', `/api/initiatives/${created.body.slug}`, { translations: { en: 'An open space on Internet governance in Colombia.' } });
  assert.equal(translated.status, 200);
  const again = await coordinator.json('PATCH', `/api/initiatives/${created.body.slug}`, { translations: { fr: 'Un espace ouvert sur la gouvernance de l’Internet.' }, acronym: null });
  assert.deepEqual(Object.keys(again.body.descriptions).sort(), ['en', 'es', 'fr'], 'translations merge by language');
  assert.equal(again.body.acronym, null, 'null clears a field');
  const cleared = await coordinator.json('PATCH', `/api/initiatives/${created.body.slug}`, { translations: { en: null } });
  assert.deepEqual(Object.keys(cleared.body.descriptions).sort(), ['es', 'fr']);
  assert.equal((await coordinator.json('PATCH', `/api/initiatives/${created.body.slug}`, { name: null })).status, 422, 'a required field cannot be cleared');
  const wrongToken = await stranger.json('PATCH', `/api/initiatives/${created.body.slug}`, { website: 'https://x.co' }, { Authorization: 'Bearer cab_nope' });
  assert.equal(wrongToken.status, 401);
  const noCsrf = await coordinator.request(`/api/initiatives/${created.body.slug}`, {
    method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ website: 'https://evil.co' }),
  });
  assert.equal(noCsrf.status, 403);
  const current = await t.database.db.selectFrom('initiatives').select('website').executeTakeFirstOrThrow();
  assert.equal(current.website, 'https://igf.co');
}, { postgres: true });

eachApp('the OpenAPI 3.1 description passes a standard validator', async (t) => {
  const page = await t.client().json('GET', '/api/openapi.json', undefined);
  assert.equal(page.status, 200);
  assert.equal(page.body.openapi, '3.1.0');
  const result = await new Validator().validate(page.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.ok(page.body.paths['/initiatives']?.get);
  assert.ok(page.body.paths['/initiatives/{slug}']?.patch);
});

eachApp('a demo entry’s page is calm and honest: what a demo entry is, how to claim it, no empty committee or unmet criteria', async (t) => {
  await seed(t);
  const client = t.client();
  client.language = 'en';
  const { slug } = await t.database.db.selectFrom('initiatives').select('slug').where('name', '=', 'IGF Uruguay').executeTakeFirstOrThrow();
  const page = await client.get(`/initiatives/${slug}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /<h2 id="demo-title">A demo entry<\/h2>/);
  assert.match(page.html, /Do you coordinate IGF Uruguay\? You can claim this entry/);
  assert.ok(page.html.includes(`<a href="/signup?next=%2Finitiatives%2F${slug}">Create an account</a>`), 'an account first, then back here');
  assert.match(page.html, /<span class="badge status-listed">Listed<\/span> <span class="badge">Demo<\/span>/);
  // Nothing empty, nothing untrue: no committee section, no all-zero chart, no row of unmet criteria.
  const main = page.html.slice(page.html.indexOf('<main'));
  assert.doesNotMatch(main, /committee-title|<svg|class="criteria"|class="unmet"|recognition-title/);
  assert.doesNotMatch(page.html, /class="alert"/, 'a demo entry is not an error');
  // The secretariat still finds the delisting form there.
  const admin = await secretariat(t);
  const asSecretariat = await admin.get(`/initiatives/${slug}`);
  assert.match(asSecretariat.html, /id="delist"/);
  assert.doesNotMatch(asSecretariat.html, /class="criteria"/);
}, { postgres: true });

eachApp('the home page explains the three steps and shows the initiatives recognised most recently, never demo entries', async (t) => {
  await seed(t);
  const client = t.client();
  client.language = 'en';
  let home = await client.get('/');
  assert.match(home.html, /<h2 id="steps-title">How an initiative gets listed<\/h2>/);
  assert.equal((home.html.match(/<li><h3>\d\. /g) ?? []).length, 3);
  assert.doesNotMatch(home.html, /recent-title/, 'no section while nothing has been recognised');
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const slug = await registerInitiative(coordinator);
  const { id } = await t.database.db.selectFrom('initiatives').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  await t.database.db.updateTable('initiatives').set({ status: 'listed' }).where('id', '=', id).execute();
  const userId = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'coord@example.org').executeTakeFirstOrThrow()).id;
  await t.database.db.insertInto('recognition_requests').values({
    id: 'req-1', initiative_id: id, requested_by: userId, requested_at: '2026-11-20T10:00:00.000Z', decided_by: userId,
    decided_at: '2026-11-21T10:00:00.000Z', decision: 'approved', comments: null,
  }).execute();
  home = await client.get('/');
  assert.match(home.html, /<h2 id="recent-title">Recently recognised<\/h2><ul class="cards"><li><h3><a href="\/initiatives\/mcgi-mesa-colombiana-de-gobernanza-de-internet">/);
  assert.match(home.html, /Recognised on November 21, 2026/);
}, { postgres: true });
