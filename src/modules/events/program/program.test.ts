import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { insertPerson, verifiedPerson } from '../../../../tests/support/factories.ts';
import { createEvent, eventFields, organiser } from '../../../../tests/support/events.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { served } from '../../../../tests/support/served.ts';
import { sessionCookie } from '../../../platform/auth/identity.ts';
import { eventsDb } from '../tables.ts';

/** A published forum in Bogotá (1–2 December 2026) with two rooms: answers its slug and the rooms' ids. */
async function forum(t: TestApp, coordinator: TestClient, initiative: string) {
  const slug = await createEvent(coordinator, initiative);
  for (const room of [{ name: 'Auditorio', capacity: '100' }, { name: 'Sala 2', capacity: '40' }]) assert.equal((await coordinator.post(`/events/${slug}/rooms`, room)).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const rooms = await eventsDb(t.database.db).selectFrom('event_rooms').select(['id', 'name']).orderBy('position').execute();
  return { slug, auditorio: rooms[0]!.id, sala2: rooms[1]!.id };
}

const person = (i: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`person_${i}_${k}`, v]));

/** Adds a session through the form; answers its id. */
async function addSession(client: TestClient, slug: string, fields: Record<string, string>): Promise<string> {
  const page = await client.post(`/events/${slug}/sessions`, { original_locale: 'es', modality: 'hybrid', format: 'panel', ...fields });
  assert.equal(page.status, 303, page.html.slice(0, 3000));
  return page.location!.split('?')[0]!.split('/').pop()!;
}

async function counts(t: TestApp) {
  const db = eventsDb(t.database.db);
  const count = async (table: 'event_sessions' | 'event_session_people' | 'event_program_versions') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const placed = await db.selectFrom('event_sessions').select(['id', 'room_id', 'starts_at', 'ends_at', 'title']).orderBy('id').execute();
  return { sessions: await count('event_sessions'), people: await count('event_session_people'), versions: await count('event_program_versions'), placed };
}

