import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import { rankedMatches, type CompiledQuery, type IndexBackend, type IndexRow, type RankedPage } from './index.ts';
import { documentIds, facetsOf, insertFacets, insertTexts, removeDocuments } from './documents.ts';
import { queryForms, queryFormsIn, stemmedLanguages, type ParsedQuery, type StemmedLanguage } from './text.ts';
import { stemmedColumns } from './stemming.ts';

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

/** Each second of last change has this many document ids. */
const idsPerSecond = 2 ** 21;

/**
 * The first document id of the second a document last changed: ids follow the
 * documents' last change so that "the most recent matches" is a range of the FTS5 table's row ids,
 * which it walks newest first and stops (docs/decisions/012-search.md, "Broad queries"). Seconds
 * from 1970 to 2106 times 2^21 stay below 2^53, a safe JavaScript integer.
 */
function firstIdOfSecond(updatedAt: string): number {
  const seconds = Math.floor(Date.parse(updatedAt) / 1000);
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), 2 ** 32 - 1) * idsPerSecond : 0;
}

/**
 * Ids that follow the documents' last change: the next free id of each one's second. Writers take
 * turns on SQLite (one transaction writes at a time), so the highest id of a second is the last
 * one taken.
 */
async function recencyIds(tx: Db, rows: readonly IndexRow[]): Promise<Map<string, number>> {
  const seconds = [...new Set(rows.map((row) => firstIdOfSecond(row.updatedAt)))];
  const { rows: last } = await sql<{ first: number; last: number | null }>`
    select s.column1 as first, (select max(id) from search_documents where id >= s.column1 and id < s.column1 + ${idsPerSecond}) as last
    from (values ${sql.join(seconds.map((first) => sql`(${first})`))}) as s`.execute(tx);
  const next = new Map(last.map((r) => [Number(r.first), r.last === null ? Number(r.first) : Number(r.last) + 1]));
  const idOf = new Map<string, number>();
  for (const row of rows) {
    const first = firstIdOfSecond(row.updatedAt);
    const id = next.get(first)!;
    idOf.set(row.recordId, id);
    next.set(first, id + 1);
  }
  return idOf;
}

/** Most recent change first: ids follow the last change, and FTS5 walks its row ids either way without sorting. */
const newestFirst = sql`search_terms.rowid desc`;

export const sqliteIndex: IndexBackend = {
  async write(tx: Db, written: readonly IndexRow[]) {
    if (written.length === 0) return;
    const idOf = await recencyIds(tx, written);
    // In the order of their ids: FTS5 flushes the terms it holds in memory whenever a row id is not
    // above the previous one, and many small flushes are many segments to merge.
    const rows = [...written].sort((a, b) => idOf.get(a.recordId)! - idOf.get(b.recordId)!);
    await sql`
      insert into search_documents (id, kind, record_id, language, title, url, visibility, updated_at, facets)
      values ${sql.join(rows.map((row) => sql`(${idOf.get(row.recordId)!}, ${row.kind}, ${row.recordId}, ${row.language}, ${row.title}, ${row.url}, ${row.visibility}, ${row.updatedAt}, ${facetsOf(row)})`))}`.execute(tx);
    await insertTexts(tx, rows, idOf);
    await sql`insert into search_terms (rowid, a, b, c, d) values ${sql.join(rows.map((row) =>
      sql`(${idOf.get(row.recordId)!}, ${sql.join(row.stemmed ?? stemmedColumns(row.weighted))})`))}`.execute(tx);
    await insertFacets(tx, rows, idOf);
  },

  async remove(tx, kind, recordIds) {
    const ids = documentIds(kind, recordIds);
    await sql`delete from search_terms where rowid in (${ids})`.execute(tx);
    await removeDocuments(tx, ids);
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
      matching,
    };
  },

  /**
   * The oldest of the most recent matches is found by walking the matches newest first; the
   * matches from its id on (a range FTS5 reads alone) are ranked, the older ones listed after them.
   */
  async rankPage(db, compiled, where, page): Promise<RankedPage> {
    const matches = sql`${compiled.documents} where ${where}`;
    const oldest = await sql<{ id: number }>`select d.id from ${matches} order by ${newestFirst} limit 1 offset ${rankedMatches - 1}`.execute(db);
    const floor = oldest.rows[0] ? Number(oldest.rows[0].id) : null;
    const recent: RawBuilder<unknown> = floor === null ? matches : sql`${matches} and search_terms.rowid >= ${floor}`;
    const ids = page.offset < rankedMatches
      ? (await sql<{ id: number }>`select d.id from ${recent} order by ${compiled.rank}, ${newestFirst}
          limit ${Math.min(page.limit, rankedMatches - page.offset)} offset ${page.offset}`.execute(db)).rows.map((r) => Number(r.id))
      : [];
    if (floor !== null && ids.length < page.limit) {
      const older = await sql<{ id: number }>`select d.id from ${matches} and search_terms.rowid < ${floor} order by ${newestFirst}
        limit ${page.limit - ids.length} offset ${Math.max(0, page.offset - rankedMatches)}`.execute(db);
      ids.push(...older.rows.map((r) => Number(r.id)));
    }
    // Fewer matches than a first page holds: they are all there is.
    const total = floor === null && page.offset === 0 && ids.length < page.limit ? ids.length : null;
    return { ids, total, counted: recent };
  },
};
