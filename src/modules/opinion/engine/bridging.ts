/**
 * Bridging and divisive statements.
 *
 * A statement bridges when every group supports it. Its bridging score is the minimum, over
 * the groups of a family, of the lower end of the Jeffreys interval of the group's agree
 * rate (agrees / votes seen, passes included). Taking the minimum gives every group the same
 * weight whatever its size, and unlike Polis's product of group agree rates it does not
 * shrink as the number of groups grows.
 *
 * Groups of very different sizes are the norm (governments may be 3 % of participants), so a
 * group that has not yet cast `minVotesPerGroup` votes on a statement does not remove the
 * statement from the ranking: its score is computed from the groups that did, and it is
 * marked provisional, with the missing groups named (see {@link missingGroups}). Only a
 * statement on which no group has enough votes is unranked (NaN). Statistics rank
 * statements; they never decide.
 */
import { jeffreysLowerBound } from './beta.ts';
import { votesSeen, smoothedAgreeRate, type GroupTally } from './tally.ts';

export interface BridgingOptions {
  /** Votes every group must have cast on a statement for it to qualify (default 5). */
  minVotesPerGroup: number;
  /** Two-sided confidence of the Jeffreys interval (default 0.9: the 5 % quantile). */
  confidence: number;
}

export const DEFAULT_BRIDGING: BridgingOptions = { minVotesPerGroup: 5, confidence: 0.9 };

/** Lower confidence bound of agreement of group g with statement s. */
export function agreementLowerBound(tally: GroupTally, s: number, g: number, confidence: number): number {
  return jeffreysLowerBound(tally.agree[s * tally.groupCount + g], votesSeen(tally, s, g), confidence);
}

/** Per-statement and per-group lower bounds, kept so one vote only recomputes one cell. */
export function agreementLowerBounds(tally: GroupTally, confidence: number): Float64Array {
  const bounds = new Float64Array(tally.statementCount * tally.groupCount);
  for (let s = 0; s < tally.statementCount; s++) {
    for (let g = 0; g < tally.groupCount; g++) bounds[s * tally.groupCount + g] = agreementLowerBound(tally, s, g, confidence);
  }
  return bounds;
}

/**
 * The bridging score of one statement from cached bounds, over the groups with at least
 * `minVotesPerGroup` votes on it: O(groups). NaN when no group has enough votes.
 */
export function bridgingScoreOf(tally: GroupTally, bounds: Float64Array, s: number, minVotesPerGroup: number): number {
  let score = Infinity;
  let groups = 0;
  for (let g = 0; g < tally.groupCount; g++) {
    if (tally.members[g] === 0 || votesSeen(tally, s, g) < minVotesPerGroup) continue;
    const bound = bounds[s * tally.groupCount + g];
    if (bound < score) score = bound;
    groups++;
  }
  return groups === 0 ? NaN : score;
}

/** Non-empty groups with fewer than `minVotesPerGroup` votes on statement s: their view is not in its scores yet. */
export function missingGroups(tally: GroupTally, s: number, minVotesPerGroup: number): number[] {
  const missing: number[] = [];
  for (let g = 0; g < tally.groupCount; g++) if (tally.members[g] > 0 && votesSeen(tally, s, g) < minVotesPerGroup) missing.push(g);
  return missing;
}

/** 1 for every statement whose scores leave out some group (too few votes from it). */
export function provisionalFlags(tally: GroupTally, minVotesPerGroup: number): Uint8Array {
  const flags = new Uint8Array(tally.statementCount);
  for (let s = 0; s < flags.length; s++) flags[s] = isProvisional(tally, s, minVotesPerGroup) ? 1 : 0;
  return flags;
}

export function isProvisional(tally: GroupTally, s: number, minVotesPerGroup: number): boolean {
  for (let g = 0; g < tally.groupCount; g++) if (tally.members[g] > 0 && votesSeen(tally, s, g) < minVotesPerGroup) return true;
  return false;
}

/** Bridging score of every statement. */
export function bridgingScores(tally: GroupTally, options: BridgingOptions = DEFAULT_BRIDGING, bounds = agreementLowerBounds(tally, options.confidence)): Float64Array {
  const scores = new Float64Array(tally.statementCount);
  for (let s = 0; s < scores.length; s++) scores[s] = bridgingScoreOf(tally, bounds, s, options.minVotesPerGroup);
  return scores;
}

/**
 * Divisiveness: the spread (largest minus smallest) of the groups' Jeffreys-smoothed agree
 * rates, over the groups with enough votes on the statement (at least two are needed). 1
 * would mean one group agrees unanimously while another never agrees.
 */
export function divisivenessOf(tally: GroupTally, s: number, minVotesPerGroup: number): number {
  let low = Infinity;
  let high = -Infinity;
  let groups = 0;
  for (let g = 0; g < tally.groupCount; g++) {
    if (tally.members[g] === 0 || votesSeen(tally, s, g) < minVotesPerGroup) continue;
    const rate = smoothedAgreeRate(tally, s, g);
    low = Math.min(low, rate);
    high = Math.max(high, rate);
    groups++;
  }
  return groups < 2 ? NaN : high - low;
}

export function divisiveness(tally: GroupTally, options: BridgingOptions = DEFAULT_BRIDGING): Float64Array {
  const out = new Float64Array(tally.statementCount);
  for (let s = 0; s < out.length; s++) out[s] = divisivenessOf(tally, s, options.minVotesPerGroup);
  return out;
}

/**
 * Element-wise minimum of two families' scores: both families must bridge. A family with no
 * score for a statement (no group voted enough) leaves the other's, and the statement is then
 * provisional; NaN only when neither family has a score.
 */
export function combineMinimum(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = minimumOfScores(a[i], b[i]);
  return out;
}

/** min(a, b) where NaN means "no score" rather than "unknown". */
export function minimumOfScores(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

/** Element-wise maximum ignoring NaN on one side: a statement dividing either family is divisive. */
export function combineMaximum(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Number.isNaN(a[i]) ? b[i] : Number.isNaN(b[i]) ? a[i] : Math.max(a[i], b[i]);
  return out;
}

/**
 * Statement indices by descending score, NaN left out. Ties go to the statement with complete
 * evidence (not provisional), then to the lower index.
 */
export function rankByScore(scores: Float64Array, limit = scores.length, provisional?: Uint8Array): Int32Array {
  const order: number[] = [];
  for (let s = 0; s < scores.length; s++) if (!Number.isNaN(scores[s])) order.push(s);
  order.sort((a, b) => scores[b] - scores[a] || (provisional ? provisional[a] - provisional[b] : 0) || a - b);
  return Int32Array.from(order.slice(0, limit));
}
