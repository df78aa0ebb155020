/**
 * Statements and votes on a consultation's opinion map (docs/decisions/039). Each command runs in
 * one transaction, re-checks there what must hold (the statement is approved, the consultation
 * takes part now), is audited, and leaves one row per participant and statement however many
 * requests race.
 */
import { sql } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { dialectOf, lockRow, newId, serializeOn, tablesOf, timestamp, type Db } from '../../../platform/db/index.ts';
import { audit, auditAlong } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { dayOf, phaseOn, type Consultation } from '../queries.ts';
import { consultationsDb, type ConsultationsTable } from '../tables.ts';
import { mayTakePart } from './queries.ts';
import { voteValues, type ModerationInput, type StatementInput, type VoteInput } from './schema.ts';
import { opinionDb, type OpinionTables, type OpinionVotesTable } from './tables.ts';
import { moveTally } from './tallies.ts';

type PhaseDays = Pick<Consultation, 'published_version' | 'comments_from' | 'amendments_from' | 'positions_from' | 'consensus_from' | 'closes_on'>;
const phaseDays = ['c.published_version', 'c.comments_from', 'c.amendments_from', 'c.positions_from', 'c.consensus_from', 'c.closes_on'] as const;
/** What a vote checks and writes from: the statement's status, the phase days, the voter's participant row. */
const voteColumns = ['s.status', 'p.id as participant_id', 'p.number as participant_number', ...phaseDays] as const;

/** Votes and statements are taken from the comments phase until the consultation closes. */
const takesPartNow = (row: PhaseDays, now: Date) => Number(row.published_version) > 0 && mayTakePart(phaseOn(row, dayOf(now)));

/** The consultation's row now, with the phase it is in. */
async function openNow(tx: Db, consultationId: string, now: Date): Promise<boolean> {
  const row = await consultationsDb(tx).selectFrom('consultations as c').select(phaseDays).where('c.id', '=', consultationId).executeTakeFirst();
  return row !== undefined && takesPartNow(row, now);
}

/**
 * The voter's participant row in this consultation, made on their first vote or statement with
 * the next free Polis number and the stakeholder group they declare. The number comes from the
 * consultation's counter, moved by one short statement (never below the highest number present
 * plus one, so imported numbers are skipped): newcomers arriving together each get their own at
 * once instead of racing for the highest plus one. A person racing with themself finds the row the
 * other request made (their number is then left unused: Polis numbers need not be dense).
 */
