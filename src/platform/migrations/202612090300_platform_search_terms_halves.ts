import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/index.ts';

/**
 * PostgreSQL: the vectors' GIN index split in two, the documents of even ids and those of odd ids
 * (docs/decisions/012-search.md, "Two halves of the GIN index"). PostgreSQL 15 builds a GIN index on
 * one core, and that build was a third of a rebuild's time; a rebuild now builds the two halves side
 * by side. A query asks for either half (`inEitherHalf` in search/postgres.ts), which the planner
 * answers with one scan of each half's index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db as never) !== 'postgres') return;
  await sql`drop index search_documents_terms`.execute(db);
  await sql`create index search_documents_terms_even on search_documents using gin (terms) where id % 2 = 0`.execute(db);
  await sql`create index search_documents_terms_odd on search_documents using gin (terms) where id % 2 = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db as never) !== 'postgres') return;
  await sql`drop index search_documents_terms_even`.execute(db);
  await sql`drop index search_documents_terms_odd`.execute(db);
  await sql`create index search_documents_terms on search_documents using gin (terms)`.execute(db);
}
