/**
 * Automatic reviewer assignment (issue 10, item 3): every proposal gets reviewers from at least
 * three stakeholder groups, nobody reviews a proposal they have a conflict of interest with, and
 * the load is balanced. Deterministic for a given seed, whatever order the inputs come in. What
 * cannot be done is reported per proposal, never left silently short. The algorithm and its
 * guarantees are in docs/decisions/015-events-rules.md.
 */
import { taxonomies, type StakeholderKey, type StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { normaliseText, PeopleIndex } from './people.ts';
import type { ProposalForReview, Reviewer } from './types.ts';

export const conflictOfInterestReasons = ['own_proposal', 'own_organisation', 'declared'] as const;
export type ConflictOfInterestReason = (typeof conflictOfInterestReasons)[number];

export const coverageProblems = ['too_few_reviewers', 'too_few_groups'] as const;
export type CoverageProblem = (typeof coverageProblems)[number];

/** A reviewer's own word that they should not review a proposal. */
export interface Declaration {
  reviewerId: string;
  proposalId: string;
}

export interface AssignmentSettings {
  reviewersPerProposal: number;
  /** Distinct stakeholder groups among each proposal's reviewers. */
  minGroups: number;
  taxonomy: StakeholderTaxonomy;
  /** Breaks ties: the same seed and the same inputs give the same assignment. */
  seed: string;
}

export const defaultAssignmentSettings: AssignmentSettings = { reviewersPerProposal: 3, minGroups: 3, taxonomy: taxonomies.six, seed: 'cabildo' };

export interface ExcludedReviewer {
  proposalId: string;
  reviewerId: string;
  reasons: ConflictOfInterestReason[];
}

export interface Uncovered {
  proposalId: string;
  problems: CoverageProblem[];
  /** Reviewers it got, and their groups. */
  assigned: number;
  groups: StakeholderKey[];
  /** How many reviewers were free of conflicts with it. */
  eligible: number;
  excluded: ExcludedReviewer[];
}

export interface Assignment {
  /** By proposal id; each proposal's reviewers by id. */
  assignments: { proposalId: string; reviewerIds: string[] }[];
  /** Every reviewer's number of proposals, by reviewer id. */
  loads: { reviewerId: string; load: number }[];
  /** Highest load minus lowest. */
  spread: number;
  /** Proposals that could not get enough reviewers or groups, and why. */
  uncovered: Uncovered[];
  /** Every conflict of interest found, by proposal then reviewer. */
  excluded: ExcludedReviewer[];
}

/** Why a reviewer may not review a proposal (empty: they may). */
export function conflictsOfInterest(reviewer: Reviewer, proposal: ProposalForReview, declared = false): ConflictOfInterestReason[] {
  const people = [...proposal.organisers, ...proposal.speakers];
  const index = new PeopleIndex([reviewer.person, ...people]);
  const self = index.keyOf(reviewer.person);
  const reasons: ConflictOfInterestReason[] = [];
  if (people.some((p) => index.keyOf(p) === self)) reasons.push('own_proposal');
  const organisation = normaliseText(reviewer.person.organisation);
  if (organisation !== '' && people.some((p) => normaliseText(p.organisation) === organisation)) reasons.push('own_organisation');
  if (declared) reasons.push('declared');
  return reasons;
}

/** A 32-bit hash (FNV-1a then a finaliser): a stable pseudo-random rank for each id under a seed. */
function rankOf(seed: string, id: string): number {
  let h = 0x811c9dc5;
  for (const char of `${seed}\u0000${id}`) h = Math.imul(h ^ char.codePointAt(0)!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function assignReviewers(input: { proposals: readonly ProposalForReview[]; reviewers: readonly Reviewer[]; declarations?: readonly Declaration[]; settings?: Partial<AssignmentSettings> }): Assignment {
  const settings = { ...defaultAssignmentSettings, ...input.settings };
  const { reviewersPerProposal, minGroups, taxonomy, seed } = settings;
  // Seeded order, independent of the order the inputs came in.
  const ranked = <T extends { id: string }>(list: readonly T[]) =>
    [...list].sort(byId).map((item) => ({ item, rank: rankOf(seed, item.id) })).sort((a, b) => a.rank - b.rank || byId(a.item, b.item)).map((r) => r.item);
  const reviewers = ranked(input.reviewers);
  const order = new Map(reviewers.map((r, i) => [r.id, i]));
  const groupOf = new Map(reviewers.map((r) => [r.id, taxonomy.groupOf(r.stakeholderGroup)]));
  const declared = new Set((input.declarations ?? []).map((d) => `${d.reviewerId}\u0000${d.proposalId}`));

  const excluded: ExcludedReviewer[] = [];
  const eligible = new Map<string, string[]>();
  const eligibleSet = new Map<string, Set<string>>();
  for (const proposal of input.proposals) {
    const free: string[] = [];
    for (const reviewer of reviewers) {
      const reasons = conflictsOfInterest(reviewer, proposal, declared.has(`${reviewer.id}\u0000${proposal.id}`));
      if (reasons.length) excluded.push({ proposalId: proposal.id, reviewerId: reviewer.id, reasons });
      else free.push(reviewer.id);
    }
    eligible.set(proposal.id, free);
    eligibleSet.set(proposal.id, new Set(free));
  }

  const load = new Map(reviewers.map((r) => [r.id, 0]));
  const onProposal = new Map<string, Set<string>>(input.proposals.map((p) => [p.id, new Set()]));
  const proposalsOf = new Map(reviewers.map((r) => [r.id, new Set<string>()]));
  const groupCount = (reviewerIds: Iterable<string>) => new Set([...reviewerIds].map((id) => groupOf.get(id)!)).size;
  const assign = (proposalId: string, reviewerId: string) => {
    onProposal.get(proposalId)!.add(reviewerId);
    proposalsOf.get(reviewerId)!.add(proposalId);
    load.set(reviewerId, load.get(reviewerId)! + 1);
  };
  const unassign = (proposalId: string, reviewerId: string) => {
    onProposal.get(proposalId)!.delete(reviewerId);
    proposalsOf.get(reviewerId)!.delete(proposalId);
    load.set(reviewerId, load.get(reviewerId)! - 1);
  };
  const lighter = (a: string, b: string) => load.get(a)! - load.get(b)! || order.get(a)! - order.get(b)!;

  // 1. Greedy, most constrained proposals first: groups not yet covered, then the least loaded.
  const proposals = ranked(input.proposals).sort((a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length);
  for (const proposal of proposals) {
    const free = eligible.get(proposal.id)!;
    const chosen = onProposal.get(proposal.id)!;
    const covered = new Set<StakeholderKey>();
    while (chosen.size < Math.min(reviewersPerProposal, free.length)) {
      const open = free.filter((id) => !chosen.has(id));
      const newGroup = covered.size < minGroups ? open.filter((id) => !covered.has(groupOf.get(id)!)) : [];
      const pick = (newGroup.length ? newGroup : open).sort(lighter)[0]!;
      assign(proposal.id, pick);
      covered.add(groupOf.get(pick)!);
    }
  }

  // 2. Balance: move one review at a time along a chain of swaps from a heavier reviewer to one
  // at least two lighter, never losing a group a proposal needs. Each chain lowers the sum of
  // squared loads, so this ends.
  const canMove = (proposalId: string, from: string, to: string) => {
    const current = onProposal.get(proposalId)!;
    if (current.has(to) || !eligibleSet.get(proposalId)!.has(to)) return false;
    const before = groupCount(current);
    const after = groupCount([...current].filter((id) => id !== from).concat(to));
    return after >= Math.min(before, minGroups);
  };
  /** A chain of moves from one of `sources` to a reviewer that `isTarget` accepts, or null. */
  const chain = (sources: string[], isTarget: (reviewerId: string) => boolean): { proposalId: string; from: string; to: string }[] | null => {
    const parent = new Map<string, { from: string; proposalId: string } | null>(sources.map((s) => [s, null]));
    const queue = [...sources];
    while (queue.length) {
      const u = queue.shift()!;
      const used = new Set<string>();
      for (let step = parent.get(u); step; step = parent.get(step.from)) used.add(step.proposalId);
      for (const proposalId of [...proposalsOf.get(u)!].sort()) {
        if (used.has(proposalId)) continue;
        for (const v of reviewers) {
          if (parent.has(v.id) || !canMove(proposalId, u, v.id)) continue;
          parent.set(v.id, { from: u, proposalId });
          if (isTarget(v.id)) {
            const moves: { proposalId: string; from: string; to: string }[] = [];
            for (let to = v.id, step = parent.get(to); step; to = step.from, step = parent.get(to)) moves.unshift({ proposalId: step.proposalId, from: step.from, to });
            return moves;
          }
          queue.push(v.id);
        }
      }
    }
    return null;
  };
  for (;;) {
    const levels = [...new Set(reviewers.map((r) => load.get(r.id)!))].sort((a, b) => b - a);
    const min = levels.at(-1) ?? 0;
    if (levels.length === 0 || levels[0]! - min <= 1) break;
    // From each load level down, a chain to someone at least two lighter: when none is left
    // anywhere, no move can lower Σ load² (see the ADR for why that makes the spread smallest).
    let moves: { proposalId: string; from: string; to: string }[] | null = null;
    for (const level of levels) {
      if (level - min < 2) break;
      moves = chain(reviewers.filter((r) => load.get(r.id) === level).map((r) => r.id), (v) => load.get(v)! <= level - 2);
      if (moves) break;
    }
    if (!moves) break;
    for (const { proposalId, from, to } of moves) {
      unassign(proposalId, from);
      assign(proposalId, to);
    }
  }

  const assignments = [...input.proposals].sort(byId).map((p) => ({ proposalId: p.id, reviewerIds: [...onProposal.get(p.id)!].sort() }));
  const uncovered = [...input.proposals].sort(byId).flatMap((p): Uncovered[] => {
    const assigned = onProposal.get(p.id)!;
    const groups = taxonomy.groups.filter((g) => [...assigned].some((id) => groupOf.get(id) === g));
    const problems: CoverageProblem[] = [];
    if (assigned.size < reviewersPerProposal) problems.push('too_few_reviewers');
    if (groups.length < minGroups) problems.push('too_few_groups');
    if (!problems.length) return [];
    return [{ proposalId: p.id, problems, assigned: assigned.size, groups, eligible: eligible.get(p.id)!.length, excluded: excluded.filter((e) => e.proposalId === p.id).sort((a, b) => (a.reviewerId < b.reviewerId ? -1 : 1)) }];
  });
  const loads = [...reviewers].sort(byId).map((r) => ({ reviewerId: r.id, load: load.get(r.id)! }));
  const values = loads.map((l) => l.load);
  return {
    assignments,
    loads,
    spread: values.length ? Math.max(...values) - Math.min(...values) : 0,
    uncovered,
    excluded: excluded.sort((a, b) => (a.proposalId !== b.proposalId ? (a.proposalId < b.proposalId ? -1 : 1) : a.reviewerId < b.reviewerId ? -1 : 1)),
  };
}
