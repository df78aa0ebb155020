import type { Kysely } from 'kysely';

/**
 * An item may come from a consultation's outcome (its recorded consensus call) as well as from a
 * report's call to action (docs/decisions/030). Made after the consultations' tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('action_plan_items')
    .addColumn('source_consultation_id', 'text', (c) => c.references('consultations.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('action_plan_items').dropColumn('source_consultation_id').execute();
}
