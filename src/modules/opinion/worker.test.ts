import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseInWorker } from './worker.ts';
import { analyseOpinions } from './engine/analyse.ts';
import { syntheticConversation } from './testing/synthetic.ts';

const conversation = syntheticConversation({ participants: 20_000, statements: 300, votes: 800_000, groups: 3, bridgingStatements: 10, seed: 3 });

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

test('a transferred store is moved to the worker, not copied', async () => {
  const copy = syntheticConversation({ participants: 500, statements: 40, votes: 5000, groups: 2, bridgingStatements: 2, seed: 1 }).store;
  const analysis = await analyseInWorker(copy, {}, { transferInput: true });
  assert.equal(analysis.participantCount, 500);
  assert.equal(copy.statementOf.length, 0, 'the buffer was detached');
});

test('errors in the worker reject the promise', async () => {
  const broken = { participantCount: 2, statementCount: 1, rowStart: Int32Array.of(0, 1, 5), statementOf: Int32Array.of(0), voteOf: Int8Array.of(1) };
  await assert.rejects(analyseInWorker(broken));
});
