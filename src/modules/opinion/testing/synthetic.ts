/**
 * Deterministic synthetic conversations with planted opinion groups and planted bridging
 * statements, for tests and the benchmark.
 *
 * Each statement has an agree probability per planted group. Bridging statements are agreed
 * by every group (0.85). Every other statement is rejected by at least one group (agree
 * ≤ 0.15) — some are popular everywhere else, which is exactly what a bridging measure must
 * not mistake for bridging. Passes are 10 % of votes throughout.
 */
import { createRandom, randomInt, type Random } from '../engine/random.ts';
import type { VoteStore } from '../engine/voteStore.ts';

export interface SyntheticSpec {
  participants: number;
  statements: number;
  /** Total votes (exact). */
  votes: number;
  groups: number;
  /** Relative group sizes (default: 50 %, 30 %, 20 % … decreasing). */
  groupShares?: number[];
  bridgingStatements: number;
  seed: number;
  /** Stakeholder groups drawn independently of opinion groups (0: none). */
  stakeholderGroups?: number;
}

export interface SyntheticConversation {
  store: VoteStore;
  /** Planted opinion group of every participant. */
  plantedGroupOf: Int32Array;
  /** Indices of the planted bridging statements. */
  plantedBridging: Int32Array;
  stakeholderGroupOf: Int32Array | null;
  /** Agree probability per statement × group. */
  agreeProbability: Float64Array;
}

function defaultShares(groups: number): number[] {
  const shares = Array.from({ length: groups }, (_, g) => groups - g + 1);
  return shares;
}

function plantGroups(spec: SyntheticSpec, random: Random): Int32Array {
  const shares = spec.groupShares ?? defaultShares(spec.groups);
  const total = shares.reduce((a, b) => a + b, 0);
  const groupOf = new Int32Array(spec.participants);
  for (let p = 0; p < spec.participants; p++) {
    let draw = random() * total;
    let g = 0;
    while (g < shares.length - 1 && (draw -= shares[g]) >= 0) g++;
    groupOf[p] = g;
  }
  return groupOf;
}

/** Agree probabilities; bridging statements are spread evenly over the statement range. */
function plantOpinions(spec: SyntheticSpec, random: Random): { agree: Float64Array; bridging: Int32Array } {
  const { statements: m, groups: k } = spec;
  const agree = new Float64Array(m * k);
  const bridging = new Int32Array(spec.bridgingStatements);
  const isBridging = new Uint8Array(m);
  for (let b = 0; b < spec.bridgingStatements; b++) {
    bridging[b] = Math.floor(((b + 0.5) * m) / spec.bridgingStatements);
    isBridging[bridging[b]] = 1;
  }
  for (let s = 0; s < m; s++) {
    if (isBridging[s]) {
      for (let g = 0; g < k; g++) agree[s * k + g] = 0.85;
      continue;
    }
    const rejecting = randomInt(random, k);
    const popularElsewhere = random() < 0.25;
    for (let g = 0; g < k; g++) {
      if (g === rejecting) agree[s * k + g] = 0.1;
      else if (popularElsewhere) agree[s * k + g] = 0.85;
      else agree[s * k + g] = random() < 0.5 ? 0.8 : 0.15;
    }
  }
  return { agree, bridging };
}

/** Votes per participant: skewed like real conversations (many light voters), summing exactly to `total`. */
function voteCounts(n: number, m: number, total: number, random: Random): Int32Array {
  const counts = new Int32Array(n);
  const weights = new Float64Array(n);
  let sum = 0;
  for (let p = 0; p < n; p++) {
    weights[p] = 0.3 + -Math.log(1 - random());
    sum += weights[p];
  }
  let assigned = 0;
  for (let p = 0; p < n; p++) {
    counts[p] = Math.max(1, Math.min(m, Math.round((weights[p] / sum) * total)));
    assigned += counts[p];
  }
  let p = 0;
  while (assigned !== total) {
    const step = assigned < total ? 1 : -1;
    const next = counts[p] + step;
    if (next >= 1 && next <= m) {
      counts[p] = next;
      assigned += step;
    }
    p = (p + 1) % n;
  }
  return counts;
}

export function syntheticConversation(spec: SyntheticSpec): SyntheticConversation {
  if (spec.votes > spec.participants * spec.statements) throw new RangeError('more votes than cells');
  const random = createRandom(spec.seed);
  const n = spec.participants;
  const m = spec.statements;
  const k = spec.groups;
  const plantedGroupOf = plantGroups(spec, random);
  const { agree, bridging } = plantOpinions(spec, random);
  const counts = voteCounts(n, m, spec.votes, random);
  const rowStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) rowStart[p + 1] = rowStart[p] + counts[p];
  const statementOf = new Int32Array(spec.votes);
  const voteOf = new Int8Array(spec.votes);
  const permutation = Int32Array.from({ length: m }, (_, i) => i);
  for (let p = 0; p < n; p++) {
    const start = rowStart[p];
    const c = counts[p];
    // Partial Fisher–Yates: the first c entries of the permutation become this row's statements.
    for (let i = 0; i < c; i++) {
      const j = i + randomInt(random, m - i);
      const t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
    const row = statementOf.subarray(start, start + c);
    row.set(permutation.subarray(0, c));
    row.sort();
    const g = plantedGroupOf[p];
    for (let i = 0; i < c; i++) {
      const draw = random();
      const pAgree = agree[row[i] * k + g] * 0.9;
      voteOf[start + i] = draw < pAgree ? 1 : draw < 0.9 ? -1 : 0;
    }
  }
  let stakeholderGroupOf: Int32Array | null = null;
  if (spec.stakeholderGroups && spec.stakeholderGroups > 0) {
    stakeholderGroupOf = new Int32Array(n);
    for (let p = 0; p < n; p++) stakeholderGroupOf[p] = randomInt(random, spec.stakeholderGroups);
  }
  return {
    store: { participantCount: n, statementCount: m, rowStart, statementOf, voteOf },
    plantedGroupOf,
    plantedBridging: bridging,
    stakeholderGroupOf,
    agreeProbability: agree,
  };
}
