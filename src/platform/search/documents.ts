import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { IndexRow } from './index.ts';

/** The tables a document is written to: the live index, or a rebuild's shadow tables (PostgreSQL, `rebuild.ts`). */
export interface IndexTables {
  documents: string;
  texts: string;
  facets: string;
}

export const liveTables: IndexTables = { documents: 'search_documents', texts: 'search_texts', facets: 'search_facets' };

/** The index's ids of a kind's documents: all of them, or those of the given records. */
export function documentIds(kind: string, recordIds: readonly string[] | 'all') {
  return recordIds === 'all'
    ? sql`select id from search_documents where kind = ${kind}`
    : sql`select id from search_documents where kind = ${kind} and record_id in (${sql.join(recordIds)})`;
}

/** A document's facets as its row holds them: JSON `[[facet, value, label]]`. */
export function facetsOf(row: IndexRow): string {
  return JSON.stringify(row.facets.map((f) => [f.facet, f.value, f.label]));
}

/** Stores the texts shown in snippets of freshly inserted documents. */
export async function insertTexts(tx: Db, rows: readonly IndexRow[], idOf: ReadonlyMap<string, number>, tables = liveTables): Promise<void> {
  await sql`insert into ${sql.table(tables.texts)} (document_id, texts) values ${sql.join(rows.map((row) => sql`(${idOf.get(row.recordId)!}, ${JSON.stringify(row.texts)})`))}`.execute(tx);
}

/** Removes documents, their facets and texts; `ids` selects them. */
export async function removeDocuments(tx: Db, ids: ReturnType<typeof documentIds>): Promise<void> {
  await sql`delete from search_facets where document_id in (${ids})`.execute(tx);
  await sql`delete from search_texts where document_id in (${ids})`.execute(tx);
  await sql`delete from search_documents where id in (${ids})`.execute(tx);
}

/** Stores the facets of freshly inserted documents, `idOf` mapping a record to its document id. */
export async function insertFacets(tx: Db, rows: readonly IndexRow[], idOf: ReadonlyMap<string, number>, tables = liveTables): Promise<void> {
  const facets = rows.flatMap((row) => row.facets.map((f) => sql`(${idOf.get(row.recordId)!}, ${f.facet}, ${f.value}, ${f.label})`));
  if (facets.length) await sql`insert into ${sql.table(tables.facets)} (document_id, facet, value, label) values ${sql.join(facets)}`.execute(tx);
}
