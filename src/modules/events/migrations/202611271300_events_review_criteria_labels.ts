import type { Kysely } from 'kysely';

/**
 * Criteria a programme committee adds of its own (docs/decisions/023): a label typed by the
 * organisers in the event's working languages, as JSON `{ "es": "…", "en": "…" }`. Null for the
 * issue's four criteria, whose names come from the catalogs in the reader's language.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_review_criteria').addColumn('labels', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_review_criteria').dropColumn('labels').execute();
}