/** The content lines of an iCalendar text, unfolded (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

eachApp('organisers build a program: sessions with people, placed without script, conflicts explained, published in versions with a changelog', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug, auditorio, sala2 } = await forum(t, coordinator, initiative);
  const anonymous = t.client();

  const apertura = await addSession(coordinator, slug, {
    title: 'Acceso significativo', expected_attendance: '60',
    ...person(0, { name: 'Ana Gómez', role: 'moderator', organisation: 'MinTIC', stakeholder_group: 'government', country: 'CO', presence: 'onsite', confirmed: 'on' }),
    ...person(1, { name: 'Beto Ruiz', role: 'speaker', organisation: 'Karisma', stakeholder_group: 'civil_society' }),
    ...person(3, { name: 'Carla Díaz', role: 'rapporteur' }),
  });
  const segunda = await addSession(coordinator, slug, { title: 'Ciberseguridad', ...person(0, { name: 'Beto Ruiz', role: 'speaker', organisation: 'KARISMA' }) });
  assert.deepEqual((await counts(t)).people, 4, 'blank rows are no one');

  // Placing: wall-clock times in the event's zone (Bogotá, UTC−5).
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${apertura}/schedule`, { room: sala2, start: '2026-12-01T09:00', end: '2026-12-01T10:30' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${segunda}/schedule`, { room: auditorio, start: '2026-12-01T10:00', end: '2026-12-01T11:00' })).status, 303);
  const stored = (await counts(t)).placed.find((s) => s.id === apertura)!;
  assert.equal(stored.starts_at, '2026-12-01T14:00:00.000Z');

  // Bad placements: refused beside the field, nothing written.
  const before = await counts(t);
  const bad: Array<[Record<string, string>, string, RegExp]> = [
    [{ start: '2026-12-01T11:00', end: '2026-12-01T10:00' }, 'end', /The end must come after the start/],
    [{ start: '2026-12-05T09:00', end: '2026-12-05T10:00' }, 'start', /outside the event&#39;s dates/],
    [{ start: '2026-12-02T23:00', end: '2026-12-03T01:00' }, 'end', /outside the event&#39;s dates/],
    [{ start: '2026-12-01T09:00', end: '' }, 'end', /both the start and the end/],
    [{ start: 'mañana', end: '2026-12-01T10:00' }, 'start', /Enter a date and time/],
    [{ room: 'no-such-room', start: '2026-12-01T09:00', end: '2026-12-01T10:00' }, 'room', /./],
  ];
  for (const [fields, field, message] of bad) {
    const page = await coordinator.post(`/events/${slug}/sessions/${apertura}/schedule`, { room: sala2, ...fields });
    assert.equal(page.status, 422, JSON.stringify(fields));
    const beside = page.html.match(new RegExp(`<p class="error" id="error-${field}">([^<]*)</p>`));
    assert.ok(beside, `an error beside ${field} for ${JSON.stringify(fields)}`);
    assert.match(beside[1]!, message);
  }
  const badPerson = await coordinator.post(`/events/${slug}/sessions`, { title: 'Sin nombre', original_locale: 'es', modality: 'hybrid', ...person(2, { organisation: 'ACME', role: 'speaker' }) });
  assert.equal(badPerson.status, 422);
  assert.match(badPerson.html, /id="error-person_2_name"/);
  assert.deepEqual(await counts(t), before);

  // Conflicts, explained to the organisers on the program page, next to the session, and in the API.
  const working = await coordinator.get(`/events/${slug}/program`);
  assert.equal(working.status, 200);
  assert.match(working.html, /2 conflicts/);
  assert.match(working.html, /Beto Ruiz would be in two sessions at once: “Acceso significativo” and “Ciberseguridad” \(Dec 1, 2026 10:00\sAM–10:30\sAM\)/);
  assert.match(working.html, /“Acceso significativo” expects 60 people but Sala 2 holds 40/);
  const sessionPage = await coordinator.get(`/events/${slug}/sessions/${segunda}`);
  assert.match(sessionPage.html, /One conflict/);
  assert.match(sessionPage.html, /value="2026-12-01T10:00"/);
  const api = await coordinator.json('GET', `/api/events/${slug}/program`, undefined);
  assert.deepEqual(api.body.conflicts.map((c: { kind: string }) => c.kind), ['person_double_booked', 'room_too_small']);
  assert.equal(api.body.sessions[0].start, '2026-12-01T09:00:00-05:00');
  assert.deepEqual(api.body.sessions[0].people[0], { name: 'Ana Gómez', role: 'moderator', stakeholder_group: 'government' });

  // The public sees no working copy and no conflicts until a version is published.
  const unpublished = await anonymous.get(`/events/${slug}/program`);
  assert.match(unpublished.html, /The program has not been published yet/);
  assert.doesNotMatch(unpublished.html, /Acceso significativo|conflict/);
  const publicApi = await anonymous.json('GET', `/api/events/${slug}/program`, undefined);
  assert.deepEqual(publicApi.body, { time_zone: 'America/Bogota', version: null, sessions: [] });

  // Publishing with open conflicts needs the box ticked.
  const refused = await coordinator.post(`/events/${slug}/program/publish`, { seen_conflicts: '2' });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /id="error-confirm">There are 2 open conflicts/);
  assert.equal((await counts(t)).versions, 0);
  const stale = await coordinator.post(`/events/${slug}/program/publish`, { confirm: 'on', seen_conflicts: '1' });
  assert.equal(stale.status, 409, 'the conflicts changed since the page was read');
  assert.equal((await coordinator.post(`/events/${slug}/program/publish`, { confirm: 'on', seen_conflicts: '2' })).status, 303);

  const published = await anonymous.get(`/events/${slug}/program`);
  assert.match(published.html, /Version 1 of the program/);
  assert.match(published.html, /<h2 id="day-2026-12-01">Tuesday, December 1, 2026<\/h2>/);
  assert.match(published.html, /9:00\sAM–10:30\sAM \(UTC−05:00\)/);
  assert.match(published.html, /Moderator: Ana Gómez, MinTIC \(Government\)/);
  assert.doesNotMatch(published.html, /would be in two sessions/, 'conflicts are for the organisers');
  assert.ok(published.html.indexOf('Auditorio') < published.html.indexOf('Sala 2'), 'rooms in the event’s order');
  const log = await anonymous.get('/log');
  assert.match(log.html, /Program published/);

  // The calendar: one VEVENT per placed session, in the event's zone, with its room and people.
  const ics = await anonymous.get(`/events/${slug}/program.ics`);
  assert.match(ics.response.headers.get('content-type')!, /^text\/calendar/);
  const lines = unfold(ics.html);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.ok(lines.includes('DTSTART;TZID=America/Bogota:20261201T090000'));
  assert.ok(lines.includes('LOCATION:Sala 2'));
  assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:') && l.includes('Moderator: Ana Gómez (MinTIC)')));
  assert.ok(lines.includes('BEGIN:VTIMEZONE'));

  // Fix the clash, rename, publish again: version 2 and a changelog.
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${segunda}/schedule`, { room: auditorio, start: '2026-12-02T10:00', end: '2026-12-02T11:00' })).status, 303);
  const renamed = await coordinator.post(`/events/${slug}/sessions/${apertura}`, {
    title: 'Acceso significativo y rural', original_locale: 'es', modality: 'hybrid', format: 'panel', expected_attendance: '30',
    ...person(0, { name: 'Ana Gómez', role: 'moderator' }),
  });
  assert.equal(renamed.status, 303);
  const clean = await coordinator.get(`/events/${slug}/program`);
  assert.match(clean.html, /No conflicts/);
  assert.doesNotMatch(clean.html, /name="confirm"/, 'no box to tick without conflicts');
  assert.equal((await coordinator.post(`/events/${slug}/program/publish`, {})).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/program/publish`, {})).status, 409, 'nothing changed since version 2');
  const second = await anonymous.get(`/events/${slug}/program`);
  assert.match(second.html, /Version 2 of the program/);
  assert.match(second.html, /Renamed: “Acceso significativo” is now “Acceso significativo y rural”/);
  assert.match(second.html, /People changed: Acceso significativo y rural/, 'Beto Ruiz and Carla Díaz left it');
  assert.match(second.html, /Moved: Ciberseguridad, from Tuesday, December 1, 2026, 10:00\sAM–11:00\sAM \(UTC−05:00\), Auditorio to Wednesday, December 2, 2026/);
  assert.equal((await counts(t)).versions, 2);

  // Removing a session leaves the published program as it was until the next version.
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${segunda}/remove`, {})).status, 303);
  assert.match((await anonymous.get(`/events/${slug}/program`)).html, /Ciberseguridad/);
  assert.equal((await coordinator.post(`/events/${slug}/program/publish`, {})).status, 303);
  assert.match((await anonymous.get(`/events/${slug}/program`)).html, /Removed: Ciberseguridad/);
}, { postgres: true });

eachApp('a session’s person is linked to an account by its address, which only the organisers see; a typo links no one', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug } = await forum(t, coordinator, initiative);
  const olga = await insertPerson(t, { email: 'olga@example.org', name: 'Olga Remota' });
  await insertPerson(t, { email: 'nueva@example.org', verified: false });
  const people = { ...person(0, { name: 'Ana Gómez', role: 'moderator' }), ...person(1, { name: 'Olga Remota', role: 'online_moderator' }) };
  const linked = async () => (await eventsDb(t.database.db).selectFrom('event_session_people').select(['name', 'user_id']).orderBy('position').execute()).map((p) => [p.name, p.user_id]);

  for (const email of ['olga@exmaple.org', 'nueva@example.org']) {
    const refused = await coordinator.post(`/events/${slug}/sessions`, { title: 'Coordinación', original_locale: 'es', modality: 'hybrid', ...people, person_1_email: email });
    assert.equal(refused.status, 422, email);
    assert.match(refused.html, /<p class="error" id="error-person_1_email">No verified Cabildo account has this address/, email);
    assert.match(refused.html, new RegExp(`name="person_1_email" type="email" value="${email}"`), 'what was typed is kept');
  }
  assert.deepEqual(await linked(), [], 'nothing written');

  const session = await addSession(coordinator, slug, { title: 'Coordinación', ...people, person_1_email: ' Olga@Example.org ' });
  assert.deepEqual(await linked(), [['Ana Gómez', null], ['Olga Remota', olga]]);
  const form = await coordinator.get(`/events/${slug}/sessions/${session}`);
  assert.match(form.html, /name="person_1_email" type="email" value="olga@example.org"/, 'the organisers see whose account it is');
  assert.match(form.html, /name="person_0_email" type="email" value=""/);
  // Saved again as the form shows it, the link stays; with the address cleared, it goes.
  const saved = { title: 'Coordinación', original_locale: 'es', modality: 'hybrid', ...people };
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}`, { ...saved, person_1_email: 'olga@example.org' })).status, 303);
  assert.deepEqual(await linked(), [['Ana Gómez', null], ['Olga Remota', olga]]);
  // The address is no one else's business: not in the program's API, public or the organisers'.
  const api = await coordinator.json('GET', `/api/events/${slug}/program`, undefined);
  assert.doesNotMatch(JSON.stringify(api.body), /olga@example\.org/);
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}`, saved)).status, 303);
  assert.deepEqual(await linked(), [['Ana Gómez', null], ['Olga Remota', null]]);
}, { postgres: true });

eachApp('the session form cannot sweep a list of addresses for accounts: 400 looked up an hour per organiser, then 429', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug } = await forum(t, coordinator, initiative);
  const forty = Object.assign({}, ...Array.from({ length: 40 }, (_, i) => person(i, { name: `Persona ${i}`, role: 'speaker', email: `p${i}@example.org` })));
  for (let round = 0; round < 10; round++) {
    assert.equal((await coordinator.post(`/events/${slug}/sessions`, { title: 'Barrido', original_locale: 'es', modality: 'hybrid', ...forty })).status, 422, `round ${round}`);
  }
  const limited = await coordinator.post(`/events/${slug}/sessions`, { title: 'Barrido', original_locale: 'es', modality: 'hybrid', ...person(0, { name: 'Una más', role: 'speaker', email: 'otra@example.org' }) });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.response.headers.get('retry-after')) > 0);
  assert.match(limited.html, /Too many/i);
  assert.equal((await coordinator.post(`/events/${slug}/sessions`, { title: 'Sin direcciones', original_locale: 'es', modality: 'hybrid', ...person(0, { name: 'Ana', role: 'speaker' }) })).status, 303, 'a session without addresses is saved as ever');
});

eachApp('the reader chooses a zone, sees both times, and the choice is remembered', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug, auditorio } = await forum(t, coordinator, initiative);
  const id = await addSession(coordinator, slug, { title: 'Apertura' });
  await coordinator.post(`/events/${slug}/sessions/${id}/schedule`, { room: auditorio, start: '2026-12-01T09:00', end: '2026-12-01T10:00' });
  const late = await addSession(coordinator, slug, { title: 'Clausura' });
  await coordinator.post(`/events/${slug}/sessions/${late}/schedule`, { room: auditorio, start: '2026-12-01T10:00', end: '2026-12-01T11:00' });
  await coordinator.post(`/events/${slug}/program/publish`, {});

  const reader = t.client();
  const plain = await reader.get(`/events/${slug}/program`);
  assert.doesNotMatch(plain.html, /in Asia\/Tokyo/);
  const chosen = await reader.get(`/events/${slug}/program?remember=1&zone=Asia/Tokyo`);
  assert.equal(chosen.status, 303);
  assert.equal(chosen.location, `/events/${slug}/program?zone=Asia%2FTokyo`);
  assert.equal(decodeURIComponent(reader.cookie('cabildo_zone')!), 'Asia/Tokyo');
  // Remembered: the plain address now shows Tokyo's times too (the cache keys on the choice).
  const again = await reader.get(`/events/${slug}/program`);
  assert.match(again.html, /in Asia\/Tokyo: 11:00\sPM–12:00\sAM \(UTC\+09:00\)/, 'the same day: its time only');
  assert.match(again.html, /in Asia\/Tokyo: Wednesday, December 2, 2026, 12:00\sAM–1:00\sAM \(UTC\+09:00\)/, 'already the next day there: the day is named');
  assert.match(again.html, /9:00\sAM–10:00\sAM \(UTC−05:00\)/);
  assert.match((await reader.get(`/events/${slug}`)).html, /Asia\/Tokyo/);
  // Someone else reading the same address still gets the event's zone only.
  assert.doesNotMatch((await t.client().get(`/events/${slug}/program`)).html, /in Asia\/Tokyo/);
  const unknown = await reader.get(`/events/${slug}/program?remember=1&zone=Mars/Olympus`);
  assert.equal(unknown.status, 200);
  assert.match(unknown.html, /id="error-zone"/);
  assert.equal(decodeURIComponent(reader.cookie('cabildo_zone')!), 'Asia/Tokyo');
  assert.equal((await reader.get(`/events/${slug}/program?remember=1&zone=`)).status, 303);
  assert.equal(reader.cookie('cabildo_zone'), undefined, 'an empty choice forgets it');
});

eachApp('the program API: sessions added and placed with a personal token, conflicts for organisers only', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug } = await forum(t, coordinator, initiative);
  const tokenPage = await coordinator.post('/account/tokens', { token_name: 'script' });
  const bearer = { Authorization: `Bearer ${tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!}` };
  const created = await t.client().json('POST', `/api/events/${slug}/sessions`, {
    title: 'Coordinación de iniciativas nacionales', original_locale: 'es', modality: 'hybrid', format: 'roundtable', expected_attendance: 120,
    people: [{ name: 'Raquel Gatto', role: 'moderator', stakeholder_group: 'civil_society' }, { name: 'Jimena Sierra', role: 'rapporteur' }],
  }, bearer);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  const placed = await t.client().json('PATCH', `/api/events/${slug}/sessions/${id}`, { room: 'Sala 2', start: '2026-12-01T15:00:00Z', end: '2026-12-01T11:30' }, bearer);
  assert.equal(placed.status, 200, JSON.stringify(placed.body));
  assert.equal(placed.body.session.start, '2026-12-01T10:00:00-05:00');
  assert.equal(placed.body.session.room, 'Sala 2');
  assert.deepEqual(placed.body.conflicts.map((c: { kind: string; message: string }) => c.kind), ['room_too_small']);
  const backwards = await t.client().json('PATCH', `/api/events/${slug}/sessions/${id}`, { start: '2026-12-01T12:00', end: '2026-12-01T11:00' }, bearer);
  assert.equal(backwards.status, 422);
  assert.deepEqual(backwards.body.errors.map((e: { pointer: string }) => e.pointer), ['#/end']);
  const someone = await verifiedPerson(t, { email: 'someone@example.org' });
  assert.equal((await someone.json('PATCH', `/api/events/${slug}/sessions/${id}`, { start: null, end: null }, {})).status, 403);
  assert.equal((await someone.json('POST', `/api/events/${slug}/sessions`, { title: 'Intrusa' }, {})).status, 403);
  const asSomeone = await someone.json('GET', `/api/events/${slug}/program`, undefined);
  assert.equal(asSomeone.body.conflicts, undefined);
  assert.equal((await someone.get(`/events/${slug}/sessions/${id}`)).status, 403);
  assert.equal((await someone.get(`/events/${slug}/sessions/new`)).status, 403);
  assert.equal((await t.client().json('PATCH', `/api/events/${slug}/sessions/nothing`, { start: null, end: null }, bearer)).status, 404);
}, { postgres: true });

eachApp('two organisers publishing at the same instant make versions 1 and 2 or one refusal, never two version 1', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug, auditorio } = await forum(t, coordinator, initiative);
  const server = await served(t);
  try {
    const clients = [server.client(), server.client()];
    for (const client of clients) {
      client.setCookie(sessionCookie, coordinator.cookie(sessionCookie)!);
      await client.csrfToken();
    }
    for (let trial = 0; trial < 8; trial++) {
      const id = await addSession(coordinator, slug, { title: `Sesión ${trial}` });
      await coordinator.post(`/events/${slug}/sessions/${id}/schedule`, { room: auditorio, start: `2026-12-01T${String(8 + trial).padStart(2, '0')}:00`, end: `2026-12-01T${String(8 + trial).padStart(2, '0')}:30` });
      const statuses = (await Promise.all(clients.map((c) => c.post(`/events/${slug}/program/publish`, {})))).map((p) => p.status).sort();
      // The second sees the first's version: nothing changed since (409).
      assert.deepEqual(statuses, [303, 409], `trial ${trial}`);
    }
    const versions = await eventsDb(t.database.db).selectFrom('event_program_versions').select('version').orderBy('version').execute();
    assert.deepEqual(versions.map((v) => Number(v.version)), [1, 2, 3, 4, 5, 6, 7, 8]);
  } finally {
    await server.close();
  }
}, { postgres: true, timeout: 120_000 });

eachApp('the program API is in the OpenAPI description, which still passes a standard validator', async (t) => {
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  const page = await t.client().json('GET', '/api/openapi.json', undefined);
  const result = await new Validator().validate(page.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.ok(page.body.paths['/events/{slug}/program']?.get);
  assert.ok(page.body.paths['/events/{slug}/sessions']?.post);
  assert.ok(page.body.paths['/events/{slug}/sessions/{id}']?.patch);
});

eachApp('two sessions of one track at once, and a session the event’s new dates leave outside, are explained in Spanish', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const { slug, auditorio, sala2 } = await forum(t, coordinator, initiative);
  await coordinator.get('/language/es?next=/');
  const event = await eventsDb(t.database.db).selectFrom('events').select('id').executeTakeFirstOrThrow();
  await eventsDb(t.database.db).insertInto('event_tracks').values({ id: 'track-1', event_id: event.id, name: 'Acceso universal', description: null, position: 0 }).execute();
  assert.match((await coordinator.get(`/events/${slug}/sessions/new`)).html, /<option value="track-1">Acceso universal<\/option>/);
  const a = await addSession(coordinator, slug, { title: 'Conectividad rural', track: 'track-1' });
  const b = await addSession(coordinator, slug, { title: 'Redes comunitarias', track: 'track-1' });
  assert.equal((await coordinator.post(`/events/${slug}/sessions`, { title: 'Ajena', original_locale: 'es', modality: 'hybrid', track: 'otra' })).status, 422, 'a track of the event only');
  await coordinator.post(`/events/${slug}/sessions/${a}/schedule`, { room: auditorio, start: '2026-12-02T09:00', end: '2026-12-02T10:00' });
  await coordinator.post(`/events/${slug}/sessions/${b}/schedule`, { room: sala2, start: '2026-12-02T09:30', end: '2026-12-02T10:30' });
  const program = await coordinator.get(`/events/${slug}/program`);
  assert.match(program.html, /Dos sesiones del eje Acceso universal coinciden: «Conectividad rural» y «Redes comunitarias» \(2 dic 2026 9:30–10:00\)/);

  // The event now ends a day earlier: its sessions of the second day are outside it.
  const edited = await coordinator.post(`/events/${slug}/edit`, { ...eventFields, end: '2026-12-01T18:00' });
  assert.equal(edited.status, 303);
  const after = await coordinator.json('GET', `/api/events/${slug}/program`, undefined);
  assert.deepEqual(after.body.conflicts.map((c: { kind: string }) => c.kind), ['track_overlap', 'outside_event', 'outside_event']);
  const outside = after.body.conflicts.find((c: { kind: string; message: string }) => c.kind === 'outside_event' && c.message.includes('Conectividad'));
  assert.match(outside.message, /«Conectividad rural» \(2 dic 2026 9:00–10:00\) está fuera de las fechas del evento \(1 dic 2026 a 1 dic 2026\)/);
}, { postgres: true });
