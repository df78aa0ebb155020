import { sql, type Kysely } from 'kysely';

/**
 * A counter that every audited write moves, in the write's own transaction: what was built from
 * the data at one value (a public page) stays right until the value changes, in every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into data_versions (scope, version) values ('public', 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_versions').execute();
}
