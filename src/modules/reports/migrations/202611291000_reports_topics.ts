import type { Kysely } from 'kysely';

/**
 * Reports' topics and what the topic pages count (docs/decisions/027). `report_topics` repeats
 * what a topic page filters, orders and counts by (initiative, day, published or not, how many
 * takeaways and calls to action), so that page reads one index range and never the reports'
 * content to count; `report_groups` holds each report's participants by stakeholder group.
 * Both are rewritten from the report whenever it is saved, published or tagged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_topics')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('topic_key', 'text', (c) => c.notNull().references('topics.key'))
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('takeaways', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('calls', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_topics_pk', ['report_id', 'topic_key'])
    .execute();
  // A topic's page: newest first, a year at a time, and its counts, from the index alone.
  await db.schema.createIndex('report_topics_page').on('report_topics')
    .columns(['topic_key', 'published', 'held_on', 'report_id', 'initiative_id', 'year', 'takeaways', 'calls']).execute();
  // The same, for one initiative.
  await db.schema.createIndex('report_topics_initiative').on('report_topics').columns(['topic_key', 'published', 'initiative_id', 'held_on', 'report_id']).execute();
  // The list of topics with their counts.
  await db.schema.createIndex('report_topics_published').on('report_topics').columns(['published', 'topic_key', 'takeaways', 'calls']).execute();
  await db.schema
    .createTable('report_groups')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_groups_pk', ['report_id', 'stakeholder_group'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_groups').execute();
  await db.schema.dropTable('report_topics').execute();
}
