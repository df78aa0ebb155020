import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { smokeRun, type Kind } from '../support/databases.ts';
import { testConfig } from '../support/app.ts';
import { readCheckpoint } from '../support/tlogVerifier.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { openConfiguredDatabase } from '../../src/platform/db/index.ts';
import { importInitiatives } from '../../src/modules/initiatives/index.ts';
import { modules } from '../../src/modules/index.ts';
import { logKinds } from '../../src/platform/manifests.ts';
import { verifyLog } from '../../src/platform/log/verify.ts';
import { existingLogKey, verifierKey } from '../../src/platform/log/note.ts';
import { createPublicKey } from 'node:crypto';

const bin = fileURLToPath(new URL('../../bin/cabildo.js', import.meta.url));

/** Runs `cabildo` as a child process, without blocking this process (its servers must keep answering). */
function cabildo(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH!, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** An installation: a data directory, and a SQLite file in it or a PostgreSQL database of its own. */
interface Installation {
  env: Record<string, string>;
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

let databases = 0;
async function installation(kind: Kind): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-tlog-'));
  if (kind === 'sqlite') return { env: { CABILDO_DATA_DIR: dataDir }, dataDir, databaseUrl: undefined, drop: async () => {} };
  const url = process.env.TEST_DATABASE_URL!;
  const name = `cabildo_tlog_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  return {
    env: { CABILDO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, dataDir, databaseUrl,
    async drop() {
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop database ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** Cabildo serving the installation on a port of this test's range. */
function serveOn(site: Installation, port: number): Promise<RunningServer> {
  return startServer(testConfig({ port, dataDir: site.dataDir, databaseUrl: site.databaseUrl, baseUrl: `http://127.0.0.1:${port}`, smtpUrl: undefined }));
}

/** Runs SQL on the installation's database, as someone with access to it would. */
async function onDatabase<T>(site: Installation, run: (db: ReturnType<typeof openConfiguredDatabase>['db']) => Promise<T>): Promise<T> {
  const database = openConfiguredDatabase({ databaseUrl: site.databaseUrl, dataDir: site.dataDir });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/** Each database, as perDatabase would declare it (PostgreSQL needs TEST_DATABASE_URL). */
function kinds(): Kind[] {
  if (smokeRun) return ['sqlite'];
  if (!process.env.TEST_DATABASE_URL) {
    if (process.env.CABILDO_REQUIRE_ALL === '1') throw new Error('TEST_DATABASE_URL is not set and CABILDO_REQUIRE_ALL=1');
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

/**
 * The demo data's log: 103 initiatives listed by import, then the demo forum published and closed,
 * its program published, and the webinar published; the demo ledger's 8 entries and 1 correction;
 * the demo action plan adopted and its items' six status changes (plans/seeds.ts); the demo impact
 * brief's version 1; the demo consultation's versions 1 and 2 (consultations/seeds.ts).
 */
const demoLog = 103 + 4 + 9 + 1 + 6 + 1 + 2;

const csv = (names: string[]) =>
  `name,acronym,type,countries,region,year_established,website,languages,source_url\n${names.map((n) => `${n},,national,UY,,2021,,es,https://igf.example/${encodeURIComponent(n)}`).join('\n')}\n`;

for (const kind of kinds()) {
  test(`cabildo log verify recomputes the log, checks its checkpoints, and names the first entry a changed row breaks; backups keep the key [${kind}]`, { timeout: 400_000 }, async () => {
    const site = await installation(kind);
    try {
      assert.equal((await cabildo(['seed', 'demo'], site.env)).code, 0);
      const server = await serveOn(site, 7601);
      const note = await (await fetch('http://127.0.0.1:7601/api/log/checkpoint')).text();
      const key = await (await fetch('http://127.0.0.1:7601/api/log/key')).text();
      await server.stop();
      assert.equal(readCheckpoint(note, key).size, demoLog);

      const intact = await cabildo(['log', 'verify'], site.env);
      assert.equal(intact.code, 0, intact.err);
      assert.match(intact.out, new RegExp(`verifies: ${demoLog} entries, each matching its record, and 1 signed checkpoints`));

      // The backup carries the signing key; a restore puts it in the new data directory.
      const file = join(mkdtempSync(join(tmpdir(), 'cabildo-tlog-backup-')), 'backup.json');
      assert.equal((await cabildo(['backup', file], site.env)).code, 0);
      const keyFile = readFileSync(join(site.dataDir, 'log-signing-key'), 'utf8');
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).files['log-signing-key'], keyFile);
      const fresh = mkdtempSync(join(tmpdir(), 'cabildo-tlog-restore-'));
      const restored = await cabildo(['restore', file], { CABILDO_DATA_DIR: fresh });
      assert.equal(restored.code, 0, restored.err);
      assert.equal(readFileSync(join(fresh, 'log-signing-key'), 'utf8'), keyFile);
      assert.equal((await cabildo(['log', 'verify'], { CABILDO_DATA_DIR: fresh, BASE_URL: 'http://127.0.0.1:7601' })).code, 0, 'the restored log verifies, checkpoints included');

      // Someone with access to the database changes one stored row at a time.
      const record = await onDatabase(site, async (db) => (await db.selectFrom('log_entries').select('record').where('idx', '=', 41).executeTakeFirstOrThrow()).record as string);
      const initiative = record.split('/')[1]!;
      const tampering: Array<{ change: string; undo: string; expect: RegExp }> = [
        {
          change: `update recognition_outcomes set note = 'https://igf.example/rewritten' where initiative_id = '${initiative}'`,
          undo: `update recognition_outcomes set note = (select note from recognition_outcomes where 1 = 0) where initiative_id = '${initiative}'`,
          expect: /THE TRANSPARENCY LOG DOES NOT VERIFY at entry 41: entry 41: the record initiative\/\S+ \(version 1\) no longer matches its content hash/,
        },
        {
          change: `update log_entries set entry = replace(entry, '"time":"2026', '"time":"2025') where idx = 57`,
          undo: `update log_entries set entry = replace(entry, '"time":"2025', '"time":"2026') where idx = 57`,
          expect: /at entry 57: entry 57 no longer matches its stored leaf hash/,
        },
        {
          change: `update log_checkpoints set note = replace(note, '\n${demoLog}\n', '\n${demoLog - 1}\n')`,
          undo: `update log_checkpoints set note = replace(note, '\n${demoLog - 1}\n', '\n${demoLog}\n')`,
          expect: new RegExp(`at entry ${demoLog - 1}: the checkpoint of size ${demoLog} is not signed by this installation's key`),
        },
        {
          change: `delete from log_entries where idx = 80`,
          undo: '',
          expect: /at entry 80: entry 80 is missing/,
        },
      ];
      const note41 = await onDatabase(site, async (db) => (await db.selectFrom('recognition_outcomes').select('note').where('initiative_id', '=', initiative).executeTakeFirstOrThrow()).note as string);
      tampering[0]!.undo = `update recognition_outcomes set note = '${note41}' where initiative_id = '${initiative}'`;
      // The command itself once (a child process costs seconds here); then the same check in this process.
      const signer = verifierKey('127.0.0.1:7601/log', createPublicKey(existingLogKey(site.dataDir)!));
      const verified = () => onDatabase(site, (db) => verifyLog(db, logKinds(modules), signer));
      for (const [i, { change, undo, expect }] of tampering.entries()) {
        await onDatabase(site, (db) => sql.raw(change).execute(db));
        if (i === 0) {
          const broken = await cabildo(['log', 'verify'], site.env);
          assert.equal(broken.code, 1, change);
          assert.match(broken.err, expect);
        } else {
          const { failure } = await verified();
          assert.match(`DOES NOT VERIFY at entry ${failure?.index}: ${failure?.reason}`, expect, change);
        }
        if (undo) {
          await onDatabase(site, (db) => sql.raw(undo).execute(db));
          assert.equal((await verified()).failure, null, `verifies again after: ${undo}`);
        }
      }
    } finally {
      await site.drop();
    }
  });

  test(`cabildo log witness checks another installation's checkpoints, publishes them, and reports a fork loudly [${kind}]`, { timeout: 400_000 }, async () => {
    const a = await installation(kind);
    const b = await installation(kind);
    let serverA: RunningServer | undefined;
    let serverB: RunningServer | undefined;
    try {
      assert.equal((await cabildo(['seed', 'demo'], a.env)).code, 0);
      serverA = await serveOn(a, 7602);
      serverB = await serveOn(b, 7603);
      const first = await cabildo(['log', 'witness', 'http://127.0.0.1:7602'], b.env);
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, new RegExp(`Witnessed 127\\.0\\.0\\.1:7602/log: ${demoLog} entries \\(first checkpoint seen from there\\)`));

      // A records a new outcome; B sees a tree that extends the one it saw.
      const dir = mkdtempSync(join(tmpdir(), 'cabildo-tlog-import-'));
      writeFileSync(join(dir, 'one.csv'), csv(['IGF Atlántida']));
      assert.equal((await cabildo(['import', 'nris', join(dir, 'one.csv')], a.env)).code, 0);
      const second = await cabildo(['log', 'witness', 'http://127.0.0.1:7602/'], b.env);
      assert.equal(second.code, 0, second.err);
      assert.match(second.out, new RegExp(`${demoLog + 1} entries, consistent with the ${demoLog} seen before`));
      const published = await (await fetch('http://127.0.0.1:7603/api/log/witnessed')).json() as { witnessed: Array<Record<string, unknown>> };
      assert.equal(published.witnessed.length, 1);
      const seen = published.witnessed[0]!;
      assert.equal(seen.origin, '127.0.0.1:7602/log');
      assert.equal(seen.tree_size, demoLog + 1);
      assert.equal(seen.status, 'consistent');
      assert.equal(readCheckpoint(seen.checkpoint as string, seen.key as string).size, demoLog + 1, 'the kept checkpoint verifies independently');

      // A's operator rewrites history from entry 100 on, and signs the new tree with the same key.
      await serverA.stop();
      await onDatabase(a, async (db) => {
        await db.deleteFrom('log_entries').where('idx', '>=', 100).execute();
        for (let level = 0; level < 8; level++) await db.deleteFrom('log_nodes').where('level', '=', level).where('idx', '>=', Math.floor(100 / 2 ** level)).execute();
        await db.deleteFrom('log_checkpoints').where('size', '>', 100).execute();
        // Two entries more than B saw, all different from entry 100 on.
        const rewritten = Array.from({ length: demoLog + 3 - 100 }, (_, i) => `IGF Lemuria ${i + 1}`);
        await importInitiatives(db, csv(rewritten), { demo: false, now: new Date(), source: 'rewrite.csv' });
      });
      assert.equal((await cabildo(['log', 'verify'], a.env)).code, 0, 'a wholesale rewrite by the key holder passes its own verify: only witnesses can tell');
      serverA = await serveOn(a, 7602);
      const fork = await cabildo(['log', 'witness', 'http://127.0.0.1:7602'], b.env);
      assert.equal(fork.code, 1);
      assert.match(fork.err, new RegExp(`FORK: the log 127\\.0\\.0\\.1:7602/log .* not consistent .*: the tree of ${demoLog + 3} entries does not extend the tree of ${demoLog + 1} entries`));
      const evidence = await (await fetch('http://127.0.0.1:7603/api/log/witnessed')).json() as { witnessed: Array<Record<string, unknown>> };
      assert.deepEqual(evidence.witnessed.map((w) => [w.status, w.tree_size]), [['consistent', demoLog + 1], ['fork', demoLog + 3]]);
      assert.equal((await cabildo(['log', 'witness', 'http://127.0.0.1:7602'], b.env)).code, 1, 'and again, until someone looks');

      const unreachable = await cabildo(['log', 'witness', 'http://127.0.0.1:7699'], b.env);
      assert.equal(unreachable.code, 1);
      assert.match(unreachable.err, /cannot reach http:\/\/127\.0\.0\.1:7699\/api\/log\/key/);
      assert.equal((await cabildo(['log', 'witness', 'not-a-url'], b.env)).code, 2);
    } finally {
      await serverA?.stop();
      await serverB?.stop();
      await a.drop();
      await b.drop();
    }
  });
}
