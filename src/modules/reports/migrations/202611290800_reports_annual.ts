import type { Kysely } from 'kysely';

/**
 * Annual reports (docs/decisions/028-annual-reports.md): one per initiative and year. Assembling
 * a year reads the initiative's published reports by day, through the index below.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('introduction', 'text')
    .addColumn('preparation', 'text')
    .addColumn('outcomes', 'text')
    .addColumn('snapshot', 'text')
    .addColumn('snapshot_sha256', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_year', ['initiative_id', 'year'])
    .execute();
  await db.schema.createIndex('reports_initiative_held').on('reports').columns(['initiative_id', 'status', 'held_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_initiative_held').execute();
  await db.schema.dropTable('annual_reports').execute();
}
