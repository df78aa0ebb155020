/**
 * Principal components of the vote matrix without ever building it densely.
 *
 * Polis fills each missing vote with its statement's mean and then centres every column on
 * that same mean. The two steps cancel at missing positions: the centred matrix C holds
 * (vote − mean) where a vote was cast and exactly 0 elsewhere, so it is as sparse as the
 * votes. The leading eigenvectors of CᵀC are found by Lanczos with full
 * re-orthogonalisation, run until the Ritz residuals are below a tolerance — an exact
 * method, unlike Polis's mini-batch updates on large conversations.
 */
import type { VoteStore } from './voteStore.ts';
import { symmetricEigen } from './eigen.ts';
import { createRandom, type Random } from './random.ts';

export interface PrincipalComponents {
  /** Mean observed vote per statement: the imputation value and the centre. */
  centre: Float64Array;
  /** The first and second principal axes (unit vectors over statements). */
  components: [Float64Array, Float64Array];
  /** The matching eigenvalues of CᵀC (variance × rows). */
  eigenvalues: [number, number];
  /** Lanczos steps taken (each one pass over the votes). */
  steps: number;
  converged: boolean;
}

export interface PcaOptions {
  /** Participants whose rows form the matrix; all participants when omitted. */
  rows?: Int32Array;
  seed?: number;
  /** Previous components: a warm start converges in fewer steps. */
  start?: readonly Float64Array[];
  /** Relative Ritz residual at which a component counts as converged. */
  tolerance?: number;
  maxSteps?: number;
}

/** Column means over the observed votes of `rows`; statements nobody voted on get 0. */
export function statementMeans(store: VoteStore, rows: Int32Array): Float64Array {
  const sums = new Float64Array(store.statementCount);
  const counts = new Float64Array(store.statementCount);
  const { rowStart, statementOf, voteOf } = store;
  for (let r = 0; r < rows.length; r++) {
    const p = rows[r];
    for (let i = rowStart[p], end = rowStart[p + 1]; i < end; i++) {
      sums[statementOf[i]] += voteOf[i];
      counts[statementOf[i]]++;
    }
  }
  for (let s = 0; s < sums.length; s++) sums[s] = counts[s] > 0 ? sums[s] / counts[s] : 0;
  return sums;
}

/** The centred value (vote − mean) of every stored vote, aligned with store.voteOf. */
export function centredVotes(store: VoteStore, centre: Float64Array): Float64Array {
  const total = store.rowStart[store.participantCount];
  const centred = new Float64Array(total);
  for (let i = 0; i < total; i++) centred[i] = store.voteOf[i] - centre[store.statementOf[i]];
  return centred;
}

/** out = CᵀC v in one pass over the rows: each row adds (row · v) row. */
function applyGram(store: VoteStore, rows: Int32Array, centred: Float64Array, v: Float64Array, out: Float64Array): void {
  out.fill(0);
  const { rowStart, statementOf } = store;
  for (let r = 0; r < rows.length; r++) {
    const p = rows[r];
    const start = rowStart[p];
    const end = rowStart[p + 1];
    let dot = 0;
    for (let i = start; i < end; i++) dot += centred[i] * v[statementOf[i]];
    if (dot === 0) continue;
    for (let i = start; i < end; i++) out[statementOf[i]] += dot * centred[i];
  }
}

function dotProduct(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dotProduct(a, a));
}

/** Removes from `w` its projection on every basis vector (twice, which is enough in floating point). */
function orthogonalise(w: Float64Array, basis: Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dotProduct(w, q);
      for (let i = 0; i < w.length; i++) w[i] -= c * q[i];
    }
  }
}

function randomVector(size: number, random: Random): Float64Array {
  const v = new Float64Array(size);
  for (let i = 0; i < size; i++) v[i] = random() - 0.5;
  return v;
}

/**
 * A previous axis fitted to the current statements: statements added since are appended, so
 * the old loadings keep their places and the new statements start at 0. Null when the
 * conversation shrank (the old axes no longer describe it).
 */
export function fitToStatements(previous: Float64Array | undefined, size: number): Float64Array | null {
  if (!previous || previous.length > size) return null;
  if (previous.length === size) return previous;
  const padded = new Float64Array(size);
  padded.set(previous);
  return padded;
}

/** The start vector: a blend of the previous components (warm) plus a little noise so no direction is missed. */
function startVector(size: number, random: Random, start: readonly Float64Array[] | undefined): Float64Array {
  const v = randomVector(size, random);
  const usable = (start ?? []).map((c) => fitToStatements(c, size)).filter((c): c is Float64Array => c !== null && norm(c) > 0);
  if (usable.length > 0) {
    for (let i = 0; i < size; i++) v[i] *= 1e-3 / Math.sqrt(size);
    usable.forEach((c, k) => {
      const weight = 1 / (k + 1);
      for (let i = 0; i < size; i++) v[i] += weight * c[i];
    });
  }
  return v;
}

interface Ritz {
  values: Float64Array;
  /** Row-major eigenvectors of T (column j ↔ values[j]). */
  vectors: Float64Array;
}

function tridiagonalRitz(alpha: number[], beta: number[], size: number): Ritz {
  const t = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    t[i * size + i] = alpha[i];
    if (i + 1 < size) {
      t[i * size + i + 1] = beta[i];
      t[(i + 1) * size + i] = beta[i];
    }
  }
  return symmetricEigen(t, size);
}

