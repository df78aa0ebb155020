import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { createApp } from '../../src/app.tsx';
import type { AppEnv, Services } from '../../src/platform/http/env.ts';
import { createMailer } from '../../src/platform/mail/index.ts';
import type { Database } from '../../src/platform/db/index.ts';
import type { Config } from '../../src/platform/config.ts';
import { freshDatabase, testDatabaseKinds } from './databases.ts';
import { TestMailServer } from './mail.ts';
import { TestClient } from './client.ts';

const requireAll = process.env.CABILDO_REQUIRE_ALL === '1';

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
    smtpUrl: undefined, secret: 'test-secret-0123456789abcdef', logLevel: 'silent', trustProxy: true, ...overrides,
  };
}

/** A complete Cabildo on a fresh database of the given kind, with mail going to a real SMTP test server. */
export async function startTestApp(kind: 'sqlite' | 'postgres'): Promise<TestApp> {
  const database = await freshDatabase(kind);
  const mail = await new TestMailServer().start();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const clock = { now: new Date('2026-11-23T10:00:00Z') };
  const config = testConfig({ smtpUrl: mail.url });
  const services: Services = {
    db: database.db, dialect: database.dialect, config, log, clock: () => new Date(clock.now),
    mailer: createMailer({ smtpUrl: mail.url, outboxDir: join(config.dataDir, 'outbox'), log }),
  };
  const app = createApp(services);
  return {
    app, database, services, mail, clock,
    client: () => new TestClient(app, config.baseUrl),
    async close() {
      await mail.stop();
      await database.close();
    },
  };
}

/**
 * Declares one test per database with a fresh app. The PostgreSQL variant is skipped (or, with
 * CABILDO_REQUIRE_ALL=1, fails) when TEST_DATABASE_URL is not set.
 */
export function eachApp(name: string, body: (app: TestApp) => Promise<void>, options: { timeout?: number } = {}): void {
  for (const kind of testDatabaseKinds()) {
    const title = `${name} [${kind}]`;
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
      if (requireAll) test(title, () => { throw new Error('TEST_DATABASE_URL is not set and CABILDO_REQUIRE_ALL=1'); });
      else test(title, { skip: 'PostgreSQL not configured: set TEST_DATABASE_URL' }, () => {});
      continue;
    }
    test(title, { timeout: options.timeout ?? 60_000 }, async () => {
      const app = await startTestApp(kind);
      try {
        await body(app);
      } finally {
        await app.close();
      }
    });
  }
}
