import { sql, type RawBuilder } from 'kysely';
import { dialectOf, serializeOn, type Db } from '../db/index.ts';
import type { Actor } from '../auth/identity.ts';
import { isEmptyQuery, opening, parseQuery, snippet, type ParsedQuery } from './text.ts';
import { availableParallelism } from 'node:os';
import { sqliteIndex } from './sqlite.ts';
import { postgresIndex } from './postgres.ts';
import type { IndexTables } from './documents.ts';
import { indexKey, rebuildInParallel } from './rebuild.ts';
import { Stemmer } from './stemming.ts';

/**
 * Search across languages (docs/decisions/012-search.md). Modules declare what they put in the
 * index (a SearchSource in their manifest) and call `indexRecords` in every command that changes
 * it, inside the command's transaction; the platform answers queries over every source at once.
 */

/** How much a field counts: A (titles) above B above C above D. */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/** A text in a language (BCP 47: es, en, pt and fr are stemmed, others only folded). */
export interface SearchText {
  language: string;
  text: string;
}

export type SearchVisibility = 'public' | 'restricted';

/** What a module puts in the index for one of its records. */
export interface SearchDocument {
  recordId: string;
  /** The language it was written in. */
  language: string;
  /** What a result shows as its link. */
  title: string;
  url: string;
  /** `restricted`: seen only by those the source's `visibleTo` names. */
  visibility: SearchVisibility;
  /** Recent first among equally relevant results. */
  updatedAt: string;
  /** Each declared field: a text in the document's language, or its versions in several languages. */
  fields: Record<string, string | null | undefined | readonly SearchText[]>;
  /** What results can be narrowed by, besides kind and language. */
  facets?: {
    initiative?: { id: string; name: string } | null;
    countries?: readonly string[];
    year?: number | null;
  };
}

/** One kind of thing a module makes searchable, declared in its manifest. */
export interface SearchSource {
  /** Unique across modules: `initiative`, `event`. */
  kind: string;
  /** The catalog key that names this kind (in facets). */
  label: string;
  /** Its fields and how much each counts; a document's `fields` carry their texts. */
  fields: Record<string, SearchWeight>;
  /** Every record that may be indexed (for a rebuild). */
  recordIds(db: Db): Promise<string[]>;
  /**
   * Its records come with the release, not from commands (a few dozen documents, such as the
   * setup toolkit's guidance): indexed afresh at every start-up, so a new release's text replaces
   * the old one without a rebuild (`indexShippedSources`).
   */
  shipped?: boolean;
  /** The documents of these records; a record that is gone (or not searchable) is left out. */
  documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]>;
  /** Which of its restricted documents the actor may see (through the module's policy): all, or these records. */
  visibleTo(db: Db, actor: Actor): Promise<'all' | readonly string[]>;
}

export const facetNames = ['kind', 'initiative', 'country', 'language', 'year'] as const;
export type FacetName = (typeof facetNames)[number];

/** A document as the index stores it. */
export interface IndexRow {
  kind: string;
  recordId: string;
  language: string;
  title: string;
  url: string;
  visibility: SearchVisibility;
  updatedAt: string;
  /** Texts by weight. */
  weighted: Record<SearchWeight, SearchText[]>;
  /** Texts shown in snippets (every field but the titles). */
  texts: SearchText[];
  facets: Array<{ facet: FacetName; value: string; label: string | null }>;
  /** SQLite: the four columns of terms, when stemmed ahead (a rebuild's worker thread). */
  stemmed?: string[];
}

export const weights: readonly SearchWeight[] = ['A', 'B', 'C', 'D'];

/** What one database does: write and remove documents, and find them. */
export interface IndexBackend {
  /** Into the live tables, or (PostgreSQL's rebuild) into others with the same columns. */
  write(tx: Db, rows: readonly IndexRow[], tables?: IndexTables): Promise<void>;
  remove(tx: Db, kind: string, recordIds: readonly string[] | 'all'): Promise<void>;
  /** The query as a condition on `d` (search_documents), an ordering by relevance, and the terms that match (for highlighting). */
  compile(db: Db, query: ParsedQuery): Promise<CompiledQuery | null>;
  /** The page's matches: the most recent `rankedMatches` ranked by relevance, then the older ones, most recent first. */
  rankPage(db: Db, compiled: CompiledQuery, where: RawBuilder<unknown>, page: { limit: number; offset: number }): Promise<RankedPage>;
}

