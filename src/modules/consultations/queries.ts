import type { Db } from '../../platform/db/index.ts';
import { findInitiativeBySlug, initiativeNames, membershipsOf } from '../initiatives/index.ts';
import { publicPeople } from '../accounts/index.ts';
import { eventRefs, eventVisibleTo, findEventBySlug } from '../events/index.ts';
import type { Actor } from '../../platform/http/env.ts';
import { consultationsDb, type ConsultationsTable } from './tables.ts';
import { phases, type Phase, type Role } from './schema.ts';
import type { NumberedBlock } from './text.ts';
import type { ConsultationSubject } from './policy.ts';

/** The day an instant falls on, in UTC: phases start on days. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export interface Initiative {
  id: string;
  slug: string;
  name: string;
  committee: ConsultationSubject['committee'];
}

export interface Person {
  user_id: string;
  name: string;
  stakeholder_group: string;
  role: Role;
}

/** The event a consultation belongs to (docs/decisions/040): the page names it to those who may see the event. */
export interface ConsultationEvent {
  slug: string;
  title: string;
  status: string;
}

export interface Consultation extends ConsultationsTable, ConsultationSubject {
  initiative: Initiative;
  event: ConsultationEvent | null;
  people: Person[];
  languageList: string[];
}

/** The event a consultation belongs to, when this reader may see that event (a draft event is its organisers' own). */
export function shownEvent(actor: Actor, consultation: Consultation): { slug: string; title: string } | null {
  const { event } = consultation;
  return event && eventVisibleTo(actor, { status: event.status, initiative: { committee: consultation.committee } }) ? { slug: event.slug, title: event.title } : null;
}

/** An event to open a consultation on: the event, its initiative, and what the rules need (the committee that organises it). */
export interface EventOpening extends ConsultationSubject {
  event: { id: string; slug: string; title: string; status: string };
  initiative: { id: string; slug: string; name: string };
}

/** An event by its slug, as for a consultation to open on it: nothing published, no people yet. */
export async function eventForConsultations(db: Db, slug: string): Promise<EventOpening | undefined> {
  const found = await findEventBySlug(db, slug);
  if (!found) return undefined;
  const { id, slug: initiativeSlug, name, committee } = found.initiative;
  return { event: { id: found.id, slug: found.slug, title: found.title, status: found.status }, initiative: { id, slug: initiativeSlug, name }, committee, published_version: 0, people: [] };
}

/** The events of these rows that exist, by id. */
async function eventsOf(db: Db, rows: ReadonlyArray<{ event_id: string | null }>): Promise<Map<string, ConsultationEvent>> {
  return eventRefs(db, rows.flatMap((r) => (r.event_id ? [r.event_id] : [])));
}

/** An initiative by its slug, with what the rules need (its committee); `published_version` 0 and no people, as for a consultation to open. */
export async function initiativeForConsultations(db: Db, slug: string): Promise<(Initiative & ConsultationSubject) | undefined> {
  const found = await findInitiativeBySlug(db, slug);
  return found ? { id: found.id, slug: found.slug, name: found.name, committee: found.committee, published_version: 0, people: [] } : undefined;
}

async function peopleOf(db: Db, consultationId: string): Promise<Person[]> {
  const rows = await consultationsDb(db).selectFrom('consultation_people').select(['user_id', 'role']).where('consultation_id', '=', consultationId).orderBy('added_at').orderBy('user_id').execute();
  const known = await publicPeople(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({ user_id: r.user_id, role: r.role as Role, name: known.get(r.user_id)?.name ?? '', stakeholder_group: known.get(r.user_id)?.stakeholder_group ?? '' }));
}

