import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stakeholderKeys, taxonomies, type StakeholderKey } from '../../../platform/stakeholders.ts';
import { assignReviewers, conflictsOfInterest, type Assignment, type Declaration } from './assignment.ts';
import type { ProposalForReview, Reviewer } from './types.ts';
import { seededRandom } from '../../../platform/random.ts';

const groups: StakeholderKey[] = ['government', 'civil_society', 'private_sector', 'technical_community'];
const committee = (count: number, groupList: readonly StakeholderKey[] = groups): Reviewer[] =>
  Array.from({ length: count }, (_, i) => ({ id: `rev-${String(i).padStart(2, '0')}`, person: { id: `person-rev-${i}`, name: `Reviewer ${i}`, organisation: `Org R${i}` }, stakeholderGroup: groupList[i % groupList.length]! }));
const proposalsOf = (count: number): ProposalForReview[] =>
  Array.from({ length: count }, (_, i) => ({ id: `prop-${String(i).padStart(3, '0')}`, organisers: [{ name: `Organiser ${i}`, organisation: `Org P${i}` }], speakers: [{ name: `Speaker ${i}`, organisation: `Org S${i % 7}` }] }));

/** What every assignment must satisfy, whatever the input. */
function checkSound(result: Assignment, proposals: ProposalForReview[], reviewers: Reviewer[], declarations: Declaration[] = []) {
  const groupOf = new Map(reviewers.map((r) => [r.id, r.stakeholderGroup]));
  const declared = new Set(declarations.map((d) => `${d.reviewerId}/${d.proposalId}`));
  for (const { proposalId, reviewerIds } of result.assignments) {
    assert.equal(new Set(reviewerIds).size, reviewerIds.length, `${proposalId}: a reviewer twice`);
    const proposal = proposals.find((p) => p.id === proposalId)!;
    for (const reviewerId of reviewerIds) {
      const reviewer = reviewers.find((r) => r.id === reviewerId)!;
      assert.deepEqual(conflictsOfInterest(reviewer, proposal, declared.has(`${reviewerId}/${proposalId}`)), [], `${reviewerId} has a conflict with ${proposalId}`);
    }
    const covered = new Set(reviewerIds.map((id) => groupOf.get(id))).size >= 3 && reviewerIds.length >= 3;
    // Never silently short: a proposal is either covered or reported.
    assert.equal(covered, !result.uncovered.some((u) => u.proposalId === proposalId), `${proposalId}: covered=${covered} but reported otherwise`);
  }
  const loads = new Map<string, number>();
  for (const { reviewerIds } of result.assignments) for (const id of reviewerIds) loads.set(id, (loads.get(id) ?? 0) + 1);
  assert.deepEqual(result.loads, reviewers.map((r) => ({ reviewerId: r.id, load: loads.get(r.id) ?? 0 })).sort((a, b) => (a.reviewerId < b.reviewerId ? -1 : 1)));
}

test('every proposal gets three reviewers from three groups, and the load is even', () => {
  const reviewers = committee(12);
  const proposals = proposalsOf(20);
  const result = assignReviewers({ proposals, reviewers });
  checkSound(result, proposals, reviewers);
  assert.deepEqual(result.uncovered, []);
  assert.ok(result.assignments.every((a) => a.reviewerIds.length === 3));
  // 60 reviews over 12 reviewers: five each.
  assert.ok(result.loads.every((l) => l.load === 5), JSON.stringify(result.loads));
  assert.equal(result.spread, 0);
});

test('conflicts of interest: own proposal (by id or by name), own organisation, a declaration', () => {
  const reviewer: Reviewer = { id: 'r', person: { id: 'u-ana', name: 'Ana Pérez', organisation: 'Colnodo' }, stakeholderGroup: 'civil_society' };
  const proposal = (organisers: ProposalForReview['organisers'], speakers: ProposalForReview['speakers'] = []): ProposalForReview => ({ id: 'p', organisers, speakers });
  assert.deepEqual(conflictsOfInterest(reviewer, proposal([{ id: 'u-ana', name: 'A. Pérez' }])), ['own_proposal']);
  assert.deepEqual(conflictsOfInterest(reviewer, proposal([{ name: 'Olga' }], [{ name: 'ana  perez', organisation: 'COLNODO' }])), ['own_proposal', 'own_organisation']);
  assert.deepEqual(conflictsOfInterest(reviewer, proposal([{ name: 'Olga', organisation: 'colnodo' }])), ['own_organisation']);
  assert.deepEqual(conflictsOfInterest(reviewer, proposal([{ name: 'Olga', organisation: 'ISOC' }]), true), ['declared']);
  assert.deepEqual(conflictsOfInterest(reviewer, proposal([{ name: 'Ana Pérez', organisation: 'ISOC' }])), []);
  // A reviewer with no organisation is not in conflict with proposers who gave none.
  assert.deepEqual(conflictsOfInterest({ ...reviewer, person: { id: 'u-x', name: 'X' } }, proposal([{ name: 'Olga' }])), []);
});

