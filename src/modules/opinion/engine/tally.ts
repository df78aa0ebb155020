/**
 * Vote counts per statement and group. A "family" of groups is either the opinion groups
 * found by clustering or the stakeholder groups people declared; every participant belongs
 * to at most one group of each family.
 */
import type { VoteStore } from './voteStore.ts';

export interface GroupTally {
  readonly groupCount: number;
  readonly statementCount: number;
  /** Counts at index statement × groupCount + group. */
  readonly agree: Int32Array;
  readonly disagree: Int32Array;
  readonly pass: Int32Array;
  /** Participants in each group. */
  readonly members: Int32Array;
}

/** Counts every stored vote of every participant with a group (groupOf[p] ≥ 0). */
export function tallyVotes(store: VoteStore, groupOf: Int32Array, groupCount: number): GroupTally {
  const m = store.statementCount;
  const agree = new Int32Array(m * groupCount);
  const disagree = new Int32Array(m * groupCount);
  const pass = new Int32Array(m * groupCount);
  const members = new Int32Array(groupCount);
  const { rowStart, statementOf, voteOf } = store;
  const limit = Math.min(store.participantCount, groupOf.length);
  for (let p = 0; p < limit; p++) {
    const g = groupOf[p];
    if (g < 0) continue;
    members[g]++;
    for (let i = rowStart[p], end = rowStart[p + 1]; i < end; i++) {
      const cell = statementOf[i] * groupCount + g;
      const v = voteOf[i];
      if (v > 0) agree[cell]++;
      else if (v < 0) disagree[cell]++;
      else pass[cell]++;
    }
  }
  return { groupCount, statementCount: m, agree, disagree, pass, members };
}

/** Votes seen (agree + disagree + pass) by group g on statement s. */
export function votesSeen(tally: GroupTally, s: number, g: number): number {
  const cell = s * tally.groupCount + g;
  return tally.agree[cell] + tally.disagree[cell] + tally.pass[cell];
}

/** Jeffreys-smoothed agree rate (a + ½) / (n + 1): the posterior mean under Beta(½, ½). */
export function smoothedAgreeRate(tally: GroupTally, s: number, g: number): number {
  return (tally.agree[s * tally.groupCount + g] + 0.5) / (votesSeen(tally, s, g) + 1);
}

/** Jeffreys-smoothed disagree rate (d + ½) / (n + 1). */
export function smoothedDisagreeRate(tally: GroupTally, s: number, g: number): number {
  return (tally.disagree[s * tally.groupCount + g] + 0.5) / (votesSeen(tally, s, g) + 1);
}
