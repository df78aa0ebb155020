import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { escapeLike, foldForSearch } from '../../platform/text.ts';
import { publicPeople, mailboxes } from '../accounts/index.ts';
import type { DirectoryQuery } from './schema.ts';
import { statusFilters } from './vocabulary.ts';
import { registryDb, type InitiativesTable, type RegistryTables } from './tables.ts';

export type InitiativeRow = InitiativesTable;

export interface InitiativeSummary extends InitiativeRow {
  countries: string[];
  languages: string[];
}

type Filters = Omit<DirectoryQuery, 'page' | 'sort'>;

function filtered(db: Kysely<RegistryTables>, filters: Filters) {
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

function byInitiative<Row extends { initiative_id: string }>(rows: Row[], value: (row: Row) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.initiative_id);
    if (list) list.push(value(row));
    else map.set(row.initiative_id, [value(row)]);
  }
  return map;
}

/** Attaches countries and languages to a page of initiatives with two queries, not one per row. */
async function withPlaces(db: Kysely<RegistryTables>, rows: InitiativeRow[]): Promise<InitiativeSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [countries, languages] = await Promise.all([
    db.selectFrom('initiative_countries').selectAll().where('initiative_id', 'in', ids).orderBy('country').execute(),
    db.selectFrom('initiative_languages').selectAll().where('initiative_id', 'in', ids).orderBy('language').execute(),
  ]);
  const countriesOf = byInitiative(countries, (r) => r.country);
  const languagesOf = byInitiative(languages, (r) => r.language);
  return rows.map((row) => ({ ...row, countries: countriesOf.get(row.id) ?? [], languages: languagesOf.get(row.id) ?? [] }));
}

/** One page of the directory and the total number of matches. */
export async function listInitiatives(db: Db, query: Filters & { sort: DirectoryQuery['sort'] }, page: { limit: number; offset: number }) {
  const registry = registryDb(db);
  const base = filtered(registry, query);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let ordered = base.selectAll();
  if (query.sort === 'newest') ordered = ordered.orderBy('created_at', 'desc');
  if (query.sort === 'established') ordered = ordered.orderBy(sql`coalesce(year_established, 9999)`).orderBy('year_established', 'asc');
  const rows = await ordered.orderBy('search_name').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total: Number(total), items: await withPlaces(registry, rows) };
}

/**
 * The whole directory for an export, page after page in the directory's order: each page starts
 * after the last row of the one before (keyset), so a page costs the same at row 30,000 as at
 * row 1, and no query binds a value per row (countries and languages are read for the page
 * through the same query, not through a list of its ids).
 */
export async function* directoryPages(db: Db, query: Filters & { sort: DirectoryQuery['sort'] }, pageSize = 1000): AsyncGenerator<InitiativeSummary[]> {
  const registry = registryDb(db);
  let last: InitiativeRow | undefined;
  for (;;) {
    const page = pageAfter(registry, query, last).limit(pageSize);
    const rows = await page.selectAll().execute();
    if (rows.length === 0) return;
    const ids = page.select('id');
    const [countries, languages] = await Promise.all([
      registry.selectFrom('initiative_countries').selectAll().where('initiative_id', 'in', ids).orderBy('country').execute(),
      registry.selectFrom('initiative_languages').selectAll().where('initiative_id', 'in', ids).orderBy('language').execute(),
    ]);
    const countriesOf = byInitiative(countries, (r) => r.country);
    const languagesOf = byInitiative(languages, (r) => r.language);
    yield rows.map((row) => ({ ...row, countries: countriesOf.get(row.id) ?? [], languages: languagesOf.get(row.id) ?? [] }));
    if (rows.length < pageSize) return;
    last = rows.at(-1);
  }
}

