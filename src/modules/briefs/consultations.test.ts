import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { verifiedPerson } from '../../../tests/support/factories.ts';
import { openedConsultation } from '../../../tests/support/consultations.ts';
import { gridItems } from './grid.ts';

const start = { title: 'Proyecto de ley de filtrado de DNS', kind: 'law', jurisdiction: 'UY', language: 'es' };
const rated = Object.fromEntries(gridItems.map((item) => [`grid_${item}_rating`, 'negative']));

eachApp('a published brief’s authors attach it to an open consultation, whose page then lists it', async (t) => {
  const { drafter, slug } = await openedConsultation(t);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Civil', group: 'civil_society' });
  const outsider = await verifiedPerson(t, { email: 'otro@example.org', group: 'government' });
  const id = (await ana.post('/briefs/new', start)).location!.split('?')[0]!.split('/')[2]!;
  assert.equal((await ana.post(`/briefs/${id}/edit`, { ...start, stage: 'full', summary: 'Resumen.', ...rated })).status, 303);

  // Before the brief or the consultation is published there is nothing to attach.
  assert.equal((await ana.post(`/briefs/${id}/consultations`, { consultation: slug })).status, 409);
  assert.equal((await ana.post(`/briefs/${id}/publish`, {})).status, 303);
  let page = await ana.get(`/briefs/${id}`);
  assert.match(page.html, /No consultation is open at the moment/);
  const refused = await ana.post(`/briefs/${id}/consultations`, { consultation: slug });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /<p class="alert" role="alert">Choose one of the open consultations in the list\.<\/p><p>No consultation is open at the moment/);
  assert.equal((await drafter.post(`/consultations/${slug}/publish`, {})).status, 303);

  // Its authors only; then the consultation lists it and the brief names the consultation.
  page = await ana.get(`/briefs/${id}`);
  assert.match(page.html, /<option value="declaracao-forum">Declaração do Fórum<\/option>/);
  assert.equal((await outsider.post(`/briefs/${id}/consultations`, { consultation: slug })).status, 403);
  const hostile = await ana.post(`/briefs/${id}/consultations`, { consultation: '<script>alert(1)</script>' });
  assert.equal(hostile.status, 422);
  assert.match(hostile.html, /<p class="error" id="error-consultation">Choose one of the open consultations in the list\.<\/p>/);
  assert.doesNotMatch(hostile.html, /<script>alert/);
  const attached = await ana.post(`/briefs/${id}/consultations`, { consultation: slug });
  assert.equal(attached.status, 303);
  assert.equal((await ana.post(`/briefs/${id}/consultations`, { consultation: slug })).status, 303, 'attaching twice changes nothing');
  const consultation = await t.client().get(`/consultations/${slug}`);
  assert.match(consultation.html, new RegExp(`<h2 id="briefs-title">Internet impact briefs on this text</h2>[^]*<a href="/briefs/${id}" lang="es">Proyecto de ley de filtrado de DNS</a>`));
  assert.equal(consultation.html.split(`href="/briefs/${id}"`).length - 1, 1, 'listed once');
  page = await t.client().get(`/briefs/${id}`);
  assert.match(page.html, /<h2 id="consultations-title">Consultations on the text it analyses<\/h2>[^]*<a href="\/consultations\/declaracao-forum">Declaração do Fórum<\/a>/);
  assert.doesNotMatch(page.html, /<form[^>]*action="\/briefs\/[^"]+\/consultations/, 'visitors get no form');

  // Once closed, a consultation takes no more briefs (what is attached stays listed).
  t.clock.now = new Date('2026-12-16T10:00:00Z');
  const second = (await ana.post('/briefs/new', { ...start, title: 'Otra ley' })).location!.split('?')[0]!.split('/')[2]!;
  assert.equal((await ana.post(`/briefs/${second}/edit`, { ...start, title: 'Otra ley', stage: 'full', summary: 'Resumen.', ...rated })).status, 303);
  assert.equal((await ana.post(`/briefs/${second}/publish`, {})).status, 303);
  assert.equal((await ana.post(`/briefs/${second}/consultations`, { consultation: slug })).status, 422);
  assert.match((await t.client().get(`/consultations/${slug}`)).html, /Proyecto de ley de filtrado de DNS/);
}, { postgres: true });
