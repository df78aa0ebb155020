/**
 * Opinion groups, as Polis forms them: participants who voted enough are projected on the
 * two principal axes, gathered into (up to) 100 base clusters, and the base clusters are
 * grouped into 2–5 opinion groups, choosing the number by silhouette.
 */
import type { VoteStore } from './voteStore.ts';
import { kmeans2d, type KMeansResult } from './kmeans.ts';
import { createRandom } from './random.ts';

/** Participants who take part in clustering: at least min(7, statements) votes; at least 15 people when possible (Polis's greedy rule). */
export function selectParticipants(store: VoteStore, minVotes = Math.min(7, store.statementCount), greedyMinimum = 15): Int32Array {
  const chosen: number[] = [];
  const others: number[] = [];
  for (let p = 0; p < store.participantCount; p++) {
    const votes = store.rowStart[p + 1] - store.rowStart[p];
    if (votes >= minVotes && votes > 0) chosen.push(p);
    else if (votes > 0) others.push(p);
  }
  if (chosen.length < greedyMinimum && others.length > 0) {
    const byVotes = others.sort((a, b) => votesOf(store, b) - votesOf(store, a) || a - b);
    chosen.push(...byVotes.slice(0, greedyMinimum - chosen.length));
    chosen.sort((a, b) => a - b);
  }
  return Int32Array.from(chosen);
}

function votesOf(store: VoteStore, p: number): number {
  return store.rowStart[p + 1] - store.rowStart[p];
}

export interface GroupingOptions {
  seed: number;
  baseClusters: number;
  minGroups: number;
  maxGroups: number;
  /** k-means restarts per candidate number of groups (cheap: they run on ≤ 100 points). */
  restarts: number;
  /** Base clusterings made from different starts (see {@link defaultBaseRuns}). */
  baseRuns: number;
  /** Previous base-cluster centres and group centres, for a warm start. */
  previousBaseCentres?: Float64Array;
  previousGroupCentres?: Float64Array;
  previousGroupOfParticipant?: Int32Array;
  /** Participant index of each point, to compare with the previous groups when relabelling. */
  participants?: Int32Array;
}

export interface Grouping {
  base: KMeansResult;
  /** Opinion group of each base cluster. */
  groupOfBase: Int32Array;
  /** Opinion group of each point. */
  groupOfPoint: Int32Array;
  groupCentres: Float64Array;
  groupCount: number;
  /** silhouettes[k] for every k tried (NaN where not tried). */
  silhouettes: Float64Array;
}

/** Base clusters then opinion groups of the 2-D points (x, y interleaved). */
export function formOpinionGroups(points: Float64Array, options: GroupingOptions): Grouping {
  const random = createRandom(options.seed);
  const [base, ...others] = baseClusterings(points, options, random);
  const b = base.weights.length;
  const distances = pairwiseDistances(base.centres);
  const othersDistances = others.map((other) => pairwiseDistances(other.centres));
  // Polis's cap: a few base clusters cannot support many groups.
  const maxK = Math.min(options.maxGroups, 2 + Math.floor(b / 12), b);
  const silhouettes = new Float64Array(options.maxGroups + 1).fill(NaN);
  let best: KMeansResult | null = null;
  let bestScore = -Infinity;
  for (let k = options.minGroups; k <= maxK; k++) {
    const candidate = groupClusteringsFor(base, k, options, random, distances);
    if (!candidate) continue;
    const scores = [candidate.silhouette];
    others.forEach((other, i) => {
      const score = groupClusteringsFor(other, k, options, random, othersDistances[i])?.silhouette;
      if (score !== undefined) scores.push(score);
    });
    silhouettes[k] = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    if (silhouettes[k] > bestScore + 1e-12) {
      bestScore = silhouettes[k];
      best = candidate.grouping;
    }
  }
  if (!best) best = singleGroup(base);
  const labelled = labelGroups(best, base, options);
  const groupOfPoint = new Int32Array(base.assignment.length);
  for (let i = 0; i < groupOfPoint.length; i++) groupOfPoint[i] = labelled.groupOfBase[base.assignment[i]];
  return { base, groupOfBase: labelled.groupOfBase, groupOfPoint, groupCentres: labelled.centres, groupCount: labelled.centres.length / 2, silhouettes };
}

