import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { insertPerson, loggedIn } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { eventsDb } from '../tables.ts';

/** A published forum whose published program has one in-person session with the given seats (set in the session form); answers the slug and the session's id. */
async function programWithSession(t: TestApp, capacity: string) {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const added = await coordinator.post(`/events/${slug}/sessions`, { title: 'Taller de accesibilidad', original_locale: 'es', modality: 'in_person', format: 'workshop', capacity });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const session = added.location!.split('?')[0]!.split('/').pop()!;
  const room = (await eventsDb(t.database.db).selectFrom('event_rooms').select('id').executeTakeFirstOrThrow()).id;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}/schedule`, { room, start: '2026-12-01T09:00', end: '2026-12-01T10:30' })).status, 303);
  const published = await coordinator.post(`/events/${slug}/program/publish`, {});
  assert.equal(published.status, 303, published.html.slice(0, 2000));
  return { coordinator, slug, session };
}

const person = async (t: TestApp, email: string, extra: { locale?: string; name?: string; verified?: boolean } = {}): Promise<TestClient> =>
  loggedIn(t, await insertPerson(t, { email, ...extra }));

/** The mail to an address whose subject matches, waiting for it. */
async function mailTo(t: TestApp, email: string, subject: RegExp) {
  for (let n = 1; ; n++) {
    const mail = await t.mail.nthTo(email, n);
    if (subject.test(mail.subject)) return mail;
  }
}

async function statuses(t: TestApp) {
  const rows = await eventsDb(t.database.db).selectFrom('event_registrations').select(['user_id', 'status', 'scope']).orderBy('sequence').execute();
  const users = await t.database.db.selectFrom('users').select(['id', 'email']).execute();
  const email = new Map(users.map((u: { id: string; email: string }) => [u.id, u.email]));
  return rows.map((r) => `${email.get(r.user_id)!.split('@')[0]}:${r.scope ? 'session' : 'event'}:${r.status}`);
}

const onsite = { presence: 'onsite', stakeholder_group: 'civil_society' };

eachApp('the public program registers people for a session with seats: it fills, waitlists in order, and a cancellation promotes the next by mail in their language', async (t) => {
  const { coordinator, slug, session } = await programWithSession(t, '2');
  const program = `/events/${slug}/program`;
  const action = `/events/${slug}/sessions/${session}/register`;

  // Anyone sees the seats left; a visitor without a session is asked to log in, not shown a form.
  const anonymous = await t.client().get(program);
  assert.match(anonymous.html, /In person: 2 seats left of 2/);
  assert.match(anonymous.html, /Log in to register for this session/);
  assert.doesNotMatch(anonymous.html, new RegExp(`action="${action}`));

  const ana = await person(t, 'ana@example.org', { locale: 'es', name: 'Ana' });
  const ben = await person(t, 'ben@example.org', { name: 'Ben' });
  const cai = await person(t, 'cai@example.org', { locale: 'fr', name: 'Cai' });
  const form = await ana.get(program);
  assert.match(form.html, new RegExp(`<form method="post" action="${action}#register-${session}"`), 'a form without script');
  assert.match(form.html, /name="_csrf"/, 'with its CSRF token');
  assert.match(form.html, /Presencial: quedan 2 plazas de 2/, 'in her language');
  assert.match(form.html, /Inscribirme en esta sesión/);

  const answers = [];
  for (const client of [ana, ben, cai]) answers.push((await client.post(action, onsite)).location);
  assert.deepEqual(answers, ['confirmed', 'confirmed', 'waitlisted'].map((n) => `${program}?view=published&registered=${session}&notice=${n}#session-${session}`));
  assert.equal((await ana.post(action, onsite)).status, 409, 'registered once');

  // Each sees their own status for the session, on the program itself.
  assert.match((await ana.get(`${program}?view=published&registered=${session}&notice=confirmed`)).html, /Está inscrito en esta sesión \(Presencial\)\.[\s\S]*Cancelar mi inscripción en esta sesión/);
  assert.match((await cai.get(program)).html, /Vous êtes sur la liste d’attente de cette session \(En présentiel|Vous êtes sur la liste d’attente de cette session \([^)]*\), numéro 1\./);
  assert.match((await t.client().get(program)).html, /In person: full \(1 person on the waitlist\)/);
  assert.deepEqual(await statuses(t), ['ana:session:confirmed', 'ben:session:confirmed', 'cai:session:waitlisted']);
  assert.match((await mailTo(t, 'cai@example.org', /liste d’attente|waitlist/i)).text, /Taller de accesibilidad/);

  // Ana cancels from the program: Cai, first in line, gets the seat and a mail in French naming the session.
  const cancelled = await ana.post(`${action}/cancel`, {});
  assert.equal(cancelled.location, `${program}?view=published&registered=${session}&notice=cancelled#session-${session}`);
  const promoted = await mailTo(t, 'cai@example.org', /^Une place pour vous/);
  assert.match(promoted.text, /Taller de accesibilidad/);
  assert.ok(promoted.attachments?.some((a) => a.filename.endsWith('.ics')), 'with the calendar entry');
  assert.deepEqual(await statuses(t), ['ana:session:cancelled', 'ben:session:confirmed', 'cai:session:confirmed']);
  assert.match((await cai.get(program)).html, /Vous êtes inscrit à cette session/);
  // Ana may register again, at the end of the line; cancelling twice is refused.
  assert.equal((await ana.post(`${action}/cancel`, {})).status, 409);
  assert.equal((await ana.post(action, onsite)).location, `${program}?view=published&registered=${session}&notice=waitlisted#session-${session}`);
  // The organisers' list names the session.
  assert.match((await coordinator.get(`/events/${slug}/registrations`)).html, /Taller de accesibilidad/);
  // More seats set in the session form let the waitlist in at once, mailed in the person's language.
  const more = await coordinator.post(`/events/${slug}/sessions/${session}`, { title: 'Taller de accesibilidad', original_locale: 'es', modality: 'in_person', format: 'workshop', capacity: '3' });
  assert.equal(more.status, 303, more.html.slice(0, 2000));
  assert.deepEqual(await statuses(t), ['ben:session:confirmed', 'cai:session:confirmed', 'ana:session:confirmed']);
  assert.match((await mailTo(t, 'ana@example.org', /^Tiene una plaza/)).text, /Taller de accesibilidad/);
}, { postgres: true });

