import assert from 'node:assert/strict';
import { pino } from 'pino';
import { eachDatabase, perDatabase } from '../../../tests/support/databases.ts';
import { startTestApp } from '../../../tests/support/app.ts';
import { TestClient } from '../../../tests/support/client.ts';
import { insertPerson } from '../../../tests/support/factories.ts';
import { createApp } from '../../app.tsx';
import { modules } from '../../modules/index.ts';
import { createServices } from '../services.ts';
import { openDatabase } from '../db/index.ts';
import { RateLimits, backoffDelay, type BackoffLimit, type WindowLimit } from './rateLimit.ts';

const minute = 60_000;
const window: WindowLimit = { name: 'test.window', limit: 3, windowMs: 15 * minute };

function limitsAt(db: ConstructorParameters<typeof RateLimits>[0], clock: { now: Date }) {
  return new RateLimits(db, 'rate-limit-test-secret', () => new Date(clock.now));
}

eachDatabase('a window counts attempts per subject, refuses past its limit until it ends, and takes back refunds', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const limits = limitsAt(database.db, clock);
  const verdicts = [];
  for (let i = 0; i < 4; i++) verdicts.push(await limits.count(window, '192.0.2.1'));
  assert.deepEqual(verdicts.map((v) => v.allowed), [true, true, true, false]);
  assert.deepEqual(verdicts[3], { allowed: false, retryAfter: 900 });
  assert.deepEqual(await limits.count(window, '192.0.2.2'), { allowed: true }, 'another subject has its own count');
  assert.deepEqual(await limits.isLimited(window, '192.0.2.1'), { allowed: false, retryAfter: 900 });

  clock.now = new Date(clock.now.getTime() + 10 * minute);
  assert.deepEqual(await limits.count(window, '192.0.2.1'), { allowed: false, retryAfter: 300 }, 'the window is fixed, not sliding');
  clock.now = new Date(clock.now.getTime() + 5 * minute);
  assert.deepEqual(await limits.count(window, '192.0.2.1'), { allowed: true }, 'a new window once the old one ended');
  assert.deepEqual(await limits.isLimited(window, '192.0.2.1'), { allowed: true });

  // A refunded attempt (one that went well) leaves room for another.
  await limits.count(window, '192.0.2.1');
  await limits.count(window, '192.0.2.1');
  await limits.refund(window, '192.0.2.1');
  assert.deepEqual(await limits.count(window, '192.0.2.1'), { allowed: true });
  assert.equal((await limits.count(window, '192.0.2.1')).allowed, false);
});

eachDatabase('counters keep no address or email, and expired ones are swept', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const limits = limitsAt(database.db, clock);
  await limits.count(window, 'ana@example.org');
  await limits.count({ ...window, name: 'test.other' }, '198.51.100.7');
  const rows = await database.db.selectFrom('rate_limits').selectAll().execute();
  assert.equal(rows.length, 2);
  assert.doesNotMatch(JSON.stringify(rows), /ana|example|198\.51/);
  // Long after both windows, the next attempt sweeps the old rows.
  clock.now = new Date(clock.now.getTime() + 60 * minute);
  await limits.count(window, 'someone else');
  assert.equal((await database.db.selectFrom('rate_limits').select('key').execute()).length, 1);
});

eachDatabase('attempts sent at the same instant are each counted: a window lets exactly its limit through', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const limits = limitsAt(database.db, clock);
  const many: WindowLimit = { name: 'test.many', limit: 10, windowMs: minute };
  const verdicts = await Promise.all(Array.from({ length: 30 }, () => limits.count(many, 'burst')));
  assert.equal(verdicts.filter((v) => v.allowed).length, 10);
});

const backoff: BackoffLimit = { name: 'test.backoff', free: 3, firstDelayMs: 10_000, maxDelayMs: 60_000, memoryMs: 60 * minute };

eachDatabase('a backoff lets a few failures through, then waits longer after each, and forgets after a success', async (database) => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 9].map((n) => backoffDelay(backoff, n)), [0, 0, 10_000, 20_000, 40_000, 60_000, 60_000]);
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const limits = limitsAt(database.db, clock);
  const tick = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: true });
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: true });
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: true });
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: false, retryAfter: 10 });
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.9'), { allowed: true }, 'another subject is not held back');
  tick(10_000);
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: true });
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: false, retryAfter: 20 }, 'twice as long after the next failure');
  tick(20_000);
  await limits.forget(backoff, 'ana|192.0.2.1');
  for (let i = 0; i < 3; i++) assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: true }, 'a success forgets the failures');
  // Failures are forgotten an hour after the last one.
  tick(60 * minute);
  assert.deepEqual(await limits.attempt(backoff, 'ana|192.0.2.1'), { allowed: true });
});

eachDatabase('a backoff counts attempts sent at the same instant one by one', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const limits = limitsAt(database.db, clock);
  const verdicts = await Promise.all(Array.from({ length: 20 }, () => limits.attempt(backoff, 'burst')));
  // The free attempts go through (some perhaps after being told to retry at once); never more.
  assert.ok(verdicts.filter((v) => v.allowed).length <= backoff.free, JSON.stringify(verdicts));
  const row = await database.db.selectFrom('rate_limits').select('attempts').executeTakeFirstOrThrow();
  assert.equal(Number(row.attempts), verdicts.filter((v) => v.allowed).length);
});

perDatabase('two Cabildo instances on one PostgreSQL database count log-in failures together', { kinds: ['postgres'] }, async () => {
  const first = await startTestApp('postgres');
  const secondDatabase = openDatabase({ url: process.env.TEST_DATABASE_URL!, schema: first.database.schema });
  try {
    const { config } = first.services;
    const secondServices = createServices({ database: secondDatabase, config, log: pino({ level: 'silent' }), clock: first.services.clock, modules });
    const instances = [first.client(), new TestClient(await createApp(secondServices, modules), config.baseUrl)];
    await insertPerson(first, { email: 'ana@example.org' });
    const guess = (i: number) => instances[i % 2]!.post('/login', { email: 'ana@example.org', password: 'wrong guess!' });
    // Ten failures from one address, alternating between the instances, waiting as told between them.
    for (let i = 0; i < 10; i++) {
      const page = await guess(i);
      if (page.status === 429) {
        first.clock.now = new Date(first.clock.now.getTime() + Number(page.response.headers.get('retry-after')) * 1000);
        i--;
        continue;
      }
      assert.equal(page.status, 422);
    }
    // Counted apart, each instance would have seen five (a 15 s wait); together they are ten: 8 minutes.
    for (let i = 0; i < 2; i++) {
      const held = await guess(i);
      assert.equal(held.status, 429);
      assert.equal(held.response.headers.get('retry-after'), '480');
    }
  } finally {
    await secondDatabase.close();
    await first.close();
  }
});
