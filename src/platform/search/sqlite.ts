import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { CompiledQuery, IndexBackend, IndexRow } from './index.ts';
import { documentIds, insertFacets } from './documents.ts';
import { queryForms, queryFormsIn, stemmedLanguages, terms, type ParsedQuery, type StemmedLanguage } from './text.ts';

/**
 * The SQLite index: an FTS5 table whose four columns hold the terms of the texts of weight A, B,
 * C and D, stemmed and folded here (FTS5 has no stemmer for these languages); the row id is the
 * document's. Ranked by bm25 with the weights below.
 */

/** bm25's weight for columns A, B, C, D: a title word counts as much as several body words. */
const columnWeights = [10, 4, 2, 1] as const;

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** At most this many spellings of one phrase (each word may have several forms per language). */
const mostPhraseSpellings = 24;

/** A phrase as FTS5 phrases: in each language, every combination of its words' forms. */
function phraseSpellings(phrase: readonly string[]): string[] {
  const spellings = new Set<string>();
  for (const language of [...stemmedLanguages, null] as Array<StemmedLanguage | null>) {
    let combos: string[][] = [[]];
    for (const word of phrase) {
      const forms = queryFormsIn(word, language);
      combos = combos.flatMap((c) => forms.map((f) => [...c, f])).slice(0, mostPhraseSpellings);
    }
    for (const combo of combos) spellings.add(`"${combo.map((t) => t.replaceAll('"', '""')).join(' ')}"`);
  }
  return [...spellings];
}

export const sqliteIndex: IndexBackend = {
  async write(tx: Db, rows: readonly IndexRow[]) {
    if (rows.length === 0) return;
    // One statement per table for the whole batch: SQLite answers RETURNING rows in no set order, hence the record ids.
    const { rows: inserted } = await sql<{ id: number; record_id: string }>`
      insert into search_documents (kind, record_id, language, title, url, visibility, updated_at, texts)
      values ${sql.join(rows.map((row) => sql`(${row.kind}, ${row.recordId}, ${row.language}, ${row.title}, ${row.url}, ${row.visibility}, ${row.updatedAt}, ${JSON.stringify(row.texts)})`))}
      returning id, record_id`.execute(tx);
    const idOf = new Map(inserted.map((r) => [r.record_id, r.id]));
    const column = (row: IndexRow, weight: 'A' | 'B' | 'C' | 'D') => row.weighted[weight].map((t) => terms(t.text, t.language)).join(' ');
    await sql`insert into search_terms (rowid, a, b, c, d) values ${sql.join(rows.map((row) =>
      sql`(${idOf.get(row.recordId)!}, ${column(row, 'A')}, ${column(row, 'B')}, ${column(row, 'C')}, ${column(row, 'D')})`))}`.execute(tx);
    await insertFacets(tx, rows, idOf);
  },

  async remove(tx, kind, recordIds) {
    const ids = documentIds(kind, recordIds);
    await sql`delete from search_terms where rowid in (${ids})`.execute(tx);
    await sql`delete from search_facets where document_id in (${ids})`.execute(tx);
    await sql`delete from search_documents where id in (${ids})`.execute(tx);
  },

  async compile(_db, query: ParsedQuery): Promise<CompiledQuery | null> {
    const matching = new Set<string>();
    const groups: string[] = [];
    for (const word of query.words) {
      const forms = queryForms(word);
      forms.forEach((f) => matching.add(f));
      groups.push(`(${forms.map(quote).join(' OR ')})`);
    }
    for (const phrase of query.phrases) {
      for (const word of phrase) queryForms(word).forEach((f) => matching.add(f));
      groups.push(`(${phraseSpellings(phrase).join(' OR ')})`);
    }
    if (groups.length === 0) return null;
    return {
      // The narrow covering index: filtering and ordering the matches never reads the wide rows.
      documents: sql`search_documents d indexed by search_documents_filter join search_terms on search_terms.rowid = d.id`,
      where: sql`search_terms match ${groups.join(' AND ')}`,
      rank: sql`bm25(search_terms, ${sql.raw(columnWeights.join(', '))})`,
      countWhileRanking: false,
      matching,
    };
  },
};
