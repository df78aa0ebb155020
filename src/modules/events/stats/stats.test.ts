import assert from 'node:assert/strict';
import { eachApp } from '../../../../tests/support/app.ts';
import { liveSession, participant } from '../../../../tests/support/eventsFloor.ts';
import { createEvent } from '../../../../tests/support/events.ts';

const person = (i: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`person_${i}_${k}`, v]));

eachApp('participation statistics: counts by group, gender, region and presence, small counts hidden, no one named', async (t) => {
  const { slug, live, coordinator, moderator, initiative } = await liveSession(t);
  // A second session with seven speakers; Ana Gómez (MinTIC) speaks in a third session too and counts once.
  const speakers: Array<Record<string, string>> = [
    { name: 'Ana Gómez', organisation: 'MinTIC', gender: 'Mujer', country: 'CO', stakeholder_group: 'government', presence: 'onsite' },
    { name: 'Beatriz Sol', gender: 'mujer', country: 'CO', stakeholder_group: 'civil_society', presence: 'onsite' },
    { name: 'Carla Mar', gender: 'woman', country: 'CO', stakeholder_group: 'civil_society', presence: 'online' },
    { name: 'Dora Luz', gender: 'femme', country: 'CO', stakeholder_group: 'civil_society', presence: 'onsite' },
    { name: 'Elena Paz', gender: 'F', country: 'CO', stakeholder_group: 'civil_society', presence: 'onsite' },
    { name: 'Fabio Río', gender: 'hombre', country: 'FR', stakeholder_group: 'civil_society', presence: 'onsite' },
    { name: 'Gael Nube', stakeholder_group: 'government', presence: 'online' },
  ];
  const fields: Record<string, string> = { title: 'Acceso significativo', original_locale: 'es', modality: 'hybrid' };
  speakers.forEach((s, i) => Object.assign(fields, person(i, { ...s, role: 'speaker' })));
  const added = await coordinator.post(`/events/${slug}/sessions`, fields);
  assert.equal(added.status, 303, added.html.slice(0, 1500));
  const second = added.location!.split('?')[0]!.split('/').pop()!;
  const first = live.split('/')[4]!;
  const firstPage = await coordinator.get(`/events/${slug}/sessions/${first}`);
  assert.equal(firstPage.status, 200);
  const room = /<option value="([^"]+)"[^>]*>Auditorio/.exec(firstPage.html)![1]!;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${second}/schedule`, { room, start: '2026-12-01T11:00', end: '2026-12-01T12:00' })).status, 303);
  const third = (await coordinator.post(`/events/${slug}/sessions`, { title: 'Cierre', original_locale: 'es', modality: 'hybrid', ...person(0, { ...speakers[0]!, name: 'ANA GÓMEZ', role: 'speaker' }) })).location!.split('?')[0]!.split('/').pop()!;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${third}/schedule`, { room, start: '2026-12-02T11:00', end: '2026-12-02T12:00' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/program/publish`, { confirm: 'on' })).status, 303);

  // One intervention from the floor.
  const rosa = await participant(t, slug, 'rosa@example.org', 'Rosa Técnica', 'technical_community');
  assert.equal((await rosa.post(`${live}/ask`, { kind: 'floor' })).status, 303);
  const id = /<tr id="request-([^"]+)"/.exec((await moderator.get(live)).html)![1]!;
  assert.equal((await moderator.post(`${live}/requests/${id}`, { status: 'took_floor' })).status, 303);

  const page = await t.client().get(`/events/${slug}/statistics`);
  assert.equal(page.status, 200);
  const row = (label: string, shown: string) => new RegExp(`<th scope="row">${label}</th><td>${shown}</td>`);
  assert.match(page.html, /Speakers by gender/);
  assert.match(page.html, row('Women', '5'));
  assert.match(page.html, row('Men', '&lt;5'));
  assert.match(page.html, row('Not stated', '&lt;5'));
  assert.match(page.html, row('Latin American and Caribbean Group', '5'));
  assert.match(page.html, /Total: 7/);
  // Government has 2: hidden; civil society's 5 would give it away, so it is hidden too.
  assert.match(page.html, row('Government', '&lt;5'));
  assert.match(page.html, row('Civil society', '&lt;5'));
  assert.match(page.html, /Interventions from the floor/);
  assert.match(page.html, /Total: &lt;5/);
  // The hidden cells draw no bar; every chart has its text alternative.
  assert.match(page.html, /<desc id="speakers-gender-desc">Women: 5; Men: &lt;5/);
  for (const name of [...speakers.map((s) => s.name), 'Rosa', 'Olga', 'MinTIC', 'femme', 'hombre']) assert.ok(!page.html.includes(name), `${name} is not on the page`);

  const api = await t.client().json('GET', `/api/events/${slug}/statistics`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.speakers.total, 7);
  assert.deepEqual(api.body.speakers.by.gender, [{ key: 'woman', count: 5 }, { key: 'man', count: null }, { key: 'another', count: 0 }, { key: 'unknown', count: null }]);
  assert.equal(api.body.floor.total, null);
  // Rosa's confirmed registration: one, so hidden.
  assert.equal(api.body.registrations.total, null);
  assert.deepEqual(api.body.registrations.by.presence, [{ key: 'onsite', count: 0 }, { key: 'online', count: null }, { key: 'unknown', count: 0 }]);
  assert.equal(api.body.floor.by.stakeholder_group.find((c: { key: string }) => c.key === 'technical_community').count, null);
  assert.ok(!/Ana|Rosa|MinTIC/.test(JSON.stringify(api.body)));

  // A draft's statistics are its organisers'.
  const draft = await createEvent(coordinator, initiative, { title: 'Borrador' });
  assert.equal((await t.client().get(`/events/${draft}/statistics`)).status, 404);
  assert.equal((await t.client().json('GET', `/api/events/${draft}/statistics`, undefined)).status, 404);
  assert.equal((await coordinator.get(`/events/${draft}/statistics`)).status, 200);
}, { postgres: true });
