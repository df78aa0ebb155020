/**
 * Positions on the whole text and on its paragraphs (docs/decisions/038): one per person and
 * target, changeable in the positions phase until the consensus call; the audit keeps each change.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { publicPeople } from '../accounts/index.ts';
import { follow } from './notifications.ts';
import { dayOf, phaseOn, type Consultation } from './queries.ts';
import { consultationsDb } from './tables.ts';
import { wholeText, type PositionInput, type Stance } from './consensusSchema.ts';
import type { Phase } from './schema.ts';

export interface Position {
  id: string;
  target: string;
  stance: Stance;
  reason: string | null;
  blocking: 'author' | 'chair' | null;
  stakeholder_group: string;
  author: { id: string; name: string };
  version_number: number;
  updated_at: string;
}

/** Positions are taken in the positions phase only. */
export const mayTakePosition = (phase: Phase) => phase === 'positions';
/** The chair may flag an objection as blocking until the call. */
export const mayFlag = (phase: Phase) => phase === 'positions' || phase === 'consensus';

/** Every position in a consultation, oldest first. */
export async function positionsOf(db: Db, consultationId: string): Promise<Position[]> {
  const rows = await consultationsDb(db).selectFrom('consultation_positions').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('id').execute();
  const people = await publicPeople(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({
    id: r.id, target: r.target, stance: r.stance as Stance, reason: r.reason, blocking: r.blocking as Position['blocking'], stakeholder_group: r.stakeholder_group,
    author: { id: r.user_id, name: people.get(r.user_id)?.name ?? '' }, version_number: Number(r.version_number), updated_at: r.updated_at,
  }));
}

export async function hasCall(db: Db, consultationId: string): Promise<boolean> {
  return (await consultationsDb(db).selectFrom('consultation_calls').select('id').where('consultation_id', '=', consultationId).executeTakeFirst()) !== undefined;
}

/** The paragraph anchors of the latest published version. */
async function publishedAnchors(tx: Db, consultationId: string, published: number): Promise<Set<string>> {
  const rows = await consultationsDb(tx).selectFrom('consultation_blocks').innerJoin('consultation_versions', 'consultation_versions.id', 'consultation_blocks.version_id')
    .select('consultation_blocks.anchor').where('consultation_versions.consultation_id', '=', consultationId).where('consultation_versions.number', '=', published)
    .where('consultation_blocks.kind', '=', 'paragraph').execute();
  return new Set(rows.map((r) => r.anchor));
}

/**
 * A person takes (or changes) their position on the whole text or a paragraph. The consultation's
 * lock makes two positions sent at once by the same person run one after the other: the second
 * finds the first and changes it, so one row stands.
 */
export async function takePosition(ctx: CommandContext<SignedIn>, consultation: Consultation, input: PositionInput): Promise<Result<{ target: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultations', consultation.id);
    const store = consultationsDb(tx);
    const row = await store.selectFrom('consultations').selectAll().where('id', '=', consultation.id).executeTakeFirst();
    if (!row || Number(row.published_version) === 0) return refuse('consultations.errors.gone', { status: 404 });
    if (!mayTakePosition(phaseOn(row, dayOf(ctx.now)))) return refuse('consultations.positions.errors.closed', { status: 409 });
    if (await hasCall(tx, row.id)) return refuse('consultations.positions.errors.called', { status: 409 });
    if (input.target !== wholeText && !(await publishedAnchors(tx, row.id, Number(row.published_version))).has(input.target)) {
      return refuse('consultations.positions.errors.target', { field: 'target' });
    }
    const now = timestamp(ctx.now);
    const mine = await store.selectFrom('consultation_positions').select(['id', 'blocking']).where('consultation_id', '=', row.id).where('target', '=', input.target).where('user_id', '=', ctx.actor.user.id).executeTakeFirst();
    // The author's flag follows their checkbox; a chair's flag stays while the objection does.
    const blocking = input.stance !== 'object' ? null : input.blocking ? 'author' : mine?.blocking === 'chair' ? 'chair' : null;
    const values = { stance: input.stance, reason: input.reason ?? null, blocking, stakeholder_group: ctx.actor.user.stakeholder_group, version_number: Number(row.published_version), updated_at: now };
    const id = mine?.id ?? newId();
    if (mine) await store.updateTable('consultation_positions').set(values).where('id', '=', mine.id).execute();
    else await store.insertInto('consultation_positions').values({ id, consultation_id: row.id, target: input.target, user_id: ctx.actor.user.id, created_at: now, ...values }).execute();
    await follow(tx, row.id, ctx.actor.user.id, now);
    await audit(tx, ctx.actor, ctx.now, {
      action: mine ? 'consultation.position_changed' : 'consultation.position_taken', subjectType: 'consultation', subjectId: row.id, isPublic: true,
      details: { position: id, target: input.target, stance: input.stance, blocking, reason: values.reason },
    });
    return ok({ target: input.target });
  });
}

/** A chair flags an objection as blocking: the call cannot be recorded until it has a disposition. */
export async function flagBlocking(ctx: CommandContext<SignedIn>, consultation: Consultation, positionId: string): Promise<Result<void>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultations', consultation.id);
    const store = consultationsDb(tx);
    const row = await store.selectFrom('consultations').selectAll().where('id', '=', consultation.id).executeTakeFirstOrThrow();
    const position = await store.selectFrom('consultation_positions').select(['id', 'stance', 'blocking']).where('id', '=', positionId).where('consultation_id', '=', row.id).executeTakeFirst();
    if (!position || position.stance !== 'object') return refuse('consultations.errors.gone', { status: 404 });
    if (!mayFlag(phaseOn(row, dayOf(ctx.now))) || (await hasCall(tx, row.id))) return refuse('consultations.positions.errors.flag_closed', { status: 409 });
    if (position.blocking) return refuse('consultations.positions.errors.already_blocking', { status: 409 });
    await store.updateTable('consultation_positions').set({ blocking: 'chair' }).where('id', '=', position.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.objection_flagged', subjectType: 'consultation', subjectId: row.id, isPublic: true, details: { position: position.id } });
    return ok();
  });
}
