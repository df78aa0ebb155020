import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { Services } from './http/env.ts';
import type { ModuleManifest } from './module.ts';
import { createMailer } from './mail/index.ts';
import { mailHandler, mailJobKind } from './mail/queue.ts';
import { Jobs } from './jobs/index.ts';
import { RateLimits } from './auth/rateLimit.ts';
import { openTransparencyLog } from './log/index.ts';
import { identityProvider, jobHandlers, notificationKinds, recurringJobs } from './manifests.ts';
import { queueNextRun } from './jobs/recurring.ts';
import { notificationMailJob } from './notifications/index.ts';
import { digestHandler, digestJob, notificationMailHandler, scheduleDigests } from './notifications/mail.ts';

/** The services every request and job sees, for one database and configuration. */
export function createServices(options: { database: Database; config: Config; log: Logger; clock: () => Date; modules: readonly ModuleManifest[] }): Services {
  const { database, config, log, clock, modules } = options;
  const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: join(config.dataDir, 'outbox'), log });
  const identity = identityProvider(modules);
  const notifying = { identity, kinds: notificationKinds(modules), mailer, baseUrl: config.baseUrl, secret: config.secret };
  // The digest queues the next one: its handler reaches the queue once it exists.
  let jobs: Jobs | undefined;
  const handlers = jobHandlers(modules, {
    [mailJobKind]: mailHandler(mailer, config.baseUrl),
    [notificationMailJob]: notificationMailHandler(notifying),
    [digestJob]: digestHandler(notifying, () => jobs!),
  });
  jobs = new Jobs({ db: database.db, secret: config.secret, handlers, log, clock });
  const limits = new RateLimits(database.db, config.secret, clock);
  // The log's signing key is made in the data directory on first start.
  const transparencyLog = openTransparencyLog(database.db, config, clock);
  const initiativeLinks = modules.flatMap((m) => m.initiativeLinks ?? []);
  return { db: database.db, dialect: database.dialect, ping: database.ping, config, mailer, log, clock, identity, jobs, limits, transparencyLog, initiativeLinks };
}

/** Starts the work a running installation does in the background: due jobs, the next digests and the modules' recurring jobs. */
export async function startBackgroundWork(services: Services, modules: readonly ModuleManifest[], pollMs: number): Promise<void> {
  const now = services.clock();
  await scheduleDigests(services.jobs, services.db, now);
  for (const job of recurringJobs(modules)) await queueNextRun(services.jobs, services.db, job, now);
  services.jobs.runner.start(pollMs);
}
