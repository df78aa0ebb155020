/**
 * The votes in Polis's open-data format (github.com/compdemocracy/openData), as the opinion
 * module's loader reads them: `votes.csv`, `comments.csv` and `participants-votes.csv`.
 * Participants are their Polis numbers only: no names, no accounts.
 */
import { csvLines } from '../../../platform/csv.ts';
import type { Db } from '../../../platform/db/index.ts';
import { opinionDb } from './tables.ts';

const seconds = (stamp: string) => Math.floor(Date.parse(stamp) / 1000);

/** Every vote on a statement not withdrawn, oldest first. */
async function votesFor(db: Db, consultationId: string) {
  return opinionDb(db).selectFrom('consultation_opinion_votes as v')
    .innerJoin('consultation_opinion_statements as s', (join) => join.onRef('s.consultation_id', '=', 'v.consultation_id').onRef('s.number', '=', 'v.statement_number'))
    .select(['v.participant_number as voter', 'v.statement_number as statement', 'v.vote', 'v.voted_at'])
    .where('v.consultation_id', '=', consultationId).where('s.status', '!=', 'withdrawn')
    .orderBy('v.voted_at').orderBy('v.participant_number').orderBy('v.statement_number').execute();
}

export async function votesCsv(db: Db, consultationId: string): Promise<string> {
  const rows = await votesFor(db, consultationId);
  return csvLines([['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'], ...rows.map((r) => [seconds(r.voted_at), new Date(r.voted_at).toUTCString(), Number(r.statement), Number(r.voter), Number(r.vote)])]);
}

/** Statements with Polis's moderation: approved 1, pending 0, withdrawn -1. */
export async function commentsCsv(db: Db, consultationId: string): Promise<string> {
  const store = opinionDb(db);
  const statements = await store.selectFrom('consultation_opinion_statements as s')
    .leftJoin('consultation_opinion_participants as p', 'p.id', 's.author_participant_id')
    .select(['s.id', 's.number', 's.text', 's.status', 's.created_at', 'p.number as author']).where('s.consultation_id', '=', consultationId).orderBy('s.number').execute();
  const votes = await votesFor(db, consultationId);
  const count = new Map<number, { agree: number; disagree: number }>();
  for (const v of votes) {
    const c = count.get(Number(v.statement)) ?? { agree: 0, disagree: 0 };
    if (Number(v.vote) === 1) c.agree++;
    if (Number(v.vote) === -1) c.disagree++;
    count.set(Number(v.statement), c);
  }
  const moderated = { approved: 1, pending: 0, withdrawn: -1 } as Record<string, number>;
  return csvLines([['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'], ...statements.map((s) => [
    seconds(s.created_at), new Date(s.created_at).toUTCString(), Number(s.number), s.author === null ? '' : Number(s.author),
    count.get(Number(s.number))?.agree ?? 0, count.get(Number(s.number))?.disagree ?? 0, moderated[s.status] ?? 0, s.text,
  ])]);
}

/** One row per participant, one column per statement (1, -1, 0 or empty), with the opinion group of the last analysis. */
export async function participantsVotesCsv(db: Db, consultationId: string, groupOf: Map<number, string>): Promise<string> {
  const statements = (await opinionDb(db).selectFrom('consultation_opinion_statements').select('number').where('consultation_id', '=', consultationId).where('status', '!=', 'withdrawn').orderBy('number').execute()).map((s) => Number(s.number));
  const column = new Map(statements.map((n, i) => [n, i]));
  const byVoter = new Map<number, Array<number | ''>>();
  for (const v of await votesFor(db, consultationId)) {
    const row = byVoter.get(Number(v.voter)) ?? Array<number | ''>(statements.length).fill('');
    const at = column.get(Number(v.statement));
    if (at !== undefined) row[at] = Number(v.vote);
    byVoter.set(Number(v.voter), row);
  }
  const header = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...statements.map(String)];
  const rows = [...byVoter].sort(([a], [b]) => a - b).map(([voter, votes]) => [
    voter, groupOf.get(voter) ?? '', 0, votes.filter((v) => v !== '').length, votes.filter((v) => v === 1).length, votes.filter((v) => v === -1).length, ...votes,
  ]);
  return csvLines([header, ...rows]);
}
