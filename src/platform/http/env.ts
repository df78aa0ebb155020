import type { Logger } from 'pino';
import type { Db, Dialect } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Actor, IdentityProvider } from '../auth/identity.ts';

export type { Actor, ActorUser, SignedIn } from '../auth/identity.ts';

/** What every command receives, so that tests control time and identity. */
export interface CommandContext<A extends Actor = Actor> {
  db: Db;
  actor: A;
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
  /** Who a session or token belongs to (from the module that provides it). */
  identity: IdentityProvider;
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
