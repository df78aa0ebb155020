import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { migrate } from './platform/db/migrate.ts';
import { CommandError, UsageError, didYouMean, findCommand, helpText, type CliCommand, type CliContext } from './platform/cli.ts';
import { platformCommands } from './platform/commands.ts';
import { allMigrations, moduleCommands } from './platform/manifests.ts';
import { CsvError } from './platform/csv.ts';
import { openConfiguredDatabase } from './platform/db/index.ts';
import { modules } from './modules/index.ts';

const serve: CliCommand = {
  name: 'serve',
  usage: '[--demo]',
  summary: 'start the web server (PORT, default 3000); --demo first loads\nthe demo data into an empty installation',
  async run(args, { config, withDatabase }) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } });
    // `npm start` passes --demo so a first start shows a real-looking portal; production does not.
    if (values.demo) {
      await withDatabase(async ({ db }) => {
        for (const module of modules) await module.seedDemo?.({ db, now: new Date(), onlyIfEmpty: true });
      });
    }
    // The web server (and every module's pages) loads only for this command.
    const { startServer } = await import('./server.ts');
    await startServer(config(), { handleSignals: true });
    return -1;
  },
};

const commands: CliCommand[] = [serve, ...platformCommands, ...moduleCommands(modules)];

function cliContext(): CliContext {
  let config: Config | undefined;
  const loaded = () => (config ??= loadConfig());
  return {
    io: { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), interactive: process.stderr.isTTY === true },
    config: loaded,
    modules,
    async withDatabase(run) {
      const database = openConfiguredDatabase(loaded());
      try {
        const applied = await migrate(database, allMigrations(modules));
        return await run(database, applied);
      } finally {
        await database.close();
      }
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  if (first === undefined || ['--help', '-h', 'help'].includes(first)) {
    console.log(helpText(commands));
    return 0;
  }
  const found = findCommand(commands, argv);
  if (!found) {
    const suggestions = didYouMean(commands, first);
    throw new UsageError(suggestions.length ? `did you mean: ${suggestions.join(' or ')}` : `unknown command "${first}"`);
  }
  return found.command.run(found.args, cliContext());
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else if (error instanceof UsageError || error instanceof CommandError || error instanceof CsvError) {
      console.error(`cabildo: ${error.message}\n\nRun "cabildo --help" for usage.`);
    } else console.error(error);
    process.exitCode = error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  },
);
