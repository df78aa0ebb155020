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
