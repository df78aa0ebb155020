import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_VOTE, VoteStoreBuilder, createVoteStore, findVote, voteCountOf, votesOfParticipant } from './voteStore.ts';

test('the builder compresses rows, sorted by statement, and a later vote replaces an earlier one', () => {
  const builder = new VoteStoreBuilder();
  builder.add(1, 3, 1);
  builder.add(0, 2, -1);
  builder.add(1, 0, 0);
  builder.add(1, 3, -1); // re-vote
  builder.add(0, 1, 1);
  const store = builder.build(3, 5);
  assert.deepEqual(Array.from(store.rowStart), [0, 2, 4, 4]);
  assert.deepEqual(Array.from(store.statementOf), [1, 2, 0, 3]);
  assert.deepEqual(Array.from(store.voteOf), [1, -1, 0, -1]);
  assert.equal(voteCountOf(store), 4);
  assert.equal(votesOfParticipant(store, 2), 0);
});

test('a missing vote is never a vote: findVote tells a pass from no vote', () => {
  const builder = new VoteStoreBuilder();
  builder.add(0, 0, 0);
  const store = builder.build(1, 2);
  assert.equal(findVote(store, 0, 0), 0);
  assert.equal(findVote(store, 0, 1), NO_VOTE);
  assert.equal(findVote(store, 5, 0), NO_VOTE);
});

test('invalid votes and malformed arrays are refused', () => {
  const builder = new VoteStoreBuilder();
  assert.throws(() => builder.add(0, 0, 2 as never), RangeError);
  assert.throws(() => builder.add(-1, 0, 1), RangeError);
  assert.throws(() => createVoteStore(1, 2, Int32Array.of(0, 2), Int32Array.of(1, 0), Int8Array.of(1, 1)), /ascend/);
  assert.throws(() => createVoteStore(1, 2, Int32Array.of(0, 1), Int32Array.of(0), Int8Array.of(3)), /vote/);
  const ok = createVoteStore(1, 2, Int32Array.of(0, 2), Int32Array.of(0, 1), Int8Array.of(1, -1));
  assert.equal(findVote(ok, 0, 1), -1);
});

test('the builder grows past its initial capacity', () => {
  const builder = new VoteStoreBuilder();
  for (let i = 0; i < 5000; i++) builder.add(i % 50, i % 97, ((i % 3) - 1) as -1 | 0 | 1);
  const store = builder.build();
  assert.equal(store.participantCount, 50);
  assert.ok(voteCountOf(store) <= 5000);
});

test('the built store equals a naive construction on many random votes and re-votes', () => {
  let seed = 12345;
  const next = (bound: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % bound;
  };
  const builder = new VoteStoreBuilder(10);
  const latest = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const p = next(300);
    const s = next(50);
    const v = (next(3) - 1) as -1 | 0 | 1;
    builder.add(p, s, v);
    latest.set(`${p}:${s}`, v);
  }
  const store = builder.build(301, 50);
  assert.equal(voteCountOf(store), latest.size);
  for (let p = 0; p < 301; p++) {
    const row = Array.from(store.statementOf.subarray(store.rowStart[p], store.rowStart[p + 1]));
    assert.deepEqual(row, [...row].sort((a, b) => a - b));
    for (let s = 0; s < 50; s++) assert.equal(findVote(store, p, s), latest.get(`${p}:${s}`) ?? NO_VOTE);
  }
});
