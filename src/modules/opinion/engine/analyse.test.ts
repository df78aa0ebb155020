import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseOpinions, warmStartOf, type OpinionAnalysis } from './analyse.ts';
import { syntheticConversation, type SyntheticConversation } from '../testing/synthetic.ts';
import { adjustedRandIndex } from '../testing/ari.ts';
import { absoluteCosine } from '../testing/denseReference.ts';
import { missingGroups } from './bridging.ts';

function groupAgreement(analysis: OpinionAnalysis, planted: Int32Array): number {
  const ours = Array.from(analysis.participating, (p) => analysis.groupOf[p]);
  const truth = Array.from(analysis.participating, (p) => planted[p]);
  return adjustedRandIndex(ours, truth);
}

function bridgingPrecision(analysis: OpinionAnalysis, conversation: SyntheticConversation, scores = analysis.bridging): number {
  const k = conversation.plantedBridging.length;
  const planted = new Set(conversation.plantedBridging);
  const ranking = Array.from(scores.keys())
    .filter((s) => !Number.isNaN(scores[s]))
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, k);
  return ranking.filter((s) => planted.has(s)).length / k;
}

const medium = syntheticConversation({ participants: 4000, statements: 200, votes: 240_000, groups: 3, bridgingStatements: 12, seed: 11, stakeholderGroups: 4 });

for (const groups of [2, 3]) {
  test(`planted opinion groups are recovered (${groups} groups, ARI ≥ 0.95) and planted bridging statements top the ranking (precision ≥ 0.9)`, () => {
    const conversation =
      groups === 3 ? medium : syntheticConversation({ participants: 3000, statements: 150, votes: 150_000, groups, bridgingStatements: 10, seed: 20 + groups });
    const analysis = analyseOpinions(conversation.store, { seed: 5 });
    assert.equal(analysis.groupCount, groups);
    const ari = groupAgreement(analysis, conversation.plantedGroupOf);
    assert.ok(ari >= 0.95, `ARI ${ari}`);
    const precision = bridgingPrecision(analysis, conversation);
    assert.ok(precision >= 0.9, `precision ${precision}`);
    assert.ok(analysis.pca.converged);
  });
}

test('bridging also holds across declared stakeholder groups, reported separately and combined by minimum', () => {
  const groupOf = medium.stakeholderGroupOf!;
  const analysis = analyseOpinions(medium.store, { seed: 5, stakeholders: { groupOf, labels: ['government', 'civil_society', 'private_sector', 'technical_community'] } });
  assert.ok(analysis.stakeholder);
  assert.ok(bridgingPrecision(analysis, medium) >= 0.9);
  for (let s = 0; s < medium.store.statementCount; s++) {
    const expected = Math.min(analysis.opinion.bridging[s], analysis.stakeholder.bridging[s]);
    assert.ok(Object.is(analysis.bridging[s], expected) || (Number.isNaN(expected) && Number.isNaN(analysis.bridging[s])));
  }
});

test('every group weighs the same: a small group rejecting a statement sinks its bridging score', () => {
  // 1000 participants agree with statement 0; a group of 20 disagrees. Statement 1 is agreed by everyone.
  const n = 1020;
  const rowStart = Int32Array.from({ length: n + 1 }, (_, p) => 2 * p);
  const statementOf = Int32Array.from({ length: 2 * n }, (_, i) => i % 2);
  const voteOf = Int8Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 && i / 2 >= 1000 ? -1 : 1));
  const groupOf = Int32Array.from({ length: n }, (_, p) => (p < 1000 ? 0 : 1));
  const store = { participantCount: n, statementCount: 2, rowStart, statementOf, voteOf };
  const analysis = analyseOpinions(store, { seed: 1, stakeholders: { groupOf, labels: ['large', 'small'] } });
  const family = analysis.stakeholder!;
  assert.ok(family.bridging[0] < 0.1, `statement 0: ${family.bridging[0]}`);
  assert.ok(family.bridging[1] > 0.85, `statement 1: ${family.bridging[1]}`);
  assert.ok(family.divisive[0] > 0.9);
});