eachApp('a refused session registration comes back beside its field, and nothing is written', async (t) => {
  const { slug, session } = await programWithSession(t, '5');
  const action = `/events/${slug}/sessions/${session}/register`;
  const ana = await person(t, 'ana@example.org', { name: 'Ana' });

  // An in-person session does not take online participants.
  const online = await ana.post(action, { ...onsite, presence: 'online' });
  assert.equal(online.status, 422);
  assert.match(online.html, /<p class="error" id="error-presence">This event does not offer this way of taking part\.<\/p>/);
  assert.match(online.html, /Register for the session Taller de accesibilidad/);
  const empty = await ana.post(action, {});
  assert.equal(empty.status, 422);
  assert.match(empty.html, /id="error-stakeholder_group"/);
  assert.equal((await ana.post(`/events/${slug}/sessions/no-such-session/register`, onsite)).status, 404);
  const stranger = await t.client().post(action, onsite);
  assert.equal(stranger.status, 303, 'a visitor without a session is sent to log in');
  assert.match(stranger.location ?? '', /^\/login/);
  const unverified = await person(t, 'nov@example.org', { verified: false });
  assert.equal((await unverified.post(action, onsite)).status, 403);
  assert.match((await unverified.get(`/events/${slug}/program`)).html, /Confirm your email address to register\./);
  assert.deepEqual(await statuses(t), []);
  // The form's own address, reloaded, is the page with the form; the cancel address leads to the program.
  assert.equal((await ana.get(action)).status, 200);
  assert.equal((await ana.get(`${action}/cancel`)).location, `/events/${slug}/program#session-${session}`);
}, { postgres: true });