/** A consultation by its slug, with its initiative, committee and people. */
export async function findConsultation(db: Db, slug: string): Promise<Consultation | undefined> {
  const row = await consultationsDb(db).selectFrom('consultations').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const names = await initiativeNames(db, [row.initiative_id]);
  const found = await findInitiativeBySlug(db, names.get(row.initiative_id)?.slug ?? '');
  if (!found) return undefined;
  const events = await eventsOf(db, [row]);
  return {
    ...row, published_version: Number(row.published_version), languageList: JSON.parse(row.languages) as string[],
    initiative: { id: found.id, slug: found.slug, name: found.name, committee: found.committee }, committee: found.committee, people: await peopleOf(db, row.id),
    event: row.event_id ? (events.get(row.event_id) ?? null) : null,
  };
}

/** The phase a day falls in: the last one started by then, or `upcoming` before the first. */
export function phaseOn(c: Pick<ConsultationsTable, 'comments_from' | 'amendments_from' | 'positions_from' | 'consensus_from' | 'closes_on'>, day: string): Phase {
  const starts = [c.comments_from, c.amendments_from, c.positions_from, c.consensus_from, c.closes_on];
  let current: Phase = 'upcoming';
  starts.forEach((start, i) => { if (start <= day) current = phases[i]!; });
  return current;
}

/**
 * What participants may do in a phase (docs/decisions/034, "Phases"): comment in the comments and
 * amendments phases, propose and endorse amendments in the amendments phase only.
 */
export const mayComment = (phase: Phase) => phase === 'comments' || phase === 'amendments';
export const mayAmend = (phase: Phase) => phase === 'amendments';

export interface VersionSummary {
  number: number;
  status: 'draft' | 'published';
  published_at: string | null;
  updated_at: string;
}

export async function versionsOf(db: Db, consultationId: string): Promise<VersionSummary[]> {
  const rows = await consultationsDb(db).selectFrom('consultation_versions').select(['number', 'status', 'published_at', 'updated_at'])
    .where('consultation_id', '=', consultationId).orderBy('number', 'desc').execute();
  return rows.map((r) => ({ number: Number(r.number), status: r.status as VersionSummary['status'], published_at: r.published_at, updated_at: r.updated_at }));
}

export interface Version extends VersionSummary {
  id: string;
  markdown: string;
  blocks: NumberedBlock[];
}

/** One version with its blocks, in order. */
export async function findVersion(db: Db, consultationId: string, number: number): Promise<Version | undefined> {
  const store = consultationsDb(db);
  const row = await store.selectFrom('consultation_versions').selectAll().where('consultation_id', '=', consultationId).where('number', '=', number).executeTakeFirst();
  if (!row) return undefined;
  const blocks = await store.selectFrom('consultation_blocks').selectAll().where('version_id', '=', row.id).orderBy('position').execute();
  return {
    id: row.id, number: Number(row.number), status: row.status as Version['status'], published_at: row.published_at, updated_at: row.updated_at, markdown: row.markdown,
    blocks: blocks.map((b) => ({ anchor: b.anchor, kind: b.kind as NumberedBlock['kind'], level: Number(b.level), number: Number(b.number), text: b.text })),
  };
}

/** The draft being written, if any: it is always the number after the latest published one. */
export async function draftOf(db: Db, consultation: Pick<Consultation, 'id' | 'published_version'>): Promise<Version | undefined> {
  const draft = await findVersion(db, consultation.id, consultation.published_version + 1);
  return draft?.status === 'draft' ? draft : undefined;
}

export interface Author {
  id: string;
  name: string;
  stakeholder_group: string;
}

export interface Comment {
  id: string;
  anchor: string;
  version_number: number;
  parent_id: string | null;
  author: Author;
  body: string;
  created_at: string;
  replies: Comment[];
}

async function authors(db: Db, ids: readonly string[]): Promise<(id: string) => Author> {
  const known = await publicPeople(db, ids);
  return (id) => ({ id, name: known.get(id)?.name ?? '', stakeholder_group: known.get(id)?.stakeholder_group ?? '' });
}

