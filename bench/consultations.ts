/**
 * The opinion map inside a consultation at scale, for `npm run bench:consultations` (issue 12,
 * item 7), measured as users meet it, on each database:
 *
 * 1. `cabildo seed demo` (the demo consultation is in its amendments phase, so it takes votes),
 *    then BENCH_PARTICIPANTS participants (as a Polis import brings them), BENCH_STATEMENTS approved
 *    statements and about BENCH_VOTES votes written straight into its tables (bulk inserts, not HTTP);
 * 2. recomputing the map from the database in a child process (`… recompute`): the time it
 *    takes, the longest it holds the thread that would answer requests, and the child's peak
 *    resident memory (the engine's worker thread included);
 * 3. `cabildo serve`, and BENCH_VOTERS signed-in people voting at once over HTTP (each a form POST
 *    with its CSRF field, as a browser without script sends it), BENCH_VOTES_EACH votes each, each
 *    vote after a pause of 1–3 s (BENCH_THINK_MS), the time to read a statement: the latency
 *    percentiles, the target's figure. Then the same voters again without pauses, each sending its
 *    next vote when the last is answered: the most votes a second the server takes, and the queue
 *    that forms. Twenty other voters vote first, unmeasured: a server that has just started opens
 *    its database connections and compiles its code on its first votes.
 *
 * Targets (issue 12): voting p95 ≤ 20 ms, recompute ≤ 3 s and ≤ 400 MB. Defaults are the issue's
 * sizes (30,000 participants, 800 statements, 2 M votes); smaller ones for a busy machine, e.g.
 * BENCH_PARTICIPANTS=3000 BENCH_VOTES=200000. BENCH_DATABASES=sqlite,postgres;
 * BENCH_DATABASE_URL names the PostgreSQL server (a database `cabildo_bench_consultations` is made
 * afresh on it). Prints one JSON document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { startProcess } from './serving.ts';
import { newId, openConfiguredDatabase, sqliteFileIn, timestamp } from '../src/platform/db/index.ts';
import { sessionCookie } from '../src/platform/auth/identity.ts';
import { startSession } from '../src/modules/accounts/sessions.ts';
import { accountsDb } from '../src/modules/accounts/tables.ts';
import { demoSlug } from '../src/modules/consultations/seeds.ts';
import { recomputeOpinionMap } from '../src/modules/consultations/opinion/analysis.ts';
import { recountVotes } from '../src/modules/consultations/opinion/tallies.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cabildo.js');
const size = {
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 30_000),
  statements: Number(process.env.BENCH_STATEMENTS ?? 800),
  votes: Number(process.env.BENCH_VOTES ?? 2_000_000),
  voters: Number(process.env.BENCH_VOTERS ?? 200),
  votesEach: Number(process.env.BENCH_VOTES_EACH ?? 20),
};
/** The pause before each vote (BENCH_THINK_MS=min,max), as a person reading each statement takes. */
const thinkMs = (process.env.BENCH_THINK_MS ?? '1000,3000').split(',').map(Number) as [number, number];
const targets = { voting_p95_ms: 20, recompute_ms: 3_000, recompute_rss_mb: 400 };
const server = (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const pgDatabase = 'cabildo_bench_consultations';
/** Progress on stderr, so the JSON on stdout stays clean. */
const progress = (line: string) => process.stderr.write(`bench:consultations ${line}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

/**
 * The votes of participant p: about votes/participants statements, spread by a stride, with a
 * latent opinion (an angle) so the map has groups to find, and some passes.
 */
function* votesOf(p: number): Generator<[number, number]> {
  const each = Math.min(size.statements, Math.round(size.votes / size.participants));
  const start = (p * 7919) % size.statements;
  const opinion = ((p % 3) * 2 * Math.PI) / 3 + (p % 17) / 40;
  for (let j = 0; j < each; j++) {
    const s = (start + j * 13) % size.statements;
    const lean = Math.cos(opinion - (s * 2.399) % (2 * Math.PI));
    const noise = ((p * 31 + s * 17) % 100) / 100;
    yield [s, noise < 0.15 ? 0 : lean + (noise - 0.5) * 0.6 > 0 ? 1 : -1];
  }
}

interface Target {
  kind: 'sqlite' | 'postgres';
  env: NodeJS.ProcessEnv;
  config: { dataDir: string; databaseUrl?: string };
}

async function freshTarget(kind: Target['kind']): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-bench-consultations-'));
  if (kind === 'sqlite') return { kind, env: { PATH: process.env.PATH!, CABILDO_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' }, config: { dataDir } };
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${pgDatabase}`);
  await admin.query(`create database ${pgDatabase}`);
  await admin.end();
  const databaseUrl = `${server}/${pgDatabase}`;
  return { kind, env: { PATH: process.env.PATH!, CABILDO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info' }, config: { dataDir, databaseUrl } };
}

/** The demo consultation's id, after `seed demo`. */
async function demoConsultation(target: Target): Promise<string> {
  const database = openConfiguredDatabase(target.config);
  try {
    const row = await database.db.selectFrom('consultations').select('id').where('slug', '=', demoSlug).executeTakeFirstOrThrow();
    return row.id as string;
  } finally {
    await database.close();
  }
}

/** Participants, statements and votes straight into the tables: one transaction on SQLite, unnest batches on PostgreSQL. */
async function bulkLoad(target: Target, consultationId: string): Promise<{ votes: number; ms: number }> {
  const started = performance.now();
  const stamp = timestamp(new Date(Date.now() - 86_400_000));
  const participantId = (p: number) => `bench-p-${p}`;
  const statementId = (s: number) => `bench-s-${s}`;
  let votes = 0;
  if (target.kind === 'sqlite') {
    const db = new SqliteDatabase(sqliteFileIn(target.config.dataDir));
    const participant = db.prepare("insert into consultation_opinion_participants (id, consultation_id, number, user_id, stakeholder_group, imported, created_at, votes) values (?, ?, ?, null, ?, 1, ?, 0)");
    const statement = db.prepare("insert into consultation_opinion_statements (id, consultation_id, number, text, status, author_participant_id, created_at, moderated_by, moderated_at) values (?, ?, ?, ?, 'approved', null, ?, null, ?)");
    const vote = db.prepare('insert into consultation_opinion_votes (consultation_id, statement_number, participant_number, vote, voted_at) values (?, ?, ?, ?, ?)');
    const groups = ['civil_society', 'government', 'private_sector', 'technical_community', 'academia'];
    db.transaction(() => {
      for (let s = 0; s < size.statements; s++) statement.run(statementId(s), consultationId, 1000 + s, `Bench statement ${s}`, stamp, stamp);
      for (let p = 0; p < size.participants; p++) {
        participant.run(participantId(p), consultationId, 1000 + p, groups[p % groups.length], stamp);
        for (const [s, v] of votesOf(p)) {
          vote.run(consultationId, 1000 + s, 1000 + p, v, stamp);
          votes++;
        }
      }
    })();
    db.close();
  } else {
    const client = new pg.Client({ connectionString: target.config.databaseUrl });
    await client.connect();
    await client.query('begin');
    const statements = Array.from({ length: size.statements }, (_, s) => s);
    await client.query(`insert into consultation_opinion_statements (id, consultation_id, number, text, status, created_at, moderated_at)
      select 'bench-s-' || s, $1, 1000 + s, 'Bench statement ' || s, 'approved', $2, $2 from unnest($3::int[]) as s`, [consultationId, stamp, statements]);
    const participants = Array.from({ length: size.participants }, (_, p) => p);
    await client.query(`insert into consultation_opinion_participants (id, consultation_id, number, user_id, stakeholder_group, imported, created_at, votes)
      select 'bench-p-' || p, $1, 1000 + p, null, (array['civil_society','government','private_sector','technical_community','academia'])[p % 5 + 1], 1, $2, 0 from unnest($3::int[]) as p`, [consultationId, stamp, participants]);
    let ps: number[] = [];
    let ss: number[] = [];
    let vs: number[] = [];
    const flush = async () => {
      await client.query(`insert into consultation_opinion_votes (consultation_id, statement_number, participant_number, vote, voted_at)
        select $1, 1000 + s, 1000 + p, v, $2 from unnest($3::int[], $4::int[], $5::int[]) as t(p, s, v)`, [consultationId, stamp, ps, ss, vs]);
      ps = []; ss = []; vs = [];
    };
    for (let p = 0; p < size.participants; p++) {
      for (const [s, v] of votesOf(p)) {
        ps.push(p); ss.push(s); vs.push(v);
        votes++;
      }
      if (ps.length >= 200_000) await flush();
    }
    if (ps.length) await flush();
    await client.query('commit');
    await client.query('analyze');
    await client.end();
  }
  // The tallies and counts the vote command keeps, as an import leaves them.
  const database = openConfiguredDatabase(target.config);
  try {
    await recountVotes(database.db, consultationId);
  } finally {
    await database.close();
  }
  return { votes, ms: Math.round(performance.now() - started) };
}

/** The recompute as its own process: time and peak memory as the server would spend them. */
function recomputeInChild(target: Target, consultationId: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'recompute', consultationId], {
    env: { ...process.env, ...target.env }, encoding: 'utf8', cwd: root,
  });
  if (child.status !== 0) throw new Error(`recompute failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; read_and_analyse_ms: number; longest_hold_of_the_thread_ms: number; peak_rss_mb: number; participants: number; statements: number; votes: number; opinion_groups: number };
}

async function recomputeHere(consultationId: string): Promise<void> {
  const database = openConfiguredDatabase({ dataDir: process.env.CABILDO_DATA_DIR!, databaseUrl: process.env.DATABASE_URL });
  // How long the thread that answers requests is held at a stretch: what a vote cast meanwhile waits at worst.
  const held = monitorEventLoopDelay({ resolution: 10 });
  try {
    held.enable();
    // Armed once its timer has fired: a hold before that would go unseen.
    await delay(30);
    const started = performance.now();
    const done = await recomputeOpinionMap(database.db, consultationId, new Date());
    const ms = performance.now() - started;
    held.disable();
    if (!done) throw new Error('nothing to map');
    process.stdout.write(`${JSON.stringify({
      ms: Math.round(ms), read_and_analyse_ms: Math.round(done.ms), longest_hold_of_the_thread_ms: Math.round(held.max / 1e6),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      participants: done.participants, statements: done.statements, votes: done.votes, opinion_groups: done.map.opinion_groups.length,
    })}\n`);
  } finally {
    await database.close();
  }
}

/** Signed-in voters: accounts with confirmed addresses and sessions, and each one's CSRF token from the map page. */
async function voters(target: Target, port: number, count: number, name: string) {
  const database = openConfiguredDatabase(target.config);
  const people: Array<{ cookie: string; csrf: string }> = [];
  try {
    const now = new Date();
    const stamp = timestamp(now);
    for (let i = 0; i < count; i++) {
      const id = newId();
      await accountsDb(database.db).insertInto('users').values({
        id, email: `bench-${name}-${i}@example.org`, name: `${name} ${i}`, password_hash: '!', locale: 'en', country: 'UY', stakeholder_group: 'civil_society', affiliation: null,
        capacity: 'personal', email_verified_at: stamp, is_secretariat: 0, created_at: stamp, updated_at: stamp,
      }).execute();
      people.push({ cookie: `${sessionCookie}=${await startSession(database.db, id, now)}`, csrf: '' });
    }
  } finally {
    await database.close();
  }
  for (const person of people) {
    // The token is the session's: any page gives it. The consultations list is a small one.
    const page = await fetch(`http://127.0.0.1:${port}/consultations`, { headers: { cookie: person.cookie } });
    person.csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    // Cookies the page set (the CSRF check's own), sent back as a browser would.
    const set = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (set.length) person.cookie = [person.cookie, ...set].join('; ');
    if (!person.csrf) throw new Error('no CSRF token on the consultations page');
  }
  return people;
}