async function participantOf(tx: Db, consultationId: string, user: { id: string; stakeholder_group: string | null }, now: Date): Promise<Participant> {
  const store = opinionDb(tx);
  for (;;) {
    const found = await store.selectFrom('consultation_opinion_participants').select(['id', 'number']).where('consultation_id', '=', consultationId).where('user_id', '=', user.id).executeTakeFirst();
    if (found) return { id: found.id, number: Number(found.number) };
    const { rows } = await sql<{ number: number }>`insert into consultation_opinion_counters as c (consultation_id, last_participant)
      select ${consultationId}, coalesce(max(number), -1) + 1 from consultation_opinion_participants where consultation_id = ${consultationId}
      on conflict (consultation_id) do update set last_participant = case when c.last_participant + 1 > excluded.last_participant then c.last_participant + 1 else excluded.last_participant end
      returning last_participant as number`.execute(tx);
    const participant = { id: newId(), number: Number(rows[0]!.number) };
    const made = await store.insertInto('consultation_opinion_participants').values({
      ...participant, consultation_id: consultationId, user_id: user.id, stakeholder_group: user.stakeholder_group || null, imported: 0, created_at: timestamp(now), votes: 0,
    }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    if (made) return participant;
  }
}

interface Participant {
  id: string;
  number: number;
}

/** The next free statement number (Polis's comment ids start at 0). */
export async function nextStatementNumber(tx: Db, consultationId: string): Promise<number> {
  await serializeOn(tx, `consultations.opinion.statements:${consultationId}`);
  const last = await opinionDb(tx).selectFrom('consultation_opinion_statements').select((eb) => eb.fn.max('number').as('last')).where('consultation_id', '=', consultationId).executeTakeFirst();
  return last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
}

/** A participant proposes a statement; it waits for a moderator, unless its author moderates (their own is approved at once). */
export async function proposeStatement(ctx: CommandContext<SignedIn>, consultation: Consultation, input: StatementInput, approvedAtOnce: boolean): Promise<Result<{ number: number; status: string }>> {
  return opinionDb(ctx.db).transaction().execute(async (tx) => {
    if (!(await openNow(tx, consultation.id, ctx.now))) return refuse('consultations.opinion.errors.closed', { status: 409 });
    const store = opinionDb(tx);
    const duplicate = await store.selectFrom('consultation_opinion_statements').select('number').where('consultation_id', '=', consultation.id).where('text', '=', input.statement).executeTakeFirst();
    if (duplicate) return refuse('consultations.opinion.errors.duplicate', { field: 'statement', status: 409, values: { n: Number(duplicate.number) } });
    const author = await participantOf(tx, consultation.id, ctx.actor.user, ctx.now);
    const number = await nextStatementNumber(tx, consultation.id);
    const status = approvedAtOnce ? 'approved' : 'pending';
    const stamp = timestamp(ctx.now);
    await store.insertInto('consultation_opinion_statements').values({
      id: newId(), consultation_id: consultation.id, number, text: input.statement, status, author_participant_id: author.id, created_at: stamp,
      moderated_by: approvedAtOnce ? ctx.actor.user.id : null, moderated_at: approvedAtOnce ? stamp : null,
    }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.statement_proposed', subjectType: 'consultation', subjectId: consultation.id, details: { statement: number, status } });
    return ok({ number, status });
  });
}

/** A moderator approves a statement or withdraws it; a withdrawn statement takes no more votes and leaves the map. */
export async function moderateStatement(ctx: CommandContext<SignedIn>, consultation: Consultation, number: number, input: ModerationInput): Promise<Result<{ number: number }>> {
  return opinionDb(ctx.db).transaction().execute(async (tx) => {
    const store = opinionDb(tx);
    const statement = await store.selectFrom('consultation_opinion_statements').select(['id', 'status']).where('consultation_id', '=', consultation.id).where('number', '=', number).executeTakeFirst();
    if (!statement) return refuse('consultations.opinion.errors.gone', { status: 404 });
    // Votes share-lock the statement (castVote): a withdrawal waits for the votes under way, and later ones find it withdrawn.
    await lockRow(tx, 'consultation_opinion_statements', statement.id);
    const now = await store.selectFrom('consultation_opinion_statements').select('status').where('id', '=', statement.id).executeTakeFirstOrThrow();
    if (now.status === input.decision) return refuse(`consultations.opinion.errors.already_${input.decision}`, { status: 409 });
    await store.updateTable('consultation_opinion_statements').set({ status: input.decision, moderated_by: ctx.actor.user.id, moderated_at: timestamp(ctx.now) }).where('id', '=', statement.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: `consultation.statement_${input.decision}`, subjectType: 'consultation', subjectId: consultation.id, isPublic: true, details: { statement: number } });
    return ok({ number });
  });
}

/**
 * The statement to vote on with its consultation's phase days and the voter's participant row (if
 * they have one yet), in one read, in the vote's transaction. On PostgreSQL the statement is
 * share-locked: many votes at once, but not while a moderator withdraws it.
 */
async function statementToVoteOn(db: Db, consultationId: string, number: number, userId: string) {
  let query = tablesOf<OpinionTables & { consultations: ConsultationsTable }>(db).selectFrom('consultation_opinion_statements as s')
    .innerJoin('consultations as c', 'c.id', 's.consultation_id')
    .leftJoin('consultation_opinion_participants as p', (join) => join.onRef('p.consultation_id', '=', 's.consultation_id').on('p.user_id', '=', userId))
    .select(voteColumns).where('s.consultation_id', '=', consultationId).where('s.number', '=', number);
  if (dialectOf(db) === 'postgres') query = query.modifyEnd(sql`for share of s`);
  return query.executeTakeFirst();
}

/**
 * What a vote needs before it is cast, in the one read the route makes: the consultation by its
 * address (for the policy), the statement's status (null when there is no such statement), the
 * phase days, and the voter's participant row if they have one yet.
 */
export async function voteTarget(db: Db, slug: string, number: number, userId: string | null) {
  const row = await tablesOf<OpinionTables & { consultations: ConsultationsTable }>(db).selectFrom('consultations as c')
    .leftJoin('consultation_opinion_statements as s', (join) => join.onRef('s.consultation_id', '=', 'c.id').on('s.number', '=', number))
    .leftJoin('consultation_opinion_participants as p', (join) => join.onRef('p.consultation_id', '=', 'c.id').on('p.user_id', '=', userId ?? ''))
    .select(['c.id', 'c.slug', ...voteColumns]).where('c.slug', '=', slug)
    .executeTakeFirst();
  return row ? { ...row, published_version: Number(row.published_version), statementNumber: number } : undefined;
}
export type VoteTarget = NonNullable<Awaited<ReturnType<typeof voteTarget>>>;

/** Why a vote on this statement is refused now, if it is. */
function voteRefused(statement: (PhaseDays & { status: string | null }) | undefined, now: Date): Result<never> | undefined {
  if (!statement?.status) return refuse('consultations.opinion.errors.gone', { status: 404 });
  if (statement.status !== 'approved') return refuse(`consultations.opinion.errors.not_votable_${statement.status}`, { status: 409 });
  if (!takesPartNow(statement, now)) return refuse('consultations.opinion.errors.closed', { status: 409 });
  return undefined;
}

/**
 * Keeps one row per participant and statement: a first vote inserts it, a later one replaces its
 * value (the latest counts). Returns the vote it replaced, if any. When two requests race, the
 * second's insert waits for the first to commit and then finds its row, which it locks to replace.
 */
async function replaceVote(tx: Db, row: OpinionVotesTable): Promise<number | undefined> {
  const store = opinionDb(tx);
  const key = ['consultation_id', 'statement_number', 'participant_number'] as const;
  const inserted = await store.insertInto('consultation_opinion_votes').values(row).onConflict((oc) => oc.columns([...key]).doNothing()).returning('vote').executeTakeFirst();
  if (inserted) return undefined;
  let query = store.selectFrom('consultation_opinion_votes').select('vote')
    .where('consultation_id', '=', row.consultation_id).where('statement_number', '=', row.statement_number).where('participant_number', '=', row.participant_number);
  if (dialectOf(tx) === 'postgres') query = query.modifyEnd(sql`for update`);
  const before = await query.executeTakeFirstOrThrow();
  await store.updateTable('consultation_opinion_votes').set({ vote: row.vote, voted_at: row.voted_at })
    .where('consultation_id', '=', row.consultation_id).where('statement_number', '=', row.statement_number).where('participant_number', '=', row.participant_number).execute();
  return Number(before.vote);
}

/**
 * PostgreSQL: a participant's first vote on a statement as one statement outside any transaction
 * (one round trip where the transaction takes seven; at a hundred votes a second on two shared
 * cores each round trip costs a wait for the CPU). The statement is share-locked for as long as
 * the vote is written, so a withdrawal waits for it or it finds the statement withdrawn; the vote,
 * the tally, the voter's count, the data version and the audit entry are written only if the vote
 * row was new. Answers whether the vote was cast, the statement no longer takes votes, or the
 * participant had voted on it before (or raced with themself): the caller then takes the
 * transaction, which reads the previous vote to move the tally.
 */
async function firstVoteInOneStatement(ctx: CommandContext<SignedIn>, consultationId: string, number: number, participant: Participant, vote: number): Promise<'cast' | 'not votable' | 'voted before'> {
  const audited = auditAlong('cast_vote', ctx.actor, ctx.now, { action: 'consultation.voted', subjectType: 'consultation', subjectId: consultationId, details: { statement: number } });
  const { rows } = await sql<{ votable: number; cast: number }>`with votable as (
      select 1 from consultation_opinion_statements where consultation_id = ${consultationId} and number = ${number} and status = 'approved' for share
    ), cast_vote as (
      insert into consultation_opinion_votes (consultation_id, statement_number, participant_number, vote, voted_at)
      select ${consultationId}, ${sql.lit(number)}, ${sql.lit(participant.number)}, ${sql.lit(vote)}, ${timestamp(ctx.now)} from votable
      on conflict (consultation_id, statement_number, participant_number) do nothing returning vote
    ), tally as (
      insert into consultation_opinion_tallies as t (consultation_id, statement_number, agree, disagree, pass)
      select ${consultationId}, ${sql.lit(number)}, (vote = 1)::int, (vote = -1)::int, (vote = 0)::int from cast_vote
      on conflict (consultation_id, statement_number) do update set agree = t.agree + excluded.agree, disagree = t.disagree + excluded.disagree, pass = t.pass + excluded.pass
    ), counted as (
      update consultation_opinion_participants set votes = votes + 1 where id = ${participant.id} and exists (select 1 from cast_vote)
    ), ${audited}
    select (select count(*) from votable) as votable, (select count(*) from cast_vote) as cast`.execute(ctx.db);
  const { votable, cast } = rows[0]!;
  return Number(cast) === 1 ? 'cast' : Number(votable) === 0 ? 'not votable' : 'voted before';
}

/** What a vote's transaction answers when the voter has no participant row here yet. */
const newcomer = Symbol('newcomer');

/**
 * A vote on an approved statement: agree, disagree or pass. Voting again replaces the vote; the
 * statement's tally and the voter's count move with it, in the same transaction. A person's first
 * vote here makes their participant row first, on its own (see participantOf), then votes. On
 * PostgreSQL a first vote on a statement takes one statement (firstVoteInOneStatement).
 */
export async function castVote(ctx: CommandContext<SignedIn>, target: VoteTarget, input: VoteInput): Promise<Result<{ number: number }>> {
  const value = voteValues[input.vote];
  const { statementNumber: number, id: consultationId } = target;
  if (dialectOf(ctx.db) === 'postgres') {
    // The route's read a moment ago; the statement itself is checked again as the vote is written.
    const refused = voteRefused(target, ctx.now);
    if (refused) return refused;
    const participant = target.participant_id === null
      ? await participantOf(ctx.db, consultationId, ctx.actor.user, ctx.now)
      : { id: target.participant_id, number: Number(target.participant_number) };
    if ((await firstVoteInOneStatement(ctx, consultationId, number, participant, value)) === 'cast') return ok({ number });
    // A vote replacing another, or a statement withdrawn meanwhile: the transaction below reads again and says which.
  }
  const vote = () => opinionDb(ctx.db).transaction().execute(async (tx): Promise<Result<{ number: number }> | typeof newcomer> => {
    const statement = await statementToVoteOn(tx, consultationId, number, ctx.actor.user.id);
    const refused = voteRefused(statement, ctx.now);
    if (refused) return refused;
    if (statement!.participant_id === null) return newcomer;
    const previous = await replaceVote(tx, { consultation_id: consultationId, statement_number: number, participant_number: Number(statement!.participant_number), vote: value, voted_at: timestamp(ctx.now) });
    await moveTally(tx, consultationId, number, previous, value);
    if (previous === undefined) await opinionDb(tx).updateTable('consultation_opinion_participants').set((eb) => ({ votes: eb('votes', '+', 1) })).where('id', '=', statement!.participant_id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.voted', subjectType: 'consultation', subjectId: consultationId, details: { statement: number } });
    return ok({ number });
  });
  const first = await vote();
  if (first !== newcomer) return first;
  await participantOf(ctx.db, consultationId, ctx.actor.user, ctx.now);
  const second = await vote();
  if (second === newcomer) throw new Error('the participant row made for this vote is gone');
  return second;
}
