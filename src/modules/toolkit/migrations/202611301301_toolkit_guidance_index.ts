import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { guidanceRecordIds, toolkitSearch } from '../search.ts';

/**
 * The guidance lives in code and catalogs, not in rows any command changes: it enters the search
 * index here, for installations whose index already exists (a new one is built whole at start-up).
 * A release that rewrites the guidance adds a migration like this one (or runs `cabildo search rebuild`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await indexRecords(db as unknown as Db, toolkitSearch, guidanceRecordIds());
}

/** Nothing to undo in the schema; the next rebuild of the index (`cabildo search rebuild`) leaves out what no module declares. */
export async function down(): Promise<void> {}
