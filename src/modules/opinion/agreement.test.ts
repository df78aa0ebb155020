/**
 * Issue 8, item 1: the default command agrees with the groups Polis published on every
 * conversation in the fixtures at least as well as a plain reimplementation of Polis's
 * pipeline (testing/plainPipeline.ts, our own dense TypeScript, not numpy), minus 0.05.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvTable } from '../../platform/csv.ts';
import { runOpinionCli } from './cli.ts';
import { loadPolisConversation } from './polis.ts';
import { adjustedRandIndex } from './testing/ari.ts';
import { plainPolisPipeline } from './testing/plainPipeline.ts';
import { polisDataDir } from './testing/polisData.ts';
import { syntheticConversation } from './testing/synthetic.ts';

const SEEDS = [1, 2, 3, 4, 5];
const TOLERANCE = 0.05;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The group Polis published for each participant id (participants-votes.csv, group-id; empty: none). */
function publishedGroups(dir: string): Map<string, string> {
  const file = join(dir, 'participants-votes.csv');
  const table = parseCsvTable(readFileSync(file, 'utf8'), file, ['participant', 'group-id']);
  const participant = table.column('participant');
  const group = table.column('group-id');
  const groups = new Map<string, string>();
  for (const record of table.records) if (record.fields[group].trim() !== '') groups.set(record.fields[participant].trim(), record.fields[group].trim());
  return groups;
}

/** ARI over the participants both we and Polis put in a group. */
function agreement(ours: Map<string, string>, published: Map<string, string>): number {
  const a: string[] = [];
  const b: string[] = [];
  for (const [id, group] of published) {
    const mine = ours.get(id);
    if (mine === undefined) continue;
    a.push(mine);
    b.push(group);
  }
  const codes = (labels: string[]): number[] => {
    const index = new Map<string, number>();
    return labels.map((l) => index.get(l) ?? index.set(l, index.size).get(l)!);
  };
  return adjustedRandIndex(codes(a), codes(b));
}

/** Runs `cabildo opinion analyze DIR --format json --seed N`, exactly as a user would, and reads the groups. */
async function commandGroups(dir: string, seed: number): Promise<Map<string, string>> {
  let stdout = '';
  let stderr = '';
  const code = await runOpinionCli(['analyze', dir, '--format', 'json', '--seed', String(seed)], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout) as { opinion_groups: { label: string; members: string[] }[] };
  const groups = new Map<string, string>();
  for (const group of report.opinion_groups) for (const id of group.members) groups.set(id, group.label);
  return groups;
}

/** The plain reference pipeline on the same files (moderated-out comments left out, as the command does). */
function referenceGroups(dir: string, seed: number): Map<string, string> {
  const { store, participantIds } = loadPolisConversation(dir);
  const m = store.statementCount;
  const votes = new Float64Array(store.participantCount * m).fill(NaN);
  for (let p = 0; p < store.participantCount; p++) {
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) votes[p * m + store.statementOf[i]] = store.voteOf[i];
  }
  const result = plainPolisPipeline({ participantCount: store.participantCount, statementCount: m, votes }, seed);
  return new Map(result.participating.map((p) => [participantIds[p], String(result.groupOf[p])]));
}

test('the plain reference pipeline itself recovers planted groups (it is a fair yardstick)', () => {
  const conversation = syntheticConversation({ participants: 900, statements: 60, votes: 20_000, groups: 3, bridgingStatements: 4, seed: 31 });
  const { store } = conversation;
  const m = store.statementCount;
  const votes = new Float64Array(store.participantCount * m).fill(NaN);
  for (let p = 0; p < store.participantCount; p++) {
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) votes[p * m + store.statementOf[i]] = store.voteOf[i];
  }
  const result = plainPolisPipeline({ participantCount: store.participantCount, statementCount: m, votes }, 1);
  assert.equal(result.groupCount, 3);
  const ari = adjustedRandIndex(
    result.participating.map((p) => result.groupOf[p]),
    result.participating.map((p) => conversation.plantedGroupOf[p]),
  );
  assert.ok(ari >= 0.9, `ARI ${ari}`);
});

const conversations = readdirSync(polisDataDir()).filter((name) => statSync(join(polisDataDir(), name)).isDirectory());

test('the fixtures hold the eleven Polis conversations', () => {
  assert.equal(conversations.length, 11, conversations.join(', '));
});

for (const name of conversations) {
  test(`default command vs Polis's published groups on ${name}: median ARI over seeds 1–5 ≥ plain pipeline's − ${TOLERANCE}`, async (t) => {
    const dir = join(polisDataDir(), name);
    const published = publishedGroups(dir);
    const ours: number[] = [];
    const reference: number[] = [];
    for (const seed of SEEDS) {
      ours.push(agreement(await commandGroups(dir, seed), published));
      reference.push(agreement(referenceGroups(dir, seed), published));
    }
    const row = `${name}: ours ${median(ours).toFixed(4)} [${ours.map((x) => x.toFixed(2)).join(' ')}], plain ${median(reference).toFixed(4)} [${reference.map((x) => x.toFixed(2)).join(' ')}]`;
    t.diagnostic(row);
    assert.ok(median(ours) >= median(reference) - TOLERANCE, row);
  });
}