/** A paragraph's comments, oldest first, each with its replies. */
export async function commentsOn(db: Db, consultationId: string, anchor: string): Promise<Comment[]> {
  const rows = await consultationsDb(db).selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId).where('anchor', '=', anchor)
    .orderBy('created_at').orderBy('id').execute();
  const author = await authors(db, rows.map((r) => r.author_id));
  const all = rows.map((r): Comment => ({ id: r.id, anchor: r.anchor, version_number: Number(r.version_number), parent_id: r.parent_id, author: author(r.author_id), body: r.body, created_at: r.created_at, replies: [] }));
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const comment of all) if (comment.parent_id) byId.get(comment.parent_id)?.replies.push(comment);
  return all.filter((c) => c.parent_id === null);
}

/** How many comments (replies included) and open amendments each paragraph has. */
export async function countsByAnchor(db: Db, consultationId: string): Promise<Map<string, { comments: number; amendments: number }>> {
  const store = consultationsDb(db);
  const [comments, amendments] = await Promise.all([
    store.selectFrom('consultation_comments').select(['anchor', (eb) => eb.fn.countAll<number>().as('n')]).where('consultation_id', '=', consultationId).groupBy('anchor').execute(),
    store.selectFrom('consultation_amendments').select(['anchor', (eb) => eb.fn.countAll<number>().as('n')]).where('consultation_id', '=', consultationId).where('status', '=', 'open').groupBy('anchor').execute(),
  ]);
  const counts = new Map<string, { comments: number; amendments: number }>();
  const entry = (anchor: string) => counts.get(anchor) ?? counts.set(anchor, { comments: 0, amendments: 0 }).get(anchor)!;
  for (const row of comments) entry(row.anchor).comments = Number(row.n);
  for (const row of amendments) entry(row.anchor).amendments = Number(row.n);
  return counts;
}

export interface Amendment {
  id: string;
  anchor: string;
  version_number: number;
  original: string;
  proposed: string;
  rationale: string;
  author: Author;
  status: 'open' | 'accepted' | 'rejected';
  reason: string | null;
  decided_at: string | null;
  applied_in: number | null;
  created_at: string;
  /** Endorsements per stakeholder group, as stored (the view counts them as the taxonomy says). */
  endorsements: string[];
  endorser_ids: string[];
}

/** Amendments of a consultation (of one paragraph, when given), oldest first. */
export async function amendmentsOf(db: Db, consultationId: string, anchor?: string): Promise<Amendment[]> {
  const store = consultationsDb(db);
  let query = store.selectFrom('consultation_amendments').selectAll().where('consultation_id', '=', consultationId);
  if (anchor !== undefined) query = query.where('anchor', '=', anchor);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  if (rows.length === 0) return [];
  const endorsements = await store.selectFrom('consultation_endorsements').select(['amendment_id', 'user_id', 'stakeholder_group'])
    .where('amendment_id', 'in', rows.map((r) => r.id)).orderBy('created_at').execute();
  const author = await authors(db, rows.map((r) => r.author_id));
  return rows.map((r) => {
    const own = endorsements.filter((e) => e.amendment_id === r.id);
    return {
      id: r.id, anchor: r.anchor, version_number: Number(r.version_number), original: r.original, proposed: r.proposed, rationale: r.rationale, author: author(r.author_id),
      status: r.status as Amendment['status'], reason: r.reason, decided_at: r.decided_at, applied_in: r.applied_in === null ? null : Number(r.applied_in), created_at: r.created_at,
      endorsements: own.map((e) => e.stakeholder_group), endorser_ids: own.map((e) => e.user_id),
    };
  });
}

export interface ListedConsultation {
  slug: string;
  title: string;
  text_kind: string;
  language: string;
  published_version: number;
  phase: Phase;
  initiative: { slug: string; name: string };
  /** Its event, named in lists once the event is public (a draft event is its organisers' own). */
  event: { slug: string; title: string } | null;
  updated_at: string;
}

