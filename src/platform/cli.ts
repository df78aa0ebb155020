import type { Database } from './db/index.ts';
import type { Config } from './config.ts';
import type { ModuleManifest } from './module.ts';

/** A mistake in how a command was called: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/** A mistake in a command's input (a file, a database that is not empty): exit code 1. */
export class CommandError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard error is a terminal (progress bars are drawn only there). */
  interactive: boolean;
}

/** What a subcommand may use. */
export interface CliContext {
  io: CliIo;
  config(): Config;
  /** Opens the configured database, migrated (`applied`: the migrations that just ran), for the duration of `run`. */
  withDatabase<T>(run: (database: Database, applied: string[]) => Promise<T>): Promise<T>;
  modules: readonly ModuleManifest[];
}

/** One `cabildo` subcommand; modules declare theirs in their manifest. */
export interface CliCommand {
  /** The words that select it, such as `import nris`. */
  name: string;
  /** What follows the name, for the help: `FILE.csv`. */
  usage?: string;
  /** One line (or a few) for the help. */
  summary: string;
  /** Answers the exit code, or -1 to keep running (a server). */
  run(args: string[], context: CliContext): Promise<number>;
}

/** The command whose name the arguments start with (the longest such name). */
export function findCommand(commands: readonly CliCommand[], argv: readonly string[]): { command: CliCommand; args: string[] } | null {
  const matches = commands
    .map((command) => ({ command, words: command.name.split(' ') }))
    .filter(({ words }) => words.every((word, i) => argv[i] === word))
    .sort((a, b) => b.words.length - a.words.length);
  const best = matches[0];
  return best ? { command: best.command, args: argv.slice(best.words.length) } : null;
}

/** Suggests the commands that start with the first word given, for a mistyped second word. */
export function didYouMean(commands: readonly CliCommand[], first: string): string[] {
  return commands.filter((c) => c.name.split(' ')[0] === first).map((c) => `cabildo ${c.name}${c.usage ? ' ' + c.usage : ''}`);
}

export function helpText(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => {
    const head = `  ${c.name}${c.usage ? ' ' + c.usage : ''}`;
    const summary = c.summary.split('\n');
    return head.length < 29
      ? [head.padEnd(29) + summary[0], ...summary.slice(1).map((s) => ' '.repeat(29) + s)].join('\n')
      : [head, ...summary.map((s) => ' '.repeat(29) + s)].join('\n');
  });
  return `Usage: cabildo <command>\n\n${lines.join('\n')}\n\nConfiguration comes from the environment: PORT, CABILDO_DATA_DIR, DATABASE_URL, BASE_URL,\nSMTP_URL, LOG_LEVEL, TRUST_PROXY, STAKEHOLDER_GROUPS, SEARCH_REBUILD_WRITERS. See README.md.`;
}

/**
 * A progress bar on standard error when it is a terminal; elsewhere (logs, CI) one line when
 * the work ends, so output stays readable.
 */
export function progress(io: CliIo, label: string, total: number) {
  let done = 0;
  let drawn = -1;
  const draw = () => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === drawn) return;
    drawn = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${done}/${total})`);
  };
  return {
    tick(count = 1) {
      done += count;
      if (io.interactive) draw();
    },
    finish() {
      if (io.interactive) {
        draw();
        io.stderr('\n');
      } else {
        io.stderr(`${label}: ${done}/${total}\n`);
      }
    },
  };
}
