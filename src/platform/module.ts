import type { RecurringJob } from './jobs/recurring.ts';
import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Migration } from 'kysely';
import type { AppEnv, Services } from './http/env.ts';
import type { NavLink } from './views/layout.tsx';
import type { CliCommand } from './cli.ts';
import type { Db } from './db/index.ts';
import type { Actor, IdentityProvider } from './auth/identity.ts';
import type { JobHandler } from './jobs/index.ts';
import type { NotificationKind } from './notifications/index.ts';
import type { LogKind } from './log/index.ts';
import type { SearchSource } from './search/index.ts';
import type { Journey } from './journeys.ts';

/**
 * A migration of one module. Names are `<YYYYMMDDhhmm>_<module>_<what>`, so that sorting them
 * (as the migrator does) orders every module's migrations by when they were written, and a table
 * is created before the migrations of later modules refer to it.
 */
export interface ModuleMigration extends Migration {
  /**
   * The name under which this migration's work was recorded before it moved here (the first
   * single migration, `001_foundation`, was split among the modules that own its tables).
   * A database that ran the old one is marked as having run this one.
   */
  formerly?: string;
}

export interface SeedOptions {
  db: Db;
  now: Date;
  /** Load only into an empty installation (what `serve --demo` asks). */
  onlyIfEmpty: boolean;
}

export interface ModuleRoutes {
  pages?: (app: Hono<AppEnv>, services: Services) => void;
  api?: (api: OpenAPIHono<AppEnv>, services: Services) => void;
}

/** What a module needs of an initiative to decide whether to link to it: who sits on its committee. */
export interface LinkedInitiative {
  id: string;
  slug: string;
  committee: ReadonlyArray<{ user_id: string; role: string }>;
}

/**
 * A module's page about one initiative (its ledger, its action plans), linked from the
 * initiative's page: the registry comes first and cannot know the modules built on it.
 */
export interface InitiativeLink {
  /** The link's text: a message key of the module's catalog. */
  label: string;
  path: (slug: string) => string;
  /** Whether this viewer finds something there (a published ledger, or drafts to write on the committee). */
  shown: (db: Db, actor: Actor, initiative: LinkedInitiative) => Promise<boolean>;
}

/**
 * One per domain module, in `src/modules/<name>/module.ts`: everything the module brings. The
 * composition root (`src/modules/index.ts`) lists the manifests; the platform loops over them.
 */
export interface ModuleManifest {
  name: string;
  /** The folder holding {es,en,pt,fr}.json, loaded under the module's name. */
  catalogs?: URL;
  /** Its migrations, by name (see ModuleMigration). */
  migrations?: Record<string, ModuleMigration>;
  /** The tables its migrations create: it alone reads and writes them. */
  tables?: readonly string[];
  /** Demo data for `cabildo seed demo` and `npm start`; answers a line for the operator. */
  seedDemo?: (options: SeedOptions) => Promise<string | null>;
  /** Its `cabildo` subcommands. */
  cli?: CliCommand[];
  /** Its HTML and JSON routes, loaded only when a server is built (commands start faster without them). */
  routes?: () => Promise<ModuleRoutes>;
  nav?: NavLink[];
  /**
   * Its routes whose request bodies may be larger than the platform's 256 KB (uploads), with
   * their own limit: a route's command refuses an oversized file beside its field, which needs
   * the file to arrive; beyond this limit the platform answers 413.
   */
  largeBodies?: Array<{ path: RegExp; maxBytes: number }>;
  /** Its pages about one initiative, linked from that initiative's page. */
  initiativeLinks?: InitiativeLink[];
  /** Who a session cookie or an API token belongs to (the accounts module). */
  identity?: IdentityProvider;
  /** Handlers of the jobs its commands queue, by kind (`<module>.<what>`). */
  jobs?: Record<string, JobHandler>;
  /**
   * Jobs of its own (handled in `jobs`) that run again and again: each run queues the next at
   * `next(now)`, and a starting server queues the next one if none is (however many servers start).
   */
  recurring?: RecurringJob[];
  /** The kinds of notification it sends (people choose how often to be mailed about each). */
  notifications?: NotificationKind[];
  /** The kinds of entry its commands append to the transparency log (`<module>.<what>`), and how to find each record again. */
  logKinds?: Record<string, LogKind>;
  /**
   * What it makes searchable: per kind, its fields and their weights, and how to read a record as
   * a document (language, visibility, url). Its commands call `indexRecords` for what they change.
   */
  search?: SearchSource[];
  /** The journeys that lead to its pages, shown as steps on every page along them (the identity pages too). */
  journeys?: Journey[];
}
