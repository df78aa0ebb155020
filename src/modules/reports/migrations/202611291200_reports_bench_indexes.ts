import type { Kysely } from 'kysely';

/**
 * The feeds at 100,000 reports (`npm run bench:reports`, docs/decisions/026 "Scale"), each the 50
 * latest publications: an initiative's walked `report_archive_updated` through every report
 * changed since (about 7,000 to find one initiative's 50, PostgreSQL); a language's sorted all
 * 25,000 reports in that language (SQLite). Each now reads its 50 from an index in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('report_archive_initiative_updated').on('report_archive').columns(['initiative_id', 'updated_at', 'report_id']).execute();
  await db.schema.createIndex('report_archive_language_updated').on('report_archive').columns(['language', 'updated_at', 'report_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_archive_language_updated').execute();
  await db.schema.dropIndex('report_archive_initiative_updated').execute();
}
