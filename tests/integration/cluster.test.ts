import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newId, openDatabase } from '../../src/platform/db/index.ts';
import { Jobs } from '../../src/platform/jobs/index.ts';
import { queueMail } from '../../src/platform/mail/queue.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { verifyConsistency } from '../../src/platform/log/merkle.ts';
import { perDatabase } from '../support/databases.ts';
import { TestClient } from '../support/client.ts';
import { TestMailServer } from '../support/mail.ts';
import { cabildoBin, eventually, serveProcess, type ServerProcess } from '../support/process.ts';

/*
 * Two `cabildo serve` processes on one PostgreSQL database, reached through a round-robin
 * "proxy" (the client sends each request to the next process), must behave as one
 * (README: Several servers).
 */

const baseUrl = 'http://cabildo.test';

/** A proxy in front of the servers: each request goes to the next one in turn. */
function roundRobin(ports: number[]) {
  let next = 0;
  return {
    request(url: string, init: RequestInit) {
      const port = ports[next++ % ports.length]!;
      const target = new URL(url);
      const headers = new Headers(init.headers);
      headers.set('Host', target.host);
      return fetch(`http://127.0.0.1:${port}${target.pathname}${target.search}`, { ...init, redirect: 'manual', headers });
    },
  };
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

perDatabase('two servers on one PostgreSQL behave as one: sessions, changes seen at once, jobs run once, shared rate limits, one log', { kinds: ['postgres'], timeout: 300_000 }, async () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cabildo_cluster_${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const mail = new TestMailServer();
  await mail.start();
  // One data directory for both (README: the same contents for every process), created empty:
  // the two processes starting together must agree on the secret and the log's key.
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-cluster-'));
  const servers: ServerProcess[] = [];
  const database = openDatabase({ url: databaseUrl });
  try {
    // Both start (and migrate) at the same instant.
    servers.push(...[0, 1].map(() => serveProcess({ CABILDO_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SMTP_URL: mail.url, BASE_URL: baseUrl })));
    const ports = await Promise.all(servers.map((s) => s.listening));
    const visitor = new TestClient(roundRobin(ports), baseUrl);
    const secret = readFileSync(join(dataDir, 'secret'), 'utf8').trim();

    // Sign up on one process, verify on another, then the session works on both.
    const email = 'dos.servidores@example.org';
    const signedUp = await visitor.post('/signup', {
      email, password: 'correct horse battery', name: 'Dos Servidores', locale: 'es', stakeholder_group: 'technical_community', capacity: 'personal',
    });
    assert.ok(signedUp.status < 400, `sign-up answered ${signedUp.status}`);
    await eventually('the verification mail arrives', () => mail.received.some((m) => m.to.includes(email)));
    const link = mail.received.find((m) => m.to.includes(email))!.text.match(/https?:\/\/\S+verify-email\S+/)![0];
    const verified = await visitor.get(new URL(link).pathname + new URL(link).search);
    assert.ok(verified.status < 400, `verifying answered ${verified.status}`);
    await visitor.post('/login', { email, password: 'correct horse battery' });
    for (let i = 0; i < 4; i++) {
      const account = await visitor.get('/account');
      assert.equal(account.status, 200, `the session holds on server ${i % 2}`);
      assert.match(account.html, /Dos Servidores/);
    }

    // A change made elsewhere (here an operator's `cabildo seed demo`) shows at once on both
    // processes, although each keeps built public pages in memory (per data version).
    for (let i = 0; i < 2; i++) assert.doesNotMatch((await visitor.get('/initiatives')).html, /Arab Internet Governance Forum/);
    const seeded = spawnSync(process.execPath, [cabildoBin, 'seed', 'demo'], { env: { PATH: process.env.PATH!, DATABASE_URL: databaseUrl, CABILDO_DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.equal(seeded.status, 0, seeded.stderr);
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 2; i++) assert.match((await visitor.get('/initiatives')).html, /Arab Internet Governance Forum/, `server ${i} shows the change`);

    // Jobs queued in the database run exactly once between the two processes.
    const log = createLogger('silent');
    const queue = new Jobs({ db: database.db, secret, handlers: new Map(), log, clock: () => new Date() });
    const before = mail.received.length;
    const count = 40;
    await database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < count; i++) {
        await queueMail(queue, tx, new Date(), { to: `job${i}@example.org`, locale: 'pt', key: 'accounts.mail.verify', path: `/verify-email?token=job${i}` });
      }
    });
    await eventually(`${count} mails are sent`, () => mail.received.length - before >= count);
    await new Promise((r) => setTimeout(r, 2500)); // two more polls of each process: nothing runs twice
    const sent = mail.received.slice(before).flatMap((m) => m.to);
    assert.equal(sent.length, count, 'each job ran once');
    assert.equal(new Set(sent).size, count);
    const done = await admin(databaseUrl, (c) => c.query(`select count(*)::int as n from jobs where status = 'done' and summary like '%job%@example.org'`));
    assert.equal(done.rows[0].n, count);

    // Rate limits are counted in the database: ten failed log-ins spread over both processes
    // count as ten, and then each process refuses.
    const attacker = new TestClient(roundRobin(ports), baseUrl);
    for (let i = 0; i < 10; i++) await attacker.post('/login', { email, password: `wrong guess ${i}` });
    for (let i = 0; i < 2; i++) assert.equal((await attacker.post('/login', { email, password: 'another guess' })).status, 429, `server ${i} refuses the eleventh`);

    // Checkpoints never fork: the secretariat delists twenty initiatives, half through each
    // process at once; both publish one key and checkpoints that are one consistent history.
    await admin(databaseUrl, (c) => c.query(`update users set is_secretariat = 1 where email = $1`, [email]));
    const { rows: listed } = await admin(databaseUrl, (c) => c.query(`select slug from initiatives where status = 'listed' order by slug limit 20`));
    const checkpoints: Array<Promise<string>> = [];
    await Promise.all(listed.map(async ({ slug }: { slug: string }, i: number) => {
      const delisted = await visitor.post(`/initiatives/${slug}/delist`, { reason: 'Fusionada con otra iniciativa nacional.' });
      assert.equal(delisted.status, 303, `delisting ${slug}`);
      checkpoints.push(fetch(`http://127.0.0.1:${ports[i % 2]}/api/log/checkpoint`).then((r) => r.text()));
    }));
    const keys = await Promise.all(ports.map(async (port) => (await fetch(`http://127.0.0.1:${port}/api/log/key`)).text()));
    assert.equal(keys[0], keys[1], 'one key for the installation');
    const notes = await Promise.all(checkpoints);
    const bySize = new Map<number, { root: Buffer; note: string }>();
    for (const note of notes) {
      const [, size, root] = note.split('\n');
      const seen = bySize.get(Number(size));
      if (seen) assert.equal(note, seen.note, `one checkpoint for size ${size}`);
      bySize.set(Number(size), { root: Buffer.from(root!, 'base64'), note });
    }
    const sizes = [...bySize.keys()].sort((a, b) => a - b);
    for (let i = 1; i < sizes.length; i++) {
      const [first, second] = [sizes[i - 1]!, sizes[i]!];
      const proof = (await (await fetch(`http://127.0.0.1:${ports[i % 2]}/api/log/proof/consistency?first=${first}&second=${second}`)).json()) as { consistency: string[] };
      assert.ok(
        verifyConsistency(first, second, bySize.get(first)!.root, bySize.get(second)!.root, proof.consistency.map((h) => Buffer.from(h, 'base64'))),
        `checkpoint ${second} extends checkpoint ${first}`,
      );
    }
    const logVerified = spawnSync(process.execPath, [cabildoBin, 'log', 'verify'], { env: { PATH: process.env.PATH!, DATABASE_URL: databaseUrl, CABILDO_DATA_DIR: dataDir }, encoding: 'utf8' });
    assert.equal(logVerified.status, 0, logVerified.stdout + logVerified.stderr);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    await mail.stop();
    await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
});
