/**
 * The plain reference pipeline the engine is held to: a straightforward, dense
 * reimplementation of Polis's published method, written without reusing anything from the
 * engine so that the two can disagree.
 *
 * 1. Participants with at least min(7, statements) votes take part (at least 15 people when
 *    the conversation has them: the most active are added).
 * 2. A dense matrix: each missing vote filled with its statement's mean over the votes cast,
 *    every column centred on that mean.
 * 3. The two leading principal axes of that matrix, by power iteration with deflation on the
 *    covariance matrix, iterated to convergence.
 * 4. Polis's projection: each participant's centred votes on the axes, times
 *    sqrt(statements / votes cast).
 * 5. Plain Lloyd k-means (k-means++ seeding) into 100 base clusters; the base centres,
 *    weighted by their sizes, are clustered for k = 2 … 5 and the k with the best
 *    (unweighted) silhouette over the base centres wins.
 *
 * This is our own TypeScript rendering of what a numpy/scikit-learn script would do, used as
 * the yardstick in tests and as the benchmark's baseline. It is not numpy.
 */

export interface PlainInput {
  participantCount: number;
  statementCount: number;
  /** Dense participant × statement votes: 1, -1, 0, or NaN for no vote. */
  votes: Float64Array;
}

export interface PlainResult {
  /** Participants that were clustered, ascending. */
  participating: number[];
  /** Group of every participant; -1 when not clustered. */
  groupOf: Int32Array;
  groupCount: number;
}

/** A small seeded generator (xorshift32), separate from the engine's. */
function seededRandom(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

function votesCast(input: PlainInput, p: number): number {
  let count = 0;
  for (let s = 0; s < input.statementCount; s++) if (!Number.isNaN(input.votes[p * input.statementCount + s])) count++;
  return count;
}

export function plainParticipants(input: PlainInput): number[] {
  const threshold = Math.min(7, input.statementCount);
  const counts = Array.from({ length: input.participantCount }, (_, p) => votesCast(input, p));
  const chosen = counts.flatMap((c, p) => (c >= threshold && c > 0 ? [p] : []));
  if (chosen.length < 15) {
    const rest = counts
      .flatMap((c, p) => (c > 0 && c < threshold ? [p] : []))
      .sort((a, b) => counts[b] - counts[a] || a - b);
    chosen.push(...rest.slice(0, 15 - chosen.length));
    chosen.sort((a, b) => a - b);
  }
  return chosen;
}

/** Mean-imputed, centred dense rows of the chosen participants. */
function centredMatrix(input: PlainInput, rows: number[]): Float64Array {
  const m = input.statementCount;
  const means = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    let sum = 0;
    let count = 0;
    for (const p of rows) {
      const v = input.votes[p * m + s];
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    means[s] = count > 0 ? sum / count : 0;
  }
  const matrix = new Float64Array(rows.length * m);
  rows.forEach((p, r) => {
    for (let s = 0; s < m; s++) {
      const v = input.votes[p * m + s];
      matrix[r * m + s] = (Number.isNaN(v) ? means[s] : v) - means[s];
    }
  });
  return matrix;
}

function covariance(matrix: Float64Array, n: number, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let r = 0; r < n; r++) {
    const row = matrix.subarray(r * m, r * m + m);
    for (let i = 0; i < m; i++) {
      const x = row[i];
      if (x === 0) continue;
      for (let j = i; j < m; j++) c[i * m + j] += x * row[j];
    }
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) c[i * m + j] = c[j * m + i];
  return c;
}

