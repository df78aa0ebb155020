import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat, verifiedPerson } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { eventsDb } from '../tables.ts';

/** A published hybrid forum with the given seats, set through the organisers' form; answers the coordinator and the slug. */
async function openEvent(t: TestApp, seats: { onsite_capacity?: string; online_capacity?: string } = {}, fields: Record<string, string | string[]> = {}) {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative, fields);
  await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100', online_link: 'https://meet.example.org/auditorio' });
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const saved = await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: '', online_capacity: '', ...seats });
  assert.equal(saved.status, 303, saved.html.slice(0, 500));
  return { coordinator, slug };
}

async function person(t: TestApp, email: string, extra: { locale?: string; group?: string; name?: string; verified?: boolean } = {}): Promise<TestClient> {
  return loggedIn(t, await insertPerson(t, { email, ...extra }));
}

/** The mail to an address whose subject matches, waiting for it: jobs may send two mails to one person in either order. */
async function mailTo(t: TestApp, email: string, subject: RegExp) {
  for (let n = 1; ; n++) {
    const mail = await t.mail.nthTo(email, n);
    if (subject.test(`${mail.subject}\n${mail.text}`)) return mail;
  }
}

const onsite = { presence: 'onsite', stakeholder_group: 'civil_society' };

async function statuses(t: TestApp) {
  const rows = await eventsDb(t.database.db).selectFrom('event_registrations').select(['user_id', 'status', 'presence', 'sequence']).orderBy('sequence').execute();
  const users = await t.database.db.selectFrom('users').select(['id', 'email']).execute();
  const email = new Map(users.map((u: { id: string; email: string }) => [u.id, u.email]));
  return rows.map((r) => `${email.get(r.user_id)!.split('@')[0]}:${r.presence}:${r.status}`);
}

