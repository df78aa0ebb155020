import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eachApp } from '../../../tests/support/app.ts';
import { verifiedPerson } from '../../../tests/support/factories.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { gridItems } from './grid.ts';

const script = '<script>alert("x")</script>';
const start = { title: 'Proyecto de ley de localización de datos', kind: 'law', jurisdiction: 'CO', language: 'es' };
/** Every item rated; `privacy` strongly negative, the rest negative. */
function fullGrid(reasoning = 'Obliga a guardar los datos en el país.'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const item of gridItems) {
    fields[`grid_${item}_rating`] = item === 'privacy' ? 'strongly_negative' : 'negative';
    fields[`grid_${item}_reasoning`] = reasoning;
  }
  return fields;
}

eachApp('two authors from different groups write a brief, publishing refuses missing ratings, each version is public, logged, charted, exported, listed, searched and compared', async (t) => {
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Civil', group: 'civil_society' });
  const bruno = await verifiedPerson(t, { email: 'bruno@example.org', name: 'Bruno Empresa', group: 'private_sector' });
  const outsider = await verifiedPerson(t, { email: 'otra@example.org', group: 'government' });
  const anonymous = t.client();

  // Bad input at the start: an unknown kind and jurisdiction, each told beside its field.
  const bad = await ana.post('/briefs/new', { ...start, kind: 'decree', jurisdiction: 'XX' });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /<p class="error" id="error-kind">/);
  assert.match(bad.html, /<p class="error" id="error-jurisdiction">/);
  const started = await ana.post('/briefs/new', start);
  assert.equal(started.status, 303);
  const id = started.location!.split('?')[0]!.split('/')[2]!;
  const form = await ana.get(`/briefs/${id}/edit`);
  assert.match(form.html, /Does it increase the collection, retention or sharing of personal data/, 'each item’s guidance beside its fields');
  assert.equal((await anonymous.get(`/briefs/${id}`)).status, 404, 'a draft is not public');
  assert.equal((await anonymous.json('GET', `/api/briefs/${id}`, undefined)).status, 404);

  // The starter adds a co-author by the address of an existing account; nobody else can.
  const unknown = await ana.post(`/briefs/${id}/authors`, { email: 'nadie@example.org' });
  assert.equal(unknown.status, 422);
  assert.match(unknown.html, /<p class="error" id="error-email">No account with a confirmed address uses this email\.<\/p>/);
  assert.equal((await ana.post(`/briefs/${id}/authors`, { email: 'bruno@example.org' })).status, 303);
  assert.match((await t.mail.withSubject('bruno@example.org', /: you are a co-author$/)).text, /Ana Civil added you as a co-author of the Internet impact brief/);
  assert.equal((await ana.post(`/briefs/${id}/authors`, { email: 'bruno@example.org' })).status, 409);
  assert.equal((await bruno.post(`/briefs/${id}/authors`, { email: 'otra@example.org' })).status, 403);

  // Someone who is not an author cannot edit; an unknown rating is refused beside its field.
  assert.equal((await outsider.post(`/briefs/${id}/edit`, { ...start, stage: 'preliminary' })).status, 404, 'a draft does not exist for others');
  const badRating = await bruno.post(`/briefs/${id}/edit`, { ...start, stage: 'preliminary', grid_privacy_rating: 'catastrophic', links: 'not a link' });
  assert.equal(badRating.status, 422);
  assert.match(badRating.html, /<p class="error" id="error-grid_privacy_rating">/);
  assert.match(badRating.html, /<p class="error" id="error-links">/);

  // A draft may leave ratings out, and script in every field is only ever text.
  const hostile = { title: script, kind: 'law', jurisdiction: 'CO', language: 'es', stage: 'preliminary', summary: script, links: 'https://example.org/ley', grid_privacy_rating: 'negative', grid_privacy_reasoning: script, grid_privacy_evidence: script, grid_privacy_users: script };
  assert.equal((await bruno.post(`/briefs/${id}/edit`, hostile)).status, 303);
  const draft = await bruno.get(`/briefs/${id}?view=draft`);
  assert.equal(draft.status, 200);
  assert.ok(!draft.html.includes(script), 'script is escaped');
  assert.match(draft.html, /&lt;script&gt;/);
  const refused = await bruno.post(`/briefs/${id}/publish`, {});
  assert.equal(refused.status, 422);
  assert.match(refused.html, /A published brief rates every item\. 14 are still without a rating: An accessible infrastructure with a common protocol;/);
  assert.equal((await anonymous.get(`/briefs/${id}`)).status, 404, 'a refused publication publishes nothing');

  // Every item rated: version 1, public, in the log, by both authors and their groups.
  const v1 = { ...start, stage: 'full', summary: 'El proyecto obliga a localizar los datos.', links: 'https://example.org/ley\nhttps://example.org/analisis', ...fullGrid(), grid_privacy_users: 'Pierden control sobre sus datos.' };
  assert.equal((await bruno.post(`/briefs/${id}/edit`, v1)).status, 303);
  assert.equal((await outsider.post(`/briefs/${id}/publish`, {})).status, 404);
  assert.equal((await bruno.post(`/briefs/${id}/publish`, {})).status, 303);
  assert.equal((await bruno.post(`/briefs/${id}/publish`, {})).status, 409, 'nothing new to publish');
  await t.mail.withSubject('ana@example.org', /: version 1 published$/);
  const published = await anonymous.get(`/briefs/${id}`);
  assert.equal(published.status, 200);
  assert.match(published.html, /Version 1 · Full brief/);
  assert.match(published.html, /Ana Civil \(Civil society\)/);
  assert.match(published.html, /Bruno Empresa \(Private sector\)/);
  assert.match(published.html, /<svg[^>]*role="img"/, 'a server-drawn chart');
  assert.match(published.html, /<tspan x="0" dy="0">Privacy<\/tspan><\/text><line[^>]*><\/line><g><rect[^>]*url\(#brief-negative\)[^>]*><\/rect><text[^>]*>Strongly negative<\/text>/, 'each bar labelled in text, negative ones hatched');
  assert.match(published.html, /url\(#brief-negative\)/, 'negative bars are hatched');
  assert.match(published.html, /<th scope="row" data-label="Item">Privacy<\/th><td data-label="Part">Enabler<\/td><td data-label="Impact">Strongly negative<\/td>/, 'and a table says the same');
  assert.match(published.html, /<dt>Users<\/dt><dd lang="es">Pierden control sobre sus datos\.<\/dd>/);
  assert.doesNotMatch(published.html, /action="\/briefs\/[^"]+\/publish/, 'no forms for readers');
  assert.match((await anonymous.get('/log')).html, /Internet impact brief published/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null, 'cabildo log verify rebuilds the version from its rows');

  // The export follows its documented schema; the API gives the same document.
  const exported = await anonymous.get(`/briefs/${id}/export.json`);
  assert.equal(exported.status, 200);
  const document = JSON.parse(exported.html);
  const schema = JSON.parse(readFileSync(new URL('./brief.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(schema.required.filter((key: string) => !(key in document)), []);
  assert.deepEqual(Object.keys(document).filter((key) => !(key in schema.properties)), []);
  assert.equal(document.grid.length, 15);
  assert.deepEqual(document.authors, [{ name: 'Ana Civil', stakeholder_group: 'civil_society' }, { name: 'Bruno Empresa', stakeholder_group: 'private_sector' }]);
  assert.equal((await anonymous.get('/briefs/schema.json')).response.headers.get('content-type'), 'application/schema+json; charset=utf-8');
  assert.deepEqual((await anonymous.json('GET', `/api/briefs/${id}`, undefined)).body, document);
  const openapi = await anonymous.json('GET', '/api/openapi.json', undefined);
  assert.ok(openapi.body.paths['/briefs'] && openapi.body.paths['/briefs/{id}']);
  assert.match(openapi.body.paths['/briefs/{id}'].get.description, /\/briefs\/schema\.json/);
  const validation = await new Validator().validate(openapi.body);
  assert.equal(validation.valid, true, JSON.stringify(validation.errors));

  // Listed and filtered, as a page and through the API; searchable.
  assert.match((await anonymous.get('/briefs?jurisdiction=CO&kind=law')).html, /Proyecto de ley de localización de datos/);
  assert.match((await anonymous.get('/briefs?jurisdiction=AR')).html, /No published brief matches these filters\./);
  assert.equal((await anonymous.json('GET', '/api/briefs?rating=strongly_negative&item=privacy', undefined)).body.total, 1);
  assert.equal((await anonymous.json('GET', '/api/briefs?rating=strongly_negative&item=integrity', undefined)).body.total, 0);
  assert.equal((await anonymous.json('GET', '/api/briefs?rating=positive', undefined)).body.total, 0);
  assert.equal((await anonymous.json('GET', '/api/briefs?kind=decree', undefined)).status, 422);
  assert.match((await anonymous.get('/search?q=localizacion')).html, new RegExp(`href="/briefs/${id}"`));

  // A change after publishing is the next draft: readers keep version 1 until version 2 is published.
  assert.equal((await ana.post(`/briefs/${id}/edit`, { ...v1, grid_integrity_reasoning: 'Sin cambios en la integridad de la información.', grid_integrity_rating: 'none' })).status, 303);
  assert.match((await anonymous.get(`/briefs/${id}`)).html, /Version 1/);
  assert.match((await ana.get(`/briefs/${id}?view=draft`)).html, /changed since version 1/);
  assert.equal((await anonymous.json('GET', '/api/briefs?rating=none', undefined)).body.total, 0, 'the list reads the published version');
  assert.equal((await ana.post(`/briefs/${id}/publish`, {})).status, 303);
  assert.match((await anonymous.get(`/briefs/${id}`)).html, /Version 2/);
  assert.equal((await anonymous.json('GET', '/api/briefs?rating=none&item=integrity', undefined)).body.total, 1);
  const versions = await anonymous.get(`/briefs/${id}/versions`);
  assert.match(versions.html, /<ins>(?:(?!<\/ins>).)*integridad/s, 'the added words are marked');
  assert.match(versions.html, /Version 1/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null);
}, { postgres: true });
