/**
 * `cabildo opinion analyze DIR [--groups FILE.csv] [--seed N] [--format json|text|html] [--lang L] [--out FILE]`
 * Reads a Polis open-data export and prints its opinion groups and bridging statements.
 */
import { writeFileSync } from 'node:fs';
import { CsvError } from '../../platform/csv.ts';
import { isLocale, locales, type Locale } from '../../platform/i18n/index.ts';
import { analyseOpinions } from './engine/analyse.ts';
import { loadPolisConversation, loadStakeholderGroups } from './polis.ts';
import { buildReport, formatText } from './report.ts';
import { renderHtml } from './html.ts';
import { InputError } from './source/inputError.ts';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const OPINION_USAGE = `Usage: cabildo opinion analyze DIR [options]

DIR is a folder holding a conversation in Polis's open-data format (votes.csv or
participants-votes.csv, and comments.csv), or the votes file itself. Reports opinion
groups, bridging and divisive statements.

Options:
  --groups FILE.csv      participant,group: declared stakeholder groups
  --seed N               seed for clustering (default 1); same seed, same result
  --format json|text|html  output format (default text)
  --lang es|en|pt|fr     language of the HTML page (default en)
  --out FILE             write the output to FILE instead of standard output
  --min-votes N          votes a group needs on a statement to count in its score
                         (default 5); a statement short of them in some group is
                         still ranked, marked provisional, with those groups named
  -h, --help             show this help
`;

interface AnalyzeArgs {
  dir: string;
  groups?: string;
  seed: number;
  format: 'json' | 'text' | 'html';
  out?: string;
  minVotes?: number;
  lang: Locale;
}

class UsageError extends Error {}

function parseInteger(flag: string, raw: string | undefined, min: number): number {
  if (raw === undefined || !/^-?\d+$/.test(raw)) throw new UsageError(`${flag} needs an integer`);
  const value = Number(raw);
  if (value < min) throw new UsageError(`${flag} must be at least ${min}`);
  return value;
}

function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  const parsed: AnalyzeArgs = { dir: '', seed: 1, format: 'text', lang: 'en' };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--groups':
        parsed.groups = value();
        break;
      case '--seed':
        parsed.seed = parseInteger('--seed', value(), 0);
        break;
      case '--format': {
        const format = value();
        if (format !== 'json' && format !== 'text' && format !== 'html') throw new UsageError('--format must be json, text or html');
        parsed.format = format;
        break;
      }
      case '--out':
        parsed.out = value();
        break;
      case '--min-votes':
        parsed.minVotes = parseInteger('--min-votes', value(), 1);
        break;
      case '--lang': {
        const lang = value();
        if (!isLocale(lang)) throw new UsageError(`--lang must be one of ${locales.join(', ')}`);
        parsed.lang = lang;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError('analyze needs exactly one directory');
  parsed.dir = positional[0];
  return parsed;
}

/** Runs `cabildo opinion …`; returns the exit code (0 ok, 1 bad input, 2 bad usage). */
export async function runOpinionCli(args: string[], io: CliIo): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    (args.length === 0 ? io.stderr : io.stdout)(OPINION_USAGE);
    return args.length === 0 ? 2 : 0;
  }
  const [command, ...rest] = args;
  if (command !== 'analyze' && command !== 'analyse') {
    io.stderr(`cabildo opinion: unknown command "${command}"\n\n${OPINION_USAGE}`);
    return 2;
  }
  let options: AnalyzeArgs;
  try {
    options = parseAnalyzeArgs(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`cabildo opinion analyze: ${error.message}\n\n${OPINION_USAGE}`);
    return 2;
  }
  try {
    const output = await analyze(options);
    if (options.out) writeOutput(options.out, output);
    else io.stdout(output);
    return 0;
  } catch (error) {
    if (error instanceof CsvError || error instanceof InputError) {
      io.stderr(`cabildo opinion analyze: ${error.message}\n`);
      return 1;
    }
    if (isFsError(error)) {
      io.stderr(`cabildo opinion analyze: ${error.path ?? options.dir}: ${fsProblem(error)}\n`);
      return 1;
    }
    throw error;
  }
}

function writeOutput(file: string, output: string): void {
  try {
    writeFileSync(file, output);
  } catch (error) {
    if (isFsError(error)) throw new InputError(file, null, `cannot write the output: ${fsProblem(error)}`);
    throw error;
  }
}

function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('E');
}

/** The operating system's complaint in words, without Node's "ENOENT: …, open '…'" wrapping. */
function fsProblem(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'no space left on the device',
  };
  return words[error.code ?? ''] ?? error.message;
}

/** The folder's name (or the votes file's folder), for the page title. */
function conversationName(path: string): string {
  const parts = path.replace(/\/+$/, '').split('/');
  const last = parts.pop() ?? path;
  return /\.csv$/i.test(last) ? (parts.pop() ?? last) : last;
}

async function analyze(options: AnalyzeArgs): Promise<string> {
  const started = performance.now();
  const conversation = loadPolisConversation(options.dir);
  const stakeholders = options.groups ? loadStakeholderGroups(options.groups, conversation.participantIds) : undefined;
  const loaded = performance.now();
  const analysis = analyseOpinions(conversation.store, { seed: options.seed, stakeholders, minVotesPerGroup: options.minVotes });
  const analysed = performance.now();
  const report = buildReport(conversation, analysis, { load: loaded - started, analyse: analysed - loaded });
  if (options.format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (options.format === 'html') return renderHtml(report, { locale: options.lang, name: conversationName(options.dir) });
  return formatText(report);
}
