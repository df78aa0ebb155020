import { createHash } from 'node:crypto';

/**
 * The Merkle Tree Hash of RFC 9162 §2.1: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖
 * right), split at the largest power of two smaller than the size. Proofs are planned here as
 * lists of leaf ranges, then each range's hash is put together from the stored hashes of complete
 * ("perfect") subtrees, so a proof reads O(log² n) stored hashes, never the whole tree.
 */

export type Hash = Buffer;

export function sha256(...parts: Uint8Array[]): Hash {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

const leafPrefix = Buffer.from([0x00]);
const nodePrefix = Buffer.from([0x01]);

export function leafHash(entry: Uint8Array): Hash {
  return sha256(leafPrefix, entry);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return sha256(nodePrefix, left, right);
}

/** The hash of the empty tree (RFC 9162 §2.1.1). */
export const emptyRoot: Hash = sha256();

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The leaves [lo, hi) of the tree. */
export type Range = readonly [lo: number, hi: number];

/** A complete subtree of 2^level leaves starting at leaf index·2^level; level 0 is a leaf. */
export interface Perfect {
  level: number;
  index: number;
}

/**
 * The ranges whose hashes make the audit path of leaf m in the tree [lo, hi) (RFC 9162 §2.1.3.1,
 * PATH), nearest the leaf first.
 */
export function inclusionRanges(m: number, lo: number, hi: number): Range[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k ? [...inclusionRanges(m, lo, lo + k), [lo + k, hi]] : [...inclusionRanges(m - k, lo + k, hi), [lo, lo + k]];
}

/** The ranges of a consistency proof between sizes m and hi (RFC 9162 §2.1.4.1, SUBPROOF). */
export function consistencyRanges(m: number, lo: number, hi: number, whole = true): Range[] {
  const n = hi - lo;
  if (m === n) return whole ? [] : [[lo, hi]];
  const k = splitPoint(n);
  return m <= k ? [...consistencyRanges(m, lo, lo + k, whole), [lo + k, hi]] : [...consistencyRanges(m - k, lo + k, hi, false), [lo, lo + k]];
}

/**
 * The complete subtrees that make up [lo, hi), left to right. For every range the RFC's recursion
 * produces, lo is a multiple of each piece's size, so the pieces are the binary digits of the
 * range's size, largest first; MTH(range) folds them from the right: H(p1, H(p2, … pn)).
 */
export function perfectPieces([lo, hi]: Range): Perfect[] {
  const pieces: Perfect[] = [];
  let at = lo;
  while (at < hi) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= hi) size *= 2;
    const level = Math.log2(size);
    pieces.push({ level, index: at / size });
    at += size;
  }
  return pieces;
}

export const perfectKey = (p: Perfect) => `${p.level}/${p.index}`;

/** The hash of a range, from the hashes of its complete subtrees (looked up by perfectKey). */
export function rangeHash(range: Range, known: ReadonlyMap<string, Hash>): Hash {
  const pieces = perfectPieces(range).map((p) => {
    const hash = known.get(perfectKey(p));
    if (!hash) throw new Error(`the tree lacks the subtree ${perfectKey(p)}`);
    return hash;
  });
  let hash = pieces.pop()!;
  while (pieces.length) hash = nodeHash(pieces.pop()!, hash);
  return hash;
}

/**
 * The complete subtrees that become whole when leaf `index` is appended, below the leaf
 * itself: at each level, the new node and its left sibling (already stored). Answers the
 * siblings to read and the nodes to write, lowest first.
 */
export function completedBy(index: number): { siblings: Perfect[]; completed: Perfect[] } {
  const siblings: Perfect[] = [];
  const completed: Perfect[] = [];
  let level = 0;
  let at = index;
  while (at % 2 === 1) {
    siblings.push({ level, index: at - 1 });
    level++;
    at = (at - 1) / 2;
    completed.push({ level, index: at });
  }
  return { siblings, completed };
}

/** The root of a whole list of leaf hashes, straight from the definition (for recomputing the tree). */
export function rootOf(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return emptyRoot;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/**
 * Builds a tree leaf by leaf, keeping only the right edge: the root of every size on the way
 * costs O(log n), so `cabildo log verify` recomputes a large log in one pass.
 */
export class CompactTree {
  /** Hashes of the complete subtrees on the right edge, largest (leftmost) first. */
  private edge: Array<{ level: number; hash: Hash }> = [];
  size = 0;

  /** Adds a leaf; answers the complete subtrees it completed (above the leaf), lowest first. */
  append(leaf: Hash): Array<{ level: number; hash: Hash }> {
    const completed: Array<{ level: number; hash: Hash }> = [];
    let hash = leaf;
    let level = 0;
    while (this.edge.length && this.edge[this.edge.length - 1]!.level === level) {
      hash = nodeHash(this.edge.pop()!.hash, hash);
      level++;
      completed.push({ level, hash });
    }
    this.edge.push({ level, hash });
    this.size++;
    return completed;
  }

  root(): Hash {
    if (this.edge.length === 0) return emptyRoot;
    let hash = this.edge[this.edge.length - 1]!.hash;
    for (let i = this.edge.length - 2; i >= 0; i--) hash = nodeHash(this.edge[i]!.hash, hash);
    return hash;
  }
}

/** RFC 9162 §2.1.3.2: whether the audit path proves the leaf at `index` is in the tree of `size` with `root`. */
export function verifyInclusion(leaf: Hash, index: number, size: number, path: readonly Hash[], root: Hash): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: whether the proof shows the tree of size `first` is a prefix of the tree of size `second`. */
export function verifyConsistency(first: number, second: number, firstRoot: Hash, secondRoot: Hash, proof: readonly Hash[]): boolean {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = Number.isInteger(Math.log2(first)) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
