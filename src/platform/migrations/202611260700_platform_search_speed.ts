import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/index.ts';

/**
 * The search index made fast at 100,000 documents (docs/decisions/012-search.md, "Measured").
 *
 * SQLite: a narrow covering index over what a search filters and orders by, so that ranking and
 * counting never read the documents' wide rows (each holds its texts, so about one row per page);
 * and the FTS5 table again with the `ascii` tokenizer: the app writes terms already lower-cased
 * and folded, separated by spaces, so the `unicode61` tokenizer's work was wasted (letters
 * outside ASCII stay inside terms either way). The index is derived data: it is emptied here and
 * `serve` rebuilds it on its next start (or `cabildo search reindex`).
 *
 * PostgreSQL: no statistics on the vectors. With them, a common word makes the planner prefer a
 * sequential scan, which unpacks every document's vector (toasted, compressed) to test it; without
 * them it estimates few matches and always goes through the GIN index, whose answer needs no
 * vector unpacked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db as never) === 'postgres') {
    await sql`alter table search_documents alter column terms set statistics 0`.execute(db);
    return;
  }
  await sql`create index search_documents_filter on search_documents (id, visibility, kind, updated_at, record_id)`.execute(db);
  await recreateTerms(db, 'ascii');
}

async function recreateTerms(db: Kysely<unknown>, tokenizer: string): Promise<void> {
  await sql`drop table search_terms`.execute(db);
  await sql.raw(`create virtual table search_terms using fts5(a, b, c, d, content = '', contentless_delete = 1, tokenize = '${tokenizer}')`).execute(db);
  await sql`delete from search_facets`.execute(db);
  await sql`delete from search_documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db as never) === 'postgres') {
    await sql`alter table search_documents alter column terms set statistics -1`.execute(db);
    return;
  }
  await sql`drop index search_documents_filter`.execute(db);
  await recreateTerms(db, 'unicode61 remove_diacritics 0');
}
