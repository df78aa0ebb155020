/**
 * Live tallies per statement and each participant's count of votes (docs/decisions/039, "Scale"):
 * the vote command moves them in its own transaction, so the map page and the API read a few
 * hundred rows instead of counting every vote on each view. Bulk writes (a Polis import, the demo)
 * count them again from the votes.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { opinionDb } from './tables.ts';

const column = { 1: 'agree', '-1': 'disagree', 0: 'pass' } as const;
const columnOf = (vote: number) => column[vote as keyof typeof column];

/** Moves a statement's tally from the participant's previous vote (if any) to their new one. */
export async function moveTally(tx: Db, consultationId: string, statementNumber: number, previous: number | undefined, vote: number): Promise<void> {
  if (previous === vote) return;
  const change = { agree: 0, disagree: 0, pass: 0 };
  change[columnOf(vote)] += 1;
  if (previous !== undefined) change[columnOf(previous)] -= 1;
  await opinionDb(tx).insertInto('consultation_opinion_tallies')
    .values({ consultation_id: consultationId, statement_number: statementNumber, ...change })
    .onConflict((oc) => oc.columns(['consultation_id', 'statement_number']).doUpdateSet((eb) => ({
      agree: eb('consultation_opinion_tallies.agree', '+', change.agree),
      disagree: eb('consultation_opinion_tallies.disagree', '+', change.disagree),
      pass: eb('consultation_opinion_tallies.pass', '+', change.pass),
    })))
    .execute();
}

/** Counts a consultation's tallies and participants' votes again from its votes, after a bulk write. */
export async function recountVotes(tx: Db, consultationId: string): Promise<void> {
  await opinionDb(tx).deleteFrom('consultation_opinion_tallies').where('consultation_id', '=', consultationId).execute();
  await sql`insert into consultation_opinion_tallies (consultation_id, statement_number, agree, disagree, pass)
    select consultation_id, statement_number, sum(case when vote = 1 then 1 else 0 end), sum(case when vote = -1 then 1 else 0 end), sum(case when vote = 0 then 1 else 0 end)
    from consultation_opinion_votes where consultation_id = ${consultationId} group by consultation_id, statement_number`.execute(tx);
  await sql`update consultation_opinion_participants set votes = coalesce((select count(*) from consultation_opinion_votes v
    where v.consultation_id = consultation_opinion_participants.consultation_id and v.participant_number = consultation_opinion_participants.number), 0)
    where consultation_id = ${consultationId}`.execute(tx);
}
