import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UsageError, progress, type CliCommand } from './cli.ts';
import { createBackup, inRestoreOrder, restoreBackup } from './backup.ts';
import { allTables, searchSources } from './manifests.ts';
import { logKeyFile } from './log/note.ts';
import { reindex } from './search/index.ts';

/**
 * Writes a file its owner alone may read, whatever the umask and whether or not the file existed:
 * a backup holds password hashes and email addresses. The text goes to a new file made 0600
 * before anything is written, which then replaces the old one, so that no reader ever sees the
 * data under wider permissions or a backup cut short.
 */
function writePrivately(file: string, text: string): void {
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  const fd = openSync(partial, 'wx', 0o600);
  try {
    // The mode given to open is narrowed by the umask, never widened; this sets it exactly.
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(partial, { force: true });
    throw error;
  }
}
import { logCommands } from './log/cli.ts';

/** The platform's own `cabildo` subcommands: schema, demo data, backups. */
export const platformCommands: CliCommand[] = [
  {
    name: 'migrate',
    summary: 'bring the database schema up to date',
    async run(_, { io, withDatabase }) {
      const applied = await withDatabase(async (_, applied) => applied);
      io.stdout(applied.length ? `Applied ${applied.length} migrations.\n` : 'The database is up to date.\n');
      return 0;
    },
  },
  {
    name: 'seed demo',
    summary: "load every module's demo data (the 103 real IGF initiatives);\nrepeatable: rows already present are skipped",
    async run(_, { io, withDatabase, modules }) {
      await withDatabase(async ({ db }) => {
        for (const module of modules) {
          const line = await module.seedDemo?.({ db, now: new Date(), onlyIfEmpty: false });
          if (line) io.stdout(`${line}\n`);
        }
      });
      return 0;
    },
  },
  {
    name: 'search reindex',
    summary: "rebuild the search index from every module's records\n(repeatable: the same records give the same index)",
    async run(_, { io, withDatabase, modules, config }) {
      const indexed = await withDatabase(async ({ db }) => {
        let bar: ReturnType<typeof progress> | undefined;
        const count = await reindex(db, searchSources(modules), {
          writers: config().searchWriters,
          start: (total) => (bar = progress(io, 'Indexing', total)),
          tick: (count) => bar?.tick(count),
        });
        bar?.finish();
        return count;
      });
      io.stdout(`Indexed ${indexed} documents.\n`);
      return 0;
    },
  },
  {
    name: 'backup',
    usage: 'FILE',
    summary: 'write every table to FILE (JSON, readable by its owner only;\nthe same format for both databases)',
    async run([file], { io, withDatabase, modules, config }) {
      if (!file) throw new UsageError('backup needs a FILE');
      const backup = await withDatabase(async (database) => createBackup(database, await inRestoreOrder(database, allTables(modules)), new Date()));
      // The log's signing key goes with the data: checkpoints can only be continued with it.
      const keyFile = join(config().dataDir, logKeyFile);
      if (existsSync(keyFile)) backup.files = { [logKeyFile]: readFileSync(keyFile, 'utf8') };
      writePrivately(file, JSON.stringify(backup));
      const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
      io.stdout(`Wrote ${rows} rows to ${file}.\n`);
      return 0;
    },
  },
  {
    name: 'restore',
    usage: 'FILE',
    summary: 'load a backup into an empty database, in one transaction',
    async run([file], { io, withDatabase, modules, config }) {
      if (!file || !existsSync(file)) throw new UsageError(`restore needs an existing FILE${file ? `: ${file} not found` : ''}`);
      let backup: unknown;
      try {
        backup = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        throw new UsageError(`${file} is not JSON: is it a Cabildo backup?`);
      }
      const counts = await withDatabase(async (database) => {
        const restored = await restoreBackup(database, allTables(modules), backup);
        // A backup leaves the search index out: it is rebuilt from what was restored.
        await reindex(database.db, searchSources(modules), { writers: config().searchWriters });
        return restored;
      });
      io.stdout(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}.\n`);
      const key = (backup as { files?: Record<string, unknown> }).files?.[logKeyFile];
      if (typeof key === 'string') io.stdout(restoreLogKey(config().dataDir, key));
      return 0;
    },
  },
  ...logCommands,
];

/**
 * Puts the backup's log signing key in the data directory: the restored checkpoints were signed
 * with it. A different key already there (made by a first start before the restore) has signed
 * nothing in this database; it is kept aside, never deleted.
 */
function restoreLogKey(dataDir: string, key: string): string {
  const file = join(dataDir, logKeyFile);
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8') === key) return '';
    renameSync(file, `${file}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  writePrivately(file, key);
  return `Restored the log's signing key to ${file}.\n`;
}
