/**
 * The baseline the benchmark compares against, measured in the same run: Polis's own
 * approach to the principal components — the dense mean-imputed matrix, centred, and 100
 * power iterations per component with deflation — followed by the same clustering.
 */
import type { VoteStore } from '../src/modules/opinion/engine/voteStore.ts';
import { formOpinionGroups } from '../src/modules/opinion/engine/clustering.ts';

export function denseImputedMatrix(store: VoteStore, rows: Int32Array): { matrix: Float64Array; centre: Float64Array } {
  const m = store.statementCount;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (const p of rows) {
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) {
      sums[store.statementOf[i]] += store.voteOf[i];
      counts[store.statementOf[i]]++;
    }
  }
  const centre = sums.map((s, j) => (counts[j] > 0 ? s / counts[j] : 0));
  const matrix = new Float64Array(rows.length * m);
  rows.forEach((p, r) => {
    for (let j = 0; j < m; j++) matrix[r * m + j] = centre[j];
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) matrix[r * m + store.statementOf[i]] = store.voteOf[i];
    for (let j = 0; j < m; j++) matrix[r * m + j] -= centre[j];
  });
  return { matrix, centre };
}

function powerIteration(matrix: Float64Array, n: number, m: number, iterations: number, deflate: Float64Array | null): Float64Array {
  let v = new Float64Array(m).fill(1 / Math.sqrt(m));
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(m);
    for (let r = 0; r < n; r++) {
      let dot = 0;
      const base = r * m;
      for (let j = 0; j < m; j++) dot += matrix[base + j] * v[j];
      for (let j = 0; j < m; j++) next[j] += dot * matrix[base + j];
    }
    if (deflate) {
      let c = 0;
      for (let j = 0; j < m; j++) c += next[j] * deflate[j];
      for (let j = 0; j < m; j++) next[j] -= c * deflate[j];
    }
    let norm = 0;
    for (let j = 0; j < m; j++) norm += next[j] * next[j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < m; j++) next[j] /= norm;
    v = next;
  }
  return v;
}

/** Dense Polis-style analysis; returns the number of groups (so the work cannot be optimised away). */
export function densePolisStyleAnalysis(store: VoteStore, rows: Int32Array, iterations = 100): number {
  const m = store.statementCount;
  const { matrix } = denseImputedMatrix(store, rows);
  const pc1 = powerIteration(matrix, rows.length, m, iterations, null);
  const pc2 = powerIteration(matrix, rows.length, m, iterations, pc1);
  const projection = new Float64Array(rows.length * 2);
  rows.forEach((p, r) => {
    let x = 0;
    let y = 0;
    for (let j = 0; j < m; j++) {
      x += matrix[r * m + j] * pc1[j];
      y += matrix[r * m + j] * pc2[j];
    }
    const factor = Math.sqrt(m / Math.max(store.rowStart[p + 1] - store.rowStart[p], 1));
    projection[2 * r] = x * factor;
    projection[2 * r + 1] = y * factor;
  });
  return formOpinionGroups(projection, { seed: 1, baseClusters: 100, minGroups: 2, maxGroups: 5, restarts: 10 }).groupCount;
}