/**
 * Every voter votes `votesEach` times, all of them at once; each answer must be the redirect back
 * to the map. `thinkMs` is the pause before each vote, drawn evenly from [min, max]: a person reads
 * a statement (up to 280 characters) before voting on it. [0, 0] sends the next vote as soon as
 * the last is answered, which measures how many votes a second the server can take.
 */
async function voteAtOnce(port: number, slug: string, people: Array<{ cookie: string; csrf: string }>, thinkMs: [number, number], round: number) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(people.map(async (person, i) => {
    for (let k = 0; k < size.votesEach; k++) {
      const pause = thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      const statement = 1000 + ((i * 37 + k * 101) % size.statements);
      const body = new URLSearchParams({ _csrf: person.csrf, vote: ['agree', 'disagree', 'pass'][(i + k + round) % 3]! });
      const t0 = performance.now();
      const answer = await fetch(`http://127.0.0.1:${port}/consultations/${slug}/opinions/statements/${statement}/vote`, {
        method: 'POST', body, redirect: 'manual', headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      await answer.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (answer.status !== 303) {
        if (failures === 0) progress(`a vote answered ${answer.status}`);
        failures++;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return {
    voters: people.length, think_ms: thinkMs, votes: latencies.length, failures, votes_per_second: Math.round(latencies.length / seconds),
    p50_ms: percentile(latencies, 50), p95_ms: percentile(latencies, 95), p99_ms: percentile(latencies, 99), max_ms: percentile(latencies, 100),
  };
}

/** One view of a page, compressed as a browser asks: the time to its last byte, the bytes sent and the page's size. */
async function viewOf(url: string, headers: Record<string, string>) {
  const started = performance.now();
  const answer = await fetch(url, { headers: { ...headers, 'accept-encoding': 'gzip, br' } });
  const bytes = (await answer.arrayBuffer()).byteLength;
  return { status: answer.status, ms: Math.round(performance.now() - started), bytes_sent: Number(answer.headers.get('content-length') ?? bytes), page_bytes: bytes };
}

async function benchOn(kind: Target['kind']) {
  const target = await freshTarget(kind);
  try {
    const seeded = spawnSync(process.execPath, [bin, 'seed', 'demo'], { env: target.env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`seed demo failed: ${seeded.stderr}`);
    const consultationId = await demoConsultation(target);
    progress(`${kind}: seeded; loading votes`);
    const loaded = await bulkLoad(target, consultationId);
    progress(`${kind}: ${loaded.votes} votes loaded in ${loaded.ms} ms; recomputing`);
    const recompute = recomputeInChild(target, consultationId);
    progress(`${kind}: recomputed in ${recompute.ms} ms; voting over HTTP`);
    const cabildo = await startProcess(process.execPath, [bin, 'serve'], target.env);
    try {
      // A server that has just started opens its database connections and compiles its code on its first votes: twenty
      // other voters vote first, unmeasured, so the figures are those of a running server.
      await voteAtOnce(cabildo.port, demoSlug, await voters(target, cabildo.port, 20, 'warm-up'), [0, 200], 2);
      const people = await voters(target, cabildo.port, size.voters, 'voter');
      const voting = await voteAtOnce(cabildo.port, demoSlug, people, thinkMs, 0);
      progress(`${kind}: voting p95 ${voting.p95_ms} ms; now without pauses, for the most votes a second`);
      const saturated = await voteAtOnce(cabildo.port, demoSlug, people, [0, 0], 1);
      // The map page as a visitor sees it (a fresh address, so not from the cache) and as a voter (the next statement and fifty forms).
      const mapPage = {
        visitor: await viewOf(`http://127.0.0.1:${cabildo.port}/consultations/${demoSlug}/opinions?bench=1`, {}),
        voter: await viewOf(`http://127.0.0.1:${cabildo.port}/consultations/${demoSlug}/opinions`, { cookie: people[0]!.cookie }),
      };
      return {
        database: kind, bulk_load: loaded, recompute, voting, voting_without_pauses: saturated, map_page: mapPage,
        meets_targets: { voting_p95: voting.p95_ms <= targets.voting_p95_ms && voting.failures === 0, recompute_time: recompute.ms <= targets.recompute_ms, recompute_memory: recompute.peak_rss_mb <= targets.recompute_rss_mb },
      };
    } finally {
      cabildo.child.kill('SIGTERM');
    }
  } finally {
    rmSync(target.config.dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'recompute') {
  await recomputeHere(process.argv[3]!);
} else {
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as Array<Target['kind']>;
  const results = [];
  for (const kind of databases) results.push(await benchOn(kind));
  process.stdout.write(`${JSON.stringify({ benchmark: 'consultations opinion map', size, targets, results }, null, 2)}\n`);
}