test('a statement short of votes from some group is still ranked from the groups that voted enough, marked provisional', () => {
  const n = 40;
  const rowStart = Int32Array.from({ length: n + 1 }, (_, p) => p);
  const statementOf = new Int32Array(n);
  const voteOf = new Int8Array(n).fill(1);
  const groupOf = Int32Array.from({ length: n }, (_, p) => (p < 38 ? 0 : 1));
  const store = { participantCount: n, statementCount: 1, rowStart, statementOf, voteOf };
  const analysis = analyseOpinions(store, { stakeholders: { groupOf, labels: ['a', 'b'] }, minVotesPerGroup: 5 });
  const family = analysis.stakeholder!;
  // Group b (2 votes) is left out: the score is group a's own lower bound.
  assert.equal(family.bridging[0], family.lowerBounds[0 * 2 + 0]);
  assert.equal(family.provisional[0], 1);
  assert.equal(analysis.provisional[0], 1);
  assert.deepEqual(Array.from(analysis.bridgingRanking), [0]);
  const complete = analyseOpinions(store, { stakeholders: { groupOf, labels: ['a', 'b'] }, minVotesPerGroup: 2 });
  assert.equal(complete.stakeholder!.provisional[0], 0);
  assert.equal(complete.stakeholder!.bridging[0], Math.min(complete.stakeholder!.lowerBounds[0], complete.stakeholder!.lowerBounds[1]));
});

test('uneven stakeholder groups (45/20/15/12/5/3 %): every statement stays ranked; the small groups are named where they lack votes', () => {
  const conversation = syntheticConversation({ participants: 3000, statements: 120, votes: 18_000, groups: 3, bridgingStatements: 8, seed: 41 });
  const shares = [0.45, 0.2, 0.15, 0.12, 0.05, 0.03];
  const labels = ['civil_society', 'technical', 'academia', 'private_sector', 'government', 'intergovernmental'];
  const groupOf = Int32Array.from({ length: 3000 }, (_, p) => {
    let x = (p * 0.6180339887) % 1;
    for (let g = 0; g < shares.length; g++) if ((x -= shares[g]) < 0) return g;
    return shares.length - 1;
  });
  const analysis = analyseOpinions(conversation.store, { seed: 1, stakeholders: { groupOf, labels } });
  const family = analysis.stakeholder!;
  let provisional = 0;
  for (let s = 0; s < 120; s++) {
    assert.ok(!Number.isNaN(analysis.bridging[s]), `statement ${s} dropped out`);
    const missing = missingGroups(family.tally, s, analysis.bridgingOptions.minVotesPerGroup);
    assert.equal(family.provisional[s] === 1, missing.length > 0);
    // Only groups that really lack votes are named, and the score is the minimum over the others.
    let expected = Infinity;
    for (let g = 0; g < 6; g++) {
      const cell = s * 6 + g;
      const votes = family.tally.agree[cell] + family.tally.disagree[cell] + family.tally.pass[cell];
      assert.equal(missing.includes(g), votes < 5);
      if (votes >= 5) expected = Math.min(expected, family.lowerBounds[cell]);
    }
    assert.equal(family.bridging[s], expected);
    if (missing.length > 0) provisional++;
  }
  // About four or five votes per statement come from the 3 % group: some statements reach five, many do not.
  assert.ok(provisional > 10 && provisional < 120, `${provisional} provisional`);
  // The planted bridging statements still lead the ranking.
  const planted = new Set(conversation.plantedBridging);
  const top = Array.from(analysis.bridgingRanking.slice(0, 8));
  assert.ok(top.filter((s) => planted.has(s)).length >= 6, `top: ${top}`);
});

