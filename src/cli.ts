import { parseArgs } from 'node:util';
import { CommandError, UsageError, didYouMean, findCommand, helpText, type CliCommand, type CliContext, type CliIo } from './platform/cli.ts';
import { opinionModule } from './modules/opinion/module.ts';

/**
 * Commands that read only their own files, never the database or another module: they run
 * before the platform loads. Loading every module costs about 0.7 s, a third of
 * `cabildo opinion analyze` on a large conversation (docs/decisions/005).
 */
const standalone: readonly CliCommand[] = opinionModule.cli ?? [];

const serve: CliCommand = {
  name: 'serve',
  usage: '[--demo]',
  summary: 'start the web server (PORT, default 3000); --demo first loads\nthe demo data into an empty installation',
  async run(args, { config, withDatabase, modules }) {
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

const io: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), interactive: process.stderr.isTTY === true };

/** Every command, with the platform and the modules that declare them loaded. */
async function platform() {
  const [{ modules }, { platformCommands }, manifests, { loadConfig }, { migrate }, { openConfiguredDatabase }] = await Promise.all([
    import('./modules/index.ts'),
    import('./platform/commands.ts'),
    import('./platform/manifests.ts'),
    import('./platform/config.ts'),
    import('./platform/db/migrate.ts'),
    import('./platform/db/index.ts'),
  ]);
  const commands: CliCommand[] = [serve, ...platformCommands, ...manifests.moduleCommands(modules)];
  let config: ReturnType<typeof loadConfig> | undefined;
  const loaded = () => (config ??= loadConfig());
  const context: CliContext = {
    io,
    config: loaded,
    modules,
    async withDatabase(run) {
      const database = openConfiguredDatabase(loaded());
      try {
        const applied = await migrate(database, manifests.allMigrations(modules));
        return await run(database, applied);
      } finally {
        await database.close();
      }
    },
  };
  return { commands, context };
}

/** What a standalone command may use: its output, nothing of the platform. */
function standaloneContext(): CliContext {
  const unavailable = (): never => {
    throw new Error('a standalone command asked for the platform');
  };
  return { io, config: unavailable, withDatabase: unavailable, modules: [] };
}

async function main(argv: string[]): Promise<number> {
  const quick = findCommand(standalone, argv);
  if (quick) return quick.command.run(quick.args, standaloneContext());
  const { commands, context } = await platform();
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
  return found.command.run(found.args, context);
}

async function report(error: unknown): Promise<void> {
  const [{ ConfigError }, { CsvError }] = await Promise.all([import('./platform/config.ts'), import('./platform/csv.ts')]);
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof UsageError || error instanceof CommandError || error instanceof CsvError) {
    console.error(`cabildo: ${error.message}\n\nRun "cabildo --help" for usage.`);
  } else console.error(error);
  process.exitCode = error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
}, report);
