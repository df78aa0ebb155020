import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import { countedMatches, rankedMatches, type CompiledQuery, type IndexBackend, type IndexRow, type RankedPage } from './index.ts';
import { documentIds, facetsOf, insertFacets, insertTexts, liveTables, removeDocuments } from './documents.ts';
import { weights } from './index.ts';
import { accentReadings, fold, stemmedLanguageOf, type ParsedQuery } from './text.ts';

/**
 * The PostgreSQL index: a `tsvector` per document made by the language's own text search
 * configuration (its Snowball stemmer and stop words), then folded (`search_fold_terms`, see the
 * migration), each text weighted A to D. Ranked by ts_rank_cd with the weights below.
 */

const configurations = { es: 'spanish', en: 'english', pt: 'portuguese', fr: 'french' } as const;
const allConfigurations = [...Object.values(configurations), 'simple'] as const;

function configurationOf(language: string): string {
  const stemmed = stemmedLanguageOf(language);
  return stemmed ? configurations[stemmed] : 'simple';
}

/** ts_rank_cd's weights for D, C, B, A. */
const rankWeights = '{0.1, 0.2, 0.4, 1.0}';

/**
 * The month a document last changed, as a term of its vector: no typed word can be it (words are cut
 * at anything not a letter or digit), and ranking reads only the query's terms.
 */