eachApp('registering until the seats are full puts the next on a waitlist in order; a cancellation lets the first in, and everyone is mailed', async (t) => {
  const { slug } = await openEvent(t, { onsite_capacity: '2' });
  const ana = await person(t, 'ana@example.org', { locale: 'es', name: 'Ana' });
  const ben = await person(t, 'ben@example.org', { name: 'Ben' });
  const cai = await person(t, 'cai@example.org', { name: 'Cai' });
  const dee = await person(t, 'dee@example.org', { locale: 'fr', name: 'Dee' });

  const form = await ana.get(`/events/${slug}`);
  assert.match(form.html, /<form method="post" action="\/events\/[^"]+\/register#register"/);
  assert.match(form.html, /Presencial: quedan 2 plazas de 2/, 'in her language');
  assert.match(form.html, /value="civil_society" checked/, "the group is prefilled from the account");

  const answers = [];
  for (const client of [ana, ben, cai, dee]) answers.push((await client.post(`/events/${slug}/register`, onsite)).location);
  assert.deepEqual(answers, ['confirmed', 'confirmed', 'waitlisted', 'waitlisted'].map((n) => `/events/${slug}?notice=${n}#registration`));
  assert.equal((await ana.post(`/events/${slug}/register`, onsite)).status, 409, 'registered once');

  assert.match((await cai.get(`/events/${slug}`)).html, /You are on the waitlist \(In person\), number 1\./);
  assert.match((await dee.get(`/events/${slug}`)).html, /Vous êtes sur la liste d’attente|You are on the waitlist \(In person\), number 2\./);
  assert.match((await t.client().get(`/events/${slug}`)).html, /In person: full \(2 people on the waitlist\)/);

  // Confirmations in each person's language, with the event as a calendar entry.
  const confirmation = await t.mail.lastTo('ana@example.org');
  assert.match(confirmation.subject, /^Inscripción confirmada: Foro Colombiano/);
  assert.match(confirmation.text, /Comienza el martes, 1 de diciembre de 2026/);
  const ics = confirmation.attachments?.find((a) => a.filename.endsWith('.ics'));
  assert.ok(ics, 'an ICS attachment');
  assert.match(ics.content, /BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*SUMMARY:Foro Colombiano de Gobernanza de Internet\r\n[\s\S]*END:VCALENDAR/);
  assert.match(ics.content, /DTSTART;TZID=America\/Bogota:20261201T090000/);
  assert.match((await t.mail.lastTo('cai@example.org')).subject, /^On the waitlist: /);
  assert.match((await t.mail.lastTo('cai@example.org')).text, /number 1\./);
  assert.equal((await t.mail.lastTo('cai@example.org')).attachments, undefined, 'no calendar entry for the waitlist');

  // Ana cancels from the event page: Cai, first in line, gets her seat and a mail; Dee moves up.
  const cancelled = await ana.post(`/events/${slug}/register/cancel`, {});
  assert.equal(cancelled.location, `/events/${slug}?notice=cancelled#registration`);
  assert.match((await mailTo(t, 'ana@example.org', /^Inscripción cancelada/)).subject, /^Inscripción cancelada/);
  const promoted = await mailTo(t, 'cai@example.org', /^A seat for you/);
  assert.match(promoted.subject, /^A seat for you: /);
  assert.ok(promoted.attachments?.some((a) => a.filename.endsWith('.ics')));
  assert.match((await dee.get(`/events/${slug}`)).html, /numéro 1\./);

  // Ben cancels through the link in his mail, without being signed in: Dee is let in.
  const link = (await t.mail.nthTo('ben@example.org', 1)).text.match(/https?:\/\/\S+\/registration\/cancel\/\S+/)![0];
  const path = new URL(link).pathname;
  const stranger = t.client();
  const confirm = await stranger.get(path);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /cancels the registration of Ben/);
  assert.equal((await statuses(t)).filter((s) => s.startsWith('ben:')).join(), 'ben:onsite:confirmed', 'opening the link changes nothing');
  const done = await stranger.post(path, {});
  assert.equal(done.status, 200);
  assert.match(done.html, /Registration cancelled/);
  assert.match((await mailTo(t, 'dee@example.org', /^Une place pour vous/)).subject, /^Une place pour vous/);
  assert.equal((await stranger.post(path, {})).status, 404, 'a link works once');
  assert.equal((await stranger.get(path)).status, 404);
  assert.equal((await stranger.get(`/events/${slug}/registration/cancel/not-a-token`)).status, 404);

  assert.deepEqual(await statuses(t), ['ana:onsite:cancelled', 'ben:onsite:cancelled', 'cai:onsite:confirmed', 'dee:onsite:confirmed']);
  // Ana may come back, at the end of the line.
  assert.equal((await ana.post(`/events/${slug}/register`, onsite)).location, `/events/${slug}?notice=waitlisted#registration`);
  // Each person had their mails, none twice: wait for the last expected one, then for any extra.
  const expected = { ana: 3, ben: 2, cai: 2, dee: 2 };
  for (const [name, n] of Object.entries(expected)) await t.mail.nthTo(`${name}@example.org`, n);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const count = (email: string) => t.mail.received.filter((m) => m.to.includes(email)).length;
  assert.deepEqual(Object.keys(expected).map((n) => count(`${n}@example.org`)), Object.values(expected));
}, { postgres: true });

eachApp('seats are counted per presence, and more seats let the waitlist in at once', async (t) => {
  const { coordinator, slug } = await openEvent(t, { onsite_capacity: '1', online_capacity: '1' });
  const people = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((n) => person(t, `${n}@example.org`)));
  for (const [i, client] of people.entries()) await client.post(`/events/${slug}/register`, { ...onsite, presence: i % 2 ? 'online' : 'onsite' });
  assert.deepEqual(await statuses(t), ['p1:onsite:confirmed', 'p2:online:confirmed', 'p3:onsite:waitlisted', 'p4:online:waitlisted']);
  // An online cancellation lets in the online waitlist only.
  await people[1]!.post(`/events/${slug}/register/cancel`, {});
  assert.deepEqual(await statuses(t), ['p1:onsite:confirmed', 'p2:online:cancelled', 'p3:onsite:waitlisted', 'p4:online:confirmed']);
  const more = await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: '5', online_capacity: '1' });
  assert.equal(more.location, `/events/${slug}/registrations?promoted=1&notice=capacity_saved#capacity`);
  // A browser keeps the fragment to itself.
  const notice = (await coordinator.get(more.location!.split('#')[0]!)).html.match(/<p class="notice" role="status">([^<]*)<\/p>/)?.[1];
  assert.equal(notice, 'The seats were saved; 1 person from the waitlist got a seat and a mail.');
  assert.deepEqual(await statuses(t), ['p1:onsite:confirmed', 'p2:online:cancelled', 'p3:onsite:confirmed', 'p4:online:confirmed']);
  assert.match((await mailTo(t, 'p3@example.org', /^A seat for you/)).subject, /^A seat for you/);
  const bad = await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: '-4', online_capacity: 'many' });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /<p class="error" id="error-onsite_capacity">/);
  assert.match(bad.html, /<p class="error" id="error-online_capacity">/);
  const { onsite_capacity } = await eventsDb(t.database.db).selectFrom('events').select('onsite_capacity').executeTakeFirstOrThrow();
  assert.equal(Number(onsite_capacity), 5, 'nothing written');
  // Once the event is closed, a freed seat goes to nobody: no one is mailed a seat for a past event.
  assert.equal((await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: '2', online_capacity: '1' })).status, 303);
  const late = await person(t, 'late@example.org');
  assert.equal((await late.post(`/events/${slug}/register`, onsite)).location, `/events/${slug}?notice=waitlisted#registration`);
  assert.equal((await coordinator.post(`/events/${slug}/close`, {})).status, 303);
  assert.equal((await people[2]!.post(`/events/${slug}/register/cancel`, {})).status, 303);
  assert.deepEqual((await statuses(t)).slice(-1), ['late:onsite:waitlisted']);
  // /my/events lists the person's registrations.
  const mine = await people[0]!.get('/my/events');
  assert.match(mine.html, /My registrations/);
  assert.match(mine.html, /Foro Colombiano de Gobernanza de Internet: Confirmed/);
}, { postgres: true });

