import type { Kysely } from 'kysely';

/** Action plans, their items, progress updates and what the public log holds of them (docs/decisions/030). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('adopted_by', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_plans_initiative').on('action_plans').columns(['initiative_id', 'starts_on']).execute();

  await db.schema
    .createTable('action_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('responsible_kind', 'text', (c) => c.notNull())
    .addColumn('responsible_name', 'text', (c) => c.notNull())
    .addColumn('responsible_user_id', 'text')
    .addColumn('mechanism', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_report_id', 'text')
    .addColumn('source_anchor', 'text')
    .addColumn('logged_versions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_plan_items_plan').on('action_plan_items').columns(['plan_id', 'topic_key', 'due_on']).execute();
  // The cross-initiative view reads a topic's items; the reminders, the open items by due date.
  await db.schema.createIndex('action_plan_items_topic').on('action_plan_items').columns(['topic_key', 'due_on']).execute();
  await db.schema.createIndex('action_plan_items_due').on('action_plan_items').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('action_plan_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('action_plan_items.id').onDelete('cascade'))
    .addColumn('written_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_plan_updates_item').on('action_plan_updates').columns(['item_id', 'written_on']).execute();

  await db.schema
    .createTable('action_plan_outcomes')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_plan_outcomes_pk', ['record', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['action_plan_outcomes', 'action_plan_updates', 'action_plan_items', 'action_plans']) await db.schema.dropTable(table).execute();
}
