import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeOnce } from './files.ts';
import { taxonomies, type StakeholderTaxonomy, type TaxonomyName } from './stakeholders.ts';

/** Everything Cabildo reads from its environment, checked once at start-up. */
export interface Config {
  port: number;
  dataDir: string;
  /** `undefined` means the embedded SQLite database in the data dir. */
  databaseUrl: string | undefined;
  baseUrl: string;
  /** `undefined` means mail goes to `<dataDir>/outbox` as .eml files. */
  smtpUrl: string | undefined;
  /** Signs CSRF tokens; generated once and kept in the data dir so restarts keep sessions valid. */
  secret: string;
  logLevel: string;
  /** Behind a reverse proxy, believe its X-Forwarded-For for the client's address (rate limits). */
  trustProxy: boolean;
  /** The stakeholder groups this installation counts and offers. */
  stakeholders: StakeholderTaxonomy;
  /** Connections that write a PostgreSQL search rebuild at once; `undefined`: one per core. */
  searchWriters?: number;
}

export class ConfigError extends Error {
  constructor(public setting: string, problem: string) {
    super(`${setting}: ${problem}`);
  }
}

/** Hides the password of a URL so that a configuration error never prints a secret. */
export function redact(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
}

const unset = (v: unknown) => (v === '' ? undefined : v);

/** A URL setting with one of the given schemes; the message never shows a password. */
function urlSetting(protocols: string[]) {
  return z.preprocess(unset, z.string().optional()).superRefine((raw, ctx) => {
    if (raw === undefined) return;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${redact(raw)}" is not a URL` });
      return;
    }
    if (!protocols.includes(url.protocol)) ctx.addIssue({ code: 'custom', message: `must start with ${protocols.map((p) => p + '//').join(' or ')}` });
  });
}

function oneOf<const T extends readonly string[]>(values: T, describe: (raw: string) => string) {
  return z.preprocess(unset, z.string().optional()).refine((v) => v === undefined || values.includes(v), {
    error: (issue) => describe(String(issue.input)),
  });
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The environment Cabildo reads, one entry per setting (README: Configuration). */
const EnvironmentSchema = z.object({
  PORT: z.preprocess(unset, z.string().optional()).refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), {
    error: (issue) => `"${String(issue.input)}" is not a port number (0-65535)`,
  }),
  CABILDO_DATA_DIR: z.preprocess(unset, z.string().optional()),
  DATABASE_URL: urlSetting(['postgres:', 'postgresql:']),
  BASE_URL: urlSetting(['http:', 'https:']),
  SMTP_URL: urlSetting(['smtp:', 'smtps:']),
  LOG_LEVEL: oneOf(logLevels, (raw) => `"${raw}" is not one of ${logLevels.join(', ')}`),
  TRUST_PROXY: oneOf(['0', '1'], () => 'must be 1 (behind a reverse proxy) or 0'),
  SEARCH_REBUILD_WRITERS: z.preprocess(unset, z.string().optional()).refine((v) => v === undefined || /^[1-6]$/.test(v), {
    error: (issue) => `"${String(issue.input)}" is not a number of connections from 1 to 6`,
  }),
  STAKEHOLDER_GROUPS: oneOf(Object.keys(taxonomies) as TaxonomyName[], (raw) => `"${raw}" is not one of six (the default: academia apart) or igf (the IGF's five groups)`),
});

function loadSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  return writeOnce(file, randomBytes(32).toString('hex') + '\n').trim();
}

/** Reads the configuration; a missing or wrong setting throws a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const settings = parsed.data;
  const port = settings.PORT === undefined ? 3000 : Number(settings.PORT);
  const dataDir = resolve(settings.CABILDO_DATA_DIR ?? './data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError('CABILDO_DATA_DIR', `cannot create ${dataDir}: ${(error as Error).message}`);
  }
  return {
    port,
    dataDir,
    databaseUrl: settings.DATABASE_URL,
    baseUrl: settings.BASE_URL?.replace(/\/+$/, '') ?? `http://localhost:${port}`,
    smtpUrl: settings.SMTP_URL,
    secret: loadSecret(dataDir),
    logLevel: settings.LOG_LEVEL ?? 'info',
    trustProxy: settings.TRUST_PROXY === '1',
    stakeholders: taxonomies[(settings.STAKEHOLDER_GROUPS as TaxonomyName | undefined) ?? 'six'],
    ...(settings.SEARCH_REBUILD_WRITERS ? { searchWriters: Number(settings.SEARCH_REBUILD_WRITERS) } : {}),
  };
}
