import type { Kysely } from 'kysely';

/**
 * Every recognition outcome (listed by import, approved, returned, delisted), one row per version
 * of an initiative's recognition, as it was appended to the transparency log: `cabildo log verify`
 * hashes these rows again. Rows are never changed nor deleted, so no foreign key cascades into them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recognition_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    /** The initiative's name when the outcome was decided. */
    .addColumn('initiative_name', 'text', (c) => c.notNull())
    /** The secretariat's comments or reason, or the source of an import. */
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recognition_outcomes_version', ['initiative_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recognition_outcomes').execute();
}
