import type { Db } from '../../platform/db/index.ts';
import { publicPeople } from '../accounts/index.ts';
import { readGrid, type Grid } from './grid.ts';
import type { BriefSnapshot } from './outcomes.ts';
import type { BriefSubject } from './policy.ts';
import { briefsDb, type BriefsTable } from './tables.ts';

export interface Author {
  user_id: string;
  name: string;
  affiliation: string | null;
  stakeholder_group: string;
}

export interface Brief extends Omit<BriefsTable, 'grid' | 'links' | 'version'>, BriefSubject {
  version: number;
  grid: Grid;
  links: string[];
  authors: Author[];
}

/** Its authors, first the one who started it, by name and stakeholder group. */
export async function authorsOf(db: Db, briefId: string): Promise<Author[]> {
  const rows = await briefsDb(db).selectFrom('brief_authors').select(['user_id', 'added_by', 'added_at']).where('brief_id', '=', briefId).orderBy('added_at').orderBy('user_id').execute();
  // The starter (who added themselves) first, then co-authors as they were added.
  rows.sort((a, b) => Number(b.added_by === b.user_id) - Number(a.added_by === a.user_id));
  const people = await publicPeople(db, rows.map((r) => r.user_id));
  return rows.flatMap((r) => {
    const p = people.get(r.user_id);
    return p ? [{ user_id: r.user_id, name: p.name, affiliation: p.affiliation, stakeholder_group: p.stakeholder_group }] : [];
  });
}

/** A brief's working copy with its authors (what its rules and pages need). */
export async function findBrief(db: Db, id: string): Promise<Brief | undefined> {
  const row = await briefsDb(db).selectFrom('briefs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { ...row, version: Number(row.version), grid: readGrid(row.grid), links: JSON.parse(row.links) as string[], authors: await authorsOf(db, id) };
}

export interface VersionRow {
  version: number;
  snapshot: BriefSnapshot;
  snapshot_sha256: string;
  published_at: string;
}

/** Every published version, oldest first. */
export async function versionsOf(db: Db, briefId: string): Promise<VersionRow[]> {
  const rows = await briefsDb(db).selectFrom('brief_versions').select(['version', 'snapshot', 'snapshot_sha256', 'published_at']).where('brief_id', '=', briefId).orderBy('version').execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), snapshot: JSON.parse(r.snapshot) as BriefSnapshot }));
}

/** The latest published version, as the public reads it. */
export async function latestVersion(db: Db, briefId: string): Promise<VersionRow | undefined> {
  const row = await briefsDb(db).selectFrom('brief_versions').select(['version', 'snapshot', 'snapshot_sha256', 'published_at']).where('brief_id', '=', briefId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, version: Number(row.version), snapshot: JSON.parse(row.snapshot) as BriefSnapshot };
}

export interface ListFilters {
  jurisdiction?: string;
  kind?: string;
  item?: string;
  rating?: string;
}

export interface ListedBrief {
  id: string;
  title: string;
  kind: string;
  jurisdiction: string;
  stage: string;
  language: string;
  version: number;
  published_at: string;
  updated_at: string;
}

/**
 * Published briefs, most recently published first. A rating alone matches a brief that gives it
 * to any item; with an item, that item's rating (an item alone: briefs that rate it at all, i.e. all).
 */
export async function listBriefs(db: Db, filters: ListFilters, page: { limit: number; offset: number }): Promise<{ total: number; items: ListedBrief[] }> {
  const b = briefsDb(db);
  let query = b.selectFrom('brief_listing');
  if (filters.jurisdiction) query = query.where('jurisdiction', '=', filters.jurisdiction);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.rating) {
    const rated = b.selectFrom('brief_ratings').select('brief_id').where('rating', '=', filters.rating);
    query = query.where('brief_id', 'in', filters.item ? rated.where('item', '=', filters.item) : rated);
  }
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('updated_at', 'desc').orderBy('brief_id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({ id: r.brief_id, title: r.title, kind: r.kind, jurisdiction: r.jurisdiction, stage: r.stage, language: r.language, version: Number(r.version), published_at: r.published_at, updated_at: r.updated_at })),
  };
}

/** The briefs this account writes, newest change first. */
export async function briefsOf(db: Db, userId: string): Promise<Array<{ id: string; title: string; status: string; version: number }>> {
  const rows = await briefsDb(db).selectFrom('briefs').innerJoin('brief_authors', 'brief_authors.brief_id', 'briefs.id')
    .select(['briefs.id', 'briefs.title', 'briefs.status', 'briefs.version']).where('brief_authors.user_id', '=', userId).orderBy('briefs.updated_at', 'desc').execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}
