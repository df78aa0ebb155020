import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import type { CompiledQuery, IndexBackend, IndexRow } from './index.ts';
import { documentIds, insertFacets } from './documents.ts';
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

function vectorOf(row: IndexRow): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const weight of weights) {
    for (const text of row.weighted[weight]) {
      parts.push(sql`setweight(search_fold_terms(to_tsvector(${configurationOf(text.language)}::regconfig, ${text.text})), ${weight}::"char")`);
    }
  }
  return parts.length ? sql.join(parts, sql` || `) : sql`''::tsvector`;
}

/** A term inside a tsquery's text. */
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

export const postgresIndex: IndexBackend = {
  async write(tx: Db, rows: readonly IndexRow[]) {
    if (rows.length === 0) return;
    const { rows: inserted } = await sql<{ id: number; record_id: string }>`
      insert into search_documents (kind, record_id, language, title, url, visibility, updated_at, texts, terms)
      values ${sql.join(rows.map((row) => sql`(${row.kind}, ${row.recordId}, ${row.language}, ${row.title}, ${row.url}, ${row.visibility},
        ${row.updatedAt}, ${JSON.stringify(row.texts)}, ${vectorOf(row)})`))}
      returning id, record_id`.execute(tx);
    const idOf = new Map(inserted.map((r) => [r.record_id, r.id]));
    await insertFacets(tx, rows, idOf);
  },

  async remove(tx, kind, recordIds) {
    const ids = documentIds(kind, recordIds);
    await sql`delete from search_facets where document_id in (${ids})`.execute(tx);
    await sql`delete from search_documents where id in (${ids})`.execute(tx);
  },

  /**
   * New documents go to the GIN index's pending list (its fast-update buffer), moved into the
   * index proper whenever it outgrows gin_pending_list_limit: a rebuild lets it grow larger and
   * gives the move more memory, so that it happens less often and in bigger, cheaper sweeps
   * (about a third faster measured). For this transaction only.
   */
  async beforeRebuild(tx) {
    await sql`select set_config('gin_pending_list_limit', '65536', true), set_config('work_mem', '65536', true), set_config('maintenance_work_mem', '131072', true)`.execute(tx);
  },

  /**
   * A rebuild leaves documents in the pending list, which every query must scan whole and which
   * makes the planner prefer reading every vector: moved into the index proper now, rather than
   * whenever autovacuum comes.
   */
  async afterRebuild(tx) {
    await sql`select gin_clean_pending_list('search_documents_terms'::regclass)`.execute(tx);
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
      where: sql`d.terms @@ ${tsquery}`,
      rank: sql`-ts_rank_cd(${rankWeights}::float4[], d.terms, ${tsquery})`,
      countWhileRanking: true,
      matching,
    };
  },
};
