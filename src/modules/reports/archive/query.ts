/**
 * The public archive of published reports (docs/decisions/026-reports-archive.md): its filters,
 * a page of it, and the whole filtered list for exports and feeds. Every statement reads the
 * narrow `report_archive` table through an index; drafts have no row there.
 */
import { z } from 'zod';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { dataVersion } from '../../../platform/audit.ts';
import { wholeNumber } from '../../../platform/validation.ts';
import { locales } from '../../../platform/i18n/index.ts';
import { isCountryCode } from '../../../platform/geo/iso3166.ts';
import { stakeholderKeys, type StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { findInitiativeBySlug, initiativeNames, initiativesInCountry } from '../../initiatives/index.ts';
import { reportsDb, type ReportArchiveTable, type ReportsTables } from '../tables.ts';
import { bitsCountedAs } from './groups.ts';

export const archivePageSize = 20;
/** Pages beyond this are not offered: a deeper page is read as the first (filters narrow the list instead). */
export const maxArchivePage = 5_000;

/** One value of a query string, or nothing when it is absent or repeated oddly. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => (v === '' ? undefined : v);

/** The archive's query string: a value that makes no sense is ignored (the list is shown unfiltered by it), never an error. */
export const ArchiveQuerySchema = z.object({
  initiative: z.preprocess((v) => blank(first(v)), z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).optional()).catch(undefined),
  country: z.preprocess((v) => { const s = blank(first(v)); return typeof s === 'string' ? s.toUpperCase() : s; }, z.string().refine(isCountryCode).optional()).catch(undefined),
  year: z.preprocess((v) => blank(first(v)), wholeNumber(1900, 2200).optional()).catch(undefined),
  track: z.preprocess((v) => blank(first(v)), z.string().max(200).refine((s) => !/[\u0000-\u001f]/.test(s)).optional()).catch(undefined),
  language: z.preprocess((v) => blank(first(v)), z.enum(locales).optional()).catch(undefined),
  group: z.preprocess((v) => (v === undefined ? [] : [v].flat().filter((g) => g !== '')), z.array(z.enum(stakeholderKeys)).max(stakeholderKeys.length)).catch([])
    .transform((groups) => [...new Set(groups)]),
  page: z.preprocess((v) => blank(first(v)), wholeNumber(1, maxArchivePage).default(1)).catch(1),
});
export type ArchiveQuery = z.output<typeof ArchiveQuerySchema>;
export type ArchiveFilters = Omit<ArchiveQuery, 'page'>;

/** What the filters become once their names are resolved: initiative ids (none: nothing matches). */
export interface ResolvedFilters extends ArchiveFilters {
  initiativeIds?: string[];
}

/**
 * Turns the slug and the country into initiative ids: two small reads through the initiatives
 * module, so that the archive's statement filters on its own indexed column.
 */
export async function resolveFilters(db: Db, filters: ArchiveFilters): Promise<ResolvedFilters> {
  let ids: string[] | undefined;
  if (filters.initiative) {
    const initiative = await findInitiativeBySlug(db, filters.initiative);
    ids = initiative ? [initiative.id] : [];
  }
  if (filters.country) {
    const inCountry = await initiativesInCountry(db, filters.country);
    ids = ids ? ids.filter((id) => inCountry.includes(id)) : inCountry;
  }
  return { ...filters, initiativeIds: ids };
}

type ArchiveSelect = SelectQueryBuilder<ReportsTables, 'report_archive', object>;

/** The filtered archive, not yet ordered. A group filter keeps reports naming each chosen group (as the taxonomy counts them). */
function filtered(db: Db, filters: ResolvedFilters, taxonomy: StakeholderTaxonomy): ArchiveSelect {
  let query = reportsDb(db).selectFrom('report_archive') as ArchiveSelect;
  if (filters.initiativeIds) {
    const ids = filters.initiativeIds;
    query = ids.length ? query.where('report_archive.initiative_id', 'in', ids) : query.where((eb) => eb.val(1), '=', 0);
  }
  if (filters.year) query = query.where('report_archive.held_on', '>=', `${filters.year}-01-01`).where('report_archive.held_on', '<', `${filters.year + 1}-01-01`);
  if (filters.language) query = query.where('report_archive.language', '=', filters.language);
  if (filters.track) query = query.where('report_archive.track', '=', filters.track);
  // Each chosen group present: one of the stored values the taxonomy counts as it.
  for (const group of filters.group) query = query.where(sql<number>`(report_archive.stakeholder_groups & ${bitsCountedAs(taxonomy, group)})`, '<>', 0);
  return query;
}

export interface ArchiveItem extends ReportArchiveTable {
  initiative: { slug: string; name: string };
}

async function withInitiatives(db: Db, rows: ReportArchiveTable[]): Promise<ArchiveItem[]> {
  const names = await initiativeNames(db, rows.map((r) => r.initiative_id));
  return rows.map((r) => ({ ...r, version: Number(r.version), stakeholder_groups: Number(r.stakeholder_groups), initiative: { slug: names.get(r.initiative_id)?.slug ?? '', name: names.get(r.initiative_id)?.name ?? '' } }));
}

