/**
 * `npm run bench:reports [-- --reports N --postgres URL --only sqlite|postgres]` (issue 11, item
 * 10; docs/decisions/026): N published reports (default 100,000) over 150 initiatives, ten years
 * and four languages (bench/reports-data.ts), on SQLite and on PostgreSQL (TEST_DATABASE_URL or
 * --postgres, in a schema of its own that is dropped afterwards); then Cabildo as users start it
 * (`cabildo serve`, a process) is asked over HTTP:
 * - one request after another, each at an address never asked before (so never from the response
 *   cache): `/reports` first, filtered and deep pages, `/search?q=` restricted to reports with 1 to
 *   4 words in es, en, pt and fr, the feeds, the JSON list; p50/p95/p99. Target p95 ≤ 50 ms for
 *   the archive's pages and for search.
 * - under load (autocannon, 20 connections, compressed) the archive's first page, both feeds and a
 *   search, beside a bare `node:http` server answering the same bytes in the same run: the
 *   platform's page target (bench/pages.ts) is ≥ 15 % of the bare server's requests a second.
 * - the whole CSV export, a few times (no target: it streams every row).
 * Prints one JSON object, with a verdict per target and the machine's load.
 */
import { spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { bareServer, capture, startProcess } from './serving.ts';
import { newId, openConfiguredDatabase } from '../src/platform/db/index.ts';
import { languages, queries } from './search-data.ts';
import { countryOf, fillArchive, slugOf, trackNames } from './reports-data.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '100000' },
    postgres: { type: 'string' },
    only: { type: 'string' },
    /** Requests per archive address, and search queries in all. */
    runs: { type: 'string', default: '40' },
    queries: { type: 'string', default: '400' },
  },
});
const reportCount = Number(values.reports);
const runs = Number(values.runs);
const queryCount = Number(values.queries);
const postgresUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cabildo.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = 20;
const headers = { 'accept-encoding': 'gzip', 'accept-language': 'es-CO,es;q=0.9,en;q=0.8' };
const targets = { page_p95_ms: 50, search_p95_ms: 50, page_ratio_to_bare: 0.15 };

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}
function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: times.length, p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), p99_ms: percentile(sorted, 99), max_ms: percentile(sorted, 100) };
}

/** The archive's addresses: the first page, deep pages, each filter and some together, the feeds, the JSON list. */
function archivePaths() {
  const track = encodeURIComponent(trackNames.es[3]!);
  // Deep pages that exist at this size (a page past the end is redirected to the last).
  const deep = (page: number, reportsPerPage: number) => Math.max(1, Math.min(page, Math.floor(reportCount / reportsPerPage)));
  return {
    pages: [
      '/reports', '/reports?page=2', `/reports?page=${deep(500, 20)}`, `/reports?page=${deep(5000, 20)}`,
      '/reports?language=fr', '/reports?year=2019', `/reports?initiative=${slugOf(7)}`, `/reports?country=${countryOf(2)}`, `/reports?track=${track}`,
      '/reports?group=academia', '/reports?group=academia&group=government', '/reports?group=intergovernmental&group=private_sector',
      '/reports?language=pt&year=2021&group=civil_society', `/reports?country=${countryOf(5)}&year=2018&page=${deep(3, 12 * 10 * 20)}`, `/reports?initiative=${slugOf(9)}&year=2020&language=en`,
    ],
    feeds: ['/reports.atom', `/initiatives/${slugOf(3)}/reports.atom`, '/reports.atom?language=pt'],
    api: ['/api/reports', `/api/reports?initiative=${slugOf(9)}&year=2020`, `/api/reports?year=2024&offset=${deep(500, 10)}`],
  };
}

/** Each address asked `runs` times, each time with a query string of its own (never from the cache). */
async function uncached(port: number, paths: string[]) {
  const out = [];
  for (const path of paths) {
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    // Once first, unmeasured: the first request of a kind compiles its code and prepares its statements.
    await capture(port, `${path}${path.includes('?') ? '&' : '?'}bench=warm`, headers);
    for (let i = 0; i < runs; i++) {
      const answer = await capture(port, `${path}${path.includes('?') ? '&' : '?'}bench=${i}`, headers);
      times.push(answer.ms);
      status = answer.status;
      bytes = answer.bytes;
      if (status !== 200) break;
    }
    out.push({ path, status, compressed_bytes: bytes, ...summary(times) });
  }
  return out;
}

