/**
 * `cabildo opinion analyze DIR [--groups FILE.csv] [--seed N] [--format json|text|html] [--out FILE]`
 * Reads a Polis open-data export and prints its opinion groups and bridging statements.
 */
import { writeFileSync } from 'node:fs';
import { CsvError } from '../../platform/csv.ts';
import { analyseOpinions } from './engine/analyse.ts';
import { loadPolisConversation, loadStakeholderGroups } from './polis.ts';
import { buildReport, formatText } from './report.ts';
import { renderHtml } from './html.ts';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const OPINION_USAGE = `Usage: cabildo opinion analyze DIR [options]

Reads a conversation in Polis's open-data format (votes.csv or participants-votes.csv,
comments.csv) and reports opinion groups, bridging and divisive statements.

Options:
  --groups FILE.csv      participant,group: declared stakeholder groups
  --seed N               seed for clustering (default 1); same seed, same result
  --format json|text|html  output format (default text)
  --out FILE             write the output to FILE instead of standard output
  --min-votes N          votes every group needs on a statement to rank it (default 5)
  --plain-projection     scale projections by sqrt(statements/votes) without Polis's
                         moderated-out padding
  -h, --help             show this help
`;

interface AnalyzeArgs {
  dir: string;
  groups?: string;
  seed: number;
  format: 'json' | 'text' | 'html';
  out?: string;
  minVotes?: number;
  plainProjection: boolean;
}

class UsageError extends Error {}

function parseInteger(flag: string, raw: string | undefined, min: number): number {
  if (raw === undefined || !/^-?\d+$/.test(raw)) throw new UsageError(`${flag} needs an integer`);
  const value = Number(raw);
  if (value < min) throw new UsageError(`${flag} must be at least ${min}`);
  return value;
}

function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  const parsed: AnalyzeArgs = { dir: '', seed: 1, format: 'text', plainProjection: false };
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
      case '--plain-projection':
        parsed.plainProjection = true;
        break;
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
    if (options.out) writeFileSync(options.out, output);
    else io.stdout(output);
    return 0;
  } catch (error) {
    if (error instanceof CsvError || isFsError(error)) {
      io.stderr(`cabildo opinion analyze: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    throw error;
  }
}

function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('E');
}

async function analyze(options: AnalyzeArgs): Promise<string> {
  const started = performance.now();
  const conversation = loadPolisConversation(options.dir);
  const stakeholders = options.groups ? loadStakeholderGroups(options.groups, conversation.participantIds) : undefined;
  const loaded = performance.now();
  const analysis = analyseOpinions(conversation.store, {
    seed: options.seed,
    stakeholders,
    minVotesPerGroup: options.minVotes,
    polisModeratedOut: options.plainProjection ? 0 : conversation.moderatedOut,
  });
  const analysed = performance.now();
  const report = buildReport(conversation, analysis, { load: loaded - started, analyse: analysed - loaded });
  if (options.format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (options.format === 'html') return renderHtml(report, `Opinion map: ${options.dir.replace(/\/+$/, '').split('/').pop() ?? options.dir}`);
  return formatText(report);
}
