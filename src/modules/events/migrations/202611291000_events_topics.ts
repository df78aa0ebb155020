import type { Kysely } from 'kysely';

/**
 * The secretariat's changes to the topic taxonomy, and sessions' topics (docs/decisions/027).
 * The IGF's themes are built in (`topics/taxonomy.ts`, named by the catalogs): `topics` holds only
 * a topic the secretariat adds (with its four-language labels as JSON) or a built-in one it renamed
 * or retired, so a fresh database has no rows (a backup restores into it). A retired topic keeps
 * its key, so what was tagged with it still says what it meant. Tags name keys without a foreign
 * key, since built-in topics have no row: the commands check them.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('topics')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('labels', 'text')
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('event_session_topics')
    .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_session_topics_pk', ['session_id', 'topic_key'])
    .execute();
  await db.schema.createIndex('event_session_topics_topic').on('event_session_topics').column('topic_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_session_topics').execute();
  await db.schema.dropTable('topics').execute();
}
