import type { Logger } from 'pino';
import type { Db, Dialect } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Actor, IdentityProvider } from '../auth/identity.ts';
import type { JobQueue, Jobs } from '../jobs/index.ts';
import type { RateLimits } from '../auth/rateLimit.ts';
import type { TransparencyLog } from '../log/index.ts';
import type { InitiativeLink } from '../module.ts';

export type { Actor, ActorUser, SignedIn } from '../auth/identity.ts';

/** What every command receives, so that tests control time and identity. */
export interface CommandContext<A extends Actor = Actor> {
  db: Db;
  actor: A;
  locale: Locale;
  now: Date;
  /** Side effects (mail) are jobs, added in the command's own transaction. */
  jobs: JobQueue;
}

/** The shared services every request sees. */
export interface Services {
  db: Db;
  dialect: Dialect;
  /** Whether the database answers (for /healthz). */
  ping: () => Promise<boolean>;
  config: Config;
  mailer: Mailer;
  log: Logger;
  /** Tests pin time; production uses the clock. */
  clock: () => Date;
  /** Who a session or token belongs to (from the module that provides it). */
  identity: IdentityProvider;
  /** The job queue and this process's runner. */
  jobs: Jobs;
  /** Rate limits, counted in the database and so shared by every process on it. */
  limits: RateLimits;
  /** The public log of outcomes: checkpoints, entries, proofs. */
  transparencyLog: TransparencyLog;
  /** The modules' pages about one initiative, in the modules' order. */
  initiativeLinks: readonly InitiativeLink[];
}

export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor;
    locale: Locale;
    t: Translate;
    /** A CSRF token for a form on this page (made on first use: see csrfProtection). */
    csrfToken: () => string;
    /** Set when the response is this visitor's own (it carries a form token): never shared from a cache. */
    personal: boolean;
    requestId: string;
    /** Set when the answer is streamed as it is made (sendStream): delivery leaves it alone. */
    streamed: boolean;
    sessionId: string | null;
    /** Set by a Bearer token; such requests need no CSRF token. */
    viaApiToken: boolean;
    /** The response was built with the security headers and request id already (headers.ts). */
    platformHeadersSet: boolean;
    /** How many notifications the signed-in visitor has not read (asked only by pages that show it). */
    unreadNotifications: () => Promise<number>;
    /** Set by a view that a script enhances (a filtered checkbox list): the layout then loads the script. */
    enhanced: boolean;
  };
}
