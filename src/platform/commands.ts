import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { UsageError, type CliCommand } from './cli.ts';
import { createBackup, inRestoreOrder, restoreBackup } from './backup.ts';
import { allTables } from './manifests.ts';

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
    name: 'backup',
    usage: 'FILE',
    summary: 'write every table to FILE (JSON, readable by its owner only;\nthe same format for both databases)',
    async run([file], { io, withDatabase, modules }) {
      if (!file) throw new UsageError('backup needs a FILE');
      const backup = await withDatabase(async (database) => createBackup(database, await inRestoreOrder(database, allTables(modules)), new Date()));
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
    async run([file], { io, withDatabase, modules }) {
      if (!file || !existsSync(file)) throw new UsageError(`restore needs an existing FILE${file ? `: ${file} not found` : ''}`);
      let backup: unknown;
      try {
        backup = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        throw new UsageError(`${file} is not JSON: is it a Cabildo backup?`);
      }
      const counts = await withDatabase((database) => restoreBackup(database, allTables(modules), backup));
      io.stdout(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}.\n`);
      return 0;
    },
  },
];
