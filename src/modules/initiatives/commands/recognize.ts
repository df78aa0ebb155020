import type { CommandContext } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import type { RecognitionDecisionInput } from '../schema.ts';
import { requestableStatuses } from '../vocabulary.ts';

/** The coordinator accepts the IGF principles on the initiative's behalf. */
export async function acceptPrinciples(ctx: CommandContext, initiativeId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const accepted = await tx
      .updateTable('initiatives')
      .set({ principles_accepted_at: timestamp(ctx.now) })
      .where('id', '=', initiativeId)
      .where('principles_accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(accepted.numUpdatedRows) === 0) return;
    await audit(tx, ctx.actor, ctx.now, { action: 'initiative.principles_accepted', subjectType: 'initiative', subjectId: initiativeId, isPublic: true });
  });
}

/** Puts the initiative in the secretariat's queue. The caller has checked the criteria. */
export async function requestRecognition(ctx: CommandContext, initiativeId: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('initiatives')
      .set({ status: 'pending', updated_at: timestamp(ctx.now) })
      .where('id', '=', initiativeId)
      .where('status', 'in', requestableStatuses)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await tx
      .insertInto('recognition_requests')
      .values({ id: newId(), initiative_id: initiativeId, requested_by: ctx.actor.user!.id, requested_at: timestamp(ctx.now), decided_by: null, decided_at: null, decision: null, comments: null })
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'recognition.requested', subjectType: 'initiative', subjectId: initiativeId, isPublic: true });
    return true;
  });
}

/**
 * The secretariat approves (the initiative is listed) or returns a request with comments.
 * Answers the initiative's id, or null when the request was already decided.
 */
export async function decideRecognition(ctx: CommandContext, requestId: string, input: RecognitionDecisionInput): Promise<string | null> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await tx.selectFrom('recognition_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
    if (!request || request.decision !== null) return null;
    const approved = input.decision === 'approve';
    await tx
      .updateTable('recognition_requests')
      .set({ decision: approved ? 'approved' : 'returned', decided_by: ctx.actor.user!.id, decided_at: timestamp(ctx.now), comments: input.comments ?? null })
      .where('id', '=', requestId)
      .execute();
    await tx
      .updateTable('initiatives')
      .set({ status: approved ? 'listed' : 'returned', updated_at: timestamp(ctx.now) })
      .where('id', '=', request.initiative_id)
      .execute();
    await audit(tx, ctx.actor, ctx.now, {
      action: approved ? 'recognition.approved' : 'recognition.returned', subjectType: 'initiative', subjectId: request.initiative_id,
      isPublic: true, details: { comments: input.comments ?? null },
    });
    return request.initiative_id;
  });
}

/** The secretariat takes a listed initiative off the directory, with a public reason. */
export async function delistInitiative(ctx: CommandContext, initiativeId: string, reason: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('initiatives')
      .set({ status: 'delisted', updated_at: timestamp(ctx.now) })
      .where('id', '=', initiativeId)
      .where('status', '=', 'listed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await audit(tx, ctx.actor, ctx.now, { action: 'recognition.delisted', subjectType: 'initiative', subjectId: initiativeId, isPublic: true, details: { reason } });
    return true;
  });
}
