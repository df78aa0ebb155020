/**
 * `npm run bench:opinion`: the opinion engine on synthetic conversations the size of
 * Polis's largest production conversation (33,422 × 783, 2.0 M votes) and of a very large
 * one (100,000 × 5,000, 10 M votes). Each case runs in its own child process so its peak
 * resident memory is its own. Prints one JSON object, including a baseline measured in the
 * same run: Polis's dense approach (imputed matrix, 100 power iterations per component).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyseOpinions, warmStartOf } from '../src/modules/opinion/engine/analyse.ts';
import { LiveOpinion } from '../src/modules/opinion/engine/incremental.ts';
import { selectParticipants } from '../src/modules/opinion/engine/clustering.ts';
import { createRandom, randomInt } from '../src/modules/opinion/engine/random.ts';
import type { Vote, VoteStore } from '../src/modules/opinion/engine/voteStore.ts';
import { syntheticConversation, type SyntheticConversation } from '../src/modules/opinion/testing/synthetic.ts';
import { adjustedRandIndex } from '../src/modules/opinion/testing/ari.ts';
import { densePolisStyleAnalysis } from './opinion-baseline.ts';

interface Case {
  name: string;
  participants: number;
  statements: number;
  votes: number;
  coldRuns: number;
  targets: { cold_ms: number; warm_ms?: number; peak_rss_mb: number; vote_update_ms: number };
}

const CASES: Record<string, Case> = {
  polis_largest: { name: '33k x 783, 2.0M votes', participants: 33_422, statements: 783, votes: 2_000_000, coldRuns: 5, targets: { cold_ms: 1000, warm_ms: 300, peak_rss_mb: 300, vote_update_ms: 0.1 } },
  large: { name: '100k x 5000, 10M votes', participants: 100_000, statements: 5_000, votes: 10_000_000, coldRuns: 3, targets: { cold_ms: 6000, peak_rss_mb: 1024, vote_update_ms: 0.1 } },
};

const megabytes = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number): number => Math.round(x * 10) / 10;

/** The store with `extra` new votes (1 % more), drawn from the planted opinions: what a warm re-clustering sees. */
function grownStore(conversation: SyntheticConversation, extra: number, seed: number): VoteStore {
  const { store, agreeProbability, plantedGroupOf } = conversation;
  const k = agreeProbability.length / store.statementCount;
  const random = createRandom(seed);
  const added = new Map<number, Map<number, Vote>>();
  let count = 0;
  while (count < extra) {
    const p = randomInt(random, store.participantCount);
    const s = randomInt(random, store.statementCount);
    const row = store.statementOf.subarray(store.rowStart[p], store.rowStart[p + 1]);
    if (row.includes(s) || added.get(p)?.has(s)) continue;
    const draw = random();
    const pAgree = agreeProbability[s * k + plantedGroupOf[p]] * 0.9;
    const map = added.get(p) ?? new Map<number, Vote>();
    map.set(s, draw < pAgree ? 1 : draw < 0.9 ? -1 : 0);
    added.set(p, map);
    count++;
  }
  const total = store.rowStart[store.participantCount] + extra;
  const rowStart = new Int32Array(store.participantCount + 1);
  const statementOf = new Int32Array(total);
  const voteOf = new Int8Array(total);
  let w = 0;
  for (let p = 0; p < store.participantCount; p++) {
    rowStart[p] = w;
    const entries: [number, number][] = [];
    for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) entries.push([store.statementOf[i], store.voteOf[i]]);
    for (const [s, v] of added.get(p) ?? []) entries.push([s, v]);
    entries.sort((a, b) => a[0] - b[0]);
    for (const [s, v] of entries) {
      statementOf[w] = s;
      voteOf[w] = v;
      w++;
    }
  }
  rowStart[store.participantCount] = w;
  return { participantCount: store.participantCount, statementCount: store.statementCount, rowStart, statementOf, voteOf };
}

function measureVoteUpdates(store: VoteStore, live: LiveOpinion, count: number): number {
  const random = createRandom(99);
  const participants = new Int32Array(count);
  const statements = new Int32Array(count);
  const votes = new Int8Array(count);
  for (let i = 0; i < count; i++) {
    participants[i] = randomInt(random, store.participantCount);
    statements[i] = randomInt(random, store.statementCount);
    votes[i] = randomInt(random, 3) - 1;
  }
  const started = performance.now();
  for (let i = 0; i < count; i++) live.recordVote(participants[i], statements[i], votes[i] as Vote);
  return (performance.now() - started) / count;
}

