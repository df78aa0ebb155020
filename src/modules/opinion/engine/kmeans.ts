/**
 * Weighted k-means in the plane. Opinion maps cluster 2-D projections, so each assignment
 * step looks only at the centres whose x lies within the best distance found so far
 * (centres sorted by x), which makes 100 base clusters over 100 000 points cheap.
 */
import { type Random } from './random.ts';

export interface KMeansResult {
  /** x, y interleaved; empty clusters are dropped, so there may be fewer than k. */
  centres: Float64Array;
  /** Cluster index of each point. */
  assignment: Int32Array;
  /** Total weight of each cluster. */
  weights: Float64Array;
  iterations: number;
  /** Weighted sum of squared distances to the assigned centre. */
  inertia: number;
}

export interface KMeansOptions {
  random: Random;
  /** Initial centres (x, y interleaved), e.g. the previous result's: a warm start. */
  initial?: Float64Array;
  maxIterations?: number;
  /** Stop when no centre moves farther than this. */
  tolerance?: number;
}

/**
 * Clusters `points` (x, y interleaved) with optional `weights` into at most `k` clusters.
 * Lloyd iterations accelerated by Hamerly's bounds: a point whose distance to its centre is
 * below half the gap to the nearest other centre (or its lower bound to the second-closest
 * centre) cannot change cluster and is skipped, so late iterations touch few points.
 */
export function kmeans2d(points: Float64Array, weights: Float64Array | null, k: number, options: KMeansOptions): KMeansResult {
  const n = points.length / 2;
  const centres = options.initial && options.initial.length >= 2 ? Float64Array.from(options.initial) : seedCentres(points, weights, k, options.random);
  const clusters = centres.length / 2;
  const assignment = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const search = new NearestSearch(centres);
  for (let i = 0; i < n; i++) {
    search.nearestTwo(points[2 * i], points[2 * i + 1]);
    assignment[i] = search.best;
    upper[i] = Math.sqrt(search.bestDistance);
    lower[i] = Math.sqrt(search.secondDistance);
  }
  const halfGap = new Float64Array(clusters);
  const moves = new Float64Array(clusters);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const shift = moveCentres(points, weights, assignment, centres, moves);
    if (shift <= tolerance) break;
    updateBounds(assignment, upper, lower, moves);
    nearestGaps(centres, halfGap);
    search.reset(centres);
    for (let i = 0; i < n; i++) {
      const bound = Math.max(halfGap[assignment[i]], lower[i]);
      if (upper[i] <= bound) continue;
      const c = assignment[i];
      upper[i] = Math.hypot(points[2 * i] - centres[2 * c], points[2 * i + 1] - centres[2 * c + 1]);
      if (upper[i] <= bound) continue;
      search.nearestTwo(points[2 * i], points[2 * i + 1]);
      if (search.best !== c && search.bestDistance === upper[i] * upper[i]) {
        // Equal distance: keep the current cluster for stability.
        lower[i] = Math.sqrt(search.bestDistance);
        continue;
      }
      assignment[i] = search.best;
      upper[i] = Math.sqrt(search.bestDistance);
      lower[i] = Math.sqrt(search.secondDistance);
    }
  }
  return finish(points, weights, assignment, centres, iterations);
}

/** Moves centres to their members' weighted means (empty clusters stay put); returns the largest move. */
function moveCentres(points: Float64Array, weights: Float64Array | null, assignment: Int32Array, centres: Float64Array, moves: Float64Array): number {
  const k = centres.length / 2;
  const sums = new Float64Array(2 * k);
  const mass = new Float64Array(k);
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i];
    const w = weights ? weights[i] : 1;
    sums[2 * c] += w * points[2 * i];
    sums[2 * c + 1] += w * points[2 * i + 1];
    mass[c] += w;
  }
  let shift = 0;
  for (let c = 0; c < k; c++) {
    moves[c] = 0;
    if (mass[c] <= 0) continue;
    const x = sums[2 * c] / mass[c];
    const y = sums[2 * c + 1] / mass[c];
    moves[c] = Math.hypot(x - centres[2 * c], y - centres[2 * c + 1]);
    shift = Math.max(shift, moves[c]);
    centres[2 * c] = x;
    centres[2 * c + 1] = y;
  }
  return shift;
}

/** After centres move, a point's distance to its centre grows by at most that centre's move, and to any other by at most the largest move. */
function updateBounds(assignment: Int32Array, upper: Float64Array, lower: Float64Array, moves: Float64Array): void {
  let largest = 0;
  let largestAt = -1;
  let second = 0;
  for (let c = 0; c < moves.length; c++) {
    if (moves[c] > largest) {
      second = largest;
      largest = moves[c];
      largestAt = c;
    } else if (moves[c] > second) second = moves[c];
  }
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i];
    upper[i] += moves[c];
    lower[i] -= c === largestAt ? second : largest;
  }
}

