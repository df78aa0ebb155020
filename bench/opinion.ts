/**
 * `npm run bench:opinion`: the opinion command as users run it, measured from outside.
 *
 * - Command: `cabildo opinion analyze DIR --groups groups.csv --format json` on Polis-format
 *   files written for two sizes (33,422 × 783 × 2.0 M votes, Polis's largest; 100,000 ×
 *   5,000 × 10 M), with six declared stakeholder groups of uneven sizes (45/20/15/12/5/3 %).
 *   Each run is a child process under /usr/bin/time: wall time and peak resident memory come
 *   from the operating system. Each run is `bin/cabildo.js`, the command users run.
 * - Baselines, same run, same files: the numpy/scikit-learn pipeline (bench/opinion-plain.py,
 *   run by Debian's /usr/bin/python3 with python3-sklearn; reported as unavailable without
 *   them; median of the same number of runs), which the speed-up is measured against, and
 *   our own plain TypeScript rendering of
 *   it (bench/opinion-baseline.ts).
 * - Engine in-process: warm re-analysis after new votes and new statements (the PCA warm
 *   start must survive new columns), its agreement (ARI) with a cold analysis of the same
 *   data, and single-vote updates.
 * - Database: 2 M votes read from SQLite and PostgreSQL into the store (bench/opinion-db.ts).
 *
 * Prints one JSON object. Timings on a shared 2-core machine are noisy: medians are given.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseOpinions, warmStartOf } from '../src/modules/opinion/engine/analyse.ts';
import { LiveOpinion } from '../src/modules/opinion/engine/incremental.ts';
import { createRandom, randomInt } from '../src/modules/opinion/engine/random.ts';
import type { Vote, VoteStore } from '../src/modules/opinion/engine/voteStore.ts';
import { syntheticConversation, type SyntheticConversation } from '../src/modules/opinion/testing/synthetic.ts';
import { adjustedRandIndex } from '../src/modules/opinion/testing/ari.ts';
import { benchConversationDir, conversationSpec, stakeholderGroups, STAKEHOLDER_SHARES } from './opinion-data.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Debian's Python, where python3-sklearn installs numpy, scipy and scikit-learn. */
const PYTHON = '/usr/bin/python3';

interface Case {
  participants: number;
  statements: number;
  votes: number;
  targets: { peak_rss_mb: number; load_ms?: number; command_ms?: number; speedup_vs_plain?: number };
}

