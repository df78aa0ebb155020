import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import type { TestClient } from '../../../tests/support/client.ts';
import { insertPerson, password } from '../../../tests/support/factories.ts';
import { served } from '../../../tests/support/served.ts';

/** A log-in form sent from the given client address (the proxy's X-Forwarded-For; TRUST_PROXY is on in tests). */
async function logInFrom(client: TestClient, address: string, email: string, secret: string) {
  return client.request('/login', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': address },
    body: new URLSearchParams({ _csrf: await client.csrfToken(), email, password: secret }),
  });
}

const tick = (t: TestApp, seconds: number) => (t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000));

eachApp("an attacker's failures hold the attacker back, never the owner logging in from their own address", async (t) => {
  await insertPerson(t, { email: 'ana@example.org' });
  const attacker = t.client();
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await logInFrom(attacker, '203.0.113.66', 'ana@example.org', `guess ${i}!`)).status);
  assert.deepEqual(statuses, [422, 422, 422, 422, 422], 'five free failures');
  const held = await logInFrom(attacker, '203.0.113.66', 'ana@example.org', 'guess 5!');
  assert.equal(held.status, 429);
  assert.equal(held.response.headers.get('retry-after'), '15');
  assert.match(held.html, /Too many attempts\. Try again in 1 minute\./);
  // Each further failure doubles the wait: 15 s, 30 s, 1, 2, 4 min…
  for (const wait of [15, 30, 60, 120, 240]) {
    tick(t, wait);
    assert.equal((await logInFrom(attacker, '203.0.113.66', 'ana@example.org', 'another guess')).status, 422);
    assert.equal((await logInFrom(attacker, '203.0.113.66', 'ana@example.org', 'another guess')).status, 429);
  }
  // Ten failures later, even the right password waits, from the attacker's address…
  const waiting = await logInFrom(attacker, '203.0.113.66', 'ana@example.org', password);
  assert.equal(waiting.status, 429);
  assert.equal(waiting.response.headers.get('retry-after'), '480');
  // …while the owner, from their own, logs in at once.
  const owner = t.client();
  owner.language = 'es';
  const mine = await logInFrom(owner, '198.51.100.20', 'ana@example.org', password);
  assert.equal(mine.status, 303);
  // A mistyped password now and then never slows the owner: a success forgets the failures.
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 4; i++) assert.equal((await logInFrom(owner, '198.51.100.20', 'ana@example.org', 'typo!')).status, 422);
    assert.equal((await logInFrom(owner, '198.51.100.20', 'ana@example.org', password)).status, 303);
  }
  // The message is in the reader's language.
  const french = t.client();
  french.language = 'fr';
  assert.match((await logInFrom(french, '203.0.113.66', 'ana@example.org', 'x')).html, /Trop de tentatives\. Réessayez dans 8 minutes\./);
}, { postgres: true });

eachApp('one address has a looser ceiling over all accounts, counting failures only; another address is not held back', async (t) => {
  await insertPerson(t, { email: 'ana@example.org' });
  const workshop = t.client();
  // A workshop behind one NAT: many correct log-ins never use the ceiling up.
  for (let i = 0; i < 5; i++) assert.equal((await logInFrom(workshop, '192.0.2.50', 'ana@example.org', password)).status, 303);
  const sprayer = t.client();
  const statuses: number[] = [];
  for (let i = 0; i < 101; i++) statuses.push((await logInFrom(sprayer, '192.0.2.50', `person${i}@example.org`, 'Summer2026!')).status);
  assert.equal(statuses.filter((s) => s === 422).length, 100);
  assert.equal(statuses[100], 429);
  assert.equal((await logInFrom(workshop, '192.0.2.50', 'ana@example.org', password)).status, 429, 'the address waits for the window to end');
  assert.equal((await logInFrom(t.client(), '198.51.100.20', 'ana@example.org', password)).status, 303, 'another address logs in');
  // An IPv6 client cannot escape by moving within its /64.
  const v6 = t.client();
  for (let i = 0; i < 5; i++) await logInFrom(v6, `2001:db8:1:2::${i + 1}`, 'ana@example.org', 'guess!');
  assert.equal((await logInFrom(v6, '2001:db8:1:2:ffff::9', 'ana@example.org', 'guess!')).status, 429);
  tick(t, 15 * 60);
  assert.equal((await logInFrom(workshop, '192.0.2.50', 'ana@example.org', password)).status, 303, 'a new window');
}, { postgres: true, timeout: 120_000 });

eachApp('guesses sent at the same instant are counted one by one: no more than five are tried', async (t) => {
  await insertPerson(t, { email: 'ana@example.org' });
  const server = await served(t);
  try {
    const attacker = server.client();
    await attacker.csrfToken();
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => logInFrom(attacker, '203.0.113.66', 'ana@example.org', `guess ${i}!`)));
    const statuses = pages.map((p) => p.status);
    assert.ok(statuses.filter((s) => s === 422).length <= 5, `${statuses}`);
    assert.equal(statuses.filter((s) => s !== 422 && s !== 429).length, 0, `${statuses}`);
    assert.equal((await logInFrom(attacker, '203.0.113.66', 'ana@example.org', password)).status, 429);
  } finally {
    await server.close();
  }
}, { postgres: true });