async function searches(port: number) {
  const asked = queries(queryCount);
  const byWords: Record<string, number[]> = {};
  const byLanguage: Record<string, number[]> = {};
  const all: number[] = [];
  let failures = 0;
  // One query per language first, unmeasured (code compiled, statements prepared).
  for (const q of queries(4)) await capture(port, `/search?q=${encodeURIComponent(q)}&kind=report&bench=warm`, headers);
  for (const [i, q] of asked.entries()) {
    const answer = await capture(port, `/search?q=${encodeURIComponent(q)}&kind=report&bench=${i}`, headers);
    if (answer.status !== 200) failures++;
    all.push(answer.ms);
    const words = String(q.replace(/"/g, '').split(' ').length);
    (byWords[words] ??= []).push(answer.ms);
    (byLanguage[languages[i % 4]!] ??= []).push(answer.ms);
  }
  const pick = (o: Record<string, number[]>) => Object.fromEntries(Object.entries(o).sort().map(([k, v]) => [k, summary(v)]));
  return { queries: asked.length, failures, all: summary(all), by_words: pick(byWords), by_language: pick(byLanguage), examples: asked.slice(0, 8) };
}

async function load(port: number, path: string) {
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: 1, headers });
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds, headers });
  return { requests_per_second: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

async function underLoad(port: number, dataDir: string) {
  const endpoints = ['/reports', '/reports.atom', `/initiatives/${slugOf(3)}/reports.atom`, `/search?q=${encodeURIComponent('financiamiento rural')}&kind=report`];
  const answers = await Promise.all(endpoints.map(async (path) => [path, await capture(port, path, headers)] as const));
  const answersFile = join(dataDir, 'answers.json');
  writeFileSync(answersFile, JSON.stringify(answers));
  const started = await startProcess(process.execPath, ['-e', bareServer], { PATH: process.env.PATH!, ANSWERS: answersFile });
  try {
    const results = [];
    for (const path of endpoints) {
      const baseline = await load(started.port, path);
      const measured = await load(port, path);
      const ratio = Math.round((measured.requests_per_second / baseline.requests_per_second) * 1000) / 1000;
      const answer = answers.find(([p]) => p === path)![1];
      results.push({
        path, status: answer.status, compressed_bytes: answer.bytes, cabildo: measured, bare_node_http: baseline, ratio,
        target_ratio: targets.page_ratio_to_bare, meets_target: answer.status === 200 && measured.errors === 0 && ratio >= targets.page_ratio_to_bare,
      });
    }
    return results;
  } finally {
    started.child.kill();
  }
}

async function csvExport(port: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const answer = await capture(port, `/reports.csv?bench=${i}`, { 'accept-encoding': 'identity' });
    times.push(answer.ms);
    bytes = answer.bytes;
  }
  return { rows: reportCount, bytes, ...summary(times) };
}

/** One database: filled, then served by `cabildo serve` and asked over HTTP. */
async function run(env: Record<string, string>) {
  const migrated = spawnSync(process.execPath, [bin, 'migrate'], { env, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
  const database = openConfiguredDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.CABILDO_DATA_DIR! });
  let filled;
  try {
    filled = await fillArchive(database, reportCount);
  } finally {
    await database.close();
  }
  console.error(JSON.stringify({ filled }));
  const cabildo = await startProcess(process.execPath, [bin, 'serve'], env);
  const server: ChildProcess = cabildo.child;
  try {
    const paths = archivePaths();
    const pages = await uncached(cabildo.port, paths.pages);
    const feeds = await uncached(cabildo.port, paths.feeds);
    const api = await uncached(cabildo.port, paths.api);
    const search = await searches(cabildo.port);
    console.error(JSON.stringify({ pages, search: search.all }));
    const loaded = await underLoad(cabildo.port, env.CABILDO_DATA_DIR!);
    const csv = await csvExport(cabildo.port);
    const slowestPage = Math.max(...pages.map((p) => p.p95_ms));
    return {
      ...filled,
      verdicts: {
        archive_pages_p95: { target_ms: targets.page_p95_ms, slowest_p95_ms: slowestPage, meets_target: pages.every((p) => p.status === 200 && p.p95_ms <= targets.page_p95_ms) },
        search_p95: { target_ms: targets.search_p95_ms, p95_ms: search.all.p95_ms, meets_target: search.failures === 0 && search.all.p95_ms <= targets.search_p95_ms },
        feeds_under_load: { target_ratio: targets.page_ratio_to_bare, ratios: loaded.filter((l) => l.path.includes('.atom')).map((l) => l.ratio), meets_target: loaded.filter((l) => l.path.includes('.atom')).every((l) => l.meets_target) },
        pages_under_load: { target_ratio: targets.page_ratio_to_bare, ratios: loaded.filter((l) => !l.path.includes('.atom')).map((l) => l.ratio), meets_target: loaded.filter((l) => !l.path.includes('.atom')).every((l) => l.meets_target) },
      },
      uncached: { pages, feeds, api }, search, under_load: loaded, csv_export: csv,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

const load1 = () => loadavg().map((l) => Math.round(l * 100) / 100);

async function main() {
  const result: Record<string, unknown> = {
    benchmark: 'reports', reports: reportCount, initiatives: 150, years: '2016–2025', languages, targets, node: process.version,
    uptime_at_start: execFileSync('uptime', { encoding: 'utf8' }).trim(), load_average_at_start: load1(),
  };
  const base = { PATH: process.env.PATH!, PORT: '0', LOG_LEVEL: 'info' };
  if (values.only !== 'postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-bench-reports-'));
    try {
      result.sqlite = await run({ ...base, CABILDO_DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (values.only === 'sqlite') {
    // Asked for SQLite alone.
  } else if (postgresUrl) {
    const schema = `bench_reports_${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    // Kysely's migrator finds its tables in any schema of the database (not only the search path):
    // another schema's would make `cabildo migrate` skip creating its own and fail.
    const taken = await admin.query(`select table_schema from information_schema.tables where table_name = 'kysely_migration_lock'`);
    if (taken.rows.length) throw new Error(`the database at --postgres already holds Cabildo's migration tables (schema ${taken.rows[0].table_schema}): give an empty database`);
    await admin.query(`create schema ${schema}`);
    const url = new URL(postgresUrl);
    // The server's own connections work in the schema, as the tests' do.
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-bench-reports-'));
    try {
      result.postgres = await run({ ...base, CABILDO_DATA_DIR: dataDir, DATABASE_URL: url.toString() });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  } else {
    result.postgres = 'skipped: give TEST_DATABASE_URL or --postgres URL';
  }
  result.uptime_at_end = execFileSync('uptime', { encoding: 'utf8' }).trim();
  result.load_average_at_end = load1();
  const verdicts = ['sqlite', 'postgres'].flatMap((k) => (typeof result[k] === 'object' ? Object.values((result[k] as { verdicts: Record<string, { meets_target: boolean }> }).verdicts) : []));
  result.all_meet_targets = verdicts.length > 0 && verdicts.every((v) => v.meets_target);
  console.log(JSON.stringify(result, null, 2));
}

await main();
