import assert from 'node:assert/strict';
import { sessionCookie } from '../../../platform/auth/identity.ts';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { insertPerson, type Person } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import { racing, type ServedApp } from '../../../../tests/support/served.ts';
import { startSession } from '../../accounts/sessions.ts';
import { eventsDb } from '../tables.ts';

/**
 * Registrations that race for the same seats, sent at the same instant over real connections.
 * SQLite runs one writer at a time; on PostgreSQL the lock on the event's row must hold.
 */
const trials = 3;
const seats = 5;

type Racer = Awaited<ReturnType<typeof personAt>>;

async function personAt(t: TestApp, server: ServedApp, person: Person) {
  const id = await insertPerson(t, person);
  const client = server.client();
  client.setCookie(sessionCookie, await startSession(t.database.db, id, t.clock.now));
  await client.csrfToken();
  return { id, email: person.email, client };
}

async function rowsOf(t: TestApp, slug: string) {
  const event = await eventsDb(t.database.db).selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const rows = await eventsDb(t.database.db).selectFrom('event_registrations').select(['user_id', 'status', 'sequence']).where('event_id', '=', event.id).orderBy('sequence').execute();
  return rows.map((r) => ({ ...r, sequence: Number(r.sequence) }));
}

/** How many mails to an address have a matching subject, once the first has come and a second would have. */
async function mailsTo(t: TestApp, email: string, subject: RegExp): Promise<number> {
  const count = () => t.mail.received.filter((m) => m.to.includes(email) && subject.test(m.subject)).length;
  // Generous: each trial queues some thirty mails, sent one after another on a busy machine.
  for (let waited = 0; count() === 0 && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 150));
  return count();
}

eachApp(`twenty people registering at once for ${seats} seats: ${seats} confirmed, the others waitlisted in one consistent order; cancelling at once lets each next person in once`, (t) => racing(t, async (server) => {
  const { coordinator, initiative } = await organiser(t);
  for (let trial = 0; trial < trials; trial++) {
    const slug = await createEvent(coordinator, initiative, { title: `Diálogo simultáneo ${trial}` });
    await coordinator.post(`/events/${slug}/publish`, {});
    await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: String(seats), online_capacity: '' });
    const people: Racer[] = [];
    for (let i = 0; i < 20; i++) people.push(await personAt(t, server, { email: `p${trial}-${i}@example.org` }));

    // Half through the form, half through the API: one command serves both.
    const answers = await Promise.all(people.map(({ client }, i) =>
      i % 2 === 0
        ? client.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'government' }).then((p) => ({ status: p.status, position: null as number | null, at: p.location ?? '' }))
        : client.json('POST', `/api/events/${slug}/registrations`, { presence: 'onsite' }).then((r) => ({ status: r.status, position: r.body.waitlist_position as number | null, at: r.body.status as string }))));
    assert.deepEqual(answers.map((a) => a.status), people.map((_, i) => (i % 2 === 0 ? 303 : 201)), `trial ${trial}`);
    const rows = await rowsOf(t, slug);
    assert.equal(rows.length, 20);
    assert.deepEqual(rows.map((r) => r.sequence), Array.from({ length: 20 }, (_, i) => i + 1), `trial ${trial}: one place in line each`);
    assert.deepEqual(rows.map((r) => r.status), [...Array(seats).fill('confirmed'), ...Array(20 - seats).fill('waitlisted')], `trial ${trial}: the first ${seats} in line have the seats`);
    // The positions the API answered are the ones the order gives.
    const rank = new Map(rows.filter((r) => r.status === 'waitlisted').map((r, i) => [r.user_id, i + 1]));
    for (const [i, answer] of answers.entries()) {
      if (i % 2 === 1 && answer.at === 'waitlisted') assert.equal(answer.position, rank.get(people[i]!.id), `trial ${trial}: position of person ${i}`);
    }

    // Everyone confirmed cancels at the same instant, one of them twice: each next person gets one seat, once.
    const confirmed = rows.filter((r) => r.status === 'confirmed').map((r) => people.find((p) => p.id === r.user_id)!);
    const nextInLine = rows.filter((r) => r.status === 'waitlisted').slice(0, seats).map((r) => people.find((p) => p.id === r.user_id)!);
    const cancels = await Promise.all([...confirmed, confirmed[0]!].map(({ client }) => client.post(`/events/${slug}/register/cancel`, {}).then((p) => p.status)));
    assert.deepEqual(cancels.sort(), [...Array(seats).fill(303), 409], `trial ${trial}: a double cancel is refused`);
    const after = await rowsOf(t, slug);
    const confirmedNow = after.filter((r) => r.status === 'confirmed').map((r) => r.user_id);
    assert.deepEqual(confirmedNow.sort(), nextInLine.map((p) => p.id).sort(), `trial ${trial}: the next ${seats} in line, no one else`);
    for (const person of nextInLine) assert.equal(await mailsTo(t, person.email, /^A seat for you/), 1, `trial ${trial}: one promotion mail`);
    const promotions = await t.database.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'event.registration_promoted').execute();
    assert.equal(promotions.length, seats * (trial + 1), `trial ${trial}: each promoted once`);
  }
}), { postgres: true, timeout: 240_000 });

eachApp('registrations and cancellations racing never give more seats than there are', (t) => racing(t, async (server) => {
  const { coordinator, initiative } = await organiser(t);
  for (let trial = 0; trial < trials; trial++) {
    const slug = await createEvent(coordinator, initiative, { title: `Taller simultáneo ${trial}` });
    await coordinator.post(`/events/${slug}/publish`, {});
    await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: '3', online_capacity: '' });
    const first: Racer[] = [];
    for (let i = 0; i < 6; i++) first.push(await personAt(t, server, { email: `a${trial}-${i}@example.org` }));
    for (const { client } of first) await client.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'academia' });
    const late: Racer[] = [];
    for (let i = 0; i < 6; i++) late.push(await personAt(t, server, { email: `b${trial}-${i}@example.org` }));
    // The three confirmed cancel while six more register, and one of them presses twice.
    await Promise.all([
      ...first.slice(0, 3).map(({ client }) => client.post(`/events/${slug}/register/cancel`, {})),
      ...late.map(({ client }) => client.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'academia' })),
      late[0]!.client.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'academia' }),
    ]);
    const rows = await rowsOf(t, slug);
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    assert.equal(confirmed.length, 3, `trial ${trial}: exactly the seats`);
    assert.deepEqual(confirmed.map((r) => r.user_id).sort(), first.slice(3).map((p) => p.id).sort(), `trial ${trial}: the waitlist came first`);
    assert.equal(rows.filter((r) => r.user_id === late[0]!.id).length, 1, `trial ${trial}: one registration for a double press`);
    assert.equal(rows.filter((r) => r.status === 'waitlisted').length, 6);
  }
}), { postgres: true, timeout: 240_000 });