/**
 * Base runs for `participants` clustered: 3 up to 10,000, then fewer, 1 from 15,000. With few
 * points per base cluster, where k-means starts decides much of the base clustering, and through
 * it the number of groups (decision record 004); with many, every start ends near the same
 * clustering, and a run costs in proportion to the participants.
 */
export function defaultBaseRuns(participants: number): number {
  return Math.max(1, Math.min(3, Math.floor(30_000 / Math.max(participants, 1))));
}

/**
 * The base clusterings, the one with the lowest inertia first: the grouping is made from it, and
 * every one of them scores the candidate numbers of groups, so that k does not hang on one start.
 * A warm start refines the previous base clusters and competes with fresh starts like any other.
 */
function baseClusterings(points: Float64Array, options: GroupingOptions, random: () => number): KMeansResult[] {
  const warm = options.previousBaseCentres && options.previousBaseCentres.length >= 2;
  const tolerance = 1e-3 * spread(points);
  const runs = Array.from({ length: Math.max(1, options.baseRuns) }, (_, run) =>
    kmeans2d(points, null, options.baseClusters, {
      random,
      initial: warm && run === 0 ? options.previousBaseCentres : undefined,
      // A warm start refines clusters that were already converged on nearly the same points.
      maxIterations: warm && run === 0 ? 8 : 100,
      tolerance,
    }),
  );
  const lowest = runs.reduce((kept, run) => (run.inertia < kept.inertia * (1 - 1e-12) ? run : kept));
  return [lowest, ...runs.filter((run) => run !== lowest)];
}

function spread(points: Float64Array): number {
  let max = 0;
  for (let i = 0; i < points.length; i++) max = Math.max(max, Math.abs(points[i]));
  return max || 1;
}

/**
 * Groupings of the base centres (weighted by their sizes) into k groups from several seeded
 * k-means runs (plus the warm start, if any). The grouping kept is the lowest-inertia run; the
 * score of k is the median silhouette over the runs. Judging k by one run lets a lucky or
 * unlucky start decide the number of groups; the median judges k by what k-means typically
 * finds with it. Returns null when no run found k non-empty groups.
 */
function groupClusteringsFor(
  base: KMeansResult,
  k: number,
  options: GroupingOptions,
  random: () => number,
  distances: Float64Array,
): { grouping: KMeansResult; silhouette: number } | null {
  const runs: KMeansResult[] = [];
  const previous = options.previousGroupCentres;
  if (previous && previous.length === 2 * k) runs.push(kmeans2d(base.centres, base.weights, k, { random, initial: previous, maxIterations: 100 }));
  for (let r = 0; r < options.restarts; r++) runs.push(kmeans2d(base.centres, base.weights, k, { random, maxIterations: 100 }));
  const complete = runs.filter((run) => run.weights.length === k);
  if (complete.length === 0) return null;
  let grouping = complete[0];
  for (const run of complete) if (run.inertia < grouping.inertia * (1 - 1e-12)) grouping = run;
  const scores = complete.map((run) => weightedSilhouette(distances, run.assignment, base.weights, k)).sort((x, y) => x - y);
  return { grouping, silhouette: median(scores) };
}

