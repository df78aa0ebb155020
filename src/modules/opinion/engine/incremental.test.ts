import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseOpinions, familyStatistics } from './analyse.ts';
import { LiveOpinion } from './incremental.ts';
import { NO_VOTE, VoteStoreBuilder, type Vote, type VoteStore } from './voteStore.ts';
import { createRandom, randomInt } from './random.ts';
import { syntheticConversation } from '../testing/synthetic.ts';

/** The store with extra votes applied (later wins), for recomputing from scratch. */
function withVotes(store: VoteStore, extra: [number, number, Vote][]): VoteStore {
  const builder = new VoteStoreBuilder();
  for (let p = 0; p < store.participantCount; p++) {
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) builder.add(p, store.statementOf[i], store.voteOf[i] as Vote);
  }
  for (const [p, s, v] of extra) builder.add(p, s, v);
  return builder.build(store.participantCount, store.statementCount);
}

test('incremental votes (new ones and changed ones) give the same counts and bridging scores as a full recount', () => {
  const conversation = syntheticConversation({ participants: 600, statements: 40, votes: 6000, groups: 3, bridgingStatements: 4, seed: 9, stakeholderGroups: 3 });
  const stakeholders = { groupOf: conversation.stakeholderGroupOf!, labels: ['a', 'b', 'c'] };
  const analysis = analyseOpinions(conversation.store, { seed: 1, stakeholders });
  const live = new LiveOpinion(conversation.store, analysis);
  const random = createRandom(77);
  const extra: [number, number, Vote][] = [];
  let changed = 0;
  for (let i = 0; i < 3000; i++) {
    const p = randomInt(random, 600);
    const s = randomInt(random, 40);
    const v = (randomInt(random, 3) - 1) as Vote;
    if (live.currentVote(p, s) !== NO_VOTE && live.currentVote(p, s) !== v) changed++;
    live.recordVote(p, s, v);
    extra.push([p, s, v]);
  }
  assert.ok(changed > 100, 'the test exercises re-votes');
  const recounted = withVotes(conversation.store, extra);
  const opinion = familyStatistics(recounted, analysis.groupOf, analysis.opinion.labels, analysis.bridgingOptions);
  const stakeholder = familyStatistics(recounted, stakeholders.groupOf, stakeholders.labels, analysis.bridgingOptions);
  for (let s = 0; s < 40; s++) {
    for (let g = 0; g < 3; g++) assert.deepEqual(live.counts(1, s, g), { agree: stakeholder.tally.agree[s * 3 + g], disagree: stakeholder.tally.disagree[s * 3 + g], pass: stakeholder.tally.pass[s * 3 + g] });
    const [liveOpinion, liveStakeholder] = live.familyBridging(s);
    assert.ok(Object.is(liveOpinion, opinion.bridging[s]) || Math.abs(liveOpinion - opinion.bridging[s]) < 1e-12);
    assert.ok(Object.is(liveStakeholder, stakeholder.bridging[s]) || Math.abs(liveStakeholder - stakeholder.bridging[s]) < 1e-12);
  }
  assert.equal(live.voteCount, recounted.rowStart[recounted.participantCount]);
  assert.deepEqual(Array.from(live.bridgingRanking(10)).length, Math.min(10, Array.from(live.bridging).filter((x) => !Number.isNaN(x)).length));
});

test('repeating the same vote changes nothing; unknown statements are refused', () => {
  const conversation = syntheticConversation({ participants: 100, statements: 10, votes: 500, groups: 2, bridgingStatements: 1, seed: 2 });
  const analysis = analyseOpinions(conversation.store);
  const live = new LiveOpinion(conversation.store, analysis);
  const before = live.currentVote(0, 0);
  assert.equal(live.recordVote(0, 0, 1), before !== 1);
  assert.equal(live.recordVote(0, 0, 1), false);
  assert.throws(() => live.recordVote(0, 10, 1), RangeError);
  // A participant who joined after the analysis is counted in no group yet.
  assert.equal(live.recordVote(5000, 3, -1), true);
});
