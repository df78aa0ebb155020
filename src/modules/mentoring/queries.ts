import type { Db } from '../../platform/db/index.ts';
import { publicPeople } from '../accounts/index.ts';
import { committeeOf, initiativeSummaries, type CommitteeSeat, type InitiativeSummary } from '../initiatives/index.ts';
import { fitOf, ranked, type Fit, type Newcomer } from './scoring.ts';
import type { MentorshipSubject } from './policy.ts';
import { mentoringDb, type MentorOffersTable, type MentorshipsTable, type MentoringRequestsTable } from './tables.ts';

/** The statuses of a request still looking for a mentor. */
export const openRequestStatuses = ['offered', 'waiting'] as const;
/** The statuses of a mentorship that takes one of its mentor's places. */
export const placeTakingStatuses = ['approval', 'active'] as const;
/** How long a mentor has to answer a request before it goes to the next preference. */
export const answerDays = 14;

export const listOf = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

export interface InitiativeRef {
  id: string;
  slug: string;
  name: string;
  type: string;
  region: string | null;
  languages: string[];
  status: string;
}

const refOf = (s: InitiativeSummary | undefined, id: string): InitiativeRef =>
  s ? { id: s.id, slug: s.slug, name: s.name, type: s.type, region: s.region, languages: s.languages, status: s.status } : { id, slug: '', name: '', type: '', region: null, languages: [], status: 'gone' };

export interface Offer {
  id: string;
  initiative: InitiativeRef;
  languages: string[];
  regions: string[];
  topics: string[];
  steps: string[];
  capacity: number;
  note: string | null;
  status: string;
  /** Places taken: mentorships active or awaiting approval, and requests waiting on its answer. */
  load: number;
  updated_at: string;
}

/** Places taken per offer (one query each for mentorships and requests, for any number of offers). */
export async function loadsOf(db: Db, offerIds: readonly string[]): Promise<Map<string, number>> {
  const loads = new Map(offerIds.map((id) => [id, 0]));
  if (offerIds.length === 0) return loads;
  const m = mentoringDb(db);
  const [ships, requests] = await Promise.all([
    m.selectFrom('mentorships').select(['offer_id', (eb) => eb.fn.countAll<number>().as('n')]).where('offer_id', 'in', [...offerIds])
      .where('status', 'in', [...placeTakingStatuses]).groupBy('offer_id').execute(),
    m.selectFrom('mentoring_requests').select(['offer_id', (eb) => eb.fn.countAll<number>().as('n')]).where('offer_id', 'in', [...offerIds])
      .where('status', '=', 'offered').groupBy('offer_id').execute(),
  ]);
  for (const row of [...ships, ...requests]) if (row.offer_id) loads.set(row.offer_id, (loads.get(row.offer_id) ?? 0) + Number(row.n));
  return loads;
}

async function present(db: Db, rows: MentorOffersTable[]): Promise<Offer[]> {
  const [initiatives, loads] = await Promise.all([initiativeSummaries(db, rows.map((r) => r.initiative_id)), loadsOf(db, rows.map((r) => r.id))]);
  return rows.map((row) => ({
    id: row.id, initiative: refOf(initiatives.get(row.initiative_id), row.initiative_id), languages: listOf(row.languages), regions: listOf(row.regions),
    topics: listOf(row.topics), steps: listOf(row.steps), capacity: Number(row.capacity), note: row.note, status: row.status,
    load: loads.get(row.id) ?? 0, updated_at: row.updated_at,
  }));
}

/** An initiative's offer, whatever its status. */
export async function offerOf(db: Db, initiativeId: string): Promise<Offer | undefined> {
  const row = await mentoringDb(db).selectFrom('mentor_offers').selectAll().where('initiative_id', '=', initiativeId).executeTakeFirst();
  return row ? (await present(db, [row]))[0] : undefined;
}

