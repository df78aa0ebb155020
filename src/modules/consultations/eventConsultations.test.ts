import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { seatMember, verifiedPerson } from '../../../tests/support/factories.ts';
import { createEvent, eventFields, organiser } from '../../../tests/support/events.ts';
import { consultationFields } from '../../../tests/support/consultations.ts';
import { consultationsDb } from './tables.ts';

const forum = eventFields.title;
/** A consultation opened on the event: its people are left to the organiser who opens it. */
const onEvent = (extra: Record<string, string | string[]> = {}) => consultationFields({ title: 'Declaración del Foro', slug: 'declaracion-foro', chairs: '', drafters: '', ...extra });

eachApp('an event’s organiser opens a consultation on it, chairs it, and the event, the consultation, the list and the API name each other', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const event = await createEvent(coordinator, initiative);
  // A committee member who does not coordinate: an organiser of the initiative's events.
  const member = await seatMember(t, initiative, { email: 'member@example.org', name: 'Mara Miembro', group: 'government' });
  const outsider = await verifiedPerson(t, { email: 'outsider@example.org', group: 'private_sector' });
  const anonymous = t.client();
  const rows = async () => (await consultationsDb(t.database.db).selectFrom('consultations').select('id').execute()).length;

  // While the event is a draft, it does not exist for those outside its committee.
  assert.equal((await outsider.get(`/events/${event}/consultations/new`)).status, 404);
  assert.equal((await outsider.post(`/events/${event}/consultations/new`, onEvent())).status, 404);
  assert.equal((await coordinator.post(`/events/${event}/publish`, {})).status, 303);

  // Only its organisers find the way to open one.
  const eventPage = await member.get(`/events/${event}`);
  assert.match(eventPage.html, /<h2 id="consultations-title">Consultations on this event<\/h2>/);
  assert.match(eventPage.html, /No consultation has been opened on this event yet\./);
  assert.match(eventPage.html, new RegExp(`<a href="/events/${event}/consultations/new">Open a consultation on this event</a>`));
  for (const reader of [outsider, anonymous]) assert.doesNotMatch((await reader.get(`/events/${event}`)).html, /consultations-title|Open a consultation/);

  // Someone outside the committee is refused, and nothing is written.
  assert.equal((await outsider.get(`/events/${event}/consultations/new`)).status, 403);
  assert.equal((await outsider.post(`/events/${event}/consultations/new`, onEvent())).status, 403);
  assert.match((await anonymous.post(`/events/${event}/consultations/new`, onEvent())).location ?? '', /^\/login/);
  assert.equal(await rows(), 0, 'a refused opening stores nothing');

  // The same form as the initiative's, with the event fixed; a mistake comes back beside its field.
  const form = await member.get(`/events/${event}/consultations/new`);
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`A new consultation on “${forum}”`));
  assert.match(form.html, new RegExp(`<a href="/events/${event}">Back to the event “${forum}”</a>`));
  assert.match(form.html, new RegExp(`action="/events/${event}/consultations/new#new-consultation"`));
  const wrong = await member.post(`/events/${event}/consultations/new`, onEvent({ positions_from: '2026-11-01' }));
  assert.equal(wrong.status, 422);
  assert.match(wrong.html, new RegExp(`action="/events/${event}/consultations/new#new-consultation"`));
  assert.equal(await rows(), 0);

  const opened = await member.post(`/events/${event}/consultations/new`, onEvent());
  assert.equal(opened.status, 303, opened.html.slice(0, 2000));
  assert.equal(opened.location, '/consultations/declaracion-foro?notice=opened');
  const stored = await consultationsDb(t.database.db).selectFrom('consultations').select(['event_id']).executeTakeFirstOrThrow();
  assert.ok(stored.event_id, 'it belongs to the event');

  // The organiser who opened it chairs it: they change its settings and publish its text.
  const page = await member.get('/consultations/declaracion-foro');
  assert.match(page.html, /Mara Miembro \(Government\)/);
  assert.match(page.html, new RegExp(`Event: <a href="/events/${event}">${forum}</a>`));
  assert.equal((await member.get('/consultations/declaracion-foro/settings')).status, 200);
  const configured = await member.post('/consultations/declaracion-foro/settings', onEvent({ chairs: 'member@example.org', title: 'Declaración del Foro de Bogotá' }));
  assert.equal(configured.status, 303, configured.html.slice(0, 2000));
  assert.equal((await member.post('/consultations/declaracion-foro/publish', {})).status, 303);
  assert.equal((await outsider.get('/consultations/declaracion-foro/settings')).status, 403);

  // The event's page lists it with its phase, for everyone now that it is published.
  for (const reader of [anonymous, outsider]) {
    const listed = await reader.get(`/events/${event}`);
    assert.match(listed.html, /<a href="\/consultations\/declaracion-foro" lang="pt">Declaración del Foro de Bogotá<\/a> · Amendments/);
    assert.doesNotMatch(listed.html, /Open a consultation on this event/);
  }
  assert.match((await anonymous.get('/consultations')).html, new RegExp(`Event: <a href="/events/${event}">${forum}</a>`));
  assert.match((await anonymous.get('/consultations/declaracion-foro')).html, new RegExp(`Event: <a href="/events/${event}">${forum}</a>`));

  // The API names the event; a consultation of the initiative has none.
  const api = await anonymous.json('GET', '/api/consultations/declaracion-foro', undefined);
  assert.equal(api.status, 200);
  assert.deepEqual(api.body.event, { slug: event, title: forum });
  assert.equal((await coordinator.post(`/initiatives/${initiative}/consultations`, onEvent({ slug: 'da-iniciativa', title: 'Plano da iniciativa' }))).status, 303);
  assert.equal((await coordinator.post('/consultations/da-iniciativa/publish', {})).status, 303);
  assert.equal((await anonymous.json('GET', '/api/consultations/da-iniciativa', undefined)).body.event, null);
  const list = await anonymous.json('GET', '/api/consultations', undefined);
  const named = Object.fromEntries(list.body.items.map((i: { slug: string; event: unknown }) => [i.slug, i.event]));
  assert.deepEqual(named, { 'da-iniciativa': null, 'declaracion-foro': { slug: event, title: forum } });
  const openapi = await anonymous.json('GET', '/api/openapi.json', undefined);
  assert.ok(openapi.body.components.schemas.ConsultationSummary.properties.event, 'the event is in the OpenAPI schema');
}, { postgres: true });

eachApp('a coordinator who opens a consultation on an event is not named a chair: coordinators already chair it', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const event = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${event}/consultations/new`, onEvent())).status, 303);
  const people = await consultationsDb(t.database.db).selectFrom('consultation_people').selectAll().execute();
  assert.deepEqual(people, []);
  // Before the event is published, its organisers see the consultation on the draft event's page, unpublished.
  assert.match((await coordinator.get(`/events/${event}`)).html, /Declaración del Foro<\/a> · Amendments · not yet published/);
  assert.match((await coordinator.get('/consultations/declaracion-foro')).html, new RegExp(`Event: <a href="/events/${event}">`));
}, { postgres: true });