function median(sorted: number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function singleGroup(base: KMeansResult): KMeansResult {
  let x = 0;
  let y = 0;
  let total = 0;
  for (let c = 0; c < base.weights.length; c++) {
    x += base.weights[c] * base.centres[2 * c];
    y += base.weights[c] * base.centres[2 * c + 1];
    total += base.weights[c];
  }
  return {
    centres: Float64Array.of(x / (total || 1), y / (total || 1)),
    assignment: new Int32Array(base.weights.length),
    weights: Float64Array.of(total),
    iterations: 0,
    inertia: 0,
  };
}

function pairwiseDistances(centres: Float64Array): Float64Array {
  const b = centres.length / 2;
  const d = new Float64Array(b * b);
  for (let i = 0; i < b; i++) {
    for (let j = i + 1; j < b; j++) {
      const dist = Math.hypot(centres[2 * i] - centres[2 * j], centres[2 * i + 1] - centres[2 * j + 1]);
      d[i * b + j] = dist;
      d[j * b + i] = dist;
    }
  }
  return d;
}

/**
 * Silhouette of a grouping of the base clusters, each base cluster weighted by its number of
 * participants both in the mean distances and in the final average: an approximation of the
 * participants' own silhouette, where every person counts once. (Polis averages over base
 * clusters unweighted, so a handful of outliers in sparse corners of the map weigh as much
 * as a crowd; on real conversations that tips k towards more groups.) A member of a
 * singleton group scores 0, as in Polis.
 */
export function weightedSilhouette(distances: Float64Array, groupOf: Int32Array, weights: Float64Array, k: number): number {
  const b = groupOf.length;
  const groupMass = new Float64Array(k);
  for (let i = 0; i < b; i++) groupMass[groupOf[i]] += weights[i];
  let total = 0;
  let totalWeight = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < b; i++) {
    sums.fill(0);
    for (let j = 0; j < b; j++) if (j !== i) sums[groupOf[j]] += weights[j] * distances[i * b + j];
    const own = groupOf[i];
    const ownMass = groupMass[own] - weights[i];
    let s = 0;
    if (ownMass > 0) {
      const a = sums[own] / ownMass;
      let nearest = Infinity;
      for (let g = 0; g < k; g++) if (g !== own && groupMass[g] > 0) nearest = Math.min(nearest, sums[g] / groupMass[g]);
      const denominator = Math.max(a, nearest);
      s = Number.isFinite(nearest) && denominator > 0 ? (nearest - a) / denominator : 0;
    }
    total += weights[i] * s;
    totalWeight += weights[i];
  }
  return totalWeight > 0 ? total / totalWeight : 0;
}

/**
 * Stable group numbers: on a warm start each group keeps the number of the previous group it
 * shares most participants with; otherwise groups are numbered by size, largest first.
 */
function labelGroups(grouping: KMeansResult, base: KMeansResult, options: GroupingOptions): { groupOfBase: Int32Array; centres: Float64Array } {
  const k = grouping.weights.length;
  let order = Array.from({ length: k }, (_, g) => g).sort(
    (a, b) => grouping.weights[b] - grouping.weights[a] || grouping.centres[2 * a] - grouping.centres[2 * b] || a - b,
  );
  const previous = options.previousGroupOfParticipant;
  if (previous && options.participants && k <= 6) {
    order = matchPrevious(grouping, base, previous, options.participants, k) ?? order;
  }
  const labelOf = new Int32Array(k);
  order.forEach((g, label) => (labelOf[g] = label));
  const groupOfBase = new Int32Array(grouping.assignment.length);
  for (let c = 0; c < groupOfBase.length; c++) groupOfBase[c] = labelOf[grouping.assignment[c]];
  const centres = new Float64Array(2 * k);
  order.forEach((g, label) => {
    centres[2 * label] = grouping.centres[2 * g];
    centres[2 * label + 1] = grouping.centres[2 * g + 1];
  });
  return { groupOfBase, centres };
}

/** The permutation of group numbers with the largest overlap with the previous groups (k ≤ 6, so brute force is fine). */
function matchPrevious(grouping: KMeansResult, base: KMeansResult, previous: Int32Array, participants: Int32Array, k: number): number[] | null {
  let previousK = 0;
  for (let i = 0; i < previous.length; i++) previousK = Math.max(previousK, previous[i] + 1);
  const labels = Math.max(k, previousK);
  const overlap = new Float64Array(k * labels);
  for (let i = 0; i < participants.length; i++) {
    const before = participants[i] < previous.length ? previous[participants[i]] : -1;
    if (before < 0) continue;
    overlap[grouping.assignment[base.assignment[i]] * labels + before]++;
  }
  let bestOrder: number[] | null = null;
  let bestScore = -1;
  for (const permutation of permutations(labels)) {
    // permutation[label] = group (or ≥ k: unused label)
    let score = 0;
    for (let label = 0; label < labels; label++) if (permutation[label] < k) score += overlap[permutation[label] * labels + label];
    if (score > bestScore) {
      bestScore = score;
      bestOrder = permutation.filter((g) => g < k);
    }
  }
  return bestScore > 0 ? bestOrder : null;
}

function* permutations(n: number): Generator<number[]> {
  const items = Array.from({ length: n }, (_, i) => i);
  function* walk(prefix: number[], rest: number[]): Generator<number[]> {
    if (rest.length === 0) {
      yield prefix;
      return;
    }
    for (let i = 0; i < rest.length; i++) yield* walk([...prefix, rest[i]], [...rest.slice(0, i), ...rest.slice(i + 1)]);
  }
  yield* walk([], items);
}
