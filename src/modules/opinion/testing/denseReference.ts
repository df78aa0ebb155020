/**
 * The slow, obvious reference for the engine's principal components: build the dense matrix
 * with missing votes filled by column means, centre it, form the covariance CᵀC and
 * diagonalise it exactly with Jacobi rotations. Only for small conversations in tests.
 */
import { symmetricEigen } from '../engine/eigen.ts';
import type { VoteStore } from '../engine/voteStore.ts';

export interface DenseComponents {
  components: Float64Array[];
  eigenvalues: number[];
  /** Largest ‖A v − λ v‖ / λ₁ of the returned pairs: proves the reference itself. */
  residual: number;
}

export function densePrincipalComponents(store: VoteStore, rows: Int32Array): DenseComponents {
  const m = store.statementCount;
  const n = rows.length;
  const dense = new Float64Array(n * m).fill(NaN);
  rows.forEach((p, r) => {
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) dense[r * m + store.statementOf[i]] = store.voteOf[i];
  });
  for (let s = 0; s < m; s++) {
    let sum = 0;
    let count = 0;
    for (let r = 0; r < n; r++) if (!Number.isNaN(dense[r * m + s])) (sum += dense[r * m + s]), count++;
    const mean = count > 0 ? sum / count : 0;
    for (let r = 0; r < n; r++) if (Number.isNaN(dense[r * m + s])) dense[r * m + s] = mean;
    let imputedMean = 0;
    for (let r = 0; r < n; r++) imputedMean += dense[r * m + s];
    imputedMean /= n;
    for (let r = 0; r < n; r++) dense[r * m + s] -= imputedMean;
  }
  const covariance = new Float64Array(m * m);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < m; i++) {
      const x = dense[r * m + i];
      if (x === 0) continue;
      for (let j = 0; j < m; j++) covariance[i * m + j] += x * dense[r * m + j];
    }
  }
  const eigen = symmetricEigen(covariance, m);
  const components = [0, 1].map((j) => Float64Array.from({ length: m }, (_, i) => eigen.vectors[i * m + j]));
  let residual = 0;
  components.forEach((v, j) => {
    for (let i = 0; i < m; i++) {
      let av = 0;
      for (let k = 0; k < m; k++) av += covariance[i * m + k] * v[k];
      residual = Math.max(residual, Math.abs(av - eigen.values[j] * v[i]) / eigen.values[0]);
    }
  });
  return { components, eigenvalues: [eigen.values[0], eigen.values[1]], residual };
}

export function absoluteCosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return Math.abs(dot) / Math.sqrt(na * nb);
}
