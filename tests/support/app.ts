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
import { freshDatabase, perDatabase } from './databases.ts';
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

/** Declares one test per database, each with a fresh app. */
export function eachApp(name: string, body: (app: TestApp) => Promise<void>, options: { timeout?: number } = {}): void {
  perDatabase(name, options, async (kind) => {
    const app = await startTestApp(kind);
    try {
      await body(app);
    } finally {
      await app.close();
    }
  });
}