export interface CompiledQuery {
  /** What follows `from`: the documents as `d`, with what the condition needs joined. */
  documents: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
  /** Relevance, lowest best (bm25's sign). */
  rank: RawBuilder<unknown>;
  /** Folded terms (stems) a highlighted word may have. */
  matching: Set<string>;
}

function backendOf(db: Db): IndexBackend {
  return dialectOf(db) === 'postgres' ? postgresIndex : sqliteIndex;
}

/** A module's document as the index stores it. */
export function toIndexRow(source: SearchSource, document: SearchDocument): IndexRow {
  const weighted: Record<SearchWeight, SearchText[]> = { A: [], B: [], C: [], D: [] };
  const texts: SearchText[] = [];
  const languages = new Set([document.language]);
  for (const [field, weight] of Object.entries(source.fields)) {
    const value = document.fields[field];
    if (!value) continue;
    const list = typeof value === 'string' ? [{ language: document.language, text: value }] : value.filter((t) => t.text.trim());
    weighted[weight].push(...list);
    if (weight !== 'A') texts.push(...list);
    for (const t of list) languages.add(t.language);
  }
  const facets: IndexRow['facets'] = [{ facet: 'kind', value: source.kind, label: null }];
  for (const language of languages) facets.push({ facet: 'language', value: language, label: null });
  const extra = document.facets ?? {};
  if (extra.initiative) facets.push({ facet: 'initiative', value: extra.initiative.id, label: extra.initiative.name });
  for (const country of new Set(extra.countries ?? [])) facets.push({ facet: 'country', value: country, label: null });
  if (extra.year) facets.push({ facet: 'year', value: String(extra.year), label: null });
  return {
    kind: source.kind, recordId: document.recordId, language: document.language, title: document.title, url: document.url,
    visibility: document.visibility, updatedAt: document.updatedAt, weighted, texts, facets,
  };
}

/**
 * Records read and written at a time: within a statement's parameters (about 20 a document), and
 * large, as each write makes FTS5 flush the terms it holds (SQLite ids follow the last change, not
 * the order of writing): 400 instead of 100 made a rebuild of 100,000 documents 8 % faster.
 */
const batchSize = 400;

/**
 * Brings the index up to date for these records of a source: call it in the transaction of every
 * command that changes them, so that the index never says what the records do not.
 */
