import type { Db } from '../../platform/db/index.ts';
import { contentHash } from '../../platform/log/index.ts';
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
  reviewers: Person[];
  /** `workingCopyHash` of the working copy, as its reviews are compared with it. */
  draft_sha256: string;
}

/** Someone named on a brief's working pages: a reviewer, a comment's or a review's writer. */
export interface Person {
  user_id: string;
  name: string;
  stakeholder_group: string;
}

/** These accounts by name and group; an account since deleted is left out. */
async function peopleOf(db: Db, userIds: ReadonlyArray<string | null>): Promise<Map<string, Person>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  const people = await publicPeople(db, ids);
  return new Map([...people].map(([id, p]) => [id, { user_id: id, name: p.name, stakeholder_group: p.stakeholder_group }]));
}

/** What a reviewer read: the working copy's text, as stored (so any saved change gives another hash). */
export function workingCopyHash(row: Pick<BriefsTable, 'title' | 'kind' | 'jurisdiction' | 'language' | 'summary' | 'links' | 'stage' | 'grid'>): string {
  const { title, kind, jurisdiction, language, summary, links, stage, grid } = row;
  return contentHash({ title, kind, jurisdiction, language, summary, links, stage, grid });
}

/** Those the authors asked for a peer review, in the order they were asked. */
export async function reviewersOf(db: Db, briefId: string): Promise<Person[]> {
  const rows = await briefsDb(db).selectFrom('brief_reviewers').select('user_id').where('brief_id', '=', briefId).orderBy('requested_at').orderBy('user_id').execute();
  const people = await peopleOf(db, rows.map((r) => r.user_id));
  return rows.flatMap((r) => people.get(r.user_id) ?? []);
}

export interface Comment {
  id: string;
  anchor: string | null;
  /** Null when its writer's account was deleted. */
  author: Person | null;
  body: string;
  created_at: string;
}
export interface Thread extends Comment {
  replies: Comment[];
}

/** The working copy's discussion: threads oldest first, each with its replies. */
export async function threadsOf(db: Db, briefId: string): Promise<Thread[]> {
  const rows = await briefsDb(db).selectFrom('brief_comments').selectAll().where('brief_id', '=', briefId).orderBy('seq').execute();
  const people = await peopleOf(db, rows.map((r) => r.author_id));
  const comment = (r: (typeof rows)[number]): Comment => ({ id: r.id, anchor: r.anchor, author: (r.author_id && people.get(r.author_id)) || null, body: r.body, created_at: r.created_at });
  const threads = rows.filter((r) => r.parent_id === null).map((r) => ({ ...comment(r), replies: [] as Comment[] }));
  const byId = new Map(threads.map((th) => [th.id, th]));
  for (const r of rows) if (r.parent_id) byId.get(r.parent_id)?.replies.push(comment(r));
  return threads;
}

/** A comment that starts a thread on this brief (what a reply may answer). */
export async function threadOf(db: Db, briefId: string, commentId: string): Promise<{ id: string; anchor: string | null; author_id: string | null } | undefined> {
  return briefsDb(db).selectFrom('brief_comments').select(['id', 'anchor', 'author_id']).where('brief_id', '=', briefId).where('id', '=', commentId).where('parent_id', 'is', null).executeTakeFirst();
}

export interface Review {
  id: string;
  reviewer: Person | null;
  verdict: string;
  body: string;
  next_version: number;
  /** The working copy was saved after the review: it read an older text. */
  outdated: boolean;
  submitted_at: string;
}

/** The reviews of the working copy, newest first. */
export async function reviewsOf(db: Db, brief: { id: string; draft_sha256: string }): Promise<Review[]> {
  const rows = await briefsDb(db).selectFrom('brief_reviews').selectAll().where('brief_id', '=', brief.id).orderBy('seq', 'desc').execute();
  const people = await peopleOf(db, rows.map((r) => r.reviewer_id));
  return rows.map((r) => ({
    id: r.id, reviewer: (r.reviewer_id && people.get(r.reviewer_id)) || null, verdict: r.verdict, body: r.body, next_version: Number(r.next_version),
    outdated: r.draft_sha256 !== brief.draft_sha256, submitted_at: r.submitted_at,
  }));
}

/** The briefs this account was asked to review, most recent request first. */
export async function reviewRequestsOf(db: Db, userId: string): Promise<Array<{ id: string; title: string; reviewed: boolean }>> {
  const rows = await briefsDb(db).selectFrom('brief_reviewers').innerJoin('briefs', 'briefs.id', 'brief_reviewers.brief_id')
    .select(['briefs.id', 'briefs.title']).select((eb) => eb.exists(eb.selectFrom('brief_reviews').select('brief_reviews.id').whereRef('brief_reviews.brief_id', '=', 'briefs.id').where('brief_reviews.reviewer_id', '=', userId)).as('reviewed'))
    .where('brief_reviewers.user_id', '=', userId).orderBy('brief_reviewers.requested_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, reviewed: Boolean(Number(r.reviewed)) }));
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
  const [authors, reviewers] = await Promise.all([authorsOf(db, id), reviewersOf(db, id)]);
  return { ...row, version: Number(row.version), grid: readGrid(row.grid), links: JSON.parse(row.links) as string[], authors, reviewers, draft_sha256: workingCopyHash(row) };
}

export interface VersionRow {
  version: number;
  snapshot: BriefSnapshot;
  snapshot_sha256: string;
  published_at: string;
  log_index: number | null;
}

/** Every published version, oldest first. */
export async function versionsOf(db: Db, briefId: string): Promise<VersionRow[]> {
  const rows = await briefsDb(db).selectFrom('brief_versions').select(['version', 'snapshot', 'snapshot_sha256', 'published_at', 'log_index']).where('brief_id', '=', briefId).orderBy('version').execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), log_index: r.log_index === null ? null : Number(r.log_index), snapshot: JSON.parse(r.snapshot) as BriefSnapshot }));
}

/** The latest published version, as the public reads it. */
export async function latestVersion(db: Db, briefId: string): Promise<VersionRow | undefined> {
  const row = await briefsDb(db).selectFrom('brief_versions').select(['version', 'snapshot', 'snapshot_sha256', 'published_at', 'log_index']).where('brief_id', '=', briefId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, version: Number(row.version), log_index: row.log_index === null ? null : Number(row.log_index), snapshot: JSON.parse(row.snapshot) as BriefSnapshot };
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