/** Offers by id (a request's preferences), in the order asked. */
export async function offersById(db: Db, ids: readonly string[]): Promise<Map<string, Offer>> {
  if (ids.length === 0) return new Map();
  const rows = await mentoringDb(db).selectFrom('mentor_offers').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map((await present(db, rows)).map((o) => [o.id, o]));
}

/** Open offers of initiatives still recognised, by initiative name: who may be asked. */
export async function openOffers(db: Db): Promise<Offer[]> {
  const rows = await mentoringDb(db).selectFrom('mentor_offers').selectAll().where('status', '=', 'open').execute();
  return (await present(db, rows)).filter((o) => o.initiative.status === 'listed').sort((a, b) => a.initiative.name.localeCompare(b.initiative.name));
}

export interface Suggestion {
  offer: Offer;
  fit: Fit;
}

/** The open offers ranked for a newcomer, best fit first, each with its reasons; never its own. */
export async function suggestionsFor(db: Db, newcomer: Newcomer & { id: string }): Promise<Suggestion[]> {
  const offers = (await openOffers(db)).filter((o) => o.initiative.id !== newcomer.id);
  return ranked(offers.map((offer) => ({
    offer, fit: fitOf(newcomer, { languages: offer.languages, regions: offer.regions, type: offer.initiative.type, steps: offer.steps }),
  })));
}

/** Whether the secretariat approves each match before it starts. */
export async function approvalRequired(db: Db): Promise<boolean> {
  const row = await mentoringDb(db).selectFrom('mentoring_settings').select('value').where('name', '=', 'approval_required').executeTakeFirst();
  return row?.value === '1';
}

export interface Pass {
  offer_id: string;
  reason: string;
  note: string | null;
  decided_at: string;
}

export interface Request extends Omit<MentoringRequestsTable, 'preferences'> {
  preferences: string[];
  passes: Pass[];
  initiative: InitiativeRef;
}

async function requestsWhere(db: Db, rows: MentoringRequestsTable[]): Promise<Request[]> {
  if (rows.length === 0) return [];
  const [passes, initiatives] = await Promise.all([
    mentoringDb(db).selectFrom('mentoring_passes').select(['request_id', 'offer_id', 'reason', 'note', 'decided_at']).where('request_id', 'in', rows.map((r) => r.id))
      .orderBy('decided_at').execute(),
    initiativeSummaries(db, rows.map((r) => r.initiative_id)),
  ]);
  return rows.map((row) => ({
    ...row, preferences: listOf(row.preferences), passes: passes.filter((p) => p.request_id === row.id),
    initiative: refOf(initiatives.get(row.initiative_id), row.initiative_id),
  }));
}

/** A newcomer's requests, newest first. */
export async function requestsOf(db: Db, initiativeId: string): Promise<Request[]> {
  const rows = await mentoringDb(db).selectFrom('mentoring_requests').selectAll().where('initiative_id', '=', initiativeId).orderBy('created_at', 'desc').orderBy('id').execute();
  return requestsWhere(db, rows);
}

/** The requests waiting on an offer's answer, oldest first. */
export async function requestsOfferedTo(db: Db, offerId: string): Promise<Request[]> {
  const rows = await mentoringDb(db).selectFrom('mentoring_requests').selectAll().where('offer_id', '=', offerId).where('status', '=', 'offered').orderBy('offered_at').execute();
  return requestsWhere(db, rows);
}

export interface Mentorship extends Omit<MentorshipsTable, 'goals'> {
  goals: string[];
  mentor: InitiativeRef;
  mentee: InitiativeRef;
  listed: boolean;
}

async function mentorshipsWhere(db: Db, rows: MentorshipsTable[]): Promise<Mentorship[]> {
  const initiatives = await initiativeSummaries(db, rows.flatMap((r) => [r.mentor_initiative_id, r.mentee_initiative_id]));
  return rows.map((row) => ({
    ...row, goals: listOf(row.goals), mentor: refOf(initiatives.get(row.mentor_initiative_id), row.mentor_initiative_id),
    mentee: refOf(initiatives.get(row.mentee_initiative_id), row.mentee_initiative_id), listed: isListed(row),
  }));
}

