import { Migrator, sql } from 'kysely';
import type { Database, Db } from './index.ts';
import type { ModuleMigration } from '../module.ts';

/**
 * Tables that hold no data of their own (the migrator's, the data version, rate-limit counters,
 * the search index and SQLite's tables behind it, which `cabildo search reindex` rebuilds): never
 * backed up nor restored.
 */
export const bookkeepingTables = [
  'kysely_migration', 'kysely_migration_lock', 'data_versions', 'rate_limits', 'search_documents', 'search_facets',
  'search_texts',   'search_terms', 'search_terms_config', 'search_terms_data', 'search_terms_docsize', 'search_terms_idx',
] as const;

/**
 * Brings the schema up to date with every module's migrations; answers the names it applied.
 * Several processes may start at once: Kysely's migration lock serialises them.
 */
export async function migrate(database: Database, migrations: Record<string, ModuleMigration>): Promise<string[]> {
  await adoptRenamedMigrations(database, migrations);
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its own tables by schema; without this it would find another schema's.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * A database that ran a migration under an old name (see ModuleMigration.formerly) is marked as
 * having run the migrations that now hold its work, with the old run's time, in one transaction.
 */
async function adoptRenamedMigrations(database: Database, migrations: Record<string, ModuleMigration>): Promise<void> {
  const successors = new Map<string, string[]>();
  for (const [name, migration] of Object.entries(migrations)) {
    if (migration.formerly) successors.set(migration.formerly, [...(successors.get(migration.formerly) ?? []), name]);
  }
  if (successors.size === 0 || !(await hasMigrationTable(database))) return;
  await database.db.transaction().execute(async (tx) => {
    const executed = await tx.selectFrom('kysely_migration').select(['name', 'timestamp']).execute();
    for (const { name, timestamp } of executed as Array<{ name: string; timestamp: string }>) {
      const names = successors.get(name);
      if (!names || name in migrations) continue;
      await tx.insertInto('kysely_migration').values(names.map((n) => ({ name: n, timestamp }))).execute();
      await tx.deleteFrom('kysely_migration').where('name', '=', name).execute();
    }
  });
}

async function hasMigrationTable(database: Database): Promise<boolean> {
  return (await tableNames(database.db, database.dialect)).includes('kysely_migration');
}

/** Every table in the database (or the connection's PostgreSQL schema), by name. */
export async function tableNames(db: Db, dialect: Database['dialect']): Promise<string[]> {
  const rows = dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  return rows.map((r) => r.name).sort();
}

/** Each table's parents: the tables its foreign keys point to. */
export async function foreignKeyParents(db: Db, dialect: Database['dialect'], tables: readonly string[]): Promise<Map<string, string[]>> {
  const parents = new Map<string, string[]>();
  if (dialect === 'sqlite') {
    for (const table of tables) {
      const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
      parents.set(table, [...new Set(rows.map((r) => r.table))]);
    }
    return parents;
  }
  const { rows } = await sql<{ child: string; parent: string }>`
    select distinct child.relname as child, parent.relname as parent
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  for (const table of tables) parents.set(table, rows.filter((r) => r.child === table).map((r) => r.parent));
  return parents;
}

/** The tables ordered parents first, so rows can be inserted without breaking a foreign key. */
export function parentsFirst(tables: readonly string[], parents: Map<string, string[]>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') throw new Error(`foreign keys form a cycle through ${table}`);
    state.set(table, 'visiting');
    for (const parent of parents.get(table) ?? []) if (parent !== table && tables.includes(parent)) visit(parent);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}
