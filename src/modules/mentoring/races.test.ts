import assert from 'node:assert/strict';
import { sessionCookie } from '../../platform/auth/identity.ts';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { initiative, offer, type Side } from '../../../tests/support/mentoring.ts';
import { atOnce, served, type ServedApp } from '../../../tests/support/served.ts';
import { startSession } from '../accounts/sessions.ts';
import { mentoringDb } from './tables.ts';

/**
 * Requests that race for a mentor's places, sent at the same instant over real connections, many
 * times over. SQLite runs one writer at a time; on PostgreSQL the routing lock must hold.
 */
const trials = 8;

/** The initiative's coordinator, signed in through the served app's socket. */
async function overSocket(t: TestApp, server: ServedApp, side: Side) {
  const email = `${side.name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
  const { id } = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const client = server.client();
  client.setCookie(sessionCookie, await startSession(t.database.db, id, t.clock.now));
  await client.csrfToken();
  return client;
}

async function racing(t: TestApp, body: (server: ServedApp) => Promise<void>): Promise<void> {
  const server = await served(t);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

eachApp('two newcomers asking for a mentor’s last place at the same instant: one is offered it, the other waits, and the mentor is never above capacity', (t) => racing(t, async (server) => {
  const m = mentoringDb(t.database.db);
  for (let trial = 0; trial < trials; trial++) {
    const mentor = await initiative(t, `Foro Mentor ${trial}`);
    await offer(mentor, { capacity: '1' });
    const offerId = (await m.selectFrom('mentor_offers').select('id').where('initiative_id', '=', mentor.id).executeTakeFirstOrThrow()).id;
    const first = await initiative(t, `IGF Uno ${trial}`, {}, false);
    const second = await initiative(t, `IGF Dos ${trial}`, {}, false);
    const clients = [await overSocket(t, server, first), await overSocket(t, server, second)];
    const statuses = await atOnce([first, second].map((side, i) => () => clients[i]!.post(`/initiatives/${side.slug}/mentoring/requests`, { choice_1: offerId })));
    assert.deepEqual(statuses, [303, 303], `trial ${trial}`);
    const requests = await m.selectFrom('mentoring_requests').select(['status', 'offer_id']).where('initiative_id', 'in', [first.id, second.id]).execute();
    assert.deepEqual(requests.map((r) => r.status).sort(), ['offered', 'waiting'], `trial ${trial}: one stands, the other waits`);
    assert.equal(requests.filter((r) => r.offer_id === offerId).length, 1);
  }
}), { postgres: true, timeout: 180_000 });

eachApp('a newcomer sending its request twice at the same instant: one stands, the other is refused', (t) => racing(t, async (server) => {
  const m = mentoringDb(t.database.db);
  const mentor = await initiative(t, 'Foro Mentor');
  await offer(mentor, { capacity: '20' });
  const offerId = (await m.selectFrom('mentor_offers').select('id').executeTakeFirstOrThrow()).id;
  for (let trial = 0; trial < trials; trial++) {
    const newcomer = await initiative(t, `IGF Doble ${trial}`, {}, false);
    const client = await overSocket(t, server, newcomer);
    const statuses = await atOnce([0, 1].map(() => () => client.post(`/initiatives/${newcomer.slug}/mentoring/requests`, { choice_1: offerId })));
    assert.deepEqual(statuses.sort(), [303, 409], `trial ${trial}`);
    assert.equal((await m.selectFrom('mentoring_requests').select('id').where('initiative_id', '=', newcomer.id).execute()).length, 1);
  }
}), { postgres: true, timeout: 180_000 });