/** One page of the archive, newest session first, and how many there are in all. */
export async function archivePage(db: Db, filters: ResolvedFilters, taxonomy: StakeholderTaxonomy, page: { limit: number; offset: number }) {
  const base = filtered(db, filters, taxonomy);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  // Counted first: a filter no report meets (or a page past the end) would otherwise walk the whole index a second time for nothing.
  if (page.offset >= total) return { total, items: [] };
  // The page's ids first, from the index alone, then their rows: a deep page skips its offset in
  // index entries, not in table rows (page 5,000 of 100,000 on PostgreSQL: 99 → 26 ms, docs/decisions/026 "Scale").
  const ids = base.select('report_archive.report_id').orderBy('report_archive.held_on', 'desc').orderBy('report_archive.report_id', 'desc')
    .limit(page.limit).offset(page.offset);
  const rows = await reportsDb(db).selectFrom('report_archive').selectAll().where('report_id', 'in', ids)
    .orderBy('held_on', 'desc').orderBy('report_id', 'desc').execute();
  return { total, items: await withInitiatives(db, rows) };
}

/**
 * The whole filtered archive for an export, newest first, page after page by keyset: a page at
 * row 90,000 costs what the first does.
 */
export async function* archivePages(db: Db, filters: ResolvedFilters, taxonomy: StakeholderTaxonomy, pageSize = 1000): AsyncGenerator<ArchiveItem[]> {
  let last: ReportArchiveTable | undefined;
  for (;;) {
    let query = filtered(db, filters, taxonomy);
    if (last) {
      const after = last;
      // A row comparison, which both databases seek in the index; the same test spelled with `or`
      // made SQLite scan it from the start on every page (2 s for 100,000 rows, docs/decisions/026 "Scale").
      query = query.where((eb) => eb(eb.refTuple('report_archive.held_on', 'report_archive.report_id'), '<', eb.tuple(after.held_on, after.report_id)));
    }
    const rows = await query.selectAll('report_archive').orderBy('report_archive.held_on', 'desc').orderBy('report_archive.report_id', 'desc').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield withInitiatives(db, rows);
    if (rows.length < pageSize) return;
    last = rows.at(-1);
  }
}

/** The latest published or amended reports, for a feed: most recently changed first. */
export async function recentlyPublished(db: Db, filters: ResolvedFilters, taxonomy: StakeholderTaxonomy, limit = 50): Promise<ArchiveItem[]> {
  const rows = await filtered(db, filters, taxonomy).selectAll('report_archive')
    .orderBy('report_archive.updated_at', 'desc').orderBy('report_archive.report_id', 'desc').limit(limit).execute();
  return withInitiatives(db, rows);
}

/** The reports' summaries (a feed's entries), read for the few shown. */
export async function summariesOf(db: Db, reportIds: readonly string[]): Promise<Map<string, { summary: string | null; takeaways: string[] }>> {
  if (reportIds.length === 0) return new Map();
  const rows = await reportsDb(db).selectFrom('reports').select(['id', 'content']).where('id', 'in', [...reportIds]).where('status', '=', 'published').execute();
  return new Map(rows.map((r) => {
    const content = JSON.parse(r.content) as { summary?: string | null; takeaways?: Array<{ text: string }> };
    return [r.id, { summary: content.summary ?? null, takeaways: (content.takeaways ?? []).map((t) => t.text) }];
  }));
}

export interface ArchiveChoices {
  initiatives: Array<{ slug: string; name: string }>;
  tracks: string[];
  years: number[];
}

/** The choices as of a data version: they change only when something is written (every write moves the version). */
const knownChoices = new WeakMap<Db, { version: number; choices: Promise<ArchiveChoices> }>();

/**
 * What the filters offer: the initiatives and tracks that have published reports, and the years
 * they span. Reading them scans the archive's indexes (tens of milliseconds on PostgreSQL at
 * 100,000 reports), so they are read once per data version, not on every page.
 */
export async function archiveChoices(db: Db): Promise<ArchiveChoices> {
  const version = await dataVersion(db);
  const known = knownChoices.get(db);
  if (known?.version === version) return known.choices;
  const choices = readChoices(db);
  knownChoices.set(db, { version, choices });
  // A failed read is not kept.
  choices.catch(() => knownChoices.delete(db));
  return choices;
}

async function readChoices(db: Db): Promise<ArchiveChoices> {
  const archive = reportsDb(db);
  const [initiativeRows, trackRows, span] = await Promise.all([
    archive.selectFrom('report_archive').select('initiative_id').distinct().execute(),
    archive.selectFrom('report_archive').select('track').distinct().where('track', 'is not', null).orderBy('track').limit(200).execute(),
    archive.selectFrom('report_archive').select((eb) => [eb.fn.min('held_on').as('first'), eb.fn.max('held_on').as('last')]).executeTakeFirst(),
  ]);
  const names = await initiativeNames(db, initiativeRows.map((r) => r.initiative_id));
  const initiatives = [...names.values()].map((i) => ({ slug: i.slug, name: i.name })).sort((a, b) => a.name.localeCompare(b.name));
  const firstYear = span?.first ? Number(String(span.first).slice(0, 4)) : null;
  const lastYear = span?.last ? Number(String(span.last).slice(0, 4)) : null;
  const years = firstYear && lastYear ? Array.from({ length: lastYear - firstYear + 1 }, (_, i) => lastYear - i) : [];
  return { initiatives, tracks: trackRows.map((r) => r.track!), years };
}

/** These published reports, in the order given (search results); ids without a row (drafts) are left out. */
export async function archiveItems(db: Db, reportIds: readonly string[]): Promise<ArchiveItem[]> {
  if (reportIds.length === 0) return [];
  const rows = await reportsDb(db).selectFrom('report_archive').selectAll().where('report_id', 'in', [...reportIds]).execute();
  const byId = new Map((await withInitiatives(db, rows)).map((r) => [r.report_id, r]));
  return reportIds.flatMap((id) => byId.get(id) ?? []);
}
