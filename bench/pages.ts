/**
 * `npm run bench:pages`: how many requests a second Cabildo answers for its busiest pages and
 * API calls, beside a bare `node:http` server that answers with the same bytes, measured in the
 * same run. Both run as child processes (Cabildo as users start it, on SQLite with the 103 demo
 * initiatives); autocannon loads each from this process with 20 connections, asking for
 * compressed responses. Prints one JSON object; the targets are ratios to the bare server
 * (DESIGN §6: pages ≥ 15 %, JSON ≥ 25 %, /healthz ≥ 50 %).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { bareServer, capture, startProcess } from './serving.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cabildo.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
/** Rounds per endpoint, alternating the two servers; the median round is reported, as the machine's noise is large. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 20;
const requestHeaders = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'es-CO,es;q=0.9,en;q=0.8' };

interface Endpoint {
  name: string;
  path: string;
  kind: 'html' | 'json' | 'health';
}
const targets = { html: 0.15, json: 0.25, health: 0.5 } as const;

/** Starts a child process and resolves once it prints the line `ready <port>` or logs its port. */


async function load(port: number, path: string) {
  // A short warm-up first, so both servers are measured with their code optimised.
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: 1, headers: { ...requestHeaders, 'accept-encoding': 'gzip' } });
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds, headers: { ...requestHeaders, 'accept-encoding': 'gzip' },
  });
  return {
    requests_per_second: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-bench-'));
  const env = { PATH: process.env.PATH!, CABILDO_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  const seeded = spawnSync(process.execPath, [bin, 'seed', 'demo'], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed demo failed: ${seeded.stderr}`);
  const cabildo = await startProcess(process.execPath, [bin, 'serve'], env);
  let bare: ChildProcess | undefined;
  try {
    const list = (await (await fetch(`http://127.0.0.1:${cabildo.port}/api/initiatives?limit=1&country=CO`)).json()) as { items: Array<{ slug: string }> };
    const slug = list.items[0]!.slug;
    const endpoints: Endpoint[] = [
      { name: 'home', path: '/', kind: 'html' },
      { name: 'directory', path: '/initiatives', kind: 'html' },
      { name: 'initiative page', path: `/initiatives/${slug}`, kind: 'html' },
      { name: 'API list', path: '/api/initiatives', kind: 'json' },
      { name: 'API initiative', path: `/api/initiatives/${slug}`, kind: 'json' },
      { name: 'healthz', path: '/healthz', kind: 'health' },
    ];
    const answers = await Promise.all(endpoints.map(async (e) => [e.path, await capture(cabildo.port, e.path, { ...requestHeaders, 'accept-encoding': 'gzip' })] as const));
    const answersFile = join(dataDir, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(answers));
    const started = await startProcess(process.execPath, ['-e', bareServer], { PATH: process.env.PATH!, ANSWERS: answersFile });
    bare = started.child;
    const results = [];
    const median = <T extends { requests_per_second: number }>(runs: T[]) => [...runs].sort((a, b) => a.requests_per_second - b.requests_per_second)[Math.floor(runs.length / 2)]!;
    for (const endpoint of endpoints) {
      const bareRuns = [];
      const cabildoRuns = [];
      for (let round = 0; round < rounds; round++) {
        bareRuns.push(await load(started.port, endpoint.path));
        cabildoRuns.push(await load(cabildo.port, endpoint.path));
      }
      const baseline = median(bareRuns);
      const measured = median(cabildoRuns);
      const ratio = Math.round((measured.requests_per_second / baseline.requests_per_second) * 1000) / 1000;
      const answer = answers.find(([path]) => path === endpoint.path)![1];
      results.push({
        endpoint: endpoint.name, path: endpoint.path, status: answer.status, compressed_bytes: answer.bytes, encoding: answer.headers['content-encoding'] ?? 'identity',
        cabildo: measured, bare_node_http: baseline, ratio, target_ratio: targets[endpoint.kind], meets_target: ratio >= targets[endpoint.kind],
      });
    }
    console.log(JSON.stringify({
      benchmark: 'pages', node: process.version, connections, seconds_per_round: seconds, rounds, database: 'sqlite', initiatives: 103,
      all_meet_targets: results.every((r) => r.meets_target), results,
    }, null, 2));
  } finally {
    bare?.kill();
    cabildo.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
