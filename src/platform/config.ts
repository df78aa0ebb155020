import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

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
}

export class ConfigError extends Error {
  constructor(public setting: string, problem: string) {
    super(`${setting}: ${problem}`);
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `"${raw}" is not a port number (0-65535)`);
  }
  return port;
}

function parseUrl(setting: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(setting, `"${redact(raw)}" is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(setting, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
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

function loadSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Reads the configuration; a missing or wrong setting throws a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT);
  const dataDir = resolve(env.CABILDO_DATA_DIR || './data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError('CABILDO_DATA_DIR', `cannot create ${dataDir}: ${(error as Error).message}`);
  }
  const databaseUrl = env.DATABASE_URL
    ? parseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:'])
    : undefined;
  const baseUrl = env.BASE_URL
    ? parseUrl('BASE_URL', env.BASE_URL, ['http:', 'https:']).replace(/\/+$/, '')
    : `http://localhost:${port}`;
  const smtpUrl = env.SMTP_URL ? parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']) : undefined;
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${logLevel}" is not one of fatal, error, warn, info, debug, trace, silent`);
  }
  if (env.TRUST_PROXY && !['0', '1'].includes(env.TRUST_PROXY)) throw new ConfigError('TRUST_PROXY', 'must be 1 (behind a reverse proxy) or 0');
  const trustProxy = env.TRUST_PROXY === '1';
  return { port, dataDir, databaseUrl, baseUrl, smtpUrl, secret: loadSecret(dataDir), logLevel, trustProxy };
}
