/** What the opinion pages, the API and the export read (docs/decisions/039). */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import type { Phase } from '../schema.ts';
import type { StoredMap } from './analysis.ts';
import type { StatementStatus } from './schema.ts';
import { opinionDb } from './tables.ts';

/** Statements and votes are taken from the comments phase until the consultation closes. */
export const mayTakePart = (phase: Phase) => phase !== 'upcoming' && phase !== 'closed';

export interface Statement {
  id: string;
  number: number;
  text: string;
  status: StatementStatus;
  created_at: string;
  /** Live tallies: every vote now, whatever the last analysis saw. */
  agree: number;
  disagree: number;
  pass: number;
}

/** A consultation's statements in order, with their live tallies; `statuses` narrows them. */
export async function statementsOf(db: Db, consultationId: string, statuses: readonly StatementStatus[] = ['approved']): Promise<Statement[]> {
  if (statuses.length === 0) return [];
  const store = opinionDb(db);
  const rows = await store.selectFrom('consultation_opinion_statements').select(['id', 'number', 'text', 'status', 'created_at'])
    .where('consultation_id', '=', consultationId).where('status', 'in', [...statuses]).orderBy('number').execute();
  const tallies = await store.selectFrom('consultation_opinion_votes').select(['statement_id',
    sql<number>`sum(case when vote = 1 then 1 else 0 end)`.as('agree'),
    sql<number>`sum(case when vote = -1 then 1 else 0 end)`.as('disagree'),
    sql<number>`sum(case when vote = 0 then 1 else 0 end)`.as('pass'),
  ]).where('consultation_id', '=', consultationId).groupBy('statement_id').execute();
  const byId = new Map(tallies.map((t) => [t.statement_id, t]));
  return rows.map((r) => {
    const t = byId.get(r.id);
    return { ...r, number: Number(r.number), status: r.status as StatementStatus, agree: Number(t?.agree ?? 0), disagree: Number(t?.disagree ?? 0), pass: Number(t?.pass ?? 0) };
  });
}

/** The viewer's votes in a consultation, by statement number. */
export async function votesOf(db: Db, consultationId: string, userId: string): Promise<Map<number, number>> {
  const rows = await opinionDb(db).selectFrom('consultation_opinion_votes as v')
    .innerJoin('consultation_opinion_participants as p', 'p.id', 'v.participant_id')
    .innerJoin('consultation_opinion_statements as s', 's.id', 'v.statement_id')
    .select(['s.number', 'v.vote']).where('v.consultation_id', '=', consultationId).where('p.user_id', '=', userId).execute();
  return new Map(rows.map((r) => [Number(r.number), Number(r.vote)]));
}

export interface StoredAnalysis {
  computed_at: string;
  participants: number;
  statements: number;
  votes: number;
  map: StoredMap;
}

/** The last analysis of the consultation's votes, if one was made. */
export async function lastAnalysis(db: Db, consultationId: string): Promise<StoredAnalysis | undefined> {
  const row = await opinionDb(db).selectFrom('consultation_opinion_analyses').selectAll().where('consultation_id', '=', consultationId).executeTakeFirst();
  return row ? { computed_at: row.computed_at, participants: Number(row.participants), statements: Number(row.statements), votes: Number(row.votes), map: JSON.parse(row.content) as StoredMap } : undefined;
}

/** How many people voted, and how many votes they cast (the latest of each person on each statement). */
export async function liveCounts(db: Db, consultationId: string): Promise<{ participants: number; votes: number }> {
  const row = await opinionDb(db).selectFrom('consultation_opinion_votes')
    .select((eb) => [eb.fn.count<number>('participant_id').distinct().as('people'), eb.fn.countAll<number>().as('votes')])
    .where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  return { participants: Number(row.people), votes: Number(row.votes) };
}
