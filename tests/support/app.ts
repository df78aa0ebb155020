import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { pino, type Logger } from 'pino';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.tsx';
import type { AppEnv, Services } from '../../src/platform/http/env.ts';
import { createServices, startBackgroundWork } from '../../src/platform/services.ts';
import type { Database } from '../../src/platform/db/index.ts';
import type { Config } from '../../src/platform/config.ts';
import { taxonomies } from '../../src/platform/stakeholders.ts';
import { modules } from '../../src/modules/index.ts';
import { freshDatabase, perDatabase, type Kind } from './databases.ts';
import { TestMailServer } from './mail.ts';
import { TestClient } from './client.ts';

export interface TestApp {
  app: Hono<AppEnv>;
  database: Database;
  services: Services;
  mail: TestMailServer;
  /** Moves the app's clock; tests control time. */
  clock: { now: Date };
  client(): TestClient;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0, dataDir: mkdtempSync(join(tmpdir(), 'cabildo-test-')), databaseUrl: undefined, baseUrl: 'http://cabildo.test',
    smtpUrl: undefined, secret: 'test-secret-0123456789abcdef', logLevel: 'silent', trustProxy: true, stakeholders: taxonomies.six,
    ...overrides,
  };
}

/** A complete Cabildo on a fresh database of the given kind, with mail going to a real SMTP test server. */
export async function startTestApp(kind: Kind, overrides: Partial<Config> = {}, log: Logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })): Promise<TestApp> {
  const database = await freshDatabase(kind);
  const mail = await new TestMailServer().start();
  const clock = { now: new Date('2026-11-23T10:00:00Z') };
  const config = testConfig({ smtpUrl: mail.url, ...overrides });
  const services = createServices({ database, config, log, clock: () => new Date(clock.now), modules });
  const app = await createApp(services, modules);
  // Jobs run as in a server: woken after each command, and polled for retries.
  await startBackgroundWork(services, modules, 50);
  return {
    app, database, services, mail, clock,
    client: () => new TestClient(app, config.baseUrl),
    async close() {
      await services.jobs.runner.stop();
      await mail.stop();
      await database.close();
    },
  };
}

export interface AppTestOptions {
  timeout?: number;
  /**
   * Also run on PostgreSQL. HTTP tests run on SQLite; those whose behaviour depends on the
   * database (writes through every route, races) say so here.
   */
  postgres?: boolean;
  config?: Partial<Config>;
}

/** Declares a test with a fresh app on SQLite, and on PostgreSQL too when tagged. */
export function eachApp(name: string, body: (app: TestApp) => Promise<void>, options: AppTestOptions = {}): void {
  perDatabase(name, { timeout: options.timeout, kinds: options.postgres ? ['sqlite', 'postgres'] : ['sqlite'] }, async (kind) => {
    const app = await startTestApp(kind, options.config);
    try {
      await body(app);
    } finally {
      await app.close();
    }
  });
}

/**
 * Serves a test app over real HTTP on a free port: Node's server checks what app.request() does
 * not (header characters, early answers to large bodies).
 */
export async function listen(t: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