/** The rows that come after `last` in the directory's order (name, id breaking ties), in that order. */
function pageAfter(db: Kysely<RegistryTables>, query: Filters & { sort: DirectoryQuery['sort'] }, last: InitiativeRow | undefined) {
  const founded = sql<number>`coalesce(year_established, 9999)`;
  let page = filtered(db, query);
  if (last) {
    page = page.where((eb) => {
      const byName = eb.or([eb('search_name', '>', last.search_name), eb.and([eb('search_name', '=', last.search_name), eb('id', '>', last.id)])]);
      if (query.sort === 'newest') return eb.or([eb('created_at', '<', last.created_at), eb.and([eb('created_at', '=', last.created_at), byName])]);
      if (query.sort === 'established') {
        const year = last.year_established ?? 9999;
        return eb.or([eb(founded, '>', year), eb.and([eb(founded, '=', year), byName])]);
      }
      return byName;
    });
  }
  if (query.sort === 'newest') page = page.orderBy('created_at', 'desc');
  if (query.sort === 'established') page = page.orderBy(founded);
  return page.orderBy('search_name').orderBy('id');
}

/** Initiatives the secretariat recognised most recently (still listed, demo entries aside), newest first. */
export async function recentlyRecognised(db: Db, limit = 4): Promise<Array<InitiativeSummary & { recognised_at: string }>> {
  const registry = registryDb(db);
  const rows = await registry
    .selectFrom('initiatives')
    .innerJoin('recognition_requests', 'recognition_requests.initiative_id', 'initiatives.id')
    .selectAll('initiatives')
    .select((eb) => eb.fn.max('recognition_requests.decided_at').as('recognised_at'))
    .where('recognition_requests.decision', '=', 'approved')
    .where('initiatives.status', '=', 'listed')
    .where('initiatives.is_demo', '=', 0)
    .groupBy('initiatives.id')
    .orderBy('recognised_at', 'desc')
    .orderBy('initiatives.id')
    .limit(limit)
    .execute();
  const withPlacesRows = await withPlaces(registry, rows);
  return withPlacesRows.map((row, i) => ({ ...row, recognised_at: String(rows[i]!.recognised_at) }));
}

/** A seat on a committee, with what anyone may know of the person in it. */
export interface CommitteeSeat {
  id: string;
  user_id: string;
  role: string;
  stakeholder_group: string;
  joined_at: string;
  name: string;
  affiliation: string | null;
  verified: boolean;
}

/** The committee of an initiative, oldest seat first. */
export async function committeeOf(db: Db, initiativeId: string): Promise<CommitteeSeat[]> {
  const seats = await registryDb(db)
    .selectFrom('committee_members')
    .select(['id', 'user_id', 'role', 'stakeholder_group', 'joined_at'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('joined_at')
    .orderBy('id')
    .execute();
  const people = await publicPeople(db, seats.map((s) => s.user_id));
  return seats.map((seat) => {
    const person = people.get(seat.user_id);
    return { ...seat, name: person?.name ?? '', affiliation: person?.affiliation ?? null, verified: person?.verified ?? false };
  });
}

/** An initiative with its places, texts and committee; no personal contact details. */
export async function findInitiativeBySlug(db: Db, slug: string) {
  const registry = registryDb(db);
  const row = await registry.selectFrom('initiatives').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const [[summary], descriptions, committee] = await Promise.all([
    withPlaces(registry, [row]),
    registry.selectFrom('initiative_descriptions').select(['locale', 'body']).where('initiative_id', '=', row.id).execute(),
    committeeOf(db, row.id),
  ]);
  return { ...summary!, descriptions, committee };
}
export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof findInitiativeBySlug>>>;

/** The committee's email addresses, for those the policy lets see them. */
export async function committeeContacts(db: Db, committee: readonly CommitteeSeat[]): Promise<Map<string, string>> {
  const boxes = await mailboxes(db, committee.map((m) => m.user_id));
  return new Map([...boxes].map(([id, box]) => [id, box.email]));
}

export function openInvitations(db: Db, initiativeId: string, now: string) {
  return registryDb(db)
    .selectFrom('committee_invitations')
    .select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('initiative_id', '=', initiativeId)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .execute();
}

export function latestRecognitionRequest(db: Db, initiativeId: string) {
  return registryDb(db)
    .selectFrom('recognition_requests')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Listed initiatives per country, for the map. */
async function listedCountsByCountry(db: Kysely<RegistryTables>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('initiative_countries')
    .innerJoin('initiatives', 'initiatives.id', 'initiative_countries.initiative_id')
    .select(['initiative_countries.country', (eb) => eb.fn.countAll<number>().as('n')])
    .where('initiatives.status', '=', 'listed')
    .groupBy('initiative_countries.country')
    .execute();
  return new Map(rows.map((r) => [r.country, Number(r.n)]));
}

async function listedCountsBy(db: Kysely<RegistryTables>, column: 'type' | 'region'): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('initiatives')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'listed')
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [r[column] as string | null, Number(r.n)]));
}

