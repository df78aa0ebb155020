import { spawnSync } from 'node:child_process';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisWorkerPool, analyseInWorker, sharedAnalysisPool } from './worker.ts';
import { analyseOpinions } from './engine/analyse.ts';
import { syntheticConversation } from './testing/synthetic.ts';

const conversation = syntheticConversation({ participants: 20_000, statements: 300, votes: 800_000, groups: 3, bridgingStatements: 10, seed: 3 });
const small = (seed: number) => syntheticConversation({ participants: 500, statements: 40, votes: 5000, groups: 2, bridgingStatements: 2, seed }).store;

after(() => sharedAnalysisPool().close());

test('the worker returns the same analysis as the main thread, as typed arrays', async () => {
  const inWorker = await analyseInWorker(conversation.store, { seed: 9 });
  const inProcess = analyseOpinions(conversation.store, { seed: 9 });
  assert.ok(inWorker.bridging instanceof Float64Array);
  assert.deepEqual({ ...inWorker, timingsMs: null }, { ...inProcess, timingsMs: null });
});

test('the event loop keeps ticking while a medium analysis runs in the worker', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const started = performance.now();
  try {
    const analysis = await analyseInWorker(conversation.store, { seed: 1 });
    assert.equal(analysis.groupCount, 3);
  } finally {
    clearInterval(timer);
  }
  const elapsed = performance.now() - started;
  // A blocked loop would tick at most once or twice; a free one about every 5 ms.
  assert.ok(ticks >= Math.max(10, elapsed / 5 / 4), `${ticks} ticks in ${elapsed.toFixed(0)} ms`);
});

test('a pool warmed before the votes are read starts its worker once and the analysis uses it', async () => {
  const pool = new AnalysisWorkerPool({ size: 1 });
  try {
    pool.warm();
    pool.warm();
    assert.equal(pool.workersStarted, 1, 'warming twice starts one worker');
    const analysis = await pool.analyse(small(7), { seed: 1 });
    assert.equal(pool.workersStarted, 1, 'the analysis ran on the warmed worker');
    assert.deepEqual({ ...analysis, timingsMs: null }, { ...analyseOpinions(small(7), { seed: 1 }), timingsMs: null });
  } finally {
    await pool.close();
  }
});

test('a warmed worker that never gets an analysis does not keep the process alive', () => {
  const worker = new URL('./worker.ts', import.meta.url).href;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { AnalysisWorkerPool } = await import(${JSON.stringify(worker)}); new AnalysisWorkerPool().warm();`], { timeout: 30_000, encoding: 'utf8' });
  assert.equal(child.signal, null, 'the process ended by itself, not at the timeout');
  assert.equal(child.status, 0, child.stderr);
});

test('one long-lived worker serves many analyses, queued in order', async () => {
  const pool = new AnalysisWorkerPool({ size: 1 });
  try {
    const stores = [1, 2, 3, 4, 5, 6].map(small);
    const finished: number[] = [];
    const results = await Promise.all(stores.map((store, i) => pool.analyse(store, { seed: i }).then((a) => (finished.push(i), a))));
    assert.equal(pool.workersStarted, 1, 'no worker per analysis');
    assert.deepEqual(finished, [0, 1, 2, 3, 4, 5]);
    results.forEach((analysis, i) => assert.deepEqual({ ...analysis, timingsMs: null }, { ...analyseOpinions(stores[i], { seed: i }), timingsMs: null }));
  } finally {
    await pool.close();
  }
});

test('a transferred store is moved to the worker, not copied', async () => {
  const copy = small(1);
  const analysis = await analyseInWorker(copy, {}, { transferInput: true });
  assert.equal(analysis.participantCount, 500);
  assert.equal(copy.statementOf.length, 0, 'the buffer was detached');
});

test('errors reject their own job only; the worker carries on', async () => {
  const pool = new AnalysisWorkerPool();
  try {
    const broken = { participantCount: 2, statementCount: 1, rowStart: Int32Array.of(0, 1, 5), statementOf: Int32Array.of(0), voteOf: Int8Array.of(1) };
    await assert.rejects(pool.analyse(broken), /rowStart|shorter/);
    const analysis = await pool.analyse(small(2));
    assert.equal(analysis.participantCount, 500);
    assert.equal(pool.workersStarted, 1);
  } finally {
    await pool.close();
  }
});

test('aborting a queued job drops it; aborting a running one replaces its worker', async () => {
  const pool = new AnalysisWorkerPool({ size: 1 });
  try {
    const running = new AbortController();
    const queued = new AbortController();
    const first = pool.analyse(conversation.store, { seed: 1 }, { signal: running.signal });
    const second = pool.analyse(small(3), {}, { signal: queued.signal });
    const third = pool.analyse(small(4));
    queued.abort(new Error('not needed'));
    await assert.rejects(second, /not needed/);
    running.abort(new Error('stop'));
    await assert.rejects(first, /stop/);
    assert.equal((await third).participantCount, 500);
    assert.equal(pool.workersStarted, 2);
    await pool.close();
    await assert.rejects(pool.analyse(small(5)), /closed/);
  } finally {
    await pool.close();
  }
});
