import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { newId, openDatabase } from '../../src/platform/db/index.ts';
import { Jobs } from '../../src/platform/jobs/index.ts';
import { queueMail } from '../../src/platform/mail/queue.ts';
import { createLogger } from '../../src/platform/logger.ts';
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

perDatabase('two servers on one PostgreSQL behave as one: sessions, changes seen at once, jobs run once', { kinds: ['postgres'], timeout: 120_000 }, async () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cabildo_cluster_${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const mail = new TestMailServer();
  await mail.start();
  // Every process gets the same secret (README: give every process the same data directory contents).
  const secret = randomBytes(32).toString('hex');
  const dataDirs = [0, 1].map(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cabildo-cluster-'));
    writeFileSync(join(dir, 'secret'), secret + '\n', { mode: 0o600 });
    return dir;
  });
  const servers: ServerProcess[] = [];
  const database = openDatabase({ url: databaseUrl });
  try {
    // Both start (and migrate) at the same instant.
    servers.push(...dataDirs.map((dir) => serveProcess({ CABILDO_DATA_DIR: dir, DATABASE_URL: databaseUrl, SMTP_URL: mail.url, BASE_URL: baseUrl })));
    const visitor = new TestClient(roundRobin(await Promise.all(servers.map((s) => s.listening))), baseUrl);

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
    const seeded = spawnSync(process.execPath, [cabildoBin, 'seed', 'demo'], { env: { PATH: process.env.PATH!, DATABASE_URL: databaseUrl, CABILDO_DATA_DIR: dataDirs[0]! }, encoding: 'utf8' });
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
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    await mail.stop();
    await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
});