test('a reviewer with a conflict of interest is never assigned, and the conflict is reported', () => {
  const reviewers = committee(8);
  const proposals = proposalsOf(10);
  // rev-00 works where prop-000's organiser works; rev-01 proposed prop-001; rev-02 declared one.
  proposals[0] = { ...proposals[0]!, organisers: [{ name: 'Someone', organisation: 'org r0' }] };
  proposals[1] = { ...proposals[1]!, speakers: [{ id: 'person-rev-1', name: 'Reviewer One' }] };
  const declarations = [{ reviewerId: 'rev-02', proposalId: 'prop-002' }];
  const result = assignReviewers({ proposals, reviewers, declarations });
  checkSound(result, proposals, reviewers, declarations);
  assert.deepEqual(result.excluded, [
    { proposalId: 'prop-000', reviewerId: 'rev-00', reasons: ['own_organisation'] },
    { proposalId: 'prop-001', reviewerId: 'rev-01', reasons: ['own_proposal'] },
    { proposalId: 'prop-002', reviewerId: 'rev-02', reasons: ['declared'] },
  ]);
  assert.deepEqual(result.uncovered, []);
  assert.ok(result.spread <= 1);
});

test('when only two groups are free of conflicts, the proposal is reported with the reason, and still gets who can review it', () => {
  const reviewers = committee(9, ['government', 'civil_society', 'academia']);
  const proposals = proposalsOf(6);
  // Every academic reviewer declared a conflict with prop-003.
  const declarations = reviewers.filter((r) => r.stakeholderGroup === 'academia').map((r) => ({ reviewerId: r.id, proposalId: 'prop-003' }));
  const result = assignReviewers({ proposals, reviewers, declarations });
  checkSound(result, proposals, reviewers, declarations);
  assert.equal(result.uncovered.length, 1);
  const [problem] = result.uncovered;
  assert.equal(problem!.proposalId, 'prop-003');
  assert.deepEqual(problem!.problems, ['too_few_groups']);
  assert.deepEqual(problem!.groups, ['government', 'civil_society']);
  assert.equal(problem!.assigned, 3);
  assert.equal(problem!.eligible, 6);
  assert.deepEqual(problem!.excluded.map((e) => [e.reviewerId, e.reasons]), [['rev-02', ['declared']], ['rev-05', ['declared']], ['rev-08', ['declared']]]);
  // Under the IGF's five groups, academia is the technical community: the same committee still has three.
  const five = assignReviewers({ proposals, reviewers, settings: { taxonomy: taxonomies.igf } });
  assert.deepEqual(five.uncovered, []);
});

test('too few reviewers left for a proposal is reported, not papered over', () => {
  const reviewers = committee(4);
  const proposals = proposalsOf(3);
  const declarations = ['rev-00', 'rev-01'].map((reviewerId) => ({ reviewerId, proposalId: 'prop-001' }));
  const result = assignReviewers({ proposals, reviewers, declarations, settings: { reviewersPerProposal: 3, minGroups: 2 } });
  checkSoundLoose(result);
  assert.deepEqual(result.uncovered.map((u) => [u.proposalId, u.problems, u.assigned, u.eligible]), [['prop-001', ['too_few_reviewers'], 2, 2]]);
  // With no reviewers at all, every proposal is reported.
  const none = assignReviewers({ proposals, reviewers: [] });
  assert.deepEqual(none.uncovered.map((u) => u.problems), Array(3).fill(['too_few_reviewers', 'too_few_groups']));
  assert.equal(none.spread, 0);
});

function checkSoundLoose(result: Assignment) {
  for (const a of result.assignments) assert.equal(new Set(a.reviewerIds).size, a.reviewerIds.length);
}

test('the number of reviewers per proposal is configurable', () => {
  const reviewers = committee(10);
  const proposals = proposalsOf(8);
  const result = assignReviewers({ proposals, reviewers, settings: { reviewersPerProposal: 5 } });
  assert.ok(result.assignments.every((a) => a.reviewerIds.length === 5));
  assert.deepEqual(result.uncovered, []);
  assert.equal(result.spread, 0); // 40 reviews over 10 reviewers
});

test('the same seed gives the same assignment whatever the input order; another seed may differ', () => {
  const reviewers = committee(15);
  const proposals = proposalsOf(30);
  const first = assignReviewers({ proposals, reviewers, settings: { seed: 'forum-2026' } });
  const again = assignReviewers({ proposals: [...proposals].reverse(), reviewers: [...reviewers].reverse(), settings: { seed: 'forum-2026' } });
  assert.deepEqual(again, first);
  const other = assignReviewers({ proposals, reviewers, settings: { seed: 'another' } });
  assert.notDeepEqual(other.assignments, first.assignments);
  assert.ok(other.spread <= 1);
});

test('a reviewer in conflict with everything keeps a load of zero; the others are still balanced among themselves', () => {
  const reviewers = committee(7);
  const proposals = proposalsOf(10);
  const declarations = proposals.map((p) => ({ reviewerId: 'rev-06', proposalId: p.id }));
  const result = assignReviewers({ proposals, reviewers, declarations });
  checkSound(result, proposals, reviewers, declarations);
  const loads = result.loads.filter((l) => l.reviewerId !== 'rev-06').map((l) => l.load);
  assert.equal(result.loads.find((l) => l.reviewerId === 'rev-06')!.load, 0);
  assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, JSON.stringify(result.loads));
});


