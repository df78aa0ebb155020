import type { Kysely } from 'kysely';

/**
 * The installation's topic taxonomy and sessions' topics (docs/decisions/027). Topics start as
 * the IGF's themes, named by the catalogs (`events.topics.<key>`); a topic the secretariat adds
 * carries its own four-language labels as JSON. A retired topic keeps its key, so what was
 * tagged with it still says what it meant.
 */
// The list as it was when this ran; later changes to the built-in list need a migration of their own.
const igfThemes = [
  'digital_trust_resilience', 'responsible_innovation', 'universal_access_rights', 'digital_cooperation',
  'community_networks', 'ai_emerging_technologies', 'cybersecurity_safety', 'data_governance',
  'human_rights', 'environment_sustainability', 'internet_fragmentation',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('topics')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('labels', 'text')
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const rows = igfThemes.map((key, position) => ({ key, position, labels: null, retired: 0 }));
  await (db as Kysely<{ topics: { key: string; position: number; labels: string | null; retired: number } }>).insertInto('topics').values(rows).execute();
  await db.schema
    .createTable('event_session_topics')
    .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
    .addColumn('topic_key', 'text', (c) => c.notNull().references('topics.key'))
    .addPrimaryKeyConstraint('event_session_topics_pk', ['session_id', 'topic_key'])
    .execute();
  await db.schema.createIndex('event_session_topics_topic').on('event_session_topics').column('topic_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_session_topics').execute();
  await db.schema.dropTable('topics').execute();
}
