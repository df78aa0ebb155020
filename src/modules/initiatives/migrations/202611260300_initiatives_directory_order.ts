import type { Kysely } from 'kysely';

/**
 * The directory's order (name, then id) within a status as an index: the CSV export pages through the whole
 * registry by keyset in that order, and each page is then read from the index, not sorted anew.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('initiatives_directory_order').on('initiatives').columns(['status', 'search_name', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('initiatives_directory_order').execute();
}
