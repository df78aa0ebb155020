import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { openedConsultation } from '../../../tests/support/consultations.ts';

const planFields = { title: 'Plan de ação 2027', starts_on: '2026-11-01', ends_on: '2027-10-31', description: 'O que a declaração pede.', language: 'pt' };
const item = (source: string) => ({
  topic: 'community_networks', action: 'Levar conectividade às escolas rurais', responsible_kind: 'group', responsible_group: 'government', mechanism: 'working_group', due_on: '2027-03-01', source,
});

eachApp('an action plan’s item comes from a consultation’s recorded consensus call and links back to its record', async (t) => {
  const { coordinator, chair, drafter, initiative, slug } = await openedConsultation(t);
  assert.equal((await drafter.post(`/consultations/${slug}/publish`, {})).status, 303);
  const created = await coordinator.post(`/initiatives/${initiative}/action-plans`, planFields);
  assert.equal(created.status, 303, created.html.slice(0, 1000));
  const planPath = created.location!.split('?')[0]!;
  const record = `https://cabildo.example/consultations/${slug}/record`;

  // Before its call is recorded, the consultation has no outcome to act on; nor has an unknown one.
  const early = await coordinator.post(`${planPath}/items`, item(record));
  assert.equal(early.status, 422);
  assert.match(early.html, /<p class="error" id="error-source">No published report has this call to action, and no consultation at this address has a recorded consensus call\.<\/p>/);
  assert.match((await coordinator.post(`${planPath}/items`, item('/consultations/nada/record'))).html, /id="error-source"/);
  assert.match((await coordinator.post(`${planPath}/items`, item('/consultations/<script>/record'))).html, /<p class="error" id="error-source">Paste the link/);

  // The chair records the call (no objections to dispose of); the item can now come from it.
  t.clock.now = new Date('2026-12-09T10:00:00Z');
  assert.equal((await chair.post(`/consultations/${slug}/consensus`, { outcome: 'rough_consensus', strength: 'Amplo apoio dos quatro setores presentes.' })).status, 303);
  const added = await coordinator.post(`${planPath}/items`, item(`${record}#call-title`));
  assert.equal(added.status, 303, added.html.slice(0, 1000));
  const itemPage = await coordinator.get(`${planPath}/items/${added.location!.split('#item-')[1]}`);
  assert.match(itemPage.html, new RegExp(`<a href="/consultations/${slug}/record#call-title">The outcome of the consultation “Declaração do Fórum”</a><p class="meta">Rough consensus</p>`));

  // The API and the export say where it came from.
  const api = await coordinator.json('GET', `/api/initiatives/${initiative}/action-plans`, undefined);
  const source = api.body.items[0].items.find((i: { action: string }) => i.action === 'Levar conectividade às escolas rurais').source;
  assert.deepEqual({ kind: source.kind, consultation: source.consultation, report: source.report }, { kind: 'consultation', consultation: slug, report: null });
  assert.match(source.url, new RegExp(`/consultations/${slug}/record#call-title$`));
}, { postgres: true });
