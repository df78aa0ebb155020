import type { Kysely } from 'kysely';

/**
 * An initiative's Atom feed (its 50 latest publications) read by initiative, then latest change:
 * through `report_archive_updated` alone it walked every report changed since, about 7,000 of
 * 100,000 to find one initiative's 50 (`npm run bench:reports`, docs/decisions/026 "Scale").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('report_archive_initiative_updated').on('report_archive').columns(['initiative_id', 'updated_at', 'report_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('report_archive_initiative_updated').execute();
}
