/**
 * The baseline of `npm run bench:search`: the query path as it was before broad queries were
 * ranked among their most recent matches (commit c9521ac), kept here only to be measured against in
 * the same run. Every match is ranked (bm25 / ts_rank_cd), and counted, whatever their number; the
 * page's texts are read afterwards and their snippets made as today. The query is compiled by
 * today's backends (the condition and the ranking expression are unchanged).
 */
import { sql } from 'kysely';
import { dialectOf, type Db } from '../src/platform/db/index.ts';
import { postgresIndex } from '../src/platform/search/postgres.ts';
import { sqliteIndex } from '../src/platform/search/sqlite.ts';
import type { SearchText } from '../src/platform/search/index.ts';
import { opening, parseQuery, snippet } from '../src/platform/search/text.ts';

/** The first 20 results for an anonymous reader, with their snippets; answers the total. */
export async function previousSearch(db: Db, q: string, locale: string): Promise<{ total: number; snippets: string[] }> {
  const postgres = dialectOf(db) === 'postgres';
  const compiled = await (postgres ? postgresIndex : sqliteIndex).compile(db, parseQuery(q));
  if (!compiled) return { total: 0, snippets: [] };
  const matches = sql`${compiled.documents} where ${compiled.where} and d.visibility = 'public'`;
  const [ranked, counted] = await Promise.all([
    sql<{ id: number }>`select d.id from ${matches} order by ${compiled.rank}, d.updated_at desc, d.id limit 20`.execute(db),
    sql<{ n: number }>`select count(*) as n from ${matches}`.execute(db),
  ]);
  const ids = ranked.rows.map((r) => Number(r.id));
  const { rows } = ids.length
    ? await sql<{ language: string; texts: string }>`
        select d.language, t.texts from search_documents d join search_texts t on t.document_id = d.id where d.id in (${sql.join(ids)})`.execute(db)
    : { rows: [] };
  return { total: Number(counted.rows[0]?.n ?? 0), snippets: rows.map((row) => snippetOf(row, compiled.matching, locale)) };
}

function snippetOf(row: { language: string; texts: string }, matching: ReadonlySet<string>, locale: string): string {
  const texts = (JSON.parse(row.texts) as SearchText[])
    .map((t, i) => ({ ...t, order: t.language === locale ? 0 : t.language === row.language ? 1 : 2, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  for (const text of texts) {
    const html = snippet(text.text, text.language, matching);
    if (html) return html;
  }
  return texts[0] ? opening(texts[0].text) : '';
}