/** Leading eigenvector of the symmetric matrix `c`, orthogonal to `against`, by power iteration. */
function powerIteration(c: Float64Array, m: number, against: Float64Array[]): Float64Array {
  let v = new Float64Array(m);
  for (let i = 0; i < m; i++) v[i] = 1 + (i % 7) * 0.01;
  const next = new Float64Array(m);
  for (let iteration = 0; iteration < 20_000; iteration++) {
    for (const u of against) {
      let d = 0;
      for (let i = 0; i < m; i++) d += v[i] * u[i];
      for (let i = 0; i < m; i++) v[i] -= d * u[i];
    }
    next.fill(0);
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += c[i * m + j] * v[j];
      next[i] = sum;
    }
    for (const u of against) {
      let d = 0;
      for (let i = 0; i < m; i++) d += next[i] * u[i];
      for (let i = 0; i < m; i++) next[i] -= d * u[i];
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += next[i] * next[i];
    norm = Math.sqrt(norm);
    if (norm === 0) break;
    let change = 0;
    for (let i = 0; i < m; i++) {
      const value = next[i] / norm;
      change = Math.max(change, Math.abs(value - v[i]));
      v[i] = value;
    }
    if (change < 1e-12) break;
  }
  v = Float64Array.from(v);
  return v;
}

export function plainProjection(input: PlainInput, rows: number[]): Float64Array {
  const m = input.statementCount;
  const matrix = centredMatrix(input, rows);
  const c = covariance(matrix, rows.length, m);
  const first = powerIteration(c, m, []);
  const second = powerIteration(c, m, [first]);
  const points = new Float64Array(rows.length * 2);
  rows.forEach((p, r) => {
    let x = 0;
    let y = 0;
    for (let s = 0; s < m; s++) {
      x += matrix[r * m + s] * first[s];
      y += matrix[r * m + s] * second[s];
    }
    // Polis keeps every cell of the product, imputed or not: the imputed ones are 0 after centring.
    const scale = Math.sqrt(m / Math.max(votesCast(input, p), 1));
    points[2 * r] = x * scale;
    points[2 * r + 1] = y * scale;
  });
  return points;
}

interface Clusters {
  centres: number[][];
  assignment: number[];
  sizes: number[];
}

function squaredDistance(a: number[], b: number[]): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

/** Plain weighted Lloyd k-means with k-means++ seeding; empty clusters are dropped. */
export function plainKmeans(points: number[][], weights: number[], k: number, random: () => number): Clusters {
  const centres: number[][] = [];
  const first = pickWeighted(weights, random);
  centres.push([...points[first]]);
  const nearest = points.map((p) => squaredDistance(p, centres[0]));
  while (centres.length < Math.min(k, points.length)) {
    const mass = nearest.map((d, i) => d * weights[i]);
    if (mass.every((x) => x === 0)) break;
    const pick = pickWeighted(mass, random);
    centres.push([...points[pick]]);
    points.forEach((p, i) => (nearest[i] = Math.min(nearest[i], squaredDistance(p, centres[centres.length - 1]))));
  }
  let assignment = points.map(() => -1);
  for (let iteration = 0; iteration < 300; iteration++) {
    const next = points.map((p) => {
      let best = 0;
      for (let c = 1; c < centres.length; c++) if (squaredDistance(p, centres[c]) < squaredDistance(p, centres[best])) best = c;
      return best;
    });
    const changed = next.some((c, i) => c !== assignment[i]);
    assignment = next;
    if (!changed) break;
    for (let c = 0; c < centres.length; c++) {
      let x = 0;
      let y = 0;
      let w = 0;
      points.forEach((p, i) => {
        if (assignment[i] !== c) return;
        x += weights[i] * p[0];
        y += weights[i] * p[1];
        w += weights[i];
      });
      if (w > 0) centres[c] = [x / w, y / w];
    }
  }
  const used = [...new Set(assignment)].sort((a, b) => a - b);
  const renumber = new Map(used.map((c, i) => [c, i]));
  const sizes = used.map(() => 0);
  assignment = assignment.map((c, i) => {
    const j = renumber.get(c)!;
    sizes[j] += weights[i];
    return j;
  });
  return { centres: used.map((c) => centres[c]), assignment, sizes };
}