export async function indexRecords(tx: Db, source: SearchSource, recordIds: readonly string[]): Promise<void> {
  const backend = backendOf(tx);
  // Until the command commits: a PostgreSQL rebuild notes what changed while it ran, and swaps, while no command holds it (rebuild.ts).
  if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock_shared(hashtext(${indexKey}))`.execute(tx);
  // In batches: a large import must not pass more parameters than a statement may hold.
  for (let i = 0; i < recordIds.length; i += batchSize) {
    const batch = recordIds.slice(i, i + batchSize);
    const documents = await source.documents(tx, batch);
    await backend.remove(tx, source.kind, batch);
    await backend.write(tx, documents.map((d) => toIndexRow(source, d)));
  }
}

/**
 * What rebuilds of one source wait for: two servers starting on one PostgreSQL rebuild at the same
 * moment, and without it both insert the same documents.
 */
const rebuildKey = (source: SearchSource) => `search.rebuild.${source.kind}`;

/** How a rebuild goes: on PostgreSQL, how many connections write at once (by default one per core of this machine). */
export interface RebuildOptions {
  start?(total: number): void;
  tick?(count: number): void;
  writers?: number;
}

/** At most this many writers: the pool holds ten connections, and requests go on meanwhile. */
const mostWriters = 6;

/**
 * Rebuilds every source's part of the index; searches meanwhile see the old index whole. Running it
 * twice gives the same index. On PostgreSQL into shadow tables from several connections, swapped
 * in at the end (rebuild.ts); on SQLite each source in one transaction, its next batch stemmed
 * on a worker thread while one is written.
 */
export async function reindex(db: Db, sources: readonly SearchSource[], progress?: RebuildOptions): Promise<number> {
  const all = await Promise.all(sources.map(async (source) => ({ source, ids: await source.recordIds(db) })));
  const total = all.reduce((n, s) => n + s.ids.length, 0);
  progress?.start?.(total);
  if (dialectOf(db) === 'postgres') {
    const writers = Math.min(mostWriters, Math.max(1, progress?.writers ?? availableParallelism()));
    return rebuildInParallel(db, all, writers, progress?.tick ? { tick: progress.tick } : undefined);
  }
  const stemmer = total > stemmedAside ? new Stemmer() : null;
  let indexed = 0;
  try {
    for (const { source, ids } of all) {
      await db.transaction().execute(async (tx) => {
        await serializeOn(tx, rebuildKey(source));
        await sqliteIndex.remove(tx, source.kind, 'all');
        indexed += await writeStemmedAside(tx, source, ids, stemmer, progress);
      });
    }
  } finally {
    await stemmer?.close();
  }
  return indexed;
}

/** Documents from which a SQLite rebuild stems on a worker thread: its start (about 0.15 s, the time to stem a thousand long documents) pays over several batches. */
const stemmedAside = 4 * batchSize;

/** A source's documents written batch by batch, each stemmed (by `stemmer`, if any) while the one before is written. */
async function writeStemmedAside(tx: Db, source: SearchSource, ids: readonly string[], stemmer: Stemmer | null, progress?: RebuildOptions): Promise<number> {
  let written = 0;
  let stemming: { rows: Promise<IndexRow[]>; count: number } | null = null;
  const writeStemmed = async (batch: { rows: Promise<IndexRow[]>; count: number }) => {
    const rows = await batch.rows;
    await sqliteIndex.write(tx, rows);
    written += rows.length;
    progress?.tick?.(batch.count);
  };
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const rows = (await source.documents(tx, batch)).map((d) => toIndexRow(source, d));
    const previous = stemming;
    stemming = { rows: stemmer ? stemmer.stem(rows) : Promise.resolve(rows), count: batch.length };
    // Awaited in turn below; a failure meanwhile must not count as unhandled.
    stemming.rows.catch(() => undefined);
    if (previous) await writeStemmed(previous);
  }
  if (stemming) await writeStemmed(stemming);
  return written;
}

/**
 * Indexes afresh the records of the sources that come with the release (`shipped`), one
 * transaction per source: what start-up does, since no command ever changes them.
 */
export async function indexShippedSources(db: Db, sources: readonly SearchSource[]): Promise<number> {
  let indexed = 0;
  for (const source of sources.filter((s) => s.shipped)) {
    const ids = await source.recordIds(db);
    await db.transaction().execute(async (tx) => {
      await serializeOn(tx, rebuildKey(source));
      await indexRecords(tx, source, ids);
    });
    indexed += ids.length;
  }
  return indexed;
}

/** Whether the index holds nothing (a database that predates it, or a restored one). */
export async function indexIsEmpty(db: Db): Promise<boolean> {
  return (await sql`select 1 from search_documents limit 1`.execute(db)).rows.length === 0;
}

export interface SearchRequest {
  q: string;
  kind?: string;
  initiative?: string;
  country?: string;
  language?: string;
  year?: number;
  limit: number;
  offset: number;
  /** The reader's language: a snippet in it is preferred. */
  locale: string;
  /** Also count the results by facet. */
  facets?: boolean;
}

export interface SearchHit {
  kind: string;
  recordId: string;
  title: string;
  url: string;
  /** HTML: the text escaped, the matching words in <mark>. */
  snippet: string;
  /** The language of the snippet. */
  language: string;
  updatedAt: string;
}

export interface FacetCount {
  value: string;
  label: string | null;
  count: number;
}

export interface SearchResults {
  /** The matches, counted up to `countedMatches`. */
  total: number;
  /** There are more matches than `total`: counting stopped. */
  more: boolean;
  /** How many of them, the most recent, were ranked by relevance (the rest follow by date). */
  ranked: number;
  items: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
}

const noFacets = (): Record<FacetName, FacetCount[]> => ({ kind: [], initiative: [], country: [], language: [], year: [] });

/** What the actor may see: public documents, and the restricted ones each source's policy allows. */
async function visibility(db: Db, sources: readonly SearchSource[], actor: Actor): Promise<RawBuilder<unknown>> {
  const allowed: RawBuilder<unknown>[] = [sql`d.visibility = 'public'`];
  if (actor.user) {
    for (const source of sources) {
      const visible = await source.visibleTo(db, actor);
      if (visible === 'all') allowed.push(sql`d.kind = ${source.kind}`);
      else if (visible.length) allowed.push(sql`(d.kind = ${source.kind} and d.record_id in (${sql.join(visible)}))`);
    }
  }
  return sql`(${sql.join(allowed, sql` or `)})`;
}

function facetFilter(facet: FacetName, value: string): RawBuilder<unknown> {
  return sql`exists (select 1 from search_facets f where f.document_id = d.id and f.facet = ${facet} and f.value = ${value})`;
}

/**
 * At most this many matches are ranked by relevance: the most recent ones. A broader query (a
 * common word) lists the rest after them, most recent first; its facets count these ones
 * (docs/decisions/012-search.md, "Broad queries").
 */
export const rankedMatches = 500;

/** Matches are counted up to this many: a count reads every match it counts. */
export const countedMatches = 10_000;

/** A page of matches, best first: ids only. */
export interface RankedPage {
  ids: number[];
  /** Every match, when known without counting again. */
  total: number | null;
  /** Whose facets are counted (what follows `from`, the documents as `d`): every match, or the ranked ones. */
  counted: RawBuilder<unknown>;
}

/** Finds what the actor may see, best first, with the counts by facet when asked. */
export async function search(db: Db, sources: readonly SearchSource[], actor: Actor, request: SearchRequest): Promise<SearchResults> {
  const parsed = parseQuery(request.q);
  if (isEmptyQuery(parsed)) return { total: 0, more: false, ranked: 0, items: [], facets: noFacets() };
  const compiled = await backendOf(db).compile(db, parsed);
  if (!compiled) return { total: 0, more: false, ranked: 0, items: [], facets: noFacets() };
  const conditions = [compiled.where, await visibility(db, sources, actor)];
  if (request.kind) conditions.push(sql`d.kind = ${request.kind}`);
  if (request.initiative) conditions.push(facetFilter('initiative', request.initiative));
  if (request.country) conditions.push(facetFilter('country', request.country));
  if (request.language) conditions.push(facetFilter('language', request.language));
  if (request.year) conditions.push(facetFilter('year', String(request.year)));
  const where = sql.join(conditions, sql` and `);
  // Ranked by ids alone: the texts of the page's documents only are read afterwards.
  const page = await backendOf(db).rankPage(db, compiled, where, request);
  const [rows, total, facetRows] = await Promise.all([
    page.ids.length
      ? sql<DocumentRow & { id: number }>`
          select d.id, d.kind, d.record_id, d.title, d.url, d.language, t.texts, d.updated_at
          from search_documents d join search_texts t on t.document_id = d.id where d.id in (${sql.join(page.ids)})`.execute(db)
      : Promise.resolve({ rows: [] }),
    page.total ?? sql<{ n: number }>`select count(*) as n from (select 1 from ${compiled.documents} where ${where} limit ${countedMatches + 1}) as m`
      .execute(db).then((r) => Number(r.rows[0]?.n ?? 0)),
    request.facets ? sql<{ facets: string }>`select d.facets from ${page.counted}`.execute(db) : Promise.resolve({ rows: [] }),
  ]);
  const byId = new Map(rows.rows.map((row) => [Number(row.id), row]));
  const facets = countFacets(facetRows.rows.map((row) => row.facets));
  return {
    total: Math.min(total, countedMatches),
    more: total > countedMatches,
    ranked: Math.min(total, rankedMatches),
    // A document removed between the two statements (its record changed meanwhile) is left out.
    items: page.ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [hit(row, compiled.matching, request.locale)] : [];
    }),
    facets,
  };
}

/** The counts by facet of documents' facets (JSON `[[facet, value, label]]` each), most frequent first. */
function countFacets(documents: readonly string[]): Record<FacetName, FacetCount[]> {
  const counts = new Map<string, FacetCount & { facet: FacetName }>();
  for (const document of documents) {
    for (const [facet, value, label] of JSON.parse(document) as Array<[FacetName, string, string | null]>) {
      const key = `${facet}\u0000${value}`;
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { facet, value, label, count: 1 });
    }
  }
  const facets = noFacets();
  for (const { facet, ...count } of counts.values()) facets[facet]?.push(count);
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

interface DocumentRow {
  kind: string;
  record_id: string;
  title: string;
  url: string;
  language: string;
  texts: string;
  updated_at: string;
}

/** A result, with a snippet from its text in the reader's language when that text matches. */
function hit(
  row: DocumentRow,
  matching: ReadonlySet<string>,
  locale: string,
): SearchHit {
  const texts = (JSON.parse(row.texts) as SearchText[])
    .map((t, i) => ({ ...t, order: t.language === locale ? 0 : t.language === row.language ? 1 : 2, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  let chosen: { html: string; language: string } | null = null;
  for (const text of texts) {
    const html = snippet(text.text, text.language, matching);
    if (html) {
      chosen = { html, language: text.language };
      break;
    }
  }
  const first = texts[0];
  chosen ??= first ? { html: opening(first.text), language: first.language } : { html: '', language: row.language };
  return { kind: row.kind, recordId: row.record_id, title: row.title, url: row.url, snippet: chosen.html, language: chosen.language, updatedAt: row.updated_at };
}
