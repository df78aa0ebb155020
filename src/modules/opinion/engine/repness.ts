/**
 * Representativeness (Polis's "repness"): how much more a group agrees (or disagrees) with a
 * statement than the other groups of its family, with Polis's smoothed ratios and z-tests.
 */
import type { GroupTally } from './tally.ts';

/** z for 90 % one-sided significance, as Polis uses. */
const Z_90 = 1.2816;

/** Polis's one-proportion test against ½, with +1 pseudo-counts. */
export function proportionTest(successes: number, trials: number): number {
  const n = trials + 1;
  return 2 * Math.sqrt(n) * ((successes + 1) / n - 0.5);
}

/** Polis's two-proportion z-test (group vs rest), with +1 pseudo-counts. */
export function twoProportionTest(successIn: number, successOut: number, trialsIn: number, trialsOut: number): number {
  const s1 = successIn + 1;
  const s2 = successOut + 1;
  const n1 = trialsIn + 1;
  const n2 = trialsOut + 1;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled >= 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

export interface Repness {
  /** Cell statement × groupCount + group: Polis's metric repness × test × p × p-test for the stronger side. */
  metric: Float64Array;
  /** 1 when the group is represented by agreeing, -1 by disagreeing. */
  side: Int8Array;
  /** Agree ratio vs the rest ((1 + a) / (2 + n) over the rest's) and its z. */
  agreeRatio: Float64Array;
  agreeTest: Float64Array;
  disagreeRatio: Float64Array;
  disagreeTest: Float64Array;
  /** The (up to) five most representative statements of each group. */
  representative: number[][];
}

/** Repness of every statement for every group of the family; the "rest" is the family's other groups. */
export function representativeness(tally: GroupTally, perGroup = 5): Repness {
  const { groupCount: k, statementCount: m } = tally;
  const cells = m * k;
  const out: Repness = {
    metric: new Float64Array(cells),
    side: new Int8Array(cells),
    agreeRatio: new Float64Array(cells),
    agreeTest: new Float64Array(cells),
    disagreeRatio: new Float64Array(cells),
    disagreeTest: new Float64Array(cells),
    representative: [],
  };
  const passing: number[][] = Array.from({ length: k }, () => []);
  const fallback = new Int32Array(k).fill(-1);
  const fallbackZ = new Float64Array(k).fill(-Infinity);
  for (let s = 0; s < m; s++) {
    let totalA = 0;
    let totalD = 0;
    let totalN = 0;
    for (let g = 0; g < k; g++) {
      const c = s * k + g;
      totalA += tally.agree[c];
      totalD += tally.disagree[c];
      totalN += tally.agree[c] + tally.disagree[c] + tally.pass[c];
    }
    for (let g = 0; g < k; g++) {
      const c = s * k + g;
      const na = tally.agree[c];
      const nd = tally.disagree[c];
      const ns = na + nd + tally.pass[c];
      const restA = totalA - na;
      const restD = totalD - nd;
      const restN = totalN - ns;
      const pa = (1 + na) / (2 + ns);
      const pd = (1 + nd) / (2 + ns);
      const pat = proportionTest(na, ns);
      const pdt = proportionTest(nd, ns);
      const ra = pa / ((1 + restA) / (2 + restN));
      const rd = pd / ((1 + restD) / (2 + restN));
      const rat = twoProportionTest(na, restA, ns, restN);
      const rdt = twoProportionTest(nd, restD, ns, restN);
      out.agreeRatio[c] = ra;
      out.agreeTest[c] = rat;
      out.disagreeRatio[c] = rd;
      out.disagreeTest[c] = rdt;
      const agreeSide = rat > rdt;
      out.side[c] = agreeSide ? 1 : -1;
      out.metric[c] = agreeSide ? ra * rat * pa * pat : rd * rdt * pd * pdt;
      if ((rat > Z_90 && pat > Z_90) || (rdt > Z_90 && pdt > Z_90)) passing[g].push(s);
      if (ns > 0 && Math.max(rat, rdt) > fallbackZ[g]) {
        fallbackZ[g] = Math.max(rat, rdt);
        fallback[g] = s;
      }
    }
  }
  for (let g = 0; g < k; g++) {
    const ranked = passing[g].sort((a, b) => out.metric[b * k + g] - out.metric[a * k + g] || a - b).slice(0, perGroup);
    out.representative.push(ranked.length > 0 ? ranked : fallback[g] >= 0 ? [fallback[g]] : []);
  }
  return out;
}
