import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { eventsDb } from './tables.ts';
import { createEvent, eventFields, organiser } from '../../../tests/support/events.ts';

async function counts(t: TestApp) {
  const db = eventsDb(t.database.db);
  const count = async (table: 'events' | 'event_rooms' | 'event_languages' | 'event_interpretations' | 'event_outcomes') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { events: await count('events'), rooms: await count('event_rooms'), languages: await count('event_languages'), outcomes: await count('event_outcomes') };
}

eachApp('a committee creates a draft, adds rooms, publishes it; the list, the page, the calendars and the API show it', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  assert.equal(slug, 'foro-colombiano-de-gobernanza-de-internet-2026');
  const stored = await eventsDb(t.database.db).selectFrom('events').selectAll().executeTakeFirstOrThrow();
  assert.equal(stored.starts_at, '2026-12-01T14:00:00.000Z', 'stored as the UTC instant of 09:00 in Bogotá');
  assert.equal(stored.ends_at, '2026-12-02T23:00:00.000Z');
  assert.equal(stored.status, 'draft');

  // A draft: for the committee and the secretariat only.
  const anonymous = t.client();
  assert.equal((await anonymous.get(`/events/${slug}`)).status, 404);
  assert.equal((await anonymous.get(`/events/${slug}/program.ics`)).status, 404);
  assert.doesNotMatch((await anonymous.get('/events')).html, /Foro Colombiano/);
  assert.equal((await (await secretariat(t)).get(`/events/${slug}`)).status, 200);
  const draft = await coordinator.get(`/events/${slug}`);
  assert.match(draft.html, /only the initiative&#39;s committee and the secretariat see it/);

  for (const room of [{ name: 'Auditorio', capacity: '200', online_link: 'meet.example.org/auditorio' }, { name: 'Sala 2', capacity: '40', online_link: '' }]) {
    const added = await coordinator.post(`/events/${slug}/rooms`, room);
    assert.equal(added.status, 303, added.html.slice(0, 1000));
  }
  const refusedRoom = await coordinator.post(`/events/${slug}/rooms`, { name: '', capacity: '-3' });
  assert.equal(refusedRoom.status, 422);
  assert.match(refusedRoom.html, /id="error-new-room-name"/);

  const published = await coordinator.post(`/events/${slug}/publish`, {});
  assert.equal(published.status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 409, 'published once');

  const page = await anonymous.get(`/events/${slug}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /Tuesday, December 1, 2026 at 9:00\sAM \(UTC−05:00\)/);
  assert.match(page.html, /Auditorio — 200 seats — online too/);
  assert.doesNotMatch(page.html, /meet\.example\.org/, 'online links are for the organisers');
  assert.match(page.html, /English ↔ Spanish/);

  const list = await anonymous.get('/events');
  assert.match(list.html, /One upcoming event/);
  assert.match(list.html, new RegExp(`href="/events/${slug}"`));
  assert.match((await anonymous.get('/events?when=past')).html, /No past event/);
  assert.match((await anonymous.get('/events?format=online')).html, /No upcoming event/);
  assert.match((await anonymous.get('/events?country=CO&language=en&kind=annual_forum&format=hybrid')).html, /One upcoming event/);
  assert.match((await anonymous.get(`/events?initiative=${initiative}`)).html, /One upcoming event/);

  const feed = await anonymous.get('/events.ics');
  assert.equal(feed.status, 200);
  assert.match(feed.response.headers.get('content-type')!, /^text\/calendar/);
  assert.match(feed.html, /BEGIN:VTIMEZONE\r\nTZID:America\/Bogota\r\n/);
  assert.match(feed.html, /DTSTART;TZID=America\/Bogota:20261201T090000\r\n/);
  assert.match(feed.html, /DTEND;TZID=America\/Bogota:20261202T180000\r\n/);
  assert.equal(feed.html.match(/BEGIN:VEVENT/g)?.length, 1);
  const program = await anonymous.get(`/events/${slug}/program.ics`);
  assert.match(program.html, /SUMMARY:Foro Colombiano de Gobernanza de Internet\r\n/);

  const api = await anonymous.json('GET', `/api/events/${slug}`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.start, '2026-12-01T09:00:00-05:00');
  assert.equal(api.body.status, 'published');
  assert.deepEqual(api.body.rooms.map((r: { name: string; online_link?: string }) => [r.name, r.online_link]), [['Auditorio', undefined], ['Sala 2', undefined]]);
  const listed = await anonymous.json('GET', '/api/events?country=CO', undefined);
  assert.deepEqual(listed.body.items.map((e: { slug: string }) => e.slug), [slug]);
  const mine = await coordinator.json('GET', `/api/events/${slug}`, undefined);
  assert.equal(mine.body.rooms[0].online_link, 'https://meet.example.org/auditorio');

  // Publishing went into the transparency log; closing too.
  assert.equal((await coordinator.post(`/events/${slug}/close`, {})).status, 303);
  const log = await anonymous.get('/log');
  assert.match(log.html, /Event published/);
  assert.match(log.html, /Event closed/);
  assert.equal((await counts(t)).outcomes, 2);
}, { postgres: true });

eachApp('bad input is refused beside its field and nothing is written', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const before = await counts(t);
  const cases: Array<[Record<string, string | string[]>, string, RegExp]> = [
    [{ end: '2026-12-01T08:00' }, 'end', /The end must come after the start/],
    [{ time_zone: 'Mars/Olympus_Mons' }, 'time_zone', /not a time zone we know/],
    [{ start: '2026-12-01' }, 'start', /Enter a date and time/],
    [{ title: 'x'.repeat(20_000) }, 'title', /at most 200 characters/],
    [{ description: 'a\u0007b' }, 'description', /control characters/],
    [{ title: 'Foro\u0000' }, 'title', /control characters/],
    [{ venue_city: '', format: 'in_person' }, 'venue_city', /Needed for an event held in person/],
    [{ interpretation: ['es-fr'] }, 'interpretation', /only be between working languages/],
    [{ languages: [] }, 'languages', /at least one working language/],
    // 02:30 on 29 March 2026 never happens in Paris: the clocks go from 02:00 to 03:00.
    [{ time_zone: 'Europe/Paris', start: '2026-03-29T02:30', end: '2026-03-29T05:00' }, 'start', /does not exist/],
  ];
  for (const [fields, field, message] of cases) {
    const page = await coordinator.post(`/initiatives/${initiative}/events/new`, { ...eventFields, ...fields });
    assert.equal(page.status, 422, `${JSON.stringify(fields).slice(0, 80)}: ${page.status}`);
    const beside = page.html.match(new RegExp(`<p class="error" id="error-${field}">([^<]*)</p>`));
    assert.ok(beside, `an error beside ${field}`);
    assert.match(beside[1]!, message);
  }
  const api = await coordinator.json('POST', '/api/events', { ...eventFields, initiative, end: '2026-11-30T09:00', time_zone: 'Nowhere/Atlantis' });
  assert.equal(api.status, 422);
  assert.deepEqual(api.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['#/time_zone']);
  const ended = await coordinator.json('POST', '/api/events', { ...eventFields, initiative, end: '2026-11-30T09:00' });
  assert.deepEqual(ended.body.errors.map((e: { pointer: string }) => e.pointer), ['#/end']);
  assert.deepEqual(await counts(t), before);
}, { postgres: true });

eachApp('through the API with a personal token: create with rooms, add a room; only organisers may', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const tokenPage = await coordinator.post('/account/tokens', { token_name: 'script' });
  const token = tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!;
  const script = t.client();
  const bearer = { Authorization: `Bearer ${token}` };
  const body = { ...eventFields, initiative, format: 'online', venue_city: undefined, venue_country: undefined, rooms: [{ name: 'Zoom', online_link: 'https://zoom.example.org/j/1' }] };
  const created = await script.json('POST', '/api/events', body, bearer);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.status, 'draft');
  assert.equal(created.body.venue.city, null);
  assert.deepEqual(created.body.rooms.map((r: { name: string }) => r.name), ['Zoom']);
  const room = await script.json('POST', `/api/events/${created.body.slug}/rooms`, { name: 'Sala 2', capacity: 30 }, bearer);
  assert.equal(room.status, 201, JSON.stringify(room.body));
  assert.equal(room.body.rooms.length, 2);

  const stranger = await verifiedPerson(t, { email: 'stranger@example.org' });
  assert.equal((await stranger.json('POST', '/api/events', body)).status, 403);
  assert.equal((await stranger.json('POST', `/api/events/${created.body.slug}/rooms`, { name: 'x' })).status, 404, 'a draft is not found by others');
  assert.equal((await t.client().json('POST', '/api/events', body)).status, 401);
  const unknown = await coordinator.json('POST', '/api/events', { ...body, initiative: 'no-such-initiative' });
  assert.equal(unknown.status, 422);
  // A NUL byte in the name is refused like any unknown initiative (PostgreSQL used to answer it with a 500).
  assert.equal((await coordinator.json('POST', '/api/events', { ...body, initiative: `${initiative}\u0000` })).status, 422);
  const member = await seatMember(t, initiative, { email: 'member@example.org', group: 'government' });
  assert.equal((await member.json('POST', '/api/events', body)).status, 201, 'any committee member organises');
}, { postgres: true });

eachApp('rooms are edited and removed; editing the event keeps its address and moves its times', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  await coordinator.post(`/events/${slug}/rooms`, { name: 'Sala A', capacity: '10' });
  const [room] = await eventsDb(t.database.db).selectFrom('event_rooms').selectAll().execute();
  assert.equal((await coordinator.post(`/events/${slug}/rooms/${room!.id}`, { name: 'Sala B', capacity: 'muchos' })).status, 422);
  assert.equal((await coordinator.post(`/events/${slug}/rooms/${room!.id}`, { name: 'Sala B', capacity: '12' })).status, 303);
  assert.match((await coordinator.get(`/events/${slug}`)).html, /Sala B — 12 seats/);
  assert.equal((await coordinator.post(`/events/${slug}/rooms/${room!.id}/remove`, {})).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/rooms/${room!.id}/remove`, {})).status, 404);
  assert.match((await coordinator.get(`/events/${slug}`)).html, /No room yet/);

  const edited = await coordinator.post(`/events/${slug}/edit`, { ...eventFields, time_zone: 'Europe/Madrid', start: '2026-07-01T10:00', end: '2026-07-01T12:00' });
  assert.equal(edited.status, 303);
  assert.equal(edited.location, `/events/${slug}?notice=saved`);
  const stored = await eventsDb(t.database.db).selectFrom('events').selectAll().executeTakeFirstOrThrow();
  assert.equal(stored.starts_at, '2026-07-01T08:00:00.000Z', '10:00 in Madrid in summer is 08:00 UTC');
  const form = await coordinator.get(`/events/${slug}/edit`);
  assert.match(form.html, /value="2026-07-01T10:00"/);

  const stranger = await verifiedPerson(t, { email: 'stranger@example.org' });
  assert.equal((await stranger.post(`/events/${slug}/edit`, eventFields)).status, 404, 'a draft is not even found by others');
});

