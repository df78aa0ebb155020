import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type DatabaseIntrospector, type DatabaseMetadataOptions } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The database handle passed between layers. Each owner narrows it to its own tables with
 * `tablesOf`, so a module's code can only name the tables it owns (the type checker refuses
 * the others); other modules' data is reached through their `index.ts`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

/** The handle typed with one owner's tables. A cast, free at run time. */
export function tablesOf<Tables>(db: Db): Kysely<Tables> {
  return db as Kysely<Tables>;
}

export interface Database {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL schema in use, when not the default one. */
  schema?: string;
  /**
   * Whether the database answers a trivial query, asked of the driver itself: a health probe
   * comes often and should cost next to nothing.
   */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL, or undefined for SQLite. */
  url?: string;
  /** SQLite file path (`:memory:` for a throw-away database). */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each database its own). */
  schema?: string;
}

/** Opens the configured database: PostgreSQL when a URL is given, else SQLite. */
export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) return openPostgres(options.url, options.schema);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'cabildo.sqlite');
}

/** The database the configuration names: PostgreSQL at DATABASE_URL, else SQLite in the data dir. */
export function openConfiguredDatabase(config: { databaseUrl?: string; dataDir: string }): Database {
  return config.databaseUrl ? openDatabase({ url: config.databaseUrl }) : openDatabase({ sqliteFile: sqliteFileIn(config.dataDir) });
}

/**
 * Native better-sqlite3 objects are never left to the garbage collector: from Node 24.19, a
 * Statement or Database finalised by a GC that runs outside a JS context aborts the process
 * (`RemoveEnvironmentCleanupHook: (env) != nullptr`; better-sqlite3 < 13, and 13 needs Node 22).
 * So each connection keeps its prepared statements, one per SQL text (Kysely prepares on every
 * query, and our queries have a bounded set of shapes), and every connection stays referenced
 * for the life of the process. Node cleans them up safely at exit.
 */
const retained: unknown[] = [];

function retainingConnection(file: string) {
  const connection = new SqliteDatabase(file);
  // exec() runs pragmas without creating Statement objects.
  connection.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const statements = new Map<string, ReturnType<typeof connection.prepare>>();
  retained.push(connection, statements);
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      connection.close();
    },
  };
}

function openSqlite(file: string): Database {
  const connection = retainingConnection(file);
  const db = new Kysely({ dialect: new SqliteDialect({ database: connection }) });
  const ping = async () => {
    try {
      (connection.prepare('select 1') as unknown as { get(): unknown }).get();
      return true;
    } catch {
      return false;
    }
  };
  return { db, dialect: 'sqlite', ping, close: () => db.destroy() };
}

// PostgreSQL returns COUNT(*) as a bigint string; our counts fit in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

/**
 * Kysely's PostgreSQL introspector (the migrator uses it to find its own table) reads every
 * schema's tables and columns in one catalog query, which fails when another schema, table or
 * column is dropped while it runs ("relation", "schema", "column" or "object does not exist"):
 * tests drop their schemas side by side, and so may an operator sharing the database. The read is
 * tried again: the next one no longer sees what was dropped.
 */
const droppedMeanwhile = new Set(['42P01', '3F000', '42703', '42704']);

class CatalogTolerantPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Db): DatabaseIntrospector {
    const inner = super.createIntrospector(db);
    const again = async <T>(read: () => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await read();
        } catch (error) {
          if (!droppedMeanwhile.has((error as { code?: string }).code ?? '') || attempt >= 5) throw error;
        }
      }
    };
    return {
      getSchemas: () => again(() => inner.getSchemas()),
      getTables: (options?: DatabaseMetadataOptions) => again(() => inner.getTables(options)),
      getMetadata: (options?: DatabaseMetadataOptions) => again(() => inner.getMetadata(options)),
    };
  }
}

/** The pool beneath each PostgreSQL handle opened here. */
const pools = new WeakMap<Db, pg.Pool>();

/**
 * The pg pool beneath a PostgreSQL handle that `openDatabase` returned, for the rare read Kysely
 * cannot express: a `COPY … TO STDOUT` stream of millions of rows, parsed as bytes (the opinion
 * module's database vote source). A transaction's handle has none: a client of the pool would
 * not see the transaction's writes.
 */
export function postgresPoolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('postgresPoolOf needs a PostgreSQL handle returned by openDatabase (not a transaction)');
  return pool;
}

function openPostgres(url: string, schema?: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely({ dialect: new CatalogTolerantPostgresDialect({ pool }) });
  pools.set(db, pool);
  const ping = async () => {
    try {
      await pool.query('select 1');
      return true;
    } catch {
      return false;
    }
  };
  const close = async () => {
    await db.destroy();
    // Kysely ends the pool only if it ran a query itself; a COPY through postgresPoolOf may have been all.
    if (!pool.ending) await pool.end();
  };
  return { db, dialect: 'postgres', schema, ping, close };
}

/** Which database a handle (or a transaction) talks to. */
export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A random, url-safe id: 128 bits, so ids can be shown in URLs without leaking counts. */
export function newId(): string {
  // Never with a leading '-': CSV exports defuse a cell starting with one (a spreadsheet would read a
  // formula) by prefixing a quote, which would change the id in the open data (1 id in 64 before).
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The one timestamp format stored on both databases: ISO 8601 UTC with milliseconds. */
export function timestamp(date: Date): string {
  return date.toISOString();
}

/**
 * Locks a row until the transaction ends, so that commands checking an invariant over it (the
 * last coordinator, one decision per request) run one after another on PostgreSQL. SQLite needs
 * nothing: it runs one writing transaction at a time.
 */
export async function lockRow(tx: Db, table: string, id: string): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`select 1 from ${sql.table(table)} where id = ${id} for update`.execute(tx);
}

/**
 * Makes transactions that name the same key run one after another on PostgreSQL (a transaction
 * advisory lock), for invariants no single row holds, such as a free slug. SQLite needs nothing.
 */
export async function serializeOn(tx: Db, key: string): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
}