/** What the portal shows about the whole registry: listed initiatives per country, type and region. */
export async function registryOverview(db: Db) {
  const registry = registryDb(db);
  const [byCountry, byType, byRegion] = await Promise.all([listedCountsByCountry(registry), listedCountsBy(registry, 'type'), listedCountsBy(registry, 'region')]);
  return { byCountry, byType, byRegion, total: [...byType.values()].reduce((a, b) => a + b, 0) };
}
export type RegistryOverview = Awaited<ReturnType<typeof registryOverview>>;

function queuedRequests(db: Db) {
  return registryDb(db)
    .selectFrom('recognition_requests')
    .innerJoin('initiatives', 'initiatives.id', 'recognition_requests.initiative_id')
    .select([
      'recognition_requests.id', 'recognition_requests.requested_at', 'recognition_requests.requested_by', 'initiatives.id as initiative_id',
      'initiatives.slug', 'initiatives.name', 'initiatives.type',
    ])
    .where('recognition_requests.decision', 'is', null);
}

/** The requests waiting for the secretariat, oldest first, with who asked. */
export async function recognitionQueue(db: Db) {
  const queue = await queuedRequests(db).orderBy('recognition_requests.requested_at').execute();
  const people = await publicPeople(db, queue.map((r) => r.requested_by));
  return queue.map((r) => ({ ...r, requested_by_name: people.get(r.requested_by)?.name ?? '' }));
}
export type QueuedRequest = Awaited<ReturnType<typeof recognitionQueue>>[number];

export async function findQueuedRequest(db: Db, requestId: string): Promise<QueuedRequest | undefined> {
  const request = await queuedRequests(db).where('recognition_requests.id', '=', requestId).executeTakeFirst();
  if (!request) return undefined;
  const people = await publicPeople(db, [request.requested_by]);
  return { ...request, requested_by_name: people.get(request.requested_by)?.name ?? '' };
}

export function membershipsOf(db: Db, userId: string) {
  return registryDb(db)
    .selectFrom('committee_members')
    .innerJoin('initiatives', 'initiatives.id', 'committee_members.initiative_id')
    .select(['initiatives.id', 'initiatives.slug', 'initiatives.name', 'initiatives.status', 'committee_members.role', 'committee_members.stakeholder_group'])
    .where('committee_members.user_id', '=', userId)
    .orderBy('initiatives.search_name')
    .execute();
}

/** Open invitations to an address, for its verified owner's "My initiatives". */
export function invitationsFor(db: Db, email: string, now: string) {
  return registryDb(db)
    .selectFrom('committee_invitations')
    .innerJoin('initiatives', 'initiatives.id', 'committee_invitations.initiative_id')
    .select(['committee_invitations.id', 'committee_invitations.role', 'initiatives.name', 'initiatives.slug'])
    .where('committee_invitations.email', '=', email)
    .where('committee_invitations.answered_at', 'is', null)
    .where('committee_invitations.expires_at', '>', now)
    .orderBy('committee_invitations.created_at')
    .execute();
}

/**
 * An invitation found by the secret of its emailed link, or by its id for the account with the
 * invited address (My initiatives and notifications link by id, so no secret is stored in the
 * clear); with the initiative's name and who invited.
 */
export async function findInvitation(db: Db, by: { tokenHash: string } | { id: string; email: string }) {
  let query = registryDb(db)
    .selectFrom('committee_invitations')
    .innerJoin('initiatives', 'initiatives.id', 'committee_invitations.initiative_id')
    .selectAll('committee_invitations')
    .select(['initiatives.name as initiative_name', 'initiatives.slug as initiative_slug']);
  query = 'tokenHash' in by
    ? query.where('committee_invitations.token_hash', '=', by.tokenHash)
    : query.where('committee_invitations.id', '=', by.id).where('committee_invitations.email', '=', by.email);
  const invitation = await query.executeTakeFirst();
  if (!invitation) return undefined;
  const inviter = (await publicPeople(db, [invitation.invited_by])).get(invitation.invited_by);
  return { ...invitation, inviter_name: inviter?.name ?? '' };
}

