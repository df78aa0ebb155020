import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/index.ts';

/**
 * Broad queries ranked among their most recent matches (docs/decisions/012-search.md, "Broad
 * queries"). A query reads every match's row, so the rows are made narrow: the texts shown in
 * snippets move to `search_texts`, read for a page's results only, and each row holds its facets, so
 * that counting them for a page's matches reads no other table. On SQLite the document ids now
 * follow the last change; on PostgreSQL each vector holds the month of the last change as a term, and
 * an index on the time finds the months that hold the newest documents. The index is derived data: it is emptied here and `serve` rebuilds it on
 * its next start (or `cabildo search reindex`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await empty(db);
  await db.schema
    .createTable('search_texts')
    .addColumn('document_id', 'bigint', (c) => c.primaryKey())
    /** The document's texts as JSON `[{ language, text }]`. */
    .addColumn('texts', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('search_documents').dropColumn('texts').execute();
  // Its facets as JSON `[[facet, value, label]]`, counted for a page's matches in one read of their rows.
  await db.schema.alterTable('search_documents').addColumn('facets', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  if (dialectOf(db as never) === 'postgres') await db.schema.createIndex('search_documents_updated').on('search_documents').column('updated_at').execute();
}

async function empty(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db as never) === 'sqlite') await sql`delete from search_terms`.execute(db);
  await sql`delete from search_facets`.execute(db);
  await sql`delete from search_documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await empty(db);
  if (dialectOf(db as never) === 'postgres') await db.schema.dropIndex('search_documents_updated').execute();
  await db.schema.dropTable('search_texts').execute();
  await db.schema.alterTable('search_documents').dropColumn('facets').execute();
  await db.schema.alterTable('search_documents').addColumn('texts', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}
