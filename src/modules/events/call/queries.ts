import type { Db } from '../../../platform/db/index.ts';
import { eventsDb } from '../tables.ts';
import type { EventProposalPeopleTable, EventProposalsTable } from './tables.ts';
import { windowsOf } from '../availability/store.ts';
import type { Interval } from '../domain/types.ts';
import { liveProposalStatuses, type CallState } from './vocabulary.ts';

/** An event's call with what it offers: formats (with durations), tracks and extra questions. None before the organisers open one. */
export async function findCall(db: Db, eventId: string) {
  const events = eventsDb(db);
  const [call, formats, tracks, questions] = await Promise.all([
    events.selectFrom('event_calls').selectAll().where('event_id', '=', eventId).executeTakeFirst(),
    events.selectFrom('event_session_formats').selectAll().where('event_id', '=', eventId).orderBy('format').execute(),
    events.selectFrom('event_tracks').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute(),
    events.selectFrom('event_call_questions').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute(),
  ]);
  if (!call) return undefined;
  return {
    ...call,
    min_speakers: Number(call.min_speakers), min_stakeholder_groups: Number(call.min_stakeholder_groups), max_sessions_per_speaker: Number(call.max_sessions_per_speaker),
    formats: formats.map((f) => ({ format: f.format, duration_minutes: Number(f.duration_minutes) })),
    tracks: tracks.map((t) => ({ id: t.id, name: t.name, position: Number(t.position) })),
    questions: questions.map((q) => ({ id: q.id, question: q.question, required: Number(q.required) === 1, position: Number(q.position) })),
  };
}
export type Call = NonNullable<Awaited<ReturnType<typeof findCall>>>;

/** Where the call stands at `now` (an ISO instant): it opens at `opens_at` and closes at `closes_at`. */
export function callState(call: { opens_at: string; closes_at: string }, now: string): CallState {
  if (now < call.opens_at) return 'upcoming';
  return now < call.closes_at ? 'open' : 'closed';
}

/** A proposal's person, with the windows they said they can attend (speakers; none stated: empty; decision 022). */
export type ProposalPerson = Omit<EventProposalPeopleTable, 'confirmed' | 'position'> & { confirmed: boolean; position: number; availability: Interval[] };

export interface Proposal extends Omit<EventProposalsTable, 'version'> {
  version: number;
  people: ProposalPerson[];
  answers: Map<string, string>;
}

async function peopleOf(db: Db, proposalIds: readonly string[]): Promise<Map<string, ProposalPerson[]>> {
  const map = new Map<string, ProposalPerson[]>();
  if (proposalIds.length === 0) return map;
  const rows = await eventsDb(db).selectFrom('event_proposal_people').selectAll().where('proposal_id', 'in', [...proposalIds]).orderBy('position').orderBy('id').execute();
  const windows = await windowsOf(db, 'proposal', rows.map((r) => r.id));
  for (const row of rows) {
    const list = map.get(row.proposal_id) ?? [];
    list.push({ ...row, confirmed: Number(row.confirmed) === 1, position: Number(row.position), availability: windows.get(row.id) ?? [] });
    map.set(row.proposal_id, list);
  }
  return map;
}

/** A proposal of this event with its people and answers. */
export async function findProposal(db: Db, eventId: string, id: string): Promise<Proposal | undefined> {
  const events = eventsDb(db);
  const row = await events.selectFrom('event_proposals').selectAll().where('id', '=', id).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) return undefined;
  const [people, answers] = await Promise.all([
    peopleOf(db, [id]),
    events.selectFrom('event_proposal_answers').selectAll().where('proposal_id', '=', id).execute(),
  ]);
  return { ...row, version: Number(row.version), people: people.get(id) ?? [], answers: new Map(answers.map((a) => [a.question_id, a.answer])) };
}

/** Every proposal of an event that was ever submitted (a draft is its proposer's own), newest first, with people (the organisers' list). */
export async function proposalsOfEvent(db: Db, eventId: string): Promise<Proposal[]> {
  const rows = await eventsDb(db).selectFrom('event_proposals').selectAll().where('event_id', '=', eventId).where('submitted_at', 'is not', null)
    .orderBy('created_at', 'desc').orderBy('id').execute();
  const people = await peopleOf(db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, version: Number(row.version), people: people.get(row.id) ?? [], answers: new Map() }));
}

/** A person's own proposals, across events, newest first, with the event they were sent to. */
export async function proposalsOfPerson(db: Db, userId: string) {
  return eventsDb(db)
    .selectFrom('event_proposals')
    .innerJoin('events', 'events.id', 'event_proposals.event_id')
    .select(['event_proposals.id', 'event_proposals.title', 'event_proposals.status', 'event_proposals.updated_at', 'events.slug as event_slug', 'events.title as event_title'])
    .where('event_proposals.proposer_id', '=', userId)
    .orderBy('event_proposals.updated_at', 'desc')
    .orderBy('event_proposals.id')
    .execute();
}

/**
 * The speakers of the event's other sessions, as the speaker_sessions rule counts them: live
 * proposals (not withdrawn or rejected) and the program's sessions that did not come from one of them.
 */
export async function speakersOfEvent(db: Db, eventId: string) {
  const events = eventsDb(db);
  const [proposals, sessions] = await Promise.all([
    events.selectFrom('event_proposals').select('id').where('event_id', '=', eventId).where('status', 'in', [...liveProposalStatuses]).execute(),
    events.selectFrom('event_sessions').select(['id', 'proposal_id']).where('event_id', '=', eventId).execute(),
  ]);
  const proposalIds = new Set(proposals.map((p) => p.id));
  const ownSessions = sessions.filter((s) => !s.proposal_id || !proposalIds.has(s.proposal_id)).map((s) => s.id);
  const [proposalSpeakers, sessionSpeakers] = await Promise.all([
    proposalIds.size
      ? events.selectFrom('event_proposal_people').select(['proposal_id as id', 'user_id', 'name', 'organisation']).where('role', '=', 'speaker').where('proposal_id', 'in', [...proposalIds]).execute()
      : [],
    ownSessions.length
      ? events.selectFrom('event_session_people').select(['session_id as id', 'user_id', 'name', 'organisation']).where('role', '=', 'speaker').where('session_id', 'in', ownSessions).execute()
      : [],
  ]);
  const bySession = new Map<string, { id: string | null; name: string; organisation: string | null }[]>();
  for (const id of [...proposalIds, ...ownSessions]) bySession.set(id, []);
  for (const row of [...proposalSpeakers, ...sessionSpeakers]) bySession.get(row.id)?.push({ id: row.user_id, name: row.name, organisation: row.organisation });
  return [...bySession].map(([id, speakers]) => ({ id, speakers }));
}