test('on random committees with scattered conflicts, every proposal is covered and nobody is assigned against a conflict', () => {
  let covered = 0;
  let total = 0;
  for (let seed = 1; seed <= 25; seed++) {
    const { reviewers, proposals, declarations } = randomCommittee(seed, 6 + (seed % 20), 10 + ((seed * 7) % 60));
    const result = assignReviewers({ proposals, reviewers, declarations, settings: { seed: String(seed) } });
    checkSound(result, proposals, reviewers, declarations);
    // A proposal is reported only when its conflict-free reviewers really are too few or from too few groups.
    const declared = new Set(declarations.map((d) => `${d.reviewerId}/${d.proposalId}`));
    for (const { proposalId } of result.uncovered) {
      const proposal = proposals.find((p) => p.id === proposalId)!;
      const free = reviewers.filter((r) => conflictsOfInterest(r, proposal, declared.has(`${r.id}/${proposalId}`)).length === 0);
      assert.ok(free.length < 3 || new Set(free.map((r) => r.stakeholderGroup)).size < 3, `seed ${seed}: ${proposalId} could have been covered`);
    }
    covered += proposals.length - result.uncovered.length;
    total += proposals.length;
    // Without the groups to keep, the chains of moves balance the load to within one (see the ADR).
    const loose = assignReviewers({ proposals, reviewers, declarations, settings: { seed: String(seed), minGroups: 1 } });
    assert.ok(loose.spread <= 1, `seed ${seed}: spread ${loose.spread}`);
  }
  // The committees are mostly workable: the check above is not vacuous.
  assert.ok(covered > total * 0.8, `${covered} of ${total} covered`);
});

function randomCommittee(seed: number, reviewerCount: number, proposalCount: number) {
  const random = seededRandom(seed);
  const reviewers: Reviewer[] = Array.from({ length: reviewerCount }, (_, i) => ({
    id: `r${i}`, person: { id: `u${i}`, name: `R ${i}`, organisation: `Org ${Math.floor(random() * 30)}` }, stakeholderGroup: stakeholderKeys[Math.floor(random() * 4)]!,
  }));
  const proposals: ProposalForReview[] = Array.from({ length: proposalCount }, (_, i) => ({
    id: `p${i}`, organisers: [{ name: `O ${i}`, organisation: `Org ${Math.floor(random() * 30)}` }], speakers: [{ name: `S ${i}`, organisation: `Org ${Math.floor(random() * 30)}` }],
  }));
  const declarations = proposals.flatMap((p) => reviewers.filter(() => random() < 0.15).map((r) => ({ reviewerId: r.id, proposalId: p.id })));
  return { reviewers, proposals, declarations };
}

/**
 * The smallest spread any assignment can reach that gives each proposal as many reviewers and
 * groups as its conflicts allow: every combination tried, so only for tiny committees.
 */
function bestSpread(proposals: ProposalForReview[], reviewers: Reviewer[], declarations: Declaration[], perProposal: number, minGroups: number): number {
  const declared = new Set(declarations.map((d) => `${d.reviewerId}/${d.proposalId}`));
  const subsets = <T>(list: T[], k: number): T[][] => (k === 0 ? [[]] : list.flatMap((x, i) => subsets(list.slice(i + 1), k - 1).map((rest) => [x, ...rest])));
  const groupsIn = (set: Reviewer[]) => new Set(set.map((r) => r.stakeholderGroup)).size;
  const options = proposals.map((p) => {
    const free = reviewers.filter((r) => conflictsOfInterest(r, p, declared.has(`${r.id}/${p.id}`)).length === 0);
    const all = subsets(free, Math.min(perProposal, free.length));
    const best = Math.min(minGroups, Math.max(...all.map(groupsIn)));
    return all.filter((set) => groupsIn(set) >= best);
  });
  const load = new Map(reviewers.map((r) => [r.id, 0]));
  let best = Infinity;
  const walk = (i: number) => {
    if (i === options.length) {
      const values = [...load.values()];
      best = Math.min(best, Math.max(...values) - Math.min(...values));
      return;
    }
    for (const set of options[i]!) {
      for (const r of set) load.set(r.id, load.get(r.id)! + 1);
      walk(i + 1);
      for (const r of set) load.set(r.id, load.get(r.id)! - 1);
    }
  };
  walk(0);
  return best;
}

test('on tiny committees the load is as even as any assignment can make it, groups kept', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const { reviewers, proposals, declarations } = randomCommittee(seed, 5 + (seed % 2), 4);
    for (const minGroups of [1, 3]) {
      const result = assignReviewers({ proposals, reviewers, declarations, settings: { seed: String(seed), minGroups } });
      assert.equal(result.spread, bestSpread(proposals, reviewers, declarations, 3, minGroups), `seed ${seed}, ${minGroups} groups`);
    }
  }
});