/**
 * Published consultations, and the unpublished ones this person prepares (every one for the
 * secretariat), newest first; only one event's, when `eventId` is given.
 */
export async function listConsultations(db: Db, today: string, viewer: { userId: string | null; everyDraft: boolean }, only: { eventId?: string } = {}): Promise<ListedConsultation[]> {
  const store = consultationsDb(db);
  let query = store.selectFrom('consultations').selectAll();
  if (only.eventId !== undefined) query = query.where('event_id', '=', only.eventId);
  if (!viewer.everyDraft) {
    const initiatives = viewer.userId ? (await membershipsOf(db, viewer.userId)).map((m) => m.id) : [];
    query = query.where((eb) => eb.or([
      eb('published_version', '>', 0),
      ...(initiatives.length ? [eb('initiative_id', 'in', initiatives)] : []),
      ...(viewer.userId ? [eb('id', 'in', store.selectFrom('consultation_people').select('consultation_id').where('user_id', '=', viewer.userId))] : []),
    ]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
  const [names, events] = await Promise.all([initiativeNames(db, rows.map((r) => r.initiative_id)), eventsOf(db, rows)]);
  const publicEvent = (id: string | null) => {
    const event = id ? events.get(id) : undefined;
    return event && event.status !== 'draft' ? { slug: event.slug, title: event.title } : null;
  };
  return rows.map((r) => ({
    slug: r.slug, title: r.title, text_kind: r.text_kind, language: r.language, published_version: Number(r.published_version), phase: phaseOn(r, today),
    initiative: { slug: names.get(r.initiative_id)?.slug ?? '', name: names.get(r.initiative_id)?.name ?? '' }, event: publicEvent(r.event_id), updated_at: r.updated_at,
  }));
}

/** A consultation as other modules name it. */
export interface ConsultationRef {
  id: string;
  slug: string;
  title: string;
}

/** Published consultations not yet closed on `day`: what an impact brief may be attached to. */
export async function consultationsOpenOn(db: Db, day: string): Promise<ConsultationRef[]> {
  const rows = await consultationsDb(db).selectFrom('consultations').selectAll().where('published_version', '>', 0).orderBy('title').orderBy('id').execute();
  return rows.filter((r) => phaseOn(r, day) !== 'closed').map((r) => ({ id: r.id, slug: r.slug, title: r.title }));
}

/** These published consultations, by id (others are left out). */
export async function publishedConsultations(db: Db, ids: readonly string[]): Promise<Map<string, ConsultationRef>> {
  if (ids.length === 0) return new Map();
  const rows = await consultationsDb(db).selectFrom('consultations').select(['id', 'slug', 'title']).where('id', 'in', [...ids]).where('published_version', '>', 0).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** A consultation whose consensus call is recorded: what an action plan's item may come from. */
export interface CalledConsultation extends ConsultationRef {
  /** rough_consensus, with_reservations or no_consensus. */
  outcome: string;
  called_at: string;
}

/** The recorded consensus calls of these consultations (by slug or by id), by consultation id. */
export async function calledConsultations(db: Db, which: { slugs?: readonly string[]; ids?: readonly string[] }): Promise<Map<string, CalledConsultation>> {
  const slugs = which.slugs ?? [];
  const ids = which.ids ?? [];
  if (slugs.length === 0 && ids.length === 0) return new Map();
  const rows = await consultationsDb(db).selectFrom('consultations').innerJoin('consultation_calls', 'consultation_calls.consultation_id', 'consultations.id')
    .select(['consultations.id', 'consultations.slug', 'consultations.title', 'consultation_calls.outcome', 'consultation_calls.called_at'])
    .where((eb) => eb.or([...(slugs.length ? [eb('consultations.slug', 'in', [...slugs])] : []), ...(ids.length ? [eb('consultations.id', 'in', [...ids])] : [])]))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
