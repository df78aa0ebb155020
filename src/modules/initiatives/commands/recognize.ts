import type { Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { initiativeSearch } from '../search.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import type { RecognitionDecisionInput } from '../schema.ts';
import { requestableStatuses } from '../vocabulary.ts';
import { committeeOf } from '../queries.ts';
import { readyForRecognition, recognitionCriteria } from '../recognition.ts';
import { registryDb, type RegistryTables } from '../tables.ts';
import { notify, type NotificationKind } from '../../../platform/notifications/index.ts';
import { initiativeDelisted, recognitionDecided, requestWaiting } from '../notifications.ts';
import { secretariatMailboxes } from '../../accounts/index.ts';

/** Tells every coordinator of an initiative, in the command's transaction (each reads it in their language). */
async function notifyCoordinators(ctx: CommandContext, tx: Kysely<RegistryTables>, initiativeId: string, kind: NotificationKind, values: Record<string, string>) {
  const initiative = await tx.selectFrom('initiatives').select(['name', 'slug']).where('id', '=', initiativeId).executeTakeFirstOrThrow();
  const coordinators = await tx.selectFrom('committee_members').select('user_id').where('initiative_id', '=', initiativeId).where('role', '=', 'coordinator').execute();
  for (const { user_id } of coordinators) {
    await notify(ctx, tx, kind, { userId: user_id, kind: kind.kind, values: { ...values, initiative: initiative.name }, path: `/initiatives/${initiative.slug}` });
  }
}
import { logOutcome } from '../outcomes.ts';

/** The coordinator accepts the IGF principles on the initiative's behalf (once). */
export async function acceptPrinciples(ctx: CommandContext<SignedIn>, initiativeId: string): Promise<Result<void>> {
  await registryDb(ctx.db).transaction().execute(async (tx) => {
    const accepted = await tx
      .updateTable('initiatives')
      .set({ principles_accepted_at: timestamp(ctx.now) })
      .where('id', '=', initiativeId)
      .where('principles_accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(accepted.numUpdatedRows) === 0) return;
    await audit(tx, ctx.actor, ctx.now, { action: 'initiative.principles_accepted', subjectType: 'initiative', subjectId: initiativeId, isPublic: true });
  });
  return ok();
}

/** Whether the initiative meets the criteria as it stands inside this transaction. */
async function meetsCriteria(tx: Kysely<RegistryTables>, initiativeId: string, taxonomy: StakeholderTaxonomy, now: Date): Promise<boolean> {
  const initiative = await tx.selectFrom('initiatives').select(['website', 'principles_accepted_at', 'annual_report_year', 'annual_report_published_at']).where('id', '=', initiativeId).executeTakeFirstOrThrow();
  const committee = await committeeOf(tx, initiativeId);
  return readyForRecognition(recognitionCriteria({ ...initiative, committee }, taxonomy, now));
}

/** Puts the initiative in the secretariat's queue, if it meets the criteria and is not already there or listed. */
export async function requestRecognition(ctx: CommandContext<SignedIn>, initiativeId: string, taxonomy: StakeholderTaxonomy): Promise<Result<void>> {
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'initiatives', initiativeId);
    if (!(await meetsCriteria(tx, initiativeId, taxonomy, ctx.now))) return refuse('initiatives.errors.not_ready');
    const updated = await tx
      .updateTable('initiatives')
      .set({ status: 'pending', updated_at: timestamp(ctx.now) })
      .where('id', '=', initiativeId)
      .where('status', 'in', requestableStatuses)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return refuse('initiatives.errors.not_ready', { status: 409 });
    const requestId = newId();
    await tx
      .insertInto('recognition_requests')
      .values({ id: requestId, initiative_id: initiativeId, requested_by: ctx.actor.user.id, requested_at: timestamp(ctx.now), decided_by: null, decided_at: null, decision: null, comments: null })
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'recognition.requested', subjectType: 'initiative', subjectId: initiativeId, isPublic: true });
    await indexRecords(tx, initiativeSearch, [initiativeId]);
    // The secretariat hears of it at once (or in its digest, as each member chose).
    const { name } = await tx.selectFrom('initiatives').select('name').where('id', '=', initiativeId).executeTakeFirstOrThrow();
    for (const reviewer of await secretariatMailboxes(tx)) {
      await notify(ctx, tx, requestWaiting, { userId: reviewer.id, kind: requestWaiting.kind, values: { initiative: name }, path: `/secretariat/recognition/${requestId}` });
    }
    return ok();
  });
}

