/**
 * Dense symmetric eigen-decomposition by cyclic Jacobi rotations. Used for the small
 * tridiagonal matrices Lanczos produces (tens of rows) and by the tests' exact reference;
 * Jacobi is slow for big matrices but simple and accurate to machine precision.
 */

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Column j of this row-major size × size matrix is the eigenvector of values[j]. */
  vectors: Float64Array;
}

/** Decomposes the row-major symmetric matrix `matrix` (size × size); the input is not modified. */
export function symmetricEigen(matrix: Float64Array, size: number, maxSweeps = 100): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    if (offDiagonalNorm(a, size) <= 1e-30 + 1e-15 * diagonalNorm(a, size)) break;
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) rotate(a, v, size, p, q);
    }
  }
  return sortedPairs(a, v, size);
}

function offDiagonalNorm(a: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) sum += a[i * size + j] ** 2;
  return Math.sqrt(sum);
}

function diagonalNorm(a: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += a[i * size + i] ** 2;
  return Math.sqrt(sum);
}

/** One Jacobi rotation that zeroes a[p][q]. */
function rotate(a: Float64Array, v: Float64Array, size: number, p: number, q: number): void {
  const apq = a[p * size + q];
  if (apq === 0) return;
  const app = a[p * size + p];
  const aqq = a[q * size + q];
  const theta = (aqq - app) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < size; k++) {
    const akp = a[k * size + p];
    const akq = a[k * size + q];
    a[k * size + p] = c * akp - s * akq;
    a[k * size + q] = s * akp + c * akq;
  }
  for (let k = 0; k < size; k++) {
    const apk = a[p * size + k];
    const aqk = a[q * size + k];
    a[p * size + k] = c * apk - s * aqk;
    a[q * size + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < size; k++) {
    const vkp = v[k * size + p];
    const vkq = v[k * size + q];
    v[k * size + p] = c * vkp - s * vkq;
    v[k * size + q] = s * vkp + c * vkq;
  }
}

function sortedPairs(a: Float64Array, v: Float64Array, size: number): SymmetricEigen {
  const order = Array.from({ length: size }, (_, i) => i).sort((i, j) => a[j * size + j] - a[i * size + i] || i - j);
  const values = new Float64Array(size);
  const vectors = new Float64Array(size * size);
  order.forEach((from, to) => {
    values[to] = a[from * size + from];
    for (let k = 0; k < size; k++) vectors[k * size + to] = v[k * size + from];
  });
  return { values, vectors };
}
