import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { newId } from '../../src/platform/db/index.ts';
import { perDatabase } from '../support/databases.ts';
import { TestClient } from '../support/client.ts';
import { serveProcess, type ServerProcess } from '../support/process.ts';

/*
 * Rate limits are shared by every `cabildo serve` process on one PostgreSQL database
 * (docs/decisions/011-login-limits.md): failed log-ins spread over two processes count together.
 */

const baseUrl = 'http://cabildo.test';

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

perDatabase('two server processes count failed log-ins together', { kinds: ['postgres'], timeout: 120_000 }, async () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cabildo_limits_${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const secret = randomBytes(32).toString('hex');
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'cabildo-limits-'));
      writeFileSync(join(dir, 'secret'), secret + '\n', { mode: 0o600 });
      servers.push(serveProcess({ CABILDO_DATA_DIR: dir, DATABASE_URL: url.toString(), BASE_URL: baseUrl }));
      // One after the other: the second finds the schema migrated.
      await servers[i]!.listening;
    }
    const ports = await Promise.all(servers.map((s) => s.listening));
    let next = 0;
    const seen: number[] = [];
    // A proxy sending each request to the next process in turn.
    const guesser = new TestClient({
      request(target: string, init: RequestInit) {
        const port = ports[next++ % ports.length]!;
        seen.push(port);
        const { pathname, search } = new URL(target);
        return fetch(`http://127.0.0.1:${port}${pathname}${search}`, { ...init, redirect: 'manual' });
      },
    }, baseUrl);
    await guesser.csrfToken();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guesser.post('/login', { email: 'ana@example.org', password: `guess ${i}!` })).status);
    assert.equal(new Set(seen).size, 2, 'both processes answered');
    // Apart, each process would have seen three failures and let the sixth through.
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 429]);
    const held = await guesser.post('/login', { email: 'ana@example.org', password: 'guess 7!' });
    assert.equal(held.status, 429, 'on the other process too');
    assert.ok(Number(held.response.headers.get('retry-after')) > 0);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
});