function runCase(key: string): Record<string, unknown> {
  const spec = CASES[key];
  const rssBefore = process.memoryUsage().rss;
  const generationStarted = performance.now();
  const conversation = syntheticConversation({
    participants: spec.participants,
    statements: spec.statements,
    votes: spec.votes,
    groups: 3,
    bridgingStatements: 20,
    seed: 2025,
    stakeholderGroups: 6,
  });
  const generationMs = performance.now() - generationStarted;
  const rssWithData = process.memoryUsage().rss;
  const cold: number[] = [];
  let analysis = analyseOpinions(conversation.store, { seed: 1 });
  for (let run = 0; run < spec.coldRuns; run++) {
    globalThis.gc?.();
    const started = performance.now();
    analysis = analyseOpinions(conversation.store, { seed: 1 });
    cold.push(performance.now() - started);
  }
  const grown = grownStore(conversation, Math.round(spec.votes * 0.01), 7);
  const warm: number[] = [];
  let warmAnalysis = analysis;
  for (let run = 0; run < 3; run++) {
    globalThis.gc?.();
    const started = performance.now();
    warmAnalysis = analyseOpinions(grown, { seed: 1, warmStart: warmStartOf(analysis) });
    warm.push(performance.now() - started);
  }
  const live = new LiveOpinion(conversation.store, analysis);
  measureVoteUpdates(conversation.store, live, 20_000); // warm-up
  const voteUpdateMs = measureVoteUpdates(conversation.store, live, 200_000);
  const ari = adjustedRandIndex(
    Array.from(analysis.participating, (p) => analysis.groupOf[p]),
    Array.from(analysis.participating, (p) => conversation.plantedGroupOf[p]),
  );
  const planted = new Set(conversation.plantedBridging);
  const top = Array.from(analysis.bridgingRanking.slice(0, planted.size));
  const peak = process.resourceUsage().maxRSS * 1024;
  const result: Record<string, unknown> = {
    case: spec.name,
    participants: spec.participants,
    statements: spec.statements,
    votes: analysis.voteCount,
    participants_clustered: analysis.participating.length,
    groups: analysis.groupCount,
    cold_ms: { median: ms(median(cold)), runs: cold.map(ms), last_breakdown: roundAll(analysis.timingsMs) },
    warm_ms: { median: ms(median(warm)), runs: warm.map(ms), after_new_votes: Math.round(spec.votes * 0.01), last_breakdown: roundAll(warmAnalysis.timingsMs) },
    lanczos_steps: { cold: analysis.pca.steps, warm: warmAnalysis.pca.steps },
    vote_update_ms: Math.round(voteUpdateMs * 1e5) / 1e5,
    vote_updates_measured: 200_000,
    peak_rss_mb: megabytes(peak),
    rss_before_data_mb: megabytes(rssBefore),
    rss_with_data_mb: megabytes(rssWithData),
    generation_ms: ms(generationMs),
    quality: { ari_vs_planted: Math.round(ari * 1e4) / 1e4, bridging_precision_top20: top.filter((s) => planted.has(s)).length / planted.size },
    targets: spec.targets,
    meets_targets:
      median(cold) <= spec.targets.cold_ms &&
      (spec.targets.warm_ms === undefined || median(warm) <= spec.targets.warm_ms) &&
      megabytes(peak) <= spec.targets.peak_rss_mb &&
      voteUpdateMs <= spec.targets.vote_update_ms,
  };
  return result;
}

function roundAll(timings: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, ms(v)]));
}

/** Baseline in the same run: Polis's dense method on the 33k case, in its own process for a clean peak RSS. */
function runBaseline(): Record<string, unknown> {
  const spec = CASES.polis_largest;
  const conversation = syntheticConversation({ participants: spec.participants, statements: spec.statements, votes: spec.votes, groups: 3, bridgingStatements: 20, seed: 2025, stakeholderGroups: 6 });
  const rows = selectParticipants(conversation.store);
  const started = performance.now();
  const groups = densePolisStyleAnalysis(conversation.store, rows, 100);
  const elapsed = performance.now() - started;
  return {
    case: `${spec.name}: Polis-style dense PCA (imputed matrix, 100 power iterations per component) + same clustering`,
    groups,
    cold_ms: ms(elapsed),
    peak_rss_mb: megabytes(process.resourceUsage().maxRSS * 1024),
  };
}

function runChild(mode: string): Record<string, unknown> {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, mode], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`bench ${mode} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

const mode = process.argv[2];
if (mode === 'baseline') {
  process.stdout.write(JSON.stringify(runBaseline()));
} else if (mode && mode in CASES) {
  process.stdout.write(JSON.stringify(runCase(mode)));
} else {
  const started = performance.now();
  const polisLargest = runChild('polis_largest');
  const large = runChild('large');
  const baseline = runChild('baseline');
  const coldMedian = (polisLargest.cold_ms as { median: number }).median;
  const output = {
    benchmark: 'opinion engine',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: (await import('node:os')).availableParallelism(),
    cases: { polis_largest: polisLargest, large },
    baseline: { ...baseline, speedup_cold: Math.round(((baseline.cold_ms as number) / coldMedian) * 10) / 10 },
    total_bench_s: Math.round((performance.now() - started) / 100) / 10,
  };
  process.stdout.write(JSON.stringify(output, null, 2) + '\n');
}