/** Listed publicly: both sides agreed, and it was not turned down by the secretariat. */
const isListed = (row: Pick<MentorshipsTable, 'mentor_consent' | 'mentee_consent' | 'status'>) =>
  Number(row.mentor_consent) === 1 && Number(row.mentee_consent) === 1 && (row.status === 'active' || row.status === 'ended');

/** An initiative's mentorships on either side, newest first. */
export async function mentorshipsOf(db: Db, initiativeId: string): Promise<Mentorship[]> {
  const rows = await mentoringDb(db).selectFrom('mentorships').selectAll()
    .where((eb) => eb.or([eb('mentor_initiative_id', '=', initiativeId), eb('mentee_initiative_id', '=', initiativeId)]))
    .orderBy('accepted_at', 'desc').orderBy('id').execute();
  return mentorshipsWhere(db, rows);
}

/** Mentorships both sides agreed to list, newest first. */
export async function publicMentorships(db: Db): Promise<Mentorship[]> {
  const rows = await mentoringDb(db).selectFrom('mentorships').selectAll().where('mentor_consent', '=', 1).where('mentee_consent', '=', 1)
    .where('status', 'in', ['active', 'ended']).orderBy('accepted_at', 'desc').orderBy('id').execute();
  return mentorshipsWhere(db, rows);
}

/** Matches the secretariat has still to approve, oldest first. */
export async function pendingApprovals(db: Db): Promise<Mentorship[]> {
  const rows = await mentoringDb(db).selectFrom('mentorships').selectAll().where('status', '=', 'approval').orderBy('accepted_at').execute();
  return mentorshipsWhere(db, rows);
}

export type MentorshipDetail = Mentorship & MentorshipSubject & { mentor: InitiativeRef & { committee: CommitteeSeat[] }; mentee: InitiativeRef & { committee: CommitteeSeat[] } };

/** A mentorship with both committees (what the rules need). */
export async function findMentorship(db: Db, id: string): Promise<MentorshipDetail | undefined> {
  const row = await mentoringDb(db).selectFrom('mentorships').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [found] = await mentorshipsWhere(db, [row]);
  const [mentorCommittee, menteeCommittee] = await Promise.all([committeeOf(db, row.mentor_initiative_id), committeeOf(db, row.mentee_initiative_id)]);
  return { ...found!, mentor: { ...found!.mentor, committee: mentorCommittee }, mentee: { ...found!.mentee, committee: menteeCommittee } };
}

export interface Meeting {
  id: string;
  held_on: string;
  notes: string;
  side: string;
  /** Who logged it, by name. */
  by: string | null;
}

export async function meetingsOf(db: Db, mentorshipId: string): Promise<Meeting[]> {
  const rows = await mentoringDb(db).selectFrom('mentoring_meetings').selectAll().where('mentorship_id', '=', mentorshipId).orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute();
  const people = await publicPeople(db, rows.map((r) => r.logged_by).filter((id): id is string => id !== null));
  return rows.map((r) => ({ id: r.id, held_on: r.held_on, notes: r.notes, side: r.side, by: r.logged_by ? (people.get(r.logged_by)?.name ?? null) : null }));
}

/**
 * The people who sit on the committees of the initiatives actively mentoring this one, as
 * coordinators: the toolkit lets them see its progress (through the index).
 */
export async function mentorCoordinatorsOf(db: Db, initiativeId: string): Promise<string[]> {
  const mentors = await mentoringDb(db).selectFrom('mentorships').select('mentor_initiative_id').where('mentee_initiative_id', '=', initiativeId)
    .where('status', '=', 'active').execute();
  const committees = await Promise.all(mentors.map((m) => committeeOf(db, m.mentor_initiative_id)));
  return [...new Set(committees.flat().filter((s) => s.role === 'coordinator').map((s) => s.user_id))];
}
