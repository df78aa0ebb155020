import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { verifiedPerson } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import { eventWithCall, goodProposal } from '../../../../tests/support/eventsCall.ts';
import { submitProposal } from '../../../../tests/support/eventsReview.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { eventsDb } from '../tables.ts';

/** The HTML of a page with its entities read back, to match the messages as a person reads them. */
const text = (html: string) => html.replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** The error shown beside a field, if any. */
const errorBeside = (html: string, field: string) => text(html).match(new RegExp(`<p class="error" id="error-${field}">([^<]*)</p>`))?.[1];

async function windowCount(t: TestApp) {
  return Number((await eventsDb(t.database.db).selectFrom('event_person_availability').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

async function bearerOf(client: TestClient) {
  const tokenPage = await client.post('/account/tokens', { token_name: 'script' });
  return { Authorization: `Bearer ${tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!}` };
}

const person = (i: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`person_${i}_${k}`, v]));

eachApp('organisers type people’s availability in the session form; the program, the API and publishing show who is outside it, until the session moves', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  // Bogotá, 1–2 December 2026 (UTC−5).
  const slug = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const session = { title: 'Acceso significativo', original_locale: 'es', modality: 'hybrid', format: 'panel' };
  const people = {
    ...person(0, { name: 'Ana Gómez', role: 'speaker', organisation: 'MinTIC', availability: '2026-12-01 09:00-12:00\r\n2026-12-02' }),
    ...person(1, { name: 'Beto Ruiz', role: 'moderator', availability: '2026-12-01 11:00-18:00\n2026-12-02 09:00-12:00' }),
    ...person(3, { name: 'Carla Díaz', role: 'rapporteur' }),
  };

  // The form's hint explains the format in the event's zone and days.
  const blank = await coordinator.get(`/events/${slug}/sessions/new`);
  assert.match(text(blank.html), /in the event’s time zone \(America\/Bogota\), from 2026-12-01 to 2026-12-02: “2026-12-01 09:00-13:00” for part of a day/);
  assert.match(blank.html, /<textarea id="field-person_0_availability" name="person_0_availability"/);

  // Refused beside the person's field, in the reader's words, nothing written.
  const bad: Array<[string, RegExp]> = [
    ['2026-12-01 09:00-12:00\nafter lunch', /^Line 2 cannot be read: write a day and times such as “2026-10-14 09:00-13:00”/],
    ['2026-12-01 13:00-12:00', /^Line 1: the end must come after the start\.$/],
    ['2026-12-01\n\n2026-12-05 09:00-10:00', /^Line 3 is outside the event’s days \(2026-12-01 to 2026-12-02\)\.$/],
  ];
  for (const [availability, message] of bad) {
    // Row 2 is left blank: the error still lands on row 3, the row typed.
    const page = await coordinator.post(`/events/${slug}/sessions`, { ...session, ...people, ...person(3, { name: 'Carla Díaz', role: 'rapporteur', availability }) });
    assert.equal(page.status, 422, availability);
    assert.match(errorBeside(page.html, 'person_3_availability') ?? '', message, availability);
    assert.ok(page.html.includes(availability.split('\n')[0]!), 'what was typed is shown back');
  }
  assert.equal((await eventsDb(t.database.db).selectFrom('event_sessions').select('id').execute()).length, 0);
  assert.equal(await windowCount(t), 0);

  const created = await coordinator.post(`/events/${slug}/sessions`, { ...session, ...people });
  assert.equal(created.status, 303, created.html.slice(0, 2000));
  const id = created.location!.split('?')[0]!.split('/').pop()!;
  assert.equal(await windowCount(t), 4);
  // The form shows the windows back as typed, in the event's zone.
  const form = await coordinator.get(`/events/${slug}/sessions/${id}`);
  assert.match(form.html, /name="person_0_availability"[^>]*>2026-12-01 09:00-12:00\n2026-12-02<\/textarea>/);
  assert.match(form.html, /name="person_1_availability"[^>]*>2026-12-01 11:00-18:00\n2026-12-02 09:00-12:00<\/textarea>/);

  // Placed at 14:00 on the first day: Ana said only 9 to 12 that day (and all of the second).
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${id}/schedule`, { start: '2026-12-01T14:00', end: '2026-12-01T15:00' })).status, 303);
  const anaOutside = 'Ana Gómez takes part in “Acceso significativo” (Dec 1, 2026 2:00 PM–3:00 PM) outside the times they said they can: Dec 1, 2026 9:00 AM–12:00 PM; Dec 2, 2026.';
  const working = await coordinator.get(`/events/${slug}/program`);
  assert.ok(text(working.html).replace(/\u202f/g, ' ').includes(anaOutside), 'on the program page');
  assert.match(working.html, /One conflict|1 conflict/);
  const sessionPage = await coordinator.get(`/events/${slug}/sessions/${id}`);
  assert.ok(text(sessionPage.html).replace(/\u202f/g, ' ').includes(anaOutside), 'on the session’s page');
  const api = await coordinator.json('GET', `/api/events/${slug}/program`, undefined);
  assert.deepEqual(api.body.conflicts.map((c: { kind: string; sessions: string[]; message: string }) => [c.kind, c.sessions, c.message.replace(/\u202f/g, ' ')]), [['outside_availability', [id], anaOutside]]);

  // Publishing asks to confirm it; the confirmation names the number the organiser saw.
  const unconfirmed = await coordinator.post(`/events/${slug}/program/publish`, { seen_conflicts: '1' });
  assert.equal(unconfirmed.status, 422);
  assert.equal(errorBeside(unconfirmed.html, 'confirm'), 'There is one open conflict: tick the box to publish with it, or fix it first.');
  assert.ok(text(unconfirmed.html).replace(/\u202f/g, ' ').includes(anaOutside), 'the conflict is listed beside the confirmation');
  assert.match(unconfirmed.html, /Publish with one open conflict/);

  // Moved to 11:00, when both can: the conflict is gone.
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${id}/schedule`, { start: '2026-12-01T11:00', end: '2026-12-01T12:00' })).status, 303);
  assert.deepEqual((await coordinator.json('GET', `/api/events/${slug}/program`, undefined)).body.conflicts, []);
  assert.doesNotMatch(text((await coordinator.get(`/events/${slug}/program`)).html), /outside the times they said/);

  // Through the API: moved to the second afternoon, the moderator is outside; back in the morning, no one is.
  const bearer = await bearerOf(coordinator);
  const afternoon = await t.client().json('PATCH', `/api/events/${slug}/sessions/${id}`, { start: '2026-12-02T14:00', end: '2026-12-02T15:00' }, bearer);
  assert.equal(afternoon.status, 200);
  assert.deepEqual(afternoon.body.conflicts.map((c: { kind: string; message: string }) => [c.kind, c.message.replace(/\u202f/g, ' ')]), [
    ['outside_availability', 'Beto Ruiz takes part in “Acceso significativo” (Dec 2, 2026 2:00 PM–3:00 PM) outside the times they said they can: Dec 1, 2026 11:00 AM–6:00 PM; Dec 2, 2026 9:00 AM–12:00 PM.'],
  ]);
  const morning = await t.client().json('PATCH', `/api/events/${slug}/sessions/${id}`, { start: '2026-12-02T10:00', end: '2026-12-02T11:00' }, bearer);
  assert.deepEqual(morning.body.conflicts, []);

  // Editing the moderator's windows (without moving the session) brings a conflict back; clearing them drops it.
  const edited = await coordinator.post(`/events/${slug}/sessions/${id}`, { ...session, ...people, ...person(1, { name: 'Beto Ruiz', role: 'moderator', availability: '2026-12-01' }) });
  assert.equal(edited.status, 303);
  assert.deepEqual((await coordinator.json('GET', `/api/events/${slug}/program`, undefined)).body.conflicts.map((c: { kind: string; message: string }) => c.message.replace(/\u202f/g, ' ')),
    ['Beto Ruiz takes part in “Acceso significativo” (Dec 2, 2026 10:00 AM–11:00 AM) outside the times they said they can: Dec 1, 2026.']);
  assert.equal(await windowCount(t), 3, 'the old windows went with the old rows');
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${id}`, { ...session, ...people, ...person(1, { name: 'Beto Ruiz', role: 'moderator', availability: '' }) })).status, 303);
  assert.deepEqual((await coordinator.json('GET', `/api/events/${slug}/program`, undefined)).body.conflicts, []);

  // A session added through the API states availability as a list of lines; a window outside the event is refused at its pointer.
  const outside = await t.client().json('POST', `/api/events/${slug}/sessions`, { ...session, people: [{ name: 'Dora Paz', role: 'speaker', availability: ['2026-12-01', '2026-12-07 09:00-10:00'] }] }, bearer);
  assert.equal(outside.status, 422);
  assert.deepEqual(outside.body.errors, [{ pointer: '#/people/0/availability', detail: 'Line 2 is outside the event’s days (2026-12-01 to 2026-12-02).' }]);
  const unreadable = await t.client().json('POST', `/api/events/${slug}/sessions`, { ...session, people: [{ name: 'Dora Paz', role: 'speaker', availability: 'mañana' }] }, bearer);
  assert.equal(unreadable.status, 422);
  assert.equal(unreadable.body.errors[0].pointer, '#/people/0/availability');
  const added = await t.client().json('POST', `/api/events/${slug}/sessions`, { ...session, title: 'Ciberseguridad', people: [{ name: 'Dora Paz', role: 'speaker', availability: ['2026-12-01 09:00-10:00'] }] }, bearer);
  assert.equal(added.status, 201);
  const placed = await t.client().json('PATCH', `/api/events/${slug}/sessions/${added.body.id}`, { start: '2026-12-01T09:30', end: '2026-12-01T10:30' }, bearer);
  assert.deepEqual(placed.body.conflicts.map((c: { kind: string; message: string }) => c.message.replace(/\u202f/g, ' ')), [
    'Dora Paz takes part in “Ciberseguridad” (Dec 1, 2026 9:30 AM–10:30 AM) outside the times they said they can: Dec 1, 2026 9:00 AM–10:00 AM.',
  ]);
}, { postgres: true });

eachApp('a speaker’s availability typed in the proposal form goes with the accepted proposal to its session, where it can clash', async (t) => {
  const { slug, coordinator, track, question } = await eventWithCall(t);
  const db = eventsDb(t.database.db);
  // The proposer reads Spanish.
  const proposer = await verifiedPerson(t, { email: 'proponente@example.org', name: 'Rosa Proponente', locale: 'es' });
  const fields = goodProposal(track, question);

  const form = await proposer.get(`/events/${slug}/proposals/new`);
  assert.match(text(form.html), /Los días y horas en que esta persona puede asistir, uno por línea, en la zona horaria del evento \(America\/Bogota\), del 2026-12-01 al 2026-12-02/);
  assert.match(form.html, /name="speaker_5_availability"/);

  // Errors beside the speaker's field: one the schema finds, one only the event's days can tell.
  const unreadable = await proposer.post(`/events/${slug}/proposals/new`, { ...fields, speaker_2_availability: '2026-12-01 9-12', intent: 'submit' });
  assert.equal(unreadable.status, 422);
  assert.match(errorBeside(unreadable.html, 'speaker_2_availability') ?? '', /^No se puede leer la línea 1: escriba un día y horas como «2026-10-14 09:00-13:00»/);
  const outside = await proposer.post(`/events/${slug}/proposals/new`, { ...fields, speaker_2_availability: '2026-12-01\n2026-11-30 09:00-10:00', intent: 'submit' });
  assert.equal(outside.status, 422);
  assert.equal(errorBeside(outside.html, 'speaker_2_availability'), 'La línea 2 queda fuera de los días del evento (del 2026-12-01 al 2026-12-02).');
  const nameless = await proposer.post(`/events/${slug}/proposals/new`, { ...fields, speaker_4_availability: '2026-12-01', intent: 'draft' });
  assert.equal(nameless.status, 422);
  assert.ok(errorBeside(nameless.html, 'speaker_4_name'), 'windows without a name belong to no one');
  assert.equal((await db.selectFrom('event_proposals').select('id').execute()).length, 0);

  const id = await submitProposal(proposer, slug, { ...fields, speaker_1_availability: '2026-12-01 09:00-12:00' });
  const page = await proposer.get(`/events/${slug}/proposals/${id}`);
  assert.match(page.html, /Carlos Ruiz[^<]*<br\/?>Puede participar: 2026-12-01 09:00-12:00 \(America\/Bogota\)/);
  const edit = await proposer.get(`/events/${slug}/proposals/${id}/edit`);
  assert.match(edit.html, /name="speaker_1_availability"[^>]*>2026-12-01 09:00-12:00<\/textarea>/);

  // The chair accepts it: the session's Carlos Ruiz carries the same window.
  const chair = await verifiedPerson(t, { email: 'chair@example.org', name: 'Clara Chair', group: 'government' });
  assert.equal((await coordinator.post(`/events/${slug}/committee`, { email: 'chair@example.org', stakeholder_group: 'government', chair: 'on' })).status, 303);
  const decided = await chair.post(`/events/${slug}/proposals/${id}/decision`, { decision: 'accepted', reason: 'Tres grupos la apoyan.' });
  assert.equal(decided.status, 303, decided.html.slice(0, 2000));
  const session = await db.selectFrom('event_sessions').select('id').where('proposal_id', '=', id).executeTakeFirstOrThrow();
  const sessionForm = await coordinator.get(`/events/${slug}/sessions/${session.id}`);
  assert.match(sessionForm.html, /name="person_\d+_availability"[^>]*>2026-12-01 09:00-12:00<\/textarea>/);

  // Placed in the afternoon, Carlos is outside what he said; in the morning, not.
  const bearer = await bearerOf(coordinator);
  const afternoon = await t.client().json('PATCH', `/api/events/${slug}/sessions/${session.id}`, { start: '2026-12-01T15:00', end: '2026-12-01T16:30' }, bearer);
  assert.equal(afternoon.status, 200);
  assert.deepEqual(afternoon.body.conflicts.map((c: { kind: string; message: string }) => [c.kind, c.message.replace(/\u202f/g, ' ')]), [
    ['outside_availability', 'Carlos Ruiz takes part in “Inclusión digital en zonas rurales” (Dec 1, 2026 3:00 PM–4:30 PM) outside the times they said they can: Dec 1, 2026 9:00 AM–12:00 PM.'],
  ]);
  const morning = await t.client().json('PATCH', `/api/events/${slug}/sessions/${session.id}`, { start: '2026-12-01T09:30', end: '2026-12-01T11:00' }, bearer);
  assert.deepEqual(morning.body.conflicts, []);
}, { postgres: true });