test('the same seed gives identical output; the result does not depend on the run', () => {
  const a = analyseOpinions(medium.store, { seed: 42 });
  const b = analyseOpinions(medium.store, { seed: 42 });
  const strip = (x: OpinionAnalysis): unknown => ({ ...x, timingsMs: null });
  assert.deepEqual(strip(a), strip(b));
});

test('a warm start after new votes re-clusters in fewer steps and keeps group numbers', () => {
  const cold = analyseOpinions(medium.store, { seed: 3 });
  const grown = syntheticConversation({ participants: 4000, statements: 200, votes: 244_000, groups: 3, bridgingStatements: 12, seed: 11, stakeholderGroups: 4 });
  const coldAgain = analyseOpinions(grown.store, { seed: 3 });
  const warm = analyseOpinions(grown.store, { seed: 3, warmStart: warmStartOf(cold) });
  assert.ok(warm.pca.steps < coldAgain.pca.steps, `warm ${warm.pca.steps} vs cold ${coldAgain.pca.steps}`);
  const cosine = absoluteCosine(warm.pca.components[0], coldAgain.pca.components[0]);
  assert.ok(cosine > 0.999999, `cosine ${cosine}`);
  assert.equal(warm.groupCount, cold.groupCount);
  // Participants keep their group number across the warm re-clustering.
  let same = 0;
  for (const p of warm.participating) if (warm.groupOf[p] === cold.groupOf[p]) same++;
  assert.ok(same / warm.participating.length > 0.9, `kept ${same}/${warm.participating.length}`);
  assert.ok(groupAgreement(warm, grown.plantedGroupOf) >= 0.95);
});

test('a warm start survives new statements: the old axes are padded, groups and numbers are kept', () => {
  const cold = analyseOpinions(medium.store, { seed: 3 });
  const { store } = medium;
  // Ten new statements at the end, each voted by every tenth participant along their planted group.
  const extra = 10;
  const rowStart = new Int32Array(store.participantCount + 1);
  const statementOf: number[] = [];
  const voteOf: number[] = [];
  for (let p = 0; p < store.participantCount; p++) {
    rowStart[p] = statementOf.length;
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) {
      statementOf.push(store.statementOf[i]);
      voteOf.push(store.voteOf[i]);
    }
    if (p % 10 === 0) {
      for (let s = 0; s < extra; s++) {
        statementOf.push(store.statementCount + s);
        voteOf.push((medium.plantedGroupOf[p] + s) % 3 === 0 ? 1 : -1);
      }
    }
  }
  rowStart[store.participantCount] = statementOf.length;
  const grown = { participantCount: store.participantCount, statementCount: store.statementCount + extra, rowStart, statementOf: Int32Array.from(statementOf), voteOf: Int8Array.from(voteOf) };
  const warm = analyseOpinions(grown, { seed: 3, warmStart: warmStartOf(cold) });
  const coldAgain = analyseOpinions(grown, { seed: 3 });
  assert.ok(warm.pca.steps < coldAgain.pca.steps, `warm ${warm.pca.steps} vs cold ${coldAgain.pca.steps}`);
  assert.ok(absoluteCosine(warm.pca.components[0], coldAgain.pca.components[0]) > 0.999999);
  assert.equal(warm.groupCount, cold.groupCount);
  let same = 0;
  for (const p of warm.participating) if (warm.groupOf[p] === cold.groupOf[p]) same++;
  assert.ok(same / warm.participating.length > 0.9, `kept ${same}/${warm.participating.length}`);
});

test('representative statements of each group are ones the group agrees with far more (or less) than the rest', () => {
  const analysis = analyseOpinions(medium.store, { seed: 5 });
  const { repness, tally } = analysis.opinion;
  for (let g = 0; g < analysis.groupCount; g++) {
    assert.ok(repness.representative[g].length > 0);
    for (const s of repness.representative[g]) {
      const cell = s * tally.groupCount + g;
      assert.ok(repness.side[cell] > 0 ? repness.agreeTest[cell] > 1.2816 : repness.disagreeTest[cell] > 1.2816);
    }
  }
});
