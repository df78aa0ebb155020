import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { smokeRun } from './databases.ts';
import { fileURLToPath } from 'node:url';

export const cabildoBin = fileURLToPath(new URL('../../bin/cabildo.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Every JSON log line printed so far. */
  lines: Array<Record<string, unknown>>;
  /** The port, once the server says it listens. */
  listening: Promise<number>;
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `cabildo serve` as a process with only the given environment (PORT 0: a free port). */
export function serveProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [cabildoBin, 'serve'], {
    env: { PATH: process.env.PATH!, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, at)) as Record<string, unknown>;
        buffer = buffer.slice(at + 1);
        lines.push(line);
        if (typeof line.port === 'number') resolve(line.port);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  listening.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child, lines, listening, exited,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Waits until `check` holds, polling; fails the test naming what did not happen. */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a `cabildo` command as a process with only the given environment; answers its exit code and output. */
export function runCabildo(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [cabildoBin, ...args], {
    env: { PATH: process.env.PATH!, LOG_LEVEL: 'silent', ...env }, input, encoding: 'utf8', timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Each kind of database a command can be pointed at: a SQLite data dir, and a fresh PostgreSQL database when TEST_DATABASE_URL is set. */
export async function commandTargets(prefix: string): Promise<Array<{ kind: string; env: Record<string, string>; drop: () => Promise<void> }>> {
  const sqlite = { kind: 'sqlite', env: { CABILDO_DATA_DIR: mkdtempSync(join(tmpdir(), `${prefix}-`)) }, drop: async () => {} };
  const url = process.env.TEST_DATABASE_URL;
  if (smokeRun) return [sqlite];
  if (!url) {
    if (process.env.CABILDO_REQUIRE_ALL === '1') throw new Error('TEST_DATABASE_URL is not set and CABILDO_REQUIRE_ALL=1');
    return [sqlite];
  }
  const name = `${prefix.replace(/-/g, '_')}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return [sqlite, {
    kind: 'postgres',
    env: { CABILDO_DATA_DIR: mkdtempSync(join(tmpdir(), `${prefix}-`)), DATABASE_URL: dbUrl.toString() },
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop database ${name} with (force)`);
      await cleaner.end();
    },
  }];
}
