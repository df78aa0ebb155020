import type { Kysely } from 'kysely';

/**
 * A consultation may belong to one event of its initiative (docs/decisions/040): its organisers
 * opened it there, on the event's outcome document. Empty for a consultation of the initiative.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consultations').addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('set null')).execute();
  await db.schema.createIndex('consultations_event').on('consultations').columns(['event_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('consultations_event').execute();
  await db.schema.alterTable('consultations').dropColumn('event_id').execute();
}