eachApp('drafts, closed and ended events, a presence the format does not offer and unverified people are refused, nothing written', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const draft = await createEvent(coordinator, initiative, { title: 'Borrador' });
  const inPerson = await createEvent(coordinator, initiative, { title: 'Presencial' , format: 'in_person' });
  await coordinator.post(`/events/${inPerson}/publish`, {});
  const closed = await createEvent(coordinator, initiative, { title: 'Cerrado' });
  await coordinator.post(`/events/${closed}/publish`, {});
  await coordinator.post(`/events/${closed}/close`, {});
  const someone = await person(t, 'someone@example.org');

  assert.equal((await someone.post(`/events/${draft}/register`, onsite)).status, 404, 'a draft is not found');
  const byOrganiser = await coordinator.post(`/events/${draft}/register`, onsite);
  assert.equal(byOrganiser.status, 409);
  assert.match(byOrganiser.html, /not published yet/);
  const onClosed = await someone.post(`/events/${closed}/register`, onsite);
  assert.equal(onClosed.status, 409);
  assert.match(onClosed.html, /The event is closed/);
  assert.match((await someone.get(`/events/${closed}`)).html, /Registration is closed: the event is closed\./);

  const online = await someone.post(`/events/${inPerson}/register`, { ...onsite, presence: 'online' });
  assert.equal(online.status, 422);
  assert.match(online.html, /<p class="error" id="error-presence">This event does not offer this way of taking part\.<\/p>/);
  const empty = await someone.post(`/events/${inPerson}/register`, { stakeholder_group: 'martians' });
  assert.equal(empty.status, 422);
  assert.match(empty.html, /id="error-presence">Choose one of the options\./);
  assert.match(empty.html, /id="error-stakeholder_group">Choose one of the options\./);
  const unverified = await person(t, 'fresh@example.org', { verified: false });
  assert.equal((await unverified.post(`/events/${inPerson}/register`, onsite)).status, 403);
  assert.match((await unverified.get(`/events/${inPerson}`)).html, /Confirm your email address to register\./);
  assert.match((await t.client().get(`/events/${inPerson}`)).html, /Log in to register/);
  assert.equal((await someone.post(`/events/${inPerson}/register/cancel`, {})).status, 409, 'nothing to cancel');

  // The event ends: registration closes with no write in between.
  t.clock.now = new Date('2026-12-03T00:00:00Z');
  const ended = await someone.post(`/events/${inPerson}/register`, onsite);
  assert.equal(ended.status, 409);
  assert.match(ended.html, /The event has ended/);
  assert.deepEqual(await statuses(t), []);
}, { postgres: true });

