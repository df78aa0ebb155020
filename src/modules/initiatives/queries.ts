import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { escapeLike, foldForSearch } from '../../platform/text.ts';
import type { DirectoryQuery } from './schema.ts';
import { statusFilters } from './vocabulary.ts';
import type { InitiativesTable } from '../../platform/db/schema.ts';

export type InitiativeRow = InitiativesTable;

export interface InitiativeSummary extends InitiativeRow {
  countries: string[];
  languages: string[];
}

type Filters = Omit<DirectoryQuery, 'page' | 'sort'>;

function filtered(db: Db, filters: Filters) {
  let query = db.selectFrom('initiatives').where('status', 'in', [...statusFilters[filters.status]]);
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.region) query = query.where('region', '=', filters.region);
  if (filters.country) {
    const country = filters.country;
    query = query.where('id', 'in', db.selectFrom('initiative_countries').select('initiative_id').where('country', '=', country));
  }
  if (filters.language) {
    const language = filters.language;
    query = query.where('id', 'in', db.selectFrom('initiative_languages').select('initiative_id').where('language', '=', language));
  }
  const words = foldForSearch(filters.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    query = query.where(sql<boolean>`search_name like ${'%' + escapeLike(word) + '%'} escape '\\'`);
  }
  return query;
}

/** Attaches countries and languages to a page of initiatives with two queries, not one per row. */
async function withPlaces(db: Db, rows: InitiativeRow[]): Promise<InitiativeSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [countries, languages] = await Promise.all([
    db.selectFrom('initiative_countries').selectAll().where('initiative_id', 'in', ids).orderBy('country').execute(),
    db.selectFrom('initiative_languages').selectAll().where('initiative_id', 'in', ids).orderBy('language').execute(),
  ]);
  return rows.map((row) => ({
    ...row,
    countries: countries.filter((c) => c.initiative_id === row.id).map((c) => c.country),
    languages: languages.filter((l) => l.initiative_id === row.id).map((l) => l.language),
  }));
}

/** One page of the directory and the total number of matches. */
export async function listInitiatives(db: Db, query: Filters & { sort: DirectoryQuery['sort'] }, page: { limit: number; offset: number }) {
  const base = filtered(db, query);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let ordered = base.selectAll();
  if (query.sort === 'newest') ordered = ordered.orderBy('created_at', 'desc');
  if (query.sort === 'established') ordered = ordered.orderBy(sql`coalesce(year_established, 9999)`).orderBy('year_established', 'asc');
  const rows = await ordered.orderBy('search_name').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(total), items: await withPlaces(db, rows) };
}

export async function findInitiativeBySlug(db: Db, slug: string) {
  const row = await db.selectFrom('initiatives').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await withPlaces(db, [row]);
  const descriptions = await db.selectFrom('initiative_descriptions').select(['locale', 'body']).where('initiative_id', '=', row.id).execute();
  const committee = await db
    .selectFrom('committee_members')
    .innerJoin('users', 'users.id', 'committee_members.user_id')
    .select([
      'committee_members.id', 'committee_members.user_id', 'committee_members.role', 'committee_members.stakeholder_group',
      'committee_members.joined_at', 'users.name', 'users.email', 'users.email_verified_at', 'users.affiliation',
    ])
    .where('committee_members.initiative_id', '=', row.id)
    .orderBy('committee_members.joined_at')
    .execute();
  return { ...summary!, descriptions, committee };
}
export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof findInitiativeBySlug>>>;
export type CommitteeMember = InitiativeDetail['committee'][number];

export function openInvitations(db: Db, initiativeId: string, now: string) {
  return db
    .selectFrom('committee_invitations')
    .select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('initiative_id', '=', initiativeId)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .execute();
}

export function latestRecognitionRequest(db: Db, initiativeId: string) {
  return db
    .selectFrom('recognition_requests')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The public history of an initiative: the audit entries marked public, newest first. */
export function publicHistory(db: Db, initiativeId: string) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.action', 'audit_log.details', 'audit_log.created_at', 'users.name as actor_name'])
    .where('audit_log.subject_type', '=', 'initiative')
    .where('audit_log.subject_id', '=', initiativeId)
    .where('audit_log.is_public', '=', 1)
    .orderBy('audit_log.created_at', 'desc')
    .limit(100)
    .execute();
}

/** Listed initiatives per country, for the map. */
export async function listedCountsByCountry(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('initiative_countries')
    .innerJoin('initiatives', 'initiatives.id', 'initiative_countries.initiative_id')
    .select(['initiative_countries.country', (eb) => eb.fn.countAll<number>().as('n')])
    .where('initiatives.status', '=', 'listed')
    .groupBy('initiative_countries.country')
    .execute();
  return new Map(rows.map((r) => [r.country, Number(r.n)]));
}

export async function listedCountsBy(db: Db, column: 'type' | 'region'): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('initiatives')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'listed')
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [r[column] as string | null, Number(r.n)]));
}

function queuedRequests(db: Db) {
  return db
    .selectFrom('recognition_requests')
    .innerJoin('initiatives', 'initiatives.id', 'recognition_requests.initiative_id')
    .innerJoin('users', 'users.id', 'recognition_requests.requested_by')
    .select([
      'recognition_requests.id', 'recognition_requests.requested_at', 'initiatives.slug', 'initiatives.name',
      'initiatives.type', 'users.name as requested_by_name',
    ])
    .where('recognition_requests.decision', 'is', null);
}

export function recognitionQueue(db: Db) {
  return queuedRequests(db).orderBy('recognition_requests.requested_at').execute();
}

export function findQueuedRequest(db: Db, requestId: string) {
  return queuedRequests(db).select('initiatives.id as initiative_id').where('recognition_requests.id', '=', requestId).executeTakeFirst();
}

export function membershipsOf(db: Db, userId: string) {
  return db
    .selectFrom('committee_members')
    .innerJoin('initiatives', 'initiatives.id', 'committee_members.initiative_id')
    .select(['initiatives.slug', 'initiatives.name', 'initiatives.status', 'committee_members.role', 'committee_members.stakeholder_group'])
    .where('committee_members.user_id', '=', userId)
    .orderBy('initiatives.search_name')
    .execute();
}

export function invitationsFor(db: Db, email: string, now: string) {
  return db
    .selectFrom('committee_invitations')
    .innerJoin('initiatives', 'initiatives.id', 'committee_invitations.initiative_id')
    .select(['committee_invitations.id', 'committee_invitations.role', 'initiatives.name', 'initiatives.slug'])
    .where('committee_invitations.email', '=', email)
    .where('committee_invitations.answered_at', 'is', null)
    .where('committee_invitations.expires_at', '>', now)
    .execute();
}

export function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('committee_invitations')
    .innerJoin('initiatives', 'initiatives.id', 'committee_invitations.initiative_id')
    .selectAll('committee_invitations')
    .select(['initiatives.name as initiative_name', 'initiatives.slug as initiative_slug'])
    .where('committee_invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** What the portal shows about the whole registry: listed initiatives per country, type and region. */
export async function registryOverview(db: Db) {
  const [byCountry, byType, byRegion] = await Promise.all([listedCountsByCountry(db), listedCountsBy(db, 'type'), listedCountsBy(db, 'region')]);
  return { byCountry, byType, byRegion, total: [...byType.values()].reduce((a, b) => a + b, 0) };
}
export type RegistryOverview = Awaited<ReturnType<typeof registryOverview>>;
