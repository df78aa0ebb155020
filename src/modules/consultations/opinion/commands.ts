/**
 * Statements and votes on a consultation's opinion map (docs/decisions/039). Each command runs in
 * one transaction, re-checks there what must hold (the statement is approved, the consultation
 * takes part now), is audited, and leaves one row per participant and statement however many
 * requests race.
 */
import { sql } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { dialectOf, lockRow, newId, serializeOn, timestamp, type Db } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { dayOf, phaseOn, type Consultation } from '../queries.ts';
import { consultationsDb } from '../tables.ts';
import { mayTakePart } from './queries.ts';
import { voteValues, type ModerationInput, type StatementInput, type VoteInput } from './schema.ts';
import { opinionDb } from './tables.ts';

/** The consultation's row now, with the phase it is in: votes and statements are taken from the comments phase until it closes. */
async function openNow(tx: Db, consultationId: string, now: Date): Promise<boolean> {
  const row = await consultationsDb(tx).selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirst();
  return row !== undefined && Number(row.published_version) > 0 && mayTakePart(phaseOn(row, dayOf(now)));
}

/**
 * The voter's participant row in this consultation, made on their first vote or statement with
 * the next free Polis number and the stakeholder group they declare. The per-consultation lock
 * makes two first votes of one person (or of two people) wait for each other, so numbers never clash.
 */
async function participantOf(tx: Db, consultationId: string, user: { id: string; stakeholder_group: string | null }, now: Date): Promise<string> {
  const store = opinionDb(tx);
  const find = () => store.selectFrom('consultation_opinion_participants').select('id').where('consultation_id', '=', consultationId).where('user_id', '=', user.id).executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  await serializeOn(tx, `consultations.opinion.participants:${consultationId}`);
  const again = await find();
  if (again) return again.id;
  const last = await store.selectFrom('consultation_opinion_participants').select((eb) => eb.fn.max('number').as('last')).where('consultation_id', '=', consultationId).executeTakeFirst();
  const id = newId();
  await store.insertInto('consultation_opinion_participants').values({
    id, consultation_id: consultationId, number: last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1,
    user_id: user.id, stakeholder_group: user.stakeholder_group || null, imported: 0, created_at: timestamp(now),
  }).execute();
  return id;
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
      id: newId(), consultation_id: consultation.id, number, text: input.statement, status, author_participant_id: author, created_at: stamp,
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
 * A vote on an approved statement: agree, disagree or pass. Voting again replaces the vote (the
 * latest counts); the primary key (statement, participant) and the upsert keep one row however
 * many requests race.
 */
export async function castVote(ctx: CommandContext<SignedIn>, consultation: Consultation, number: number, input: VoteInput): Promise<Result<{ number: number }>> {
  return opinionDb(ctx.db).transaction().execute(async (tx) => {
    const store = opinionDb(tx);
    let query = store.selectFrom('consultation_opinion_statements').select(['id', 'status']).where('consultation_id', '=', consultation.id).where('number', '=', number);
    // Shared: many votes at once, but not while a moderator withdraws it.
    if (dialectOf(tx) === 'postgres') query = query.modifyEnd(sql`for share`);
    const statement = await query.executeTakeFirst();
    if (!statement) return refuse('consultations.opinion.errors.gone', { status: 404 });
    if (statement.status !== 'approved') return refuse(`consultations.opinion.errors.not_votable_${statement.status}`, { status: 409 });
    if (!(await openNow(tx, consultation.id, ctx.now))) return refuse('consultations.opinion.errors.closed', { status: 409 });
    const participant = await participantOf(tx, consultation.id, ctx.actor.user, ctx.now);
    const vote = voteValues[input.vote];
    const stamp = timestamp(ctx.now);
    await store.insertInto('consultation_opinion_votes')
      .values({ statement_id: statement.id, participant_id: participant, consultation_id: consultation.id, vote, voted_at: stamp })
      .onConflict((oc) => oc.columns(['statement_id', 'participant_id']).doUpdateSet({ vote, voted_at: stamp }))
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.voted', subjectType: 'consultation', subjectId: consultation.id, details: { statement: number } });
    return ok({ number });
  });
}
