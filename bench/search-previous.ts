/**
 * The baseline of `npm run bench:search`: the query path as it was before it was made fast
 * (commit d86920d), kept here only to be measured against in the same run. One statement ranks
 * every match, texts included, and counts them by a window over them all; snippets mark every word
 * of a result's text before choosing the passage. The query is compiled by today's backends (the
 * condition and the ranking expression are unchanged), joined the way it was then.
 */
import { sql } from 'kysely';
import { dialectOf, type Db } from '../src/platform/db/index.ts';
import { postgresIndex } from '../src/platform/search/postgres.ts';
import { sqliteIndex } from '../src/platform/search/sqlite.ts';
import type { SearchText } from '../src/platform/search/index.ts';
import { escapeHtml, fold, opening, parseQuery, stemmedLanguageOf, term, words } from '../src/platform/search/text.ts';

const snippetWords = 32;

/** The first 20 results for an anonymous reader, with their snippets; answers the total. */
export async function previousSearch(db: Db, q: string, locale: string): Promise<{ total: number; snippets: string[] }> {
  const postgres = dialectOf(db) === 'postgres';
  const compiled = await (postgres ? postgresIndex : sqliteIndex).compile(db, parseQuery(q));
  if (!compiled) return { total: 0, snippets: [] };
  const joined = postgres ? sql`` : sql`join search_terms on search_terms.rowid = d.id`;
  const { rows } = await sql<{ language: string; texts: string; total: number }>`
    select m.*, count(*) over () as total from (
      select d.id, d.kind, d.record_id, d.title, d.url, d.language, d.texts, d.updated_at, ${compiled.rank} as rank
      from search_documents d ${joined} where ${compiled.where} and d.visibility = 'public'
    ) as m
    order by m.rank, m.updated_at desc, m.id limit 20`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), snippets: rows.map((row) => previousSnippetOf(row, compiled.matching, locale)) };
}

function previousSnippetOf(row: { language: string; texts: string }, matching: ReadonlySet<string>, locale: string): string {
  const texts = (JSON.parse(row.texts) as SearchText[])
    .map((t, i) => ({ ...t, order: t.language === locale ? 0 : t.language === row.language ? 1 : 2, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  for (const text of texts) {
    const html = previousSnippet(text.text, text.language, matching);
    if (html) return html;
  }
  return texts[0] ? opening(texts[0].text) : '';
}

function previousSnippet(text: string, language: string, matching: ReadonlySet<string>): string | null {
  const stemmed = stemmedLanguageOf(language);
  const all = words(text);
  const normalized = text.normalize('NFC');
  const hits = all.map((w) => matching.has(term(w.text, stemmed)) || matching.has(fold(w.text)));
  const first = hits.indexOf(true);
  if (first < 0) return null;
  const from = Math.max(0, first - 8);
  const to = Math.min(all.length, from + snippetWords);
  let html = from > 0 ? '… ' : '';
  let cursor = from > 0 ? all[from]!.start : 0;
  for (let i = from; i < to; i++) {
    const word = all[i]!;
    html += escapeHtml(normalized.slice(cursor, word.start));
    html += hits[i] ? `<mark>${escapeHtml(word.text)}</mark>` : escapeHtml(word.text);
    cursor = word.end;
  }
  if (to < all.length) html += ' …';
  else html += escapeHtml(normalized.slice(cursor));
  return html;
}
