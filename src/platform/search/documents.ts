import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { IndexRow } from './index.ts';

/** The index's ids of a kind's documents: all of them, or those of the given records. */
export function documentIds(kind: string, recordIds: readonly string[] | 'all') {
  return recordIds === 'all'
    ? sql`select id from search_documents where kind = ${kind}`
    : sql`select id from search_documents where kind = ${kind} and record_id in (${sql.join(recordIds)})`;
}

/** Stores the facets of freshly inserted documents, `idOf` mapping a record to its document id. */
export async function insertFacets(tx: Db, rows: readonly IndexRow[], idOf: ReadonlyMap<string, number>): Promise<void> {
  const facets = rows.flatMap((row) => row.facets.map((f) => sql`(${idOf.get(row.recordId)!}, ${f.facet}, ${f.value}, ${f.label})`));
  if (facets.length) await sql`insert into search_facets (document_id, facet, value, label) values ${sql.join(facets)}`.execute(tx);
}