/** Half the distance from each centre to its nearest other centre. */
function nearestGaps(centres: Float64Array, halfGap: Float64Array): void {
  const k = centres.length / 2;
  halfGap.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const d = 0.5 * Math.hypot(centres[2 * a] - centres[2 * b], centres[2 * a + 1] - centres[2 * b + 1]);
      if (d < halfGap[a]) halfGap[a] = d;
      if (d < halfGap[b]) halfGap[b] = d;
    }
  }
}

/** Nearest and second-nearest centre of a point, scanning centres sorted by x outwards from the point. */
class NearestSearch {
  private order = new Int32Array(0);
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  best = -1;
  bestDistance = Infinity;
  secondDistance = Infinity;

  constructor(centres: Float64Array) {
    this.reset(centres);
  }

  reset(centres: Float64Array): void {
    const k = centres.length / 2;
    this.order = Int32Array.from({ length: k }, (_, i) => i).sort((a, b) => centres[2 * a] - centres[2 * b] || a - b);
    this.xs = new Float64Array(k);
    this.ys = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      this.xs[j] = centres[2 * this.order[j]];
      this.ys[j] = centres[2 * this.order[j] + 1];
    }
  }

  /** Squared distances; ties go to the lower centre index. */
  nearestTwo(px: number, py: number): void {
    const { xs, ys, order } = this;
    const k = xs.length;
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid] < px) lo = mid + 1;
      else hi = mid;
    }
    let best = Infinity;
    let bestIndex = -1;
    let second = Infinity;
    for (let j = lo; j < k; j++) {
      const dx = xs[j] - px;
      if (dx * dx > second) break;
      const dy = ys[j] - py;
      const d = dx * dx + dy * dy;
      if (d < best || (d === best && order[j] < bestIndex)) {
        second = best;
        best = d;
        bestIndex = order[j];
      } else if (d < second) second = d;
    }
    for (let j = lo - 1; j >= 0; j--) {
      const dx = px - xs[j];
      if (dx * dx > second) break;
      const dy = ys[j] - py;
      const d = dx * dx + dy * dy;
      if (d < best || (d === best && order[j] < bestIndex)) {
        second = best;
        best = d;
        bestIndex = order[j];
      } else if (d < second) second = d;
    }
    this.best = bestIndex;
    this.bestDistance = best;
    this.secondDistance = second;
  }
}

/**
 * k-means++ seeding with a seeded generator: each new centre is drawn with probability
 * proportional to weight × squared distance to the nearest chosen centre. Stops early when
 * every remaining point coincides with a centre (fewer distinct points than k).
 */
export function seedCentres(points: Float64Array, weights: Float64Array | null, k: number, random: Random): Float64Array {
  const n = points.length / 2;
  if (n === 0) return new Float64Array(0);
  const chosen: number[] = [];
  const nearest = new Float64Array(n).fill(Infinity);
  let first = 0;
  const totalWeight = weights ? weights.reduce((a, b) => a + b, 0) : n;
  let target = random() * totalWeight;
  for (let i = 0; i < n; i++) {
    target -= weights ? weights[i] : 1;
    if (target < 0) {
      first = i;
      break;
    }
  }
  chosen.push(first);
  while (chosen.length < k) {
    const last = chosen[chosen.length - 1];
    const cx = points[2 * last];
    const cy = points[2 * last + 1];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dx = points[2 * i] - cx;
      const dy = points[2 * i + 1] - cy;
      const d = dx * dx + dy * dy;
      if (d < nearest[i]) nearest[i] = d;
      total += nearest[i] * (weights ? weights[i] : 1);
    }
    if (total <= 0) break;
    let draw = random() * total;
    let pick = -1;
    for (let i = 0; i < n; i++) {
      const mass = nearest[i] * (weights ? weights[i] : 1);
      if (mass <= 0) continue;
      pick = i;
      draw -= mass;
      if (draw < 0) break;
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  const centres = new Float64Array(chosen.length * 2);
  chosen.forEach((i, c) => {
    centres[2 * c] = points[2 * i];
    centres[2 * c + 1] = points[2 * i + 1];
  });
  return centres;
}

function finish(points: Float64Array, weights: Float64Array | null, assignment: Int32Array, centres: Float64Array, iterations: number): KMeansResult {
  const k = centres.length / 2;
  const mass = new Float64Array(k);
  for (let i = 0; i < assignment.length; i++) mass[assignment[i]] += weights ? weights[i] : 1;
  const remap = new Int32Array(k).fill(-1);
  let kept = 0;
  for (let c = 0; c < k; c++) if (mass[c] > 0) remap[c] = kept++;
  const out = new Float64Array(kept * 2);
  const outWeights = new Float64Array(kept);
  for (let c = 0; c < k; c++) {
    const j = remap[c];
    if (j < 0) continue;
    out[2 * j] = centres[2 * c];
    out[2 * j + 1] = centres[2 * c + 1];
    outWeights[j] = mass[c];
  }
  let inertia = 0;
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i];
    const dx = points[2 * i] - centres[2 * c];
    const dy = points[2 * i + 1] - centres[2 * c + 1];
    inertia += (weights ? weights[i] : 1) * (dx * dx + dy * dy);
    assignment[i] = remap[c];
  }
  return { centres: out, assignment, weights: outWeights, iterations, inertia };
}