eachApp("the reader's time zone, chosen in the address, is shown beside the event's; an unknown one is said beside the field", async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  await coordinator.post(`/events/${slug}/publish`, {});
  const reader = t.client();
  // Fetched without a zone first: the cached page for the address must not answer the one with a zone.
  assert.doesNotMatch((await reader.get(`/events/${slug}`)).html, /In your time zone/);
  const page = await reader.get(`/events/${slug}?zone=Asia/Tokyo`);
  assert.match(page.html, /In your time zone \(Asia\/Tokyo\)/);
  assert.match(page.html, /Tuesday, December 1, 2026 at 11:00\sPM \(UTC\+09:00\)/);
  assert.match(page.html, /<form method="get" action="\/events\/[^"]+" class="inline-form" id="zone">/);
  const unknown = await reader.get(`/events/${slug}?zone=Nowhere/Land`);
  assert.match(unknown.html, /<p class="error" id="error-zone">This is not a time zone we know/);
  assert.match(unknown.html, /value="Nowhere\/Land"/);
  assert.doesNotMatch(unknown.html, /In your time zone/);
  // The same zone as the event's says nothing twice.
  assert.doesNotMatch((await reader.get(`/events/${slug}?zone=America/Lima`)).html, /In your time zone/);
});

eachApp('events are found in search once published; drafts by their organisers only', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative, { title: 'Diálogo sobre ciberseguridad regional' });
  const anonymous = t.client();
  assert.doesNotMatch((await anonymous.get('/search?q=ciberseguridad')).html, new RegExp(`/events/${slug}`));
  assert.match((await coordinator.get('/search?q=ciberseguridad')).html, new RegExp(`/events/${slug}`));
  await coordinator.post(`/events/${slug}/publish`, {});
  assert.match((await anonymous.get('/search?q=ciberseguridad')).html, new RegExp(`/events/${slug}`));
}, { postgres: true });

eachApp('an event moves from upcoming to past when it ends, with no write in between', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  await coordinator.post(`/events/${slug}/publish`, {});
  const reader = t.client();
  assert.match((await reader.get('/events')).html, /One upcoming event/);
  assert.equal((await reader.json('GET', '/api/events', undefined)).body.total, 1);
  t.clock.now = new Date('2026-12-03T00:00:00Z');
  assert.match((await reader.get('/events')).html, /No upcoming event/);
  assert.match((await reader.get('/events?when=past')).html, /One past event/);
  assert.equal((await reader.json('GET', '/api/events', undefined)).body.total, 0);
  assert.equal((await reader.json('GET', '/api/events?when=past', undefined)).body.total, 1);
});