const monthTerm = (month: number) => `@${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;

/** A month as a number (year × 12 + month − 1), from an ISO time. */
const monthOf = (at: string) => Number(at.slice(0, 4)) * 12 + Number(at.slice(5, 7)) - 1;

function vectorOf(row: IndexRow): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`array_to_tsvector(array[${monthTerm(monthOf(row.updatedAt))}])`];
  for (const weight of weights) {
    for (const text of row.weighted[weight]) {
      parts.push(sql`setweight(search_fold_terms(to_tsvector(${configurationOf(text.language)}::regconfig, ${text.text})), ${weight}::"char")`);
    }
  }
  return sql.join(parts, sql` || `);
}

/**
 * The month the `count`th newest document changed in, per database: remembered for a minute, since
 * reading it walks that many entries of an index. An old answer only makes the window wider or
 * narrower, never wrong: the window always runs from it to the newest document's month, read anew.
 */
const oldestMonths = new WeakMap<Db, Map<number, { month: number | null; until: number }>>();

async function oldestMonthOfNewest(db: Db, count: number): Promise<number | null> {
  const known = oldestMonths.get(db) ?? new Map<number, { month: number | null; until: number }>();
  oldestMonths.set(db, known);
  const remembered = known.get(count);
  if (remembered && remembered.until > Date.now()) return remembered.month;
  const { rows } = await sql<{ at: string }>`select updated_at as at from search_documents order by updated_at desc offset ${count - 1} limit 1`.execute(db);
  const month = rows[0] ? monthOf(rows[0].at) : null;
  known.set(count, { month, until: Date.now() + 60_000 });
  return month;
}

/** The months (as terms) from `newest` back to `oldest`. */
function monthsBetween(newest: number, oldest: number): string[] {
  const months: string[] = [];
  for (let m = Math.max(newest, oldest); m >= oldest; m--) months.push(monthTerm(m));
  return months;
}

/**
 * The `rankedMatches` most recent matches of a broad query, looked for among the newest documents
 * first: those of the last months that hold 4 times as many documents as are ranked, then 16, then
 * 64 times (enough when a quarter, a sixteenth, a sixty-fourth of them match), then all of them.
 * The months are terms of the vectors, so the GIN index alone narrows the matches to them, and only
 * those rows are read.
 */
async function newestMatches(db: Db, compiled: CompiledQuery, where: RawBuilder<unknown>): Promise<Array<{ id: number }>> {
  const { rows: [last] } = await sql<{ at: string | null }>`select max(updated_at) as at from search_documents`.execute(db);
  const newest = last?.at ? monthOf(last.at) : null;
  let rows: Array<{ id: number }> = [];
  for (const documents of [4 * rankedMatches, 16 * rankedMatches, 64 * rankedMatches, null]) {
    const oldest = documents === null || newest === null ? null : await oldestMonthOfNewest(db, documents);
    if (documents !== null && oldest === null) continue;
    const recent = newest === null || oldest === null ? where : sql`${where} and d.terms @@ ${monthsBetween(newest, oldest).map(lexeme).join(' | ')}::tsquery`;
    ({ rows } = await sql<{ id: number }>`select d.id from ${compiled.documents} where ${recent} order by ${newestFirst} limit ${rankedMatches}`.execute(db));
    if (rows.length === rankedMatches) break;
  }
  return rows;
}

/** Most recent change first (the ISO times compared byte by byte, which orders them, and faster than by the collation). */
const newestFirst = sql`d.updated_at collate "C" desc, d.id desc`;

/**
 * Every document, in words the planner matches to the two halves of the GIN index (the migration
 * `202612090300_platform_search_terms_halves`): each arm implies one half's condition, so a query
 * scans both indexes. Written out, so that even a generic plan proves each half's condition.
 */
const inEitherHalf = sql`(d.id % 2 = 0 or d.id % 2 = 1)`;

/** A term inside a tsquery's text. */
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

export const postgresIndex: IndexBackend = {
  async write(tx: Db, rows: readonly IndexRow[], tables = liveTables) {
    if (rows.length === 0) return;
    const { rows: inserted } = await sql<{ id: number; record_id: string }>`
      insert into ${sql.table(tables.documents)} (kind, record_id, language, title, url, visibility, updated_at, facets, terms)
      values ${sql.join(rows.map((row) => sql`(${row.kind}, ${row.recordId}, ${row.language}, ${row.title}, ${row.url}, ${row.visibility},
        ${row.updatedAt}, ${facetsOf(row)}, ${vectorOf(row)})`))}
      returning id, record_id`.execute(tx);
    const idOf = new Map(inserted.map((r) => [r.record_id, r.id]));
    await insertTexts(tx, rows, idOf, tables);
    await insertFacets(tx, rows, idOf, tables);
  },

  async remove(tx, kind, recordIds) {
    await removeDocuments(tx, documentIds(kind, recordIds));
  },

  /**
   * Each word typed (and its readings with accents) goes through every configuration in one
   * statement; a word is left out when a configuration drops it as a stop word, and in a phrase
   * such a word leaves a gap, as PostgreSQL's own phrase search does.
   */
  async compile(db: Db, query: ParsedQuery): Promise<CompiledQuery | null> {
    const typed = [...query.words, ...query.phrases.flat()];
    const readings: Array<{ word: number; reading: string; raw: boolean }> = [];
    typed.forEach((word, i) => {
      for (const reading of accentReadings(word)) readings.push({ word: i, reading, raw: reading === word.toLowerCase() });
    });
    const { rows } = await sql<{ word: number; raw: boolean; configuration: string; form: string }>`
      select r.word, r.raw, c.configuration, search_fold(l.lexeme) as form
      from unnest(${readings.map((r) => r.word)}::int[], ${readings.map((r) => r.reading)}::text[], ${readings.map((r) => r.raw)}::boolean[]) as r(word, reading, raw)
      cross join unnest(${[...allConfigurations]}::text[]) as c(configuration)
      cross join lateral unnest(tsvector_to_array(to_tsvector(c.configuration::regconfig, r.reading))) as l(lexeme)`.execute(db);
    // forms[word][configuration]: its terms; a stop word in a configuration has none there.
    const forms = typed.map(() => new Map<string, Set<string>>());
    const stopIn = typed.map(() => new Set<string>(allConfigurations));
    for (const row of rows) {
      const byConfiguration = forms[row.word]!;
      if (!byConfiguration.has(row.configuration)) byConfiguration.set(row.configuration, new Set());
      byConfiguration.get(row.configuration)!.add(row.form);
      if (row.raw) stopIn[row.word]!.delete(row.configuration);
    }
    const matching = new Set<string>();
    for (const byConfiguration of forms) for (const set of byConfiguration.values()) set.forEach((f) => matching.add(f));
    const groups: string[] = [];
    // A stop word in any language is no help in finding documents in all of them (unless the query has nothing else).
    const meaningful = query.words.map((_, i) => stopIn[i]!.size === 0);
    const keepAll = query.phrases.length === 0 && !meaningful.includes(true);
    query.words.forEach((word, i) => {
      if (!meaningful[i] && !keepAll) return;
      const all = new Set([fold(word)]);
      for (const set of forms[i]!.values()) set.forEach((f) => all.add(f));
      groups.push(`(${[...all].map(lexeme).join(' | ')})`);
    });
    let offset = query.words.length;
    for (const phrase of query.phrases) {
      const spellings: string[] = [];
      for (const configuration of allConfigurations) {
        let text = '';
        let gap = 1;
        phrase.forEach((_, j) => {
          const i = offset + j;
          const set = stopIn[i]!.has(configuration) ? undefined : forms[i]!.get(configuration);
          if (!set) {
            if (text) gap++;
            return;
          }
          const group = `(${[...set].map(lexeme).join(' | ')})`;
          text = text ? `${text} <${gap}> ${group}` : group;
          gap = 1;
        });
        if (text) spellings.push(`(${text})`);
      }
      offset += phrase.length;
      if (spellings.length) groups.push(`(${spellings.join(' | ')})`);
    }
    if (groups.length === 0) return null;
    const tsquery = sql`${groups.join(' & ')}::tsquery`;
    return {
      documents: sql`search_documents d`,
      where: sql`d.terms @@ ${tsquery} and ${inEitherHalf}`,
      rank: sql`-ts_rank_cd(${rankWeights}::float4[], d.terms, ${tsquery})`,
      matching,
    };
  },

  /**
   * The first matches found, one more than are ranked, tell a narrower query (those are all its
   * matches: ranked whole, by their ids) from a broader one, counted up to `countedMatches` meanwhile
   * and ranked among its most recent matches (`newestMatches`). A page past them lists the older
   * matches, most recent first (reading every match: only deep pages of broad queries do). Only the
   * kept matches' vectors are read, to rank them.
   */
  async rankPage(db, compiled, where, page): Promise<RankedPage> {
    const { rows: first } = await sql<{ id: number }>`select d.id from ${compiled.documents} where ${where} limit ${rankedMatches + 1}`.execute(db);
    const broad = first.length > rankedMatches;
    // Counted on another connection meanwhile; awaited at the end (a failure before then is not left unhandled).
    const total = broad
      ? sql<{ n: number }>`select count(*) as n from (select 1 from ${compiled.documents} where ${where} limit ${countedMatches + 1}) as m`
        .execute(db).then((r) => Number(r.rows[0]?.n ?? 0))
      : Promise.resolve(first.length);
    total.catch(() => undefined);
    const kept = sql`${(broad ? await newestMatches(db, compiled, where) : first).map((r) => Number(r.id))}::bigint[]`;
    const ids = page.offset < rankedMatches
      ? (await sql<{ id: number }>`select d.id from search_documents d where d.id = any(${kept}) order by ${compiled.rank}, ${newestFirst}
          limit ${Math.min(page.limit, rankedMatches - page.offset)} offset ${page.offset}`.execute(db)).rows.map((r) => Number(r.id))
      : [];
    if (broad && ids.length < page.limit) {
      const older = await sql<{ id: number }>`select d.id from ${compiled.documents} where ${where} order by ${newestFirst}
        limit ${page.limit - ids.length} offset ${Math.max(rankedMatches, page.offset)}`.execute(db);
      ids.push(...older.rows.map((r) => Number(r.id)));
    }
    return { ids, total: await total, counted: sql`search_documents d where d.id = any(${kept})` };
  },
};
