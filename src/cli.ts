import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './platform/config.ts';
import { migrate } from './platform/db/index.ts';
import { emailAddress } from './platform/validation.ts';
import { createBackup, restoreBackup, RestoreError } from './platform/backup.ts';
import { CsvError } from './platform/csv.ts';
import { openConfiguredDatabase, startServer } from './server.ts';
import { createAdmin } from './modules/accounts/commands/createAdmin.ts';
import { importInitiatives } from './modules/initiatives/commands/importInitiatives.ts';

const usage = `Usage: cabildo <command>

  serve [--demo]             start the web server (PORT, default 3000); --demo first loads
                             the demo initiatives into an empty registry
  migrate                    bring the database schema up to date
  admin create --email E --name N [--locale es|en|pt|fr]
                             create the first secretariat account (or promote one); the
                             password is read from CABILDO_ADMIN_PASSWORD or asked for
  seed demo                  load the 103 real IGF initiatives of seeds/nris.csv as demo data
  import nris FILE.csv       import initiatives (columns as in seeds/nris.csv) as listed
  backup FILE                write every table to FILE (JSON; works for both databases)
  restore FILE               load a backup into an empty database
  opinion analyze DIR [--groups FILE.csv] [--seed N] [--format json|text|html]
                             opinion groups and bridging statements of a Polis conversation

Configuration comes from the environment: PORT, CABILDO_DATA_DIR, DATABASE_URL, BASE_URL,
SMTP_URL, LOG_LEVEL. See README.md.`;

class UsageError extends Error {}

async function withDatabase<T>(run: (database: ReturnType<typeof openConfiguredDatabase>) => Promise<T>): Promise<T> {
  const database = openConfiguredDatabase(loadConfig());
  try {
    await migrate(database);
    return await run(database);
  } finally {
    await database.close();
  }
}

async function readPassword(): Promise<string> {
  if (process.env.CABILDO_ADMIN_PASSWORD) return process.env.CABILDO_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const password = await rl.question(process.stdin.isTTY ? 'Password (at least 10 characters): ' : '');
  rl.close();
  return password.trim();
}

async function adminCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'en' } } });
  const email = emailAddress.safeParse(values.email);
  if (!email.success) throw new UsageError('admin create needs --email with a valid address');
  if (!values.name?.trim()) throw new UsageError('admin create needs --name');
  if (!['es', 'en', 'pt', 'fr'].includes(values.locale!)) throw new UsageError('--locale must be es, en, pt or fr');
  const password = await readPassword();
  if (password.length < 10) throw new UsageError('the password needs at least 10 characters');
  const outcome = await withDatabase(({ db }) =>
    createAdmin({ db, actor: { user: null }, locale: 'en', now: new Date() }, { email: email.data, name: values.name!.trim(), password, locale: values.locale! }),
  );
  console.log(outcome === 'created' ? `Secretariat account ${email.data} created.` : `${email.data} is now secretariat.`);
}

async function importFile(file: string, demo: boolean): Promise<void> {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const report = await withDatabase(({ db }) => importInitiatives(db, readFileSync(file, 'utf8'), { demo, now: new Date(), source: file }));
  if (report.errors.length) {
    throw new UsageError(`nothing was imported; fix these rows of ${file}:\n  ${report.errors.join('\n  ')}`);
  }
  console.log(`Imported ${report.imported} initiatives${demo ? ' (demo data)' : ''}; ${report.skipped} already present.`);
}

const demoFile = fileURLToPath(new URL('../seeds/nris.csv', import.meta.url));

async function seedDemoIfEmpty(): Promise<void> {
  const empty = await withDatabase(async ({ db }) => !(await db.selectFrom('initiatives').select('id').limit(1).executeTakeFirst()));
  if (empty) await importFile(demoFile, true);
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: [sub, ...rest].filter((a): a is string => a !== undefined), options: { demo: { type: 'boolean' } } });
      const config = loadConfig();
      // `npm start` passes --demo so a first start shows a real-looking portal; production does not.
      if (values.demo) await seedDemoIfEmpty();
      await startServer(config, { handleSignals: true });
      return -1;
    }
    case 'migrate': {
      const applied = await withDatabase(async () => []);
      console.log(applied.length ? `Applied ${applied.length} migrations.` : 'The database is up to date.');
      return 0;
    }
    case 'admin':
      if (sub !== 'create') throw new UsageError('did you mean: cabildo admin create --email E --name N');
      await adminCreate(rest);
      return 0;
    case 'seed':
      if (sub !== 'demo') throw new UsageError('did you mean: cabildo seed demo');
      await importFile(demoFile, true);
      return 0;
    case 'import':
      if (sub !== 'nris' || !rest[0]) throw new UsageError('did you mean: cabildo import nris FILE.csv');
      await importFile(rest[0], false);
      return 0;
    case 'backup': {
      if (!sub) throw new UsageError('backup needs a FILE');
      const backup = await withDatabase((database) => createBackup(database, new Date()));
      writeFileSync(sub, JSON.stringify(backup));
      const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
      console.log(`Wrote ${rows} rows to ${sub}.`);
      return 0;
    }
    case 'restore': {
      if (!sub || !existsSync(sub)) throw new UsageError(`restore needs an existing FILE${sub ? `: ${sub} not found` : ''}`);
      let backup: unknown;
      try {
        backup = JSON.parse(readFileSync(sub, 'utf8'));
      } catch {
        throw new UsageError(`${sub} is not JSON: is it a Cabildo backup?`);
      }
      const counts = await withDatabase((database) => restoreBackup(database, backup));
      console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${sub}.`);
      return 0;
    }
    case 'opinion': {
      const { runOpinionCli } = await import('./modules/opinion/cli.ts');
      return runOpinionCli([sub, ...rest].filter((a): a is string => a !== undefined), {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(usage);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else if (error instanceof UsageError || error instanceof RestoreError || error instanceof CsvError) console.error(`cabildo: ${error.message}\n\nRun "cabildo --help" for usage.`);
    else console.error(error);
    process.exitCode = error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  },
);