eachApp("the organisers' list and its CSV: counts, everyone, spreadsheet formulas defused; nobody else sees them", async (t) => {
  const { coordinator, slug } = await openEvent(t, { onsite_capacity: '1' });
  const evil = await person(t, 'evil@example.org', { name: '=HYPERLINK("http://x.example","click")', group: 'private_sector' });
  const plus = await person(t, 'plus@example.org', { name: '+57 Carla, "la profe"', group: 'academia' });
  await evil.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'private_sector' });
  await plus.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'academia' });
  const list = await coordinator.get(`/events/${slug}/registrations`);
  assert.equal(list.status, 200);
  assert.match(list.html, /<caption id="by-status">By status<\/caption>[\s\S]*Confirmed<\/th><td>1<\/td>[\s\S]*Waitlist<\/th><td>1<\/td>/);
  assert.match(list.html, /<caption id="by-group">[\s\S]*Private sector<\/th><td>1<\/td>/);
  assert.match(list.html, /=HYPERLINK\(&quot;http:\/\/x.example&quot;,&quot;click&quot;\)/);
  assert.match(list.html, /Waitlist, number 1/);

  const csv = await coordinator.get(`/events/${slug}/registrations.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.response.headers.get('content-type')!, /^text\/csv/);
  assert.match(csv.response.headers.get('content-disposition')!, /attachment; filename=".*-registrations.csv"/);
  const lines = csv.html.trimEnd().split('\r\n');
  assert.equal(lines[0], 'name,email,presence,stakeholder_group,status,registered_at,session,waitlist_position');
  assert.equal(lines[1], `"'=HYPERLINK(""http://x.example"",""click"")",evil@example.org,onsite,private_sector,confirmed,2026-11-23T10:00:00.000Z,,`);
  assert.equal(lines[2], `"'+57 Carla, ""la profe""",plus@example.org,onsite,academia,waitlisted,2026-11-23T10:00:00.000Z,,1`);
  assert.equal(lines.length, 3);

  for (const client of [evil, await secretariat(t), await verifiedPerson(t, { email: 'other@example.org' })]) {
    assert.equal((await client.get(`/events/${slug}/registrations`)).status, 403);
    assert.equal((await client.get(`/events/${slug}/registrations.csv`)).status, 403);
    assert.equal((await client.json('GET', `/api/events/${slug}/registrations`, undefined)).status, 403);
  }
  assert.equal((await t.client().get(`/events/${slug}/registrations.csv`)).status, 303, 'anonymous visitors are sent to log in');
}, { postgres: true });

eachApp('online links are shown to confirmed registrants (and organisers), not to the waitlist nor to others', async (t) => {
  const { coordinator, slug } = await openEvent(t, { online_capacity: '1' });
  const confirmed = await person(t, 'in@example.org');
  const waiting = await person(t, 'wait@example.org');
  await confirmed.post(`/events/${slug}/register`, { ...onsite, presence: 'online' });
  await waiting.post(`/events/${slug}/register`, { ...onsite, presence: 'online' });
  const link = /href="https:\/\/meet.example.org\/auditorio"/;
  assert.match((await confirmed.get(`/events/${slug}`)).html, link);
  assert.match((await coordinator.get(`/events/${slug}`)).html, link);
  assert.doesNotMatch((await waiting.get(`/events/${slug}`)).html, link);
  assert.doesNotMatch((await t.client().get(`/events/${slug}`)).html, link);
  const room = async (client: TestClient) => (await client.json('GET', `/api/events/${slug}`, undefined)).body.rooms[0].online_link;
  assert.equal(await room(confirmed), 'https://meet.example.org/auditorio');
  assert.equal(await room(waiting), undefined);
  await confirmed.post(`/events/${slug}/register/cancel`, {});
  assert.doesNotMatch((await confirmed.get(`/events/${slug}`)).html, link, 'gone with the registration');
  assert.match((await waiting.get(`/events/${slug}`)).html, link, 'the promoted person sees it');
});

eachApp('through the API with a personal token: register (to the event and to a session), cancel, and the organisers read the list', async (t) => {
  const { coordinator, slug } = await openEvent(t, { onsite_capacity: '1' });
  const tokenFor = async (client: TestClient) => (await client.post('/account/tokens', { token_name: 'script' })).html.match(/<code>(cab_[^<]+)<\/code>/)![1]!;
  const alice = await person(t, 'alice@example.org', { group: 'government' });
  const bob = await person(t, 'bob@example.org');
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const [aliceToken, bobToken] = [await tokenFor(alice), await tokenFor(bob)];
  const script = t.client();
  const first = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite' }, bearer(aliceToken));
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.deepEqual({ ...first.body, id: undefined }, { id: undefined, status: 'confirmed', presence: 'onsite', session: null, waitlist_position: null });
  const second = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite' }, bearer(bobToken));
  assert.equal(second.body.status, 'waitlisted');
  assert.equal(second.body.waitlist_position, 1);
  assert.equal((await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite' }, bearer(bobToken))).status, 409);
  const badPresence = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'teleport' }, bearer(bobToken));
  assert.equal(badPresence.status, 422);
  assert.deepEqual(badPresence.body.errors.map((e: { pointer: string }) => e.pointer), ['#/presence']);
  assert.equal((await t.client().json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite' })).status, 401);

  const listed = await script.json('GET', `/api/events/${slug}/registrations`, undefined, bearer(await tokenFor(coordinator)));
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.counts, { presence: { onsite: 2 }, stakeholder_group: { government: 1, civil_society: 1 }, status: { confirmed: 1, waitlisted: 1 } });
  assert.deepEqual(listed.body.items.map((i: { email: string; waitlist_position: number | null }) => [i.email, i.waitlist_position]), [['alice@example.org', null], ['bob@example.org', 1]]);
  assert.equal((await script.json('GET', `/api/events/${slug}/registrations`, undefined, bearer(bobToken))).status, 403);

  const cancel = await script.json('POST', `/api/events/${slug}/registrations/cancel`, {}, bearer(aliceToken));
  assert.equal(cancel.status, 200);
  assert.deepEqual(cancel.body, { status: 'cancelled' });
  assert.equal((await script.json('POST', `/api/events/${slug}/registrations/cancel`, {}, bearer(aliceToken))).status, 409);
  assert.match((await mailTo(t, 'bob@example.org', /^A seat for you/)).subject, /^A seat for you/);

  // A session with one seat in its room (sessions are placed by the program; inserted here).
  const event = await eventsDb(t.database.db).selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const session = newId();
  const now = timestamp(t.clock.now);
  await eventsDb(t.database.db).insertInto('event_sessions').values({
    id: session, event_id: event.id, proposal_id: null, title: 'Coordinación de iniciativas nacionales', description: null, original_locale: 'es', format: 'roundtable',
    track_id: null, modality: 'in_person', room_id: null, starts_at: null, ends_at: null, expected_attendance: null, capacity: 1, created_at: now, updated_at: now,
  }).execute();
  const inSession = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite', session }, bearer(aliceToken));
  assert.equal(inSession.status, 201, JSON.stringify(inSession.body));
  assert.deepEqual([inSession.body.status, inSession.body.session], ['confirmed', session]);
  assert.match((await mailTo(t, 'alice@example.org', /Coordinación/)).text, /\(Coordinación de iniciativas nacionales\)/);
  const full = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite', session }, bearer(bobToken));
  assert.deepEqual([full.body.status, full.body.waitlist_position], ['waitlisted', 1]);
  const onlineToInPerson = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'online', session }, bearer(await tokenFor(coordinator)));
  assert.equal(onlineToInPerson.status, 422);
  const unknown = await script.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite', session: 'nope' }, bearer(await tokenFor(coordinator)));
  assert.equal(unknown.status, 422);
  assert.deepEqual(unknown.body.errors.map((e: { pointer: string }) => e.pointer), ['#/session']);
  // The session's registrations are its own: cancelling it lets its waitlist in, the event's registration stays.
  await script.json('POST', `/api/events/${slug}/registrations/cancel`, { session }, bearer(aliceToken));
  assert.deepEqual(await statuses(t), ['alice:onsite:cancelled', 'bob:onsite:confirmed', 'alice:onsite:cancelled', 'bob:onsite:confirmed']);
  const csv = (await coordinator.get(`/events/${slug}/registrations.csv`)).html;
  assert.match(csv, /bob@example.org,onsite,civil_society,confirmed,[^,]+,Coordinación de iniciativas nacionales,/);
}, { postgres: true });

eachApp('the registration API is in the OpenAPI description, which stays valid', async (t) => {
  const spec = (await t.client().json('GET', '/api/openapi.json', undefined)).body;
  const result = await new Validator().validate(spec);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.ok(spec.paths['/events/{slug}/registrations']?.post);
  assert.ok(spec.paths['/events/{slug}/registrations']?.get);
  assert.ok(spec.paths['/events/{slug}/registrations/cancel']?.post);
  assert.ok(spec.components.schemas.EventRegistration.properties.waitlist_position);
});
