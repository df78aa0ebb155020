import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './platform/config.ts';
import { openConfiguredDatabase, sqliteFileIn, type Database } from './platform/db/index.ts';
import { migrate } from './platform/db/migrate.ts';
import { allMigrations, searchSources } from './platform/manifests.ts';
import { indexIsEmpty, indexShippedSources, reindex } from './platform/search/index.ts';
import { createServices, startBackgroundWork } from './platform/services.ts';
import { modules } from './modules/index.ts';
import { createLogger } from './platform/logger.ts';
import { createApp } from './app.tsx';
import { redact } from './platform/config.ts';

/** How often a server looks for jobs queued by another process or coming due. */
const jobPollMs = 1000;

export interface RunningServer {
  server: ServerType;
  database: Database;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts Cabildo: migrates the database, listens, and on SIGTERM/SIGINT stops accepting
 * connections, lets in-flight requests finish, then closes the database.
 */
export async function startServer(config: Config, options: { handleSignals?: boolean; database?: Database; clock?: () => Date } = {}): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  // A database handed in (by tests) stays open for its owner to close.
  const database = options.database ?? openConfiguredDatabase(config);
  const applied = await migrate(database, allMigrations(modules));
  if (applied.length) log.info({ applied }, 'migrations applied');
  // A database from before the search index (or restored from a backup, which leaves it out) gets one.
  if (await indexIsEmpty(database.db)) {
    const indexed = await reindex(database.db, searchSources(modules), { writers: config.searchWriters });
    if (indexed) log.info({ indexed }, 'search index built');
  } else {
    // What comes with the release (the toolkit's guidance) says what this release says.
    await indexShippedSources(database.db, searchSources(modules));
  }
  // Browser journeys move time forward (a deadline passing); everything else runs on the real clock.
  const services = createServices({ database, config, log, clock: options.clock ?? (() => new Date()), modules });
  const app = await createApp(services, modules);
  await startBackgroundWork(services, modules, jobPollMs);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(
    { port, database: database.dialect === 'sqlite' ? sqliteFileIn(config.dataDir) : redact(config.databaseUrl!), baseUrl: config.baseUrl },
    `Cabildo is listening on ${config.baseUrl}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('shutting down: finishing in-flight requests');
      await new Promise<void>((resolve) => {
        const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
        server.close(() => resolve());
        // Idle keep-alive connections would otherwise hold the server open; a client that never
        // finishes its request gets ten seconds.
        http.closeIdleConnections?.();
        setTimeout(() => http.closeAllConnections?.(), 10_000).unref();
      });
      // The job in hand finishes; the rest wait in the database for the next start.
      await services.jobs.runner.stop();
      if (!options.database) await database.close();
      log.info('stopped');
    })());
  if (options.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stop().then(() => process.exit(0), (error) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
      });
    }
  }
  return { server, database, port, stop };
}