/** Open claims on demo entries, oldest first, with who claimed (name and address: the secretariat checks with them). */
export async function openClaims(db: Db, claimId?: string) {
  let query = registryDb(db)
    .selectFrom('demo_claims')
    .innerJoin('initiatives', 'initiatives.id', 'demo_claims.initiative_id')
    .select([
      'demo_claims.id', 'demo_claims.claimant_id', 'demo_claims.justification', 'demo_claims.stakeholder_group', 'demo_claims.claimed_at',
      'initiatives.name', 'initiatives.slug', 'initiatives.is_demo',
    ])
    .where('demo_claims.decision', 'is', null)
    .orderBy('demo_claims.claimed_at')
    .orderBy('demo_claims.id');
  if (claimId !== undefined) query = query.where('demo_claims.id', '=', claimId);
  const claims = await query.limit(500).execute();
  const people = await mailboxes(db, claims.map((c) => c.claimant_id));
  return claims.map((c) => ({ ...c, claimant_name: people.get(c.claimant_id)?.name ?? '', claimant_email: people.get(c.claimant_id)?.email ?? '' }));
}
export type OpenClaim = Awaited<ReturnType<typeof openClaims>>[number];

/** Whether this person has a claim on this entry still waiting for the secretariat. */
export async function hasOpenClaim(db: Db, initiativeId: string, userId: string): Promise<boolean> {
  const row = await registryDb(db).selectFrom('demo_claims').select('id')
    .where('initiative_id', '=', initiativeId).where('claimant_id', '=', userId).where('decision', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** Initiatives by id, as another module names the initiative a record of its own belongs to (an event's organiser). */
export async function initiativeNames(db: Db, ids: readonly string[]): Promise<Map<string, { id: string; slug: string; name: string; acronym: string | null; original_locale: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await registryDb(db).selectFrom('initiatives').select(['id', 'slug', 'name', 'acronym', 'original_locale']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Initiatives by id with their type, region, status, countries and languages (mentoring matches on them). */
export async function initiativeSummaries(db: Db, ids: readonly string[]): Promise<Map<string, InitiativeSummary>> {
  if (ids.length === 0) return new Map();
  const registry = registryDb(db);
  const rows = await registry.selectFrom('initiatives').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map((await withPlaces(registry, rows)).map((row) => [row.id, row]));
}

/** The initiatives that work in a country (the reports archive's country filter). */
export async function initiativesInCountry(db: Db, country: string): Promise<string[]> {
  const rows = await registryDb(db).selectFrom('initiative_countries').select('initiative_id').where('country', '=', country).execute();
  return rows.map((r) => r.initiative_id);
}

/** The countries of these initiatives, by initiative (search facets of what they publish). */
export async function countriesOfInitiatives(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await registryDb(db).selectFrom('initiative_countries').select(['initiative_id', 'country']).where('initiative_id', 'in', [...new Set(ids)]).orderBy('country').execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.initiative_id, [...(map.get(r.initiative_id) ?? []), r.country]);
  return map;
}

/** The committees of many initiatives at once, by initiative (a seat's role, group and whether its person verified their address). */
export async function committeesOf(db: Db, initiativeIds: readonly string[]): Promise<Map<string, Array<{ role: string; stakeholder_group: string; verified: boolean }>>> {
  if (initiativeIds.length === 0) return new Map();
  const seats = await registryDb(db).selectFrom('committee_members').select(['initiative_id', 'user_id', 'role', 'stakeholder_group'])
    .where('initiative_id', 'in', [...new Set(initiativeIds)]).execute();
  const people = await publicPeople(db, [...new Set(seats.map((s) => s.user_id))]);
  const map = new Map<string, Array<{ role: string; stakeholder_group: string; verified: boolean }>>();
  for (const s of seats) map.set(s.initiative_id, [...(map.get(s.initiative_id) ?? []), { role: s.role, stakeholder_group: s.stakeholder_group, verified: people.get(s.user_id)?.verified ?? false }]);
  return map;
}
