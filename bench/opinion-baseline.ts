/**
 * The benchmark's baseline: the plain pipeline (src/modules/opinion/testing/plainPipeline.ts,
 * our own straightforward TypeScript, not numpy/scikit-learn) doing the command's work from
 * the same files, the way a plain script would: read each CSV whole and split it into lines
 * and fields, fill a dense participant × statement matrix, mean-impute and centre it, 100
 * power iterations per axis, Polis's projection, plain k-means into 100 base clusters, k by
 * silhouette, then agree/disagree/pass counts and Jeffreys bounds per group and statement.
 *
 * Usage: node --import tsx bench/opinion-baseline.ts DIR   (prints a small JSON summary)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainGroups, plainParticipants, plainProjectionByIteration } from '../src/modules/opinion/testing/plainPipeline.ts';
import { jeffreysLowerBound } from '../src/modules/opinion/engine/beta.ts';

function readRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

const dir = process.argv[2];
const started = performance.now();
const votes = readRows(join(dir, 'votes.csv'));
const participants = new Map<string, number>();
const statements = new Map<string, number>();
for (const [, , comment, voter] of votes) {
  if (!participants.has(voter)) participants.set(voter, participants.size);
  if (!statements.has(comment)) statements.set(comment, statements.size);
}
const n = participants.size;
const m = statements.size;
const matrix = new Float64Array(n * m).fill(NaN);
for (const [, , comment, voter, vote] of votes) matrix[participants.get(voter)! * m + statements.get(comment)!] = Number(vote);
const stakeholderOf = new Int32Array(n).fill(-1);
const labels = new Map<string, number>();
for (const [participant, group] of readRows(join(dir, 'groups.csv'))) {
  const p = participants.get(participant);
  if (p === undefined) continue;
  if (!labels.has(group)) labels.set(group, labels.size);
  stakeholderOf[p] = labels.get(group)!;
}
const loaded = performance.now();
const input = { participantCount: n, statementCount: m, votes: matrix };
const rows = plainParticipants(input);
const projection = plainProjectionByIteration(input, rows, 100);
const { groupOfPoint, groupCount } = plainGroups(projection, 1);
const opinionOf = new Int32Array(n).fill(-1);
rows.forEach((p, i) => (opinionOf[p] = groupOfPoint[i]));

/** Bridging per family: the minimum over groups of the Jeffreys lower bound of the agree rate. */
function bridging(groupOf: Int32Array, groups: number): Float64Array {
  const agree = new Float64Array(m * groups);
  const seen = new Float64Array(m * groups);
  for (let p = 0; p < n; p++) {
    const g = groupOf[p];
    if (g < 0) continue;
    for (let s = 0; s < m; s++) {
      const v = matrix[p * m + s];
      if (Number.isNaN(v)) continue;
      seen[s * groups + g]++;
      if (v === 1) agree[s * groups + g]++;
    }
  }
  return Float64Array.from({ length: m }, (_, s) => {
    let score = Infinity;
    for (let g = 0; g < groups; g++) if (seen[s * groups + g] >= 5) score = Math.min(score, jeffreysLowerBound(agree[s * groups + g], seen[s * groups + g], 0.9));
    return score;
  });
}
const opinion = bridging(opinionOf, groupCount);
const stakeholder = bridging(stakeholderOf, labels.size);
const combined = opinion.map((x, s) => Math.min(x, stakeholder[s]));
const finished = performance.now();
process.stdout.write(
  JSON.stringify({ participants: n, statements: m, clustered: rows.length, groups: groupCount, top: combined.indexOf(Math.max(...combined)), load_ms: Math.round(loaded - started), analyse_ms: Math.round(finished - loaded) }) + '\n',
);
