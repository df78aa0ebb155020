import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { notify } from '../../../platform/notifications/index.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { secretariatMailboxes } from '../../accounts/index.ts';
import { initiativeSearch } from '../search.ts';
import { claimDecided, claimWaiting } from '../notifications.ts';
import { logOutcome } from '../outcomes.ts';
import type { ClaimDecisionInput } from '../schema.ts';
import { registryDb } from '../tables.ts';

/**
 * Someone says a demo entry is their initiative, with a short justification; the secretariat is
 * told. One open claim per person and entry. Answers the claim's id.
 */
export async function claimDemoEntry(ctx: CommandContext<SignedIn>, initiativeId: string, justification: string): Promise<Result<string>> {
  const { user } = ctx.actor;
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'initiatives', initiativeId);
    const initiative = await tx.selectFrom('initiatives').select(['name', 'is_demo']).where('id', '=', initiativeId).executeTakeFirstOrThrow();
    if (initiative.is_demo !== 1) return refuse('initiatives.errors.not_demo', { status: 409 });
    const open = await tx.selectFrom('demo_claims').select('id')
      .where('initiative_id', '=', initiativeId).where('claimant_id', '=', user.id).where('decision', 'is', null).executeTakeFirst();
    if (open) return refuse('initiatives.errors.claim_open', { status: 409 });
    const id = newId();
    await tx.insertInto('demo_claims').values({
      id, initiative_id: initiativeId, claimant_id: user.id, justification, stakeholder_group: user.stakeholder_group,
      claimed_at: timestamp(ctx.now), decided_by: null, decided_at: null, decision: null, reason: null,
    }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'initiative.claimed', subjectType: 'initiative', subjectId: initiativeId });
    for (const reviewer of await secretariatMailboxes(tx)) {
      await notify(ctx, tx, claimWaiting, { userId: reviewer.id, kind: claimWaiting.kind, values: { initiative: initiative.name, claimant: user.name }, path: `/secretariat/claims/${id}` });
    }
    return ok(id);
  });
}

/**
 * The secretariat approves a claim (the claimant becomes the initiative's coordinator and the
 * demo mark goes: publicly, in the history and the transparency log) or refuses it with a reason.
 * The claimant is told either way. A claim is decided once, even when two decisions are sent at
 * the same instant; an entry already claimed by someone else cannot be handed over again.
 */
export async function decideClaim(ctx: CommandContext<SignedIn>, claimId: string, input: ClaimDecisionInput): Promise<Result<'approved' | 'refused'>> {
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const claim = await tx.selectFrom('demo_claims').selectAll().where('id', '=', claimId).executeTakeFirst();
    if (!claim || claim.decision !== null) return refuse('initiatives.errors.already_decided', { status: 409 });
    await lockRow(tx, 'initiatives', claim.initiative_id);
    const approved = input.decision === 'approve';
    const initiative = await tx.selectFrom('initiatives').select(['name', 'slug', 'is_demo']).where('id', '=', claim.initiative_id).executeTakeFirstOrThrow();
    if (approved && initiative.is_demo !== 1) return refuse('initiatives.errors.not_demo', { status: 409 });
    const decision = approved ? 'approved' : 'refused';
    const decided = await tx.updateTable('demo_claims')
      .set({ decision, decided_by: ctx.actor.user.id, decided_at: timestamp(ctx.now), reason: input.reason ?? null })
      .where('id', '=', claimId).where('decision', 'is', null)
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) === 0) return refuse('initiatives.errors.already_decided', { status: 409 });
    if (approved) {
      await tx.updateTable('initiatives').set({ is_demo: 0, created_by: claim.claimant_id, updated_at: timestamp(ctx.now) }).where('id', '=', claim.initiative_id).execute();
      await tx.deleteFrom('committee_members').where('initiative_id', '=', claim.initiative_id).where('user_id', '=', claim.claimant_id).execute();
      await tx.insertInto('committee_members').values({
        id: newId(), initiative_id: claim.initiative_id, user_id: claim.claimant_id, role: 'coordinator', stakeholder_group: claim.stakeholder_group, joined_at: timestamp(ctx.now),
      }).execute();
      await logOutcome(tx, { initiativeId: claim.initiative_id, outcome: 'claimed', note: input.reason ?? null, actorId: ctx.actor.user.id, now: ctx.now });
      await indexRecords(tx, initiativeSearch, [claim.initiative_id]);
      await closeOtherClaims(ctx, tx, claim.initiative_id, initiative);
    }
    await audit(tx, ctx.actor, ctx.now, {
      action: approved ? 'initiative.claim_approved' : 'initiative.claim_refused', subjectType: 'initiative', subjectId: claim.initiative_id,
      isPublic: approved, details: { claim: claimId, reason: input.reason ?? null },
    });
    await notify(ctx, tx, claimDecided, {
      userId: claim.claimant_id, kind: claimDecided.kind, values: { initiative: initiative.name, decision, reason: input.reason ?? '' }, path: `/initiatives/${initiative.slug}`,
    });
    return ok(decision);
  });
}

/**
 * Once an entry is handed over, the other claims on it can no longer be approved: they are closed
 * as superseded, by the same decision, and their claimants are told who to ask instead of waiting.
 */
async function closeOtherClaims(ctx: CommandContext<SignedIn>, tx: ReturnType<typeof registryDb>, initiativeId: string, initiative: { name: string; slug: string }): Promise<void> {
  const others = await tx.updateTable('demo_claims')
    .set({ decision: 'superseded', decided_by: ctx.actor.user.id, decided_at: timestamp(ctx.now) })
    .where('initiative_id', '=', initiativeId).where('decision', 'is', null)
    .returning('claimant_id')
    .execute();
  for (const other of others) {
    await notify(ctx, tx, claimDecided, {
      userId: other.claimant_id, kind: claimDecided.kind, values: { initiative: initiative.name, decision: 'superseded', reason: '' }, path: `/initiatives/${initiative.slug}`,
    });
  }
}
