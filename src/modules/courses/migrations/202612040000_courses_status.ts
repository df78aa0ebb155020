import { sql, type Kysely } from 'kysely';

/**
 * Courses written in the browser (docs/decisions/037): a course starts as a draft, is published,
 * and may be withdrawn. Courses that exist already were published as they were stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('courses').addColumn('status', 'text', (c) => c.notNull().defaultTo('published')).execute();
  await db.schema.alterTable('courses').addColumn('published_at', 'text').execute();
  await db.schema.alterTable('courses').addColumn('withdrawn_at', 'text').execute();
  await sql`update courses set published_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('courses').dropColumn('withdrawn_at').execute();
  await db.schema.alterTable('courses').dropColumn('published_at').execute();
  await db.schema.alterTable('courses').dropColumn('status').execute();
}
