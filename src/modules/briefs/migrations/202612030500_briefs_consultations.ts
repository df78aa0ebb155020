import type { Kysely } from 'kysely';

/**
 * Briefs attached to consultations (docs/decisions/036): a published brief set beside the text it
 * analyses, so that those who comment on it read it. Made after the consultations' tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('brief_consultations')
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('attached_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brief_consultations_pk', ['brief_id', 'consultation_id'])
    .execute();
  await db.schema.createIndex('brief_consultations_consultation').on('brief_consultations').column('consultation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('brief_consultations').execute();
}
