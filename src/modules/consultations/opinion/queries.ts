/** What the opinion pages, the API and the export read (docs/decisions/039). */
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
  const rows = await opinionDb(db).selectFrom('consultation_opinion_statements as s')
    .leftJoin('consultation_opinion_tallies as t', (join) => join.onRef('t.consultation_id', '=', 's.consultation_id').onRef('t.statement_number', '=', 's.number'))
    .select(['s.id', 's.number', 's.text', 's.status', 's.created_at', 't.agree', 't.disagree', 't.pass'])
    .where('s.consultation_id', '=', consultationId).where('s.status', 'in', [...statuses]).orderBy('s.number').execute();
  return rows.map((r) => ({
    ...r, number: Number(r.number), status: r.status as StatementStatus, agree: Number(r.agree ?? 0), disagree: Number(r.disagree ?? 0), pass: Number(r.pass ?? 0),
  }));
}

/** The viewer's votes in a consultation, by statement number. */
export async function votesOf(db: Db, consultationId: string, userId: string): Promise<Map<number, number>> {
  const rows = await opinionDb(db).selectFrom('consultation_opinion_votes as v')
    .innerJoin('consultation_opinion_participants as p', (join) => join.onRef('p.consultation_id', '=', 'v.consultation_id').onRef('p.number', '=', 'v.participant_number'))
    .select(['v.statement_number', 'v.vote']).where('v.consultation_id', '=', consultationId).where('p.user_id', '=', userId).execute();
  return new Map(rows.map((r) => [Number(r.statement_number), Number(r.vote)]));
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

/** How many people voted, and how many votes they cast (the latest of each person on each statement), from the counts the vote command keeps. */
export async function liveCounts(db: Db, consultationId: string): Promise<{ participants: number; votes: number }> {
  const row = await opinionDb(db).selectFrom('consultation_opinion_participants')
    .select((eb) => [eb.fn.countAll<number>().filterWhere('votes', '>', 0).as('people'), eb.fn.sum<number>('votes').as('votes')])
    .where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  return { participants: Number(row.people), votes: Number(row.votes ?? 0) };
}