function pickWeighted(weights: number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let draw = random() * total;
  for (let i = 0; i < weights.length; i++) {
    draw -= weights[i];
    if (draw < 0 && weights[i] > 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
}

/** Mean silhouette over the points (each point counts once), as scikit-learn computes it. */
export function plainSilhouette(points: number[][], labels: number[]): number {
  const n = points.length;
  const groups = Math.max(...labels) + 1;
  const counts = new Array<number>(groups).fill(0);
  labels.forEach((g) => counts[g]++);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (counts[labels[i]] <= 1) continue;
    const sums = new Array<number>(groups).fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]] += Math.sqrt(squaredDistance(points[i], points[j]));
    const a = sums[labels[i]] / (counts[labels[i]] - 1);
    let b = Infinity;
    for (let g = 0; g < groups; g++) if (g !== labels[i] && counts[g] > 0) b = Math.min(b, sums[g] / counts[g]);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Base clusters, then k = 2 … 5 over the base centres by silhouette. */
export function plainGroups(projection: Float64Array, seed: number): { groupOfPoint: number[]; groupCount: number } {
  const random = seededRandom(seed);
  const points = Array.from({ length: projection.length / 2 }, (_, i) => [projection[2 * i], projection[2 * i + 1]]);
  const base = plainKmeans(points, points.map(() => 1), 100, random);
  let best: Clusters | null = null;
  let bestScore = -Infinity;
  for (let k = 2; k <= Math.min(5, base.centres.length - 1); k++) {
    const grouping = plainKmeans(base.centres, base.sizes, k, random);
    if (grouping.centres.length < 2) continue;
    const score = plainSilhouette(base.centres, grouping.assignment);
    if (score > bestScore) {
      bestScore = score;
      best = grouping;
    }
  }
  const groupOfBase = best ? best.assignment : base.centres.map(() => 0);
  return { groupOfPoint: base.assignment.map((b) => groupOfBase[b]), groupCount: best ? best.centres.length : 1 };
}

/**
 * The same projection without forming the covariance matrix: a fixed number of power
 * iterations directly on the dense centred matrix (Polis itself runs 100), for conversations
 * too big for an m × m covariance loop in plain code. Used by the benchmark's baseline.
 */
export function plainProjectionByIteration(input: PlainInput, rows: number[], iterations = 100): Float64Array {
  const m = input.statementCount;
  const n = rows.length;
  const matrix = centredMatrix(input, rows);
  const axes: Float64Array[] = [];
  for (let axis = 0; axis < 2; axis++) {
    let v = new Float64Array(m).fill(1 / Math.sqrt(m));
    for (let iteration = 0; iteration < iterations; iteration++) {
      const next = new Float64Array(m);
      for (let r = 0; r < n; r++) {
        let dot = 0;
        for (let s = 0; s < m; s++) dot += matrix[r * m + s] * v[s];
        for (let s = 0; s < m; s++) next[s] += dot * matrix[r * m + s];
      }
      for (const u of axes) {
        let d = 0;
        for (let s = 0; s < m; s++) d += next[s] * u[s];
        for (let s = 0; s < m; s++) next[s] -= d * u[s];
      }
      let norm = 0;
      for (let s = 0; s < m; s++) norm += next[s] * next[s];
      norm = Math.sqrt(norm) || 1;
      for (let s = 0; s < m; s++) next[s] /= norm;
      v = next;
    }
    axes.push(v);
  }
  const points = new Float64Array(n * 2);
  rows.forEach((p, r) => {
    let x = 0;
    let y = 0;
    for (let s = 0; s < m; s++) {
      x += matrix[r * m + s] * axes[0][s];
      y += matrix[r * m + s] * axes[1][s];
    }
    const scale = Math.sqrt(m / Math.max(votesCast(input, p), 1));
    points[2 * r] = x * scale;
    points[2 * r + 1] = y * scale;
  });
  return points;
}

/** The whole pipeline on a dense matrix. */
export function plainPolisPipeline(input: PlainInput, seed: number): PlainResult {
  const participating = plainParticipants(input);
  const projection = plainProjection(input, participating);
  const { groupOfPoint, groupCount } = plainGroups(projection, seed);
  const groupOf = new Int32Array(input.participantCount).fill(-1);
  participating.forEach((p, i) => (groupOf[p] = groupOfPoint[i]));
  return { participating, groupOf, groupCount };
}