/**
 * The two leading principal components of the centred, mean-imputed vote matrix.
 * Deterministic for a given seed; the sign of each axis is fixed so that its largest entry
 * is positive (or, on a warm start, so that it points the same way as before).
 */
export function principalComponents(store: VoteStore, options: PcaOptions = {}): PrincipalComponents {
  const rows = options.rows ?? Int32Array.from({ length: store.participantCount }, (_, i) => i);
  const m = store.statementCount;
  const centre = statementMeans(store, rows);
  const centred = centredVotes(store, centre);
  const wanted = Math.min(2, m);
  const tolerance = options.tolerance ?? 1e-10;
  const maxSteps = Math.min(options.maxSteps ?? 300, m);
  const random = createRandom(options.seed ?? 1);

  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = startVector(m, random, options.start);
  q = scaled(q, 1 / norm(q));
  const w = new Float64Array(m);
  let ritz: Ritz | null = null;
  let converged = false;
  let scale = 0;
  for (let step = 0; step < maxSteps; step++) {
    basis.push(q);
    applyGram(store, rows, centred, q, w);
    alpha.push(dotProduct(w, q));
    orthogonalise(w, basis);
    const b = norm(w);
    scale = Math.max(scale, Math.abs(alpha[step]) + b);
    const size = step + 1;
    if (size >= wanted && (size >= 4 || b <= 1e-12 * scale || size === maxSteps)) {
      ritz = tridiagonalRitz(alpha, beta, size);
      if (residualsSmall(ritz, b, size, wanted, tolerance)) {
        converged = true;
        break;
      }
    }
    if (size === m) {
      ritz = tridiagonalRitz(alpha, beta, size);
      converged = true;
      break;
    }
    if (b <= 1e-12 * scale) {
      // Invariant subspace found: continue the Krylov basis with a fresh direction.
      const fresh = randomVector(m, random);
      orthogonalise(fresh, basis);
      beta.push(0);
      q = scaled(fresh, 1 / norm(fresh));
    } else {
      beta.push(b);
      q = scaled(w, 1 / b);
    }
  }
  if (!ritz) ritz = tridiagonalRitz(alpha, beta, alpha.length);
  const components = ritzVectors(ritz, basis, wanted, m);
  orientComponents(components, options.start);
  return {
    centre,
    components: [components[0], components[1] ?? new Float64Array(m)],
    eigenvalues: [ritz.values[0] ?? 0, ritz.values[1] ?? 0],
    steps: alpha.length,
    converged,
  };
}

function scaled(v: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * factor;
  return out;
}

/** Lanczos residual of Ritz pair j is |β_last · s_j[last]|. */
function residualsSmall(ritz: Ritz, lastBeta: number, size: number, wanted: number, tolerance: number): boolean {
  const top = Math.abs(ritz.values[0]) || 1;
  for (let j = 0; j < wanted; j++) {
    const residual = Math.abs(lastBeta * ritz.vectors[(size - 1) * size + j]);
    if (residual > tolerance * top) return false;
  }
  return true;
}

function ritzVectors(ritz: Ritz, basis: Float64Array[], wanted: number, m: number): Float64Array[] {
  const size = ritz.values.length;
  const out: Float64Array[] = [];
  for (let j = 0; j < wanted; j++) {
    const v = new Float64Array(m);
    for (let k = 0; k < size; k++) {
      const c = ritz.vectors[k * size + j];
      const q = basis[k];
      for (let i = 0; i < m; i++) v[i] += c * q[i];
    }
    out.push(scaled(v, 1 / (norm(v) || 1)));
  }
  return out;
}

/** Fixes each axis's sign: towards the previous axis on a warm start, else largest entry positive. */
function orientComponents(components: Float64Array[], previous: readonly Float64Array[] | undefined): void {
  components.forEach((c, k) => {
    const before = fitToStatements(previous?.[k], c.length);
    let direction: number;
    if (before && dotProduct(before, c) !== 0) direction = dotProduct(before, c);
    else {
      let largest = 0;
      for (let i = 0; i < c.length; i++) if (Math.abs(c[i]) > Math.abs(largest) + 1e-12) largest = c[i];
      direction = largest;
    }
    if (direction < 0) for (let i = 0; i < c.length; i++) c[i] = -c[i];
  });
}

/**
 * Polis's sparsity-aware projection: each participant's centred votes dotted with the axes,
 * scaled by sqrt(statements / votes cast) so that people who voted little are not all piled
 * up at the centre. Returns x, y interleaved for each participant in `participants`.
 * Statements moderated out are not in the store at all, so they count neither as statements
 * nor as votes here (Polis keeps them as columns of zeros; see decision record 004).
 */
export function projectParticipants(store: VoteStore, pca: PrincipalComponents, participants: Int32Array): Float64Array {
  const out = new Float64Array(participants.length * 2);
  const [pc1, pc2] = pca.components;
  const { rowStart, statementOf, voteOf } = store;
  const m = store.statementCount;
  for (let r = 0; r < participants.length; r++) {
    const p = participants[r];
    const start = rowStart[p];
    const end = rowStart[p + 1];
    let x = 0;
    let y = 0;
    for (let i = start; i < end; i++) {
      const s = statementOf[i];
      const value = voteOf[i] - pca.centre[s];
      x += value * pc1[s];
      y += value * pc2[s];
    }
    const factor = Math.sqrt(m / Math.max(end - start, 1));
    out[2 * r] = x * factor;
    out[2 * r + 1] = y * factor;
  }
  return out;
}
