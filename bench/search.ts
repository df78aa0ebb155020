/**
 * `npm run bench:search [-- --docs N --queries N --postgres URL]`: indexes generated documents
 * spread over es, en, pt and fr (50 to 2,000 words each, log-uniform, so most are short and a few
 * long; words drawn from a Zipf distribution over each language's vocabulary, real words of the
 * field among made-up ones with the languages' endings), through the same path the commands use,
 * then runs queries of 1 to 4 words (a quarter typed without accents, some as "phrases") the way
 * `GET /api/search` does (the total and the first 20, best first), and the way `/search` does
 * (with the facet counts). SQLite in a file in a temporary folder; PostgreSQL when
 * TEST_DATABASE_URL or --postgres is given, in a schema of its own that is dropped afterwards.
 * Baseline, same run, same index: the query path before it was reworked (bench/search-previous.ts),
 * on every twentieth query.
 * Prints one JSON object. Targets on the 2-core machine: p95 ≤ 50 ms, ≥ 2,000 documents/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newId, openDatabase, type Database, type Db } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { allMigrations } from '../src/platform/manifests.ts';
import { modules } from '../src/modules/index.ts';
import { reindex, search, type SearchSource } from '../src/platform/search/index.ts';
import { generate, languages, queries } from './search-data.ts';
import { previousSearch } from './search-previous.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' }, queries: { type: 'string', default: '1000' }, postgres: { type: 'string' },
    /** One database only (`sqlite` or `postgres`), so that two runs can go side by side. */
    only: { type: 'string' },
  },
});
const documentCount = Number(values.docs);
const queryCount = Number(values.queries);
const postgresUrl = values.postgres ?? process.env.TEST_DATABASE_URL;
const targets = { p95_ms: 50, docs_per_second: 2000 };

/** Time spent making up documents during indexing: taken off the indexing time, which measures Cabildo, not the generator. */
let generating = 0;

const source: SearchSource = {
  kind: 'document',
  label: 'common.search.title',
  fields: { title: 'A', body: 'B' },
  recordIds: async () => Array.from({ length: documentCount }, (_, i) => String(i)),
  documents: async (_db: Db, ids) => {
    const t0 = performance.now();
    const made = ids.map((id) => generate(Number(id)));
    generating += performance.now() - t0;
    return made;
  },
  visibleTo: async () => [],
};

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), p99_ms: percentile(sorted, 99), max_ms: percentile(sorted, 100) };
}

async function run(database: Database) {
  await migrate(database, allMigrations(modules));
  generating = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const indexed = await reindex(database.db, [source]);
  const wall = (performance.now() - started) / 1000;
  const seconds = wall - generating / 1000;
  const used = process.cpuUsage(cpu);
  const asked = queries(queryCount);
  const api: number[] = [];
  const pages: number[] = [];
  let matched = 0;
  const baseline: number[] = [];
  for (const [i, q] of asked.entries()) {
    // The baseline on every twentieth query (it is slow on common words), just before the same query
    // on the current path: both find the same pages in the cache, or neither does.
    if (i % 20 === 0) {
      const t2 = performance.now();
      await previousSearch(database.db, q, 'es');
      baseline.push(performance.now() - t2);
    }
    const t0 = performance.now();
    const results = await search(database.db, [source], { user: null }, { q, limit: 20, offset: 0, locale: 'es' });
    api.push(performance.now() - t0);
    matched += results.total;
    // The page also counts by facet: measured on every fourth query, to keep the run short.
    if (i % 4 === 0) {
      const t1 = performance.now();
      await search(database.db, [source], { user: null }, { q, limit: 20, offset: 0, locale: 'es', facets: true });
      pages.push(performance.now() - t1);
    }
  }
  const apiSummary = summary(api);
  return {
    documents: indexed,
    index_seconds: Math.round(seconds * 10) / 10,
    docs_per_second: Math.round(indexed / seconds),
    /**
     * Without taking the generator's time off: on PostgreSQL the writers overlap, so the server works
     * on one batch while this process makes up the next, and taking all of that time off flatters.
     */
    docs_per_second_wall: Math.round(indexed / wall),
    /** This process's CPU time while indexing (the generator's included): on a shared machine, what the wall time hides. */
    index_cpu_seconds_this_process: Math.round((used.user + used.system) / 100_000) / 10,
    generator_seconds_excluded: Math.round(generating / 100) / 10,
    queries: asked.length,
    mean_matches: Math.round(matched / asked.length),
    api_query: apiSummary,
    page_query_with_facets: { queries: pages.length, ...summary(pages) },
    baseline_previous_query_path: { queries: baseline.length, ...summary(baseline) },
    meets_targets: apiSummary.p95_ms <= targets.p95_ms && indexed / seconds >= targets.docs_per_second,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cabildo-bench-search-'));
  const result: Record<string, unknown> = {
    bench: 'search', documents: documentCount, words_per_document: '50–2000, log-uniform', languages, targets,
    node: process.version,
    load_average_at_start: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  try {
    if (values.only !== 'postgres') {
      const sqlite = openDatabase({ sqliteFile: join(dir, 'bench.sqlite') });
      try {
        result.sqlite = await run(sqlite);
        console.error(JSON.stringify({ sqlite: result.sqlite }));
      } finally {
        await sqlite.close();
      }
    }
    if (values.only === 'sqlite') {
      // Asked for SQLite alone.
    } else if (postgresUrl) {
      const schema = `bench_search_${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const database = openDatabase({ url: postgresUrl, schema });
      try {
        result.postgres = await run(database);
      } finally {
        await database.close();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    } else {
      result.postgres = 'skipped: give TEST_DATABASE_URL or --postgres URL';
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  result.load_average_at_end = loadavg().map((l) => Math.round(l * 10) / 10);
  console.log(JSON.stringify(result, null, 2));
}

await main();
