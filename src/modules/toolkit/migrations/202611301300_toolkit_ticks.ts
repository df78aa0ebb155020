import type { Kysely } from 'kysely';

/**
 * The steps a committee ticked by hand, with their evidence (docs/decisions/032-toolkit.md): one
 * row per initiative and step while it is ticked; unticking deletes it (the audit keeps both).
 * Automatic steps have no rows: they are read live from the other modules.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('toolkit_ticks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('link', 'text')
    .addColumn('ticked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ticked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('toolkit_ticks_step', ['initiative_id', 'step'])
    .execute();
  await db.schema.createIndex('toolkit_ticks_by_step').on('toolkit_ticks').columns(['step']).execute();
  // The secretariat's offers of help to a committee stuck on a step: one a week per step and initiative.
  await db.schema
    .createTable('toolkit_help_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('toolkit_help_offers_recent').on('toolkit_help_offers').columns(['initiative_id', 'step', 'offered_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('toolkit_help_offers').execute();
  await db.schema.dropTable('toolkit_ticks').execute();
}