/**
 * The secretariat approves (the initiative is listed) or returns a request with comments. An
 * approval re-checks the criteria as they stand now: the committee may have changed since the
 * request. A request is decided once, even when two decisions are sent at the same instant.
 * Answers the initiative's id.
 */
export async function decideRecognition(
  ctx: CommandContext<SignedIn>, requestId: string, input: RecognitionDecisionInput, taxonomy: StakeholderTaxonomy,
): Promise<Result<string>> {
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const request = await tx.selectFrom('recognition_requests').select(['initiative_id', 'decision']).where('id', '=', requestId).executeTakeFirst();
    if (!request || request.decision !== null) return refuse('initiatives.errors.already_decided', { status: 409 });
    await lockRow(tx, 'initiatives', request.initiative_id);
    const approved = input.decision === 'approve';
    if (approved && !(await meetsCriteria(tx, request.initiative_id, taxonomy, ctx.now))) return refuse('initiatives.errors.criteria_unmet', { status: 409 });
    const decided = await tx
      .updateTable('recognition_requests')
      .set({ decision: approved ? 'approved' : 'returned', decided_by: ctx.actor.user.id, decided_at: timestamp(ctx.now), comments: input.comments ?? null })
      .where('id', '=', requestId)
      .where('decision', 'is', null)
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) === 0) return refuse('initiatives.errors.already_decided', { status: 409 });
    await tx
      .updateTable('initiatives')
      .set({ status: approved ? 'listed' : 'returned', updated_at: timestamp(ctx.now) })
      .where('id', '=', request.initiative_id)
      .execute();
    await audit(tx, ctx.actor, ctx.now, {
      action: approved ? 'recognition.approved' : 'recognition.returned', subjectType: 'initiative', subjectId: request.initiative_id,
      isPublic: true, details: { comments: input.comments ?? null },
    });
    await notifyCoordinators(ctx, tx, request.initiative_id, recognitionDecided, { decision: approved ? 'approved' : 'returned', comments: input.comments ?? '' });
    await logOutcome(tx, { initiativeId: request.initiative_id, outcome: approved ? 'approved' : 'returned', note: input.comments ?? null, actorId: ctx.actor.user.id, now: ctx.now });
    await indexRecords(tx, initiativeSearch, [request.initiative_id]);
    return ok(request.initiative_id);
  });
}

/** The secretariat takes a listed initiative off the directory, with a public reason. */
export async function delistInitiative(ctx: CommandContext<SignedIn>, initiativeId: string, reason: string): Promise<Result<void>> {
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('initiatives')
      .set({ status: 'delisted', updated_at: timestamp(ctx.now) })
      .where('id', '=', initiativeId)
      .where('status', '=', 'listed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return refuse('initiatives.errors.not_listed', { status: 409 });
    await audit(tx, ctx.actor, ctx.now, { action: 'recognition.delisted', subjectType: 'initiative', subjectId: initiativeId, isPublic: true, details: { reason } });
    await notifyCoordinators(ctx, tx, initiativeId, initiativeDelisted, { reason });
    await logOutcome(tx, { initiativeId, outcome: 'delisted', note: reason, actorId: ctx.actor.user.id, now: ctx.now });
    await indexRecords(tx, initiativeSearch, [initiativeId]);
    return ok();
  });
}
