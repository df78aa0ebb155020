import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { initiativeFields, registerInitiative, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import type { Actor, ActorUser } from '../../platform/auth/identity.ts';
import { search } from '../../platform/search/index.ts';
import { searchSources } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { importInitiatives } from './commands/importInitiatives.ts';

async function actor(t: TestApp, email: string | null): Promise<Actor> {
  if (!email) return { user: null };
  const user = await t.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  return { user: user as ActorUser };
}

/** The titles someone finds for a query, and the language of each snippet. */
async function found(t: TestApp, q: string, email: string | null = null, locale = 'es') {
  const results = await search(t.database.db, searchSources(modules), await actor(t, email), { q, limit: 10, offset: 0, locale });
  return results.items.map((i) => `${i.title} [${i.language}]`);
}

const fields = {
  ...initiativeFields,
  description: 'Espacio abierto sobre la financiación de la gobernanza de Internet en Colombia.',
  translation_fr: 'Un espace ouvert sur la Gouvernance de l’Internet en Colombie.',
  translation_pt: 'Um espaço aberto sobre a governança da Internet na Colômbia.',
};
const title = 'Mesa Colombiana de Gobernanza de Internet (MCGI)';

eachApp('initiatives are indexed by the commands that change them; drafts are found only by their committee and the secretariat', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator, fields);
  await seatMember(t, slug, { email: 'gov@example.org', group: 'government' });
  await seatMember(t, slug, { email: 'tech@example.org', group: 'technical_community' });
  await verifiedPerson(t, { email: 'someone@example.org' });
  await secretariat(t, 'secretariat@igf.test');

  assert.deepEqual(await found(t, 'financiacion'), [], 'a draft is not public');
  assert.deepEqual(await found(t, 'financiacion', 'someone@example.org'), [], 'nor seen by people outside its committee');
  assert.deepEqual(await found(t, 'financiacion', 'coord@example.org'), [`${title} [es]`]);
  assert.deepEqual(await found(t, 'financiacion', 'gov@example.org'), [`${title} [es]`]);
  assert.deepEqual(await found(t, 'financiacion', 'secretariat@igf.test'), [`${title} [es]`]);
  assert.deepEqual(await found(t, 'gouvernance', 'coord@example.org', 'fr'), [`${title} [fr]`], 'found in its French translation, shown in French');
  assert.deepEqual(await found(t, 'governanca', 'coord@example.org', 'pt'), [`${title} [pt]`]);

  // Recognition makes it public: the request and the decision reindex it.
  assert.equal((await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' })).status, 303);
  assert.equal((await coordinator.post(`/initiatives/${slug}/recognition`, {})).status, 303);
  assert.deepEqual(await found(t, 'financiacion'), [], 'pending is not public either');
  const admin = await secretariat(t, 'second@igf.test');
  const queue = await admin.get('/secretariat/recognition');
  const requestPath = queue.html.match(/href="(\/secretariat\/recognition\/[^"]+)"/)![1]!;
  assert.equal((await admin.post(requestPath, { decision: 'approve', comments: '' })).status, 303);
  assert.deepEqual(await found(t, 'FINANCIACION'), [`${title} [es]`]);
  assert.deepEqual(await found(t, 'mcgi'), [`${title} [es]`], 'the acronym is a title');

  // An edit replaces what the index says.
  const edit = await coordinator.post(`/initiatives/${slug}/edit`, { ...fields, name: 'Foro Colombiano de Conectividad', description: 'Espacio abierto sobre conectividad rural.' });
  assert.equal(edit.status, 303);
  assert.deepEqual(await found(t, 'financiacion'), []);
  assert.deepEqual(await found(t, 'conectividad'), ['Foro Colombiano de Conectividad (MCGI) [es]']);
}, { postgres: true });

eachApp('imported initiatives are found at once', async (t) => {
  const csv = 'name,acronym,type,countries,region,year_established,website,languages,source_url\n' +
    'Fórum da Internet no Brasil,FIB,national,BR,Latin America and Caribbean,2011,https://forumdainternet.cgi.br,pt,https://example.org/fib\n';
  const report = await importInitiatives(t.database.db, csv, { demo: true, now: t.clock.now, source: 'test.csv' });
  assert.equal(report.imported, 1);
  assert.deepEqual(await found(t, 'forum internet brasil'), ['Fórum da Internet no Brasil (FIB) [en]']);
  const results = await search(t.database.db, searchSources(modules), { user: null }, { q: 'forum', limit: 10, offset: 0, locale: 'es', facets: true });
  assert.deepEqual(results.facets.country.map((c) => c.value), ['BR']);
  assert.deepEqual(results.facets.year.map((c) => c.value), ['2011']);
  assert.deepEqual(results.facets.kind.map((c) => [c.value, c.count]), [['initiative', 1]]);
}, { postgres: true });
