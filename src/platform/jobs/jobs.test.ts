import assert from 'node:assert/strict';
import { pino } from 'pino';
import { sql } from 'kysely';
import { eachDatabase, perDatabase, freshDatabase } from '../../../tests/support/databases.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { Jobs, type JobHandler } from './index.ts';
import { backoffMs } from './queue.ts';

const log = pino({ level: 'silent' });
const secret = 'jobs-test-secret';

function jobsOn(database: Database, handlers: Record<string, JobHandler>, clock: { now: Date }) {
  return new Jobs({ db: database.db, secret, handlers: new Map(Object.entries(handlers)), log, clock: () => new Date(clock.now) });
}

const statusOf = async (database: Database) =>
  (await database.db.selectFrom('jobs').select(['kind', 'status', 'attempts', 'last_error']).orderBy('created_at').execute());

eachDatabase('a job exists only if the transaction that queued it commits, and runs once', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const seen: unknown[] = [];
  const jobs = jobsOn(database, { 'test.note': async (payload) => void seen.push(payload) }, clock);
  await assert.rejects(database.db.transaction().execute(async (tx) => {
    await jobs.enqueue(tx, { kind: 'test.note', payload: { n: 1 }, summary: 'rolled back' }, clock.now);
    throw new Error('the command fails');
  }));
  await database.db.transaction().execute((tx) => jobs.enqueue(tx, { kind: 'test.note', payload: { n: 2 }, summary: 'kept' }, clock.now));
  assert.equal(await jobs.runner.drain(), 1);
  assert.equal(await jobs.runner.drain(), 0, 'nothing runs twice');
  assert.deepEqual(seen, [{ n: 2 }]);
  assert.deepEqual((await statusOf(database)).map((j) => j.status), ['done']);
});

eachDatabase('payloads are sealed at rest, and dropped once the job is done', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  let opened: unknown;
  const jobs = jobsOn(database, { 'test.mail': async (payload) => void (opened = payload) }, clock);
  await jobs.enqueue(database.db, { kind: 'test.mail', payload: { link: '/verify-email?token=SECRET-123' }, summary: 'verify → ana@example.org' }, clock.now);
  const stored = (await database.db.selectFrom('jobs').select('payload').executeTakeFirstOrThrow()).payload as string;
  assert.doesNotMatch(stored, /SECRET-123|verify-email/);
  await jobs.runner.drain();
  assert.deepEqual(opened, { link: '/verify-email?token=SECRET-123' });
  const after = (await database.db.selectFrom('jobs').select('payload').executeTakeFirstOrThrow()).payload as string;
  assert.notEqual(after, stored);
  // Another installation's secret opens nothing.
  const stranger = new Jobs({ db: database.db, secret: 'another secret', handlers: new Map(), log, clock: () => clock.now });
  await jobs.enqueue(database.db, { kind: 'test.mail', payload: { x: 1 }, summary: 's' }, clock.now);
  await stranger.runner.drain();
  assert.equal((await statusOf(database)).at(-1)!.status, 'pending', 'a payload it cannot open is retried, not run');
});

eachDatabase('a failing job is retried later with a growing wait, given up after its last attempt, and can be retried by hand', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  let calls = 0;
  const jobs = jobsOn(database, { 'test.flaky': async () => { calls++; throw new Error('smtp down'); } }, clock);
  await jobs.enqueue(database.db, { kind: 'test.flaky', payload: {}, summary: 'flaky', maxAttempts: 3 }, clock.now);
  await jobs.runner.drain();
  assert.equal(calls, 1);
  await jobs.runner.drain();
  assert.equal(calls, 1, 'not before its time');
  clock.now = new Date(clock.now.getTime() + backoffMs(1));
  await jobs.runner.drain();
  assert.equal(calls, 2);
  clock.now = new Date(clock.now.getTime() + backoffMs(2));
  await jobs.runner.drain();
  assert.equal(calls, 3);
  const [job] = await statusOf(database);
  assert.equal(job!.status, 'failed');
  assert.equal(job!.last_error, 'smtp down');
  assert.ok(backoffMs(2) > backoffMs(1));
  const listed = await jobs.unfinished();
  assert.equal(listed.length, 1);
  assert.equal((listed[0] as Record<string, unknown>).payload, undefined, 'the secretariat never sees payloads');
  assert.equal(await jobs.retry(listed[0]!.id), true);
  await jobs.runner.stop();
  await jobs.runner.drain();
  assert.equal(calls, 4);
});

eachDatabase('a job with a unique key is queued once', async (database) => {
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const jobs = jobsOn(database, {}, clock);
  for (let i = 0; i < 3; i++) await jobs.enqueue(database.db, { kind: 'test.digest', payload: {}, summary: 'digest', uniqueKey: 'digest:2026-11-26' }, clock.now);
  const { n } = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(n), 1);
});

perDatabase('several runners on one database run each job exactly once', { kinds: ['postgres'], timeout: 120_000 }, async () => {
  const first = await freshDatabase('postgres');
  // A second pool on the same schema: another process, as far as the database can tell.
  const second = openDatabase({ url: process.env.TEST_DATABASE_URL!, schema: first.schema });
  try {
    const clock = { now: new Date('2026-11-26T10:00:00Z') };
    const runs = new Map<number, number>();
    const handler: JobHandler = async (payload) => {
      const n = (payload as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const a = jobsOn(first, { 'test.count': handler }, clock);
    const b = jobsOn(second, { 'test.count': handler }, clock);
    for (let n = 0; n < 300; n++) await a.enqueue(first.db, { kind: 'test.count', payload: { n }, summary: `job ${n}` }, clock.now);
    const [ranA, ranB, ranC] = await Promise.all([a.runner.drain(), b.runner.drain(), b.runner.drain()]);
    assert.equal(ranA + ranB + ranC, 300);
    assert.ok(ranA > 0 && ranB + ranC > 0, `both processes took jobs (${ranA} and ${ranB + ranC})`);
    assert.equal(runs.size, 300);
    assert.deepEqual([...runs.values()].filter((count) => count !== 1), [], 'no job ran twice');
    const { rows } = await sql<{ status: string; n: number }>`select status, count(*)::int as n from jobs group by status`.execute(first.db);
    assert.deepEqual(rows, [{ status: 'done', n: 300 }]);
  } finally {
    await second.close();
    await first.close();
  }
});
