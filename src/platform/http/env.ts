import type { Logger } from 'pino';
import type { Db, Dialect } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { UsersTable } from '../db/schema.ts';

export type User = UsersTable;

/** Who is asking: a signed-in user or an anonymous visitor (user null). */
export interface Actor {
  user: User | null;
}

/** What every command receives, so that tests control time and identity. */
export interface CommandContext {
  db: Db;
  actor: Actor;
  locale: Locale;
  now: Date;
}

/** The shared services every request sees. */
export interface Services {
  db: Db;
  dialect: Dialect;
  config: Config;
  mailer: Mailer;
  log: Logger;
  /** Tests pin time; production uses the clock. */
  clock: () => Date;
}

export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor;
    locale: Locale;
    t: Translate;
    csrfToken: string;
    requestId: string;
    log: Logger;
    sessionId: string | null;
    /** Set by a Bearer token; such requests need no CSRF token. */
    viaApiToken: boolean;
  };
}
