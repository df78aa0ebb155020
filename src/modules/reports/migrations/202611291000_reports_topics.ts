import type { Kysely } from 'kysely';

/**
 * Reports' topics and what the topic pages count (docs/decisions/027). `report_topics` repeats
 * what a topic page filters, orders and counts by (initiative, day, published or not, how many
 * takeaways and calls to action), so that the page never reads the reports' content to count;
 * `report_groups` holds each report's participants by stakeholder group; the two `…_stats`
 * tables hold the sums per topic, year and initiative. All are rewritten from the report
 * whenever it is saved, published or tagged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_topics')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('takeaways', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('calls', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_topics_pk', ['report_id', 'topic_key'])
    .execute();
  // A topic's page of reports, newest first (a year is a range of days); the same for one
  // initiative, which is also how a cell of the counts below is recounted.
  await db.schema.createIndex('report_topics_page').on('report_topics').columns(['topic_key', 'published', 'held_on', 'report_id']).execute();
  await db.schema.createIndex('report_topics_initiative').on('report_topics').columns(['topic_key', 'published', 'initiative_id', 'held_on', 'report_id']).execute();
  await db.schema
    .createTable('report_groups')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_groups_pk', ['report_id', 'stakeholder_group'])
    .execute();
  // What a topic page counts, kept per topic, year and initiative: a page sums at most
  // initiatives × years rows, however many reports there are.
  await db.schema
    .createTable('report_topic_stats')
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('takeaways', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_topic_stats_pk', ['topic_key', 'year', 'initiative_id'])
    .execute();
  await db.schema.createIndex('report_topic_stats_initiative').on('report_topic_stats').columns(['topic_key', 'initiative_id', 'year']).execute();
  await db.schema
    .createTable('report_topic_group_stats')
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_topic_group_stats_pk', ['topic_key', 'year', 'initiative_id', 'stakeholder_group'])
    .execute();
  // The same summed over initiatives (topic × year), for the list of topics and pages not
  // filtered by initiative: a few rows per topic instead of one per initiative.
  await db.schema
    .createTable('report_topic_year_stats')
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('takeaways', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_topic_year_stats_pk', ['topic_key', 'year'])
    .execute();
  await db.schema
    .createTable('report_topic_year_group_stats')
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_topic_year_group_stats_pk', ['topic_key', 'year', 'stakeholder_group'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_topic_year_group_stats').execute();
  await db.schema.dropTable('report_topic_year_stats').execute();
  await db.schema.dropTable('report_topic_group_stats').execute();
  await db.schema.dropTable('report_topic_stats').execute();
  await db.schema.dropTable('report_groups').execute();
  await db.schema.dropTable('report_topics').execute();
}