const CASES: Record<string, Case> = {
  polis_largest: { participants: 33_422, statements: 783, votes: 2_000_000, targets: { peak_rss_mb: 300, load_ms: 1000, speedup_vs_plain: 3 } },
  large: { participants: 100_000, statements: 5_000, votes: 10_000_000, targets: { peak_rss_mb: 1024, command_ms: 10_000 } },
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs a command under GNU time; returns wall ms, peak RSS MB and its stdout. */
function timed(args: string[]): { wall_ms: number; peak_rss_mb: number; stdout: string } {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time (Debian package "time") is needed to read peak memory from the operating system');
  const child = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`);
  const [seconds, kilobytes] = child.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall_ms: round(seconds * 1000, 0), peak_rss_mb: round(kilobytes / 1024), stdout: child.stdout };
}

function node(script: string, ...args: string[]): string[] {
  return [process.execPath, '--import', 'tsx', join(ROOT, script), ...args];
}

/** The case's files, written by a child process (generating 10 M votes takes memory the parent should not keep). */
function caseDir(key: string): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'prepare', key], { encoding: 'utf8', maxBuffer: 2 ** 20 });
  if (child.status !== 0) throw new Error(`preparing ${key} failed:\n${child.stderr}`);
  return child.stdout.trim();
}

/** The command as users run it (`bin/cabildo.js opinion analyze …`), RUNS times. */
function measureCommand(key: string, dir: string): Record<string, unknown> {
  const out = mkdtempSync(join(tmpdir(), 'opinion-bench-'));
  try {
    const file = join(out, 'report.json');
    const args = ['analyze', dir, '--groups', join(dir, 'groups.csv'), '--format', 'json', '--out', file];
    const runs = Array.from({ length: RUNS }, () => {
      const run = timed([process.execPath, join(ROOT, 'bin/cabildo.js'), 'opinion', ...args]);
      const report = JSON.parse(readFileSync(file, 'utf8')) as { timings_ms: { load: number; analyse: number }; opinion_groups: unknown[]; bridging: { provisional: boolean }[] };
      return { ...run, load_ms: report.timings_ms.load, analyse_ms: report.timings_ms.analyse, groups: report.opinion_groups.length, provisional: report.bridging.filter((b) => b.provisional).length };
    });
    const last = runs[runs.length - 1];
    return {
      command: `cabildo opinion ${args.join(' ').replace(dir, 'DIR').replace(join(dir, 'groups.csv'), 'DIR/groups.csv').replace(file, 'OUT')}`,
      votes_csv_mb: round(Number(spawnSync('stat', ['-c', '%s', join(dir, 'votes.csv')], { encoding: 'utf8' }).stdout) / 2 ** 20),
      wall_ms: { median: median(runs.map((r) => r.wall_ms)), runs: runs.map((r) => r.wall_ms) },
      peak_rss_mb: { median: median(runs.map((r) => r.peak_rss_mb)), runs: runs.map((r) => r.peak_rss_mb) },
      load_ms: { median: median(runs.map((r) => r.load_ms)), runs: runs.map((r) => r.load_ms) },
      analyse_ms: { median: median(runs.map((r) => r.analyse_ms)), runs: runs.map((r) => r.analyse_ms) },
      opinion_groups: last.groups,
      provisional_bridging_statements: last.provisional,
      targets: CASES[key].targets,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The store with new statements (2 % more) and new votes (1 % more), statements appended at the end. */
function grownStore(conversation: SyntheticConversation, extraVotes: number, extraStatements: number, seed: number): VoteStore {
  const { store, agreeProbability, plantedGroupOf } = conversation;
  const k = agreeProbability.length / store.statementCount;
  const m = store.statementCount + extraStatements;
  const random = createRandom(seed);
  const newAgree = Float64Array.from({ length: extraStatements * k }, () => (random() < 0.5 ? 0.8 : 0.15));
  const added = new Map<number, Map<number, Vote>>();
  let count = 0;
  while (count < extraVotes) {
    const p = randomInt(random, store.participantCount);
    const s = randomInt(random, m);
    if (s < store.statementCount && store.statementOf.subarray(store.rowStart[p], store.rowStart[p + 1]).includes(s)) continue;
    if (added.get(p)?.has(s)) continue;
    const pAgree = (s < store.statementCount ? agreeProbability[s * k + plantedGroupOf[p]] : newAgree[(s - store.statementCount) * k + plantedGroupOf[p]]) * 0.9;
    const draw = random();
    const map = added.get(p) ?? new Map<number, Vote>();
    map.set(s, draw < pAgree ? 1 : draw < 0.9 ? -1 : 0);
    added.set(p, map);
    count++;
  }
  const total = store.rowStart[store.participantCount] + extraVotes;
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
  return { participantCount: store.participantCount, statementCount: m, rowStart, statementOf, voteOf };
}

function voteUpdateMs(store: VoteStore, live: LiveOpinion, count: number): number {
  const random = createRandom(99);
  const started = performance.now();
  for (let i = 0; i < count; i++) live.recordVote(randomInt(random, store.participantCount), randomInt(random, store.statementCount), (randomInt(random, 3) - 1) as Vote);
  return (performance.now() - started) / count;
}

/** In-process engine figures: cold, warm after new statements and votes, agreement warm vs cold, vote updates. */
function engineCase(key: string): Record<string, unknown> {
  const spec = CASES[key];
  const conversation = syntheticConversation(conversationSpec(spec.participants, spec.statements, spec.votes));
  const stakeholders = { groupOf: stakeholderGroups(spec.participants, 7), labels: STAKEHOLDER_SHARES.map(([name]) => name) };
  const cold = analyseOpinions(conversation.store, { seed: 1, stakeholders });
  const grown = grownStore(conversation, Math.round(spec.votes * 0.01), Math.round(spec.statements * 0.02), 7);
  const warmMs: number[] = [];
  const coldMs: number[] = [];
  let warm = cold;
  let coldGrown = cold;
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    warm = analyseOpinions(grown, { seed: 1, stakeholders: stakeholders, warmStart: warmStartOf(cold) });
    warmMs.push(performance.now() - started);
    started = performance.now();
    coldGrown = analyseOpinions(grown, { seed: 1, stakeholders: stakeholders });
    coldMs.push(performance.now() - started);
  }
  const participating = Array.from(coldGrown.participating);
  const live = new LiveOpinion(conversation.store, cold);
  voteUpdateMs(conversation.store, live, 20_000);
  return {
    warm_after: { new_votes: Math.round(spec.votes * 0.01), new_statements: Math.round(spec.statements * 0.02) },
    warm_ms: { median: round(median(warmMs)), runs: warmMs.map((x) => round(x)) },
    cold_on_same_data_ms: { median: round(median(coldMs)), runs: coldMs.map((x) => round(x)) },
    lanczos_steps: { warm: warm.pca.steps, cold: coldGrown.pca.steps },
    warm_vs_cold_ari: round(adjustedRandIndex(participating.map((p) => warm.groupOf[p]), participating.map((p) => coldGrown.groupOf[p])), 4),
    groups: { warm: warm.groupCount, cold: coldGrown.groupCount },
    ari_vs_planted: round(adjustedRandIndex(participating.map((p) => coldGrown.groupOf[p]), participating.map((p) => conversation.plantedGroupOf[p])), 4),
    vote_update_ms: round(voteUpdateMs(conversation.store, live, 200_000), 5),
  };
}

function runChild(mode: string, key: string): Record<string, unknown> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), mode, key], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`bench ${mode} ${key} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

const [mode, key] = process.argv.slice(2);
if (mode === 'prepare') {
  const spec = CASES[key];
  process.stdout.write(benchConversationDir(key, spec.participants, spec.statements, spec.votes));
} else if (mode === 'engine') {
  process.stdout.write(JSON.stringify(engineCase(key)));
} else {
  const started = performance.now();
  const only = (process.env.BENCH_CASES ?? 'polis_largest,large').split(',');
  const cases: Record<string, unknown> = {};
  let speedup: Record<string, unknown> | null = null;
  for (const name of only) {
    const dir = caseDir(name);
    const command = measureCommand(name, dir);
    const entry: Record<string, unknown> = { command, engine: runChild('engine', name) };
    if (name === 'polis_largest') {
      const ours = (command.wall_ms as { median: number }).median;
      const { stdout, ...plainTs } = timed(node('bench/opinion-baseline.ts', dir));
      entry.plain_typescript = { ...plainTs, ...JSON.parse(stdout), note: 'our own plain TypeScript rendering of the numpy pipeline; one run' };
      const numpy = numpyBaseline(dir);
      entry.plain_numpy = numpy;
      speedup =
        'wall_ms' in numpy
          ? { command_vs_numpy: round(numpy.wall_ms / ours), command_wall_ms: ours, numpy_wall_ms: numpy.wall_ms, target: CASES[name].targets.speedup_vs_plain }
          : { command_vs_numpy: null, reason: numpy.unavailable };
    }
    if (name === 'polis_largest') entry.database = runDatabaseBench(dir);
    cases[name] = entry;
  }
  process.stdout.write(
    JSON.stringify({ benchmark: 'opinion command', node: process.version, cpus: availableParallelism(), runs: RUNS, cases, speedup, total_bench_s: round((performance.now() - started) / 1000) }, null, 2) + '\n',
  );
}

/**
 * The numpy/scikit-learn pipeline from the same files, RUNS times like our command (the first
 * run pays Python's cold imports); the run with the median wall time; or why it could not run.
 */
function numpyBaseline(dir: string): ({ wall_ms: number; peak_rss_mb: number } & Record<string, number | string | number[]>) | { unavailable: string } {
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, scipy, sklearn; print(numpy.__version__, sklearn.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { unavailable: `${PYTHON} with numpy, scipy and scikit-learn is needed (apt-get install -y python3-sklearn)` };
  const runs = Array.from({ length: RUNS }, () => timed([PYTHON, join(ROOT, 'bench/opinion-plain.py'), dir])).sort((a, b) => a.wall_ms - b.wall_ms);
  const { stdout, ...run } = runs[Math.floor(runs.length / 2)];
  const [numpyVersion, sklearnVersion] = probe.stdout.trim().split(' ');
  return { ...run, runs: runs.map((r) => r.wall_ms), ...(JSON.parse(stdout) as Record<string, number>), numpy: numpyVersion, scikit_learn: sklearnVersion };
}

/** 2 M votes read from each database by a child process (bench/opinion-db.ts). */
function runDatabaseBench(dir: string): Record<string, unknown> {
  const results: Record<string, unknown> = {};
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/opinion-db.ts'), 'prepare', dir], { encoding: 'utf8', maxBuffer: 2 ** 20 });
  if (prepared.status !== 0) return { error: prepared.stderr.trim().split('\n').slice(-3).join(' ') };
  for (const kind of ['sqlite', 'postgres']) {
    const runs = Array.from({ length: RUNS }, () => {
      const run = timed(node('bench/opinion-db.ts', 'read', kind));
      return { ...run, ...(JSON.parse(run.stdout) as { read_ms: number; votes: number }) };
    });
    results[kind] = {
      votes: runs[0].votes,
      read_ms: { median: median(runs.map((r) => r.read_ms)), runs: runs.map((r) => r.read_ms) },
      process_wall_ms: median(runs.map((r) => r.wall_ms)),
      peak_rss_mb: { median: median(runs.map((r) => r.peak_rss_mb)), runs: runs.map((r) => r.peak_rss_mb) },
      targets: { read_ms: 2000, peak_rss_mb: 300 },
    };
  }
  return results;
}
