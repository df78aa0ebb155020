/**
 * Ticking and unticking the toolkit's manual steps (docs/decisions/032-toolkit.md). Each runs in
 * one transaction and is audited; automatic steps are never ticked by hand, whatever the caller.
 */
import type { Actor, CommandContext, SignedIn } from '../../platform/http/env.ts';
import { newId, serializeOn, timestamp } from '../../platform/db/index.ts';
import { notify } from '../../platform/notifications/index.ts';
import { helpOffered } from './notifications.ts';
import { audit } from '../../platform/audit.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { stepByKey } from './steps.ts';
import type { TickInput } from './schema.ts';
import { toolkitDb } from './tables.ts';

/** What the commands use of a request's context (the demo seeds act as the installation itself, with no user). */
type Ctx = Pick<CommandContext<Actor>, 'db' | 'actor' | 'now'>;

/** Ticks a manual step with its evidence; ticking it again replaces the evidence and who ticked it. */
export async function tickStep(ctx: Ctx, initiative: { id: string }, stepKey: string, input: TickInput): Promise<Result<void>> {
  const step = stepByKey(stepKey);
  if (!step) return refuse('toolkit.errors.unknown_step', { status: 404 });
  if (step.check) return refuse('toolkit.errors.automatic', { status: 409 });
  return toolkitDb(ctx.db).transaction().execute(async (tx) => {
    const now = timestamp(ctx.now);
    const evidence = { note: input.note ?? null, link: input.link ?? null, ticked_by: ctx.actor.user?.id ?? null, ticked_at: now };
    // Two members ticking at once: the unique (initiative, step) makes the second an update, never a second row.
    await tx.insertInto('toolkit_ticks').values({ id: newId(), initiative_id: initiative.id, step: step.key, ...evidence })
      .onConflict((oc) => oc.columns(['initiative_id', 'step']).doUpdateSet(evidence)).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'toolkit.ticked', subjectType: 'initiative', subjectId: initiative.id, details: { step: step.key } });
    return ok();
  });
}

/** Unticks a manual step: it is open again (the audit keeps that it was ticked). */
export async function untickStep(ctx: Ctx, initiative: { id: string }, stepKey: string): Promise<Result<void>> {
  const step = stepByKey(stepKey);
  if (!step) return refuse('toolkit.errors.unknown_step', { status: 404 });
  if (step.check) return refuse('toolkit.errors.automatic', { status: 409 });
  return toolkitDb(ctx.db).transaction().execute(async (tx) => {
    const removed = await tx.deleteFrom('toolkit_ticks').where('initiative_id', '=', initiative.id).where('step', '=', step.key).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return refuse('toolkit.errors.not_ticked', { status: 409 });
    await audit(tx, ctx.actor, ctx.now, { action: 'toolkit.unticked', subjectType: 'initiative', subjectId: initiative.id, details: { step: step.key } });
    return ok();
  });
}

/** The secretariat offers help once a week at most per initiative and step: more would be noise. */
export const offerInterval = 7 * 86_400_000;

/**
 * The secretariat offers a committee help with its next step: every member is notified (in the
 * app, and by mail as they chose), and the offer is kept so the same one is not made again within
 * a week. `next` is the step the progress page shows as next (null when every step is done).
 */
export async function offerHelp(ctx: CommandContext<SignedIn>, initiative: { id: string; slug: string; name: string; committee: ReadonlyArray<{ user_id: string }> }, next: string | null): Promise<Result<{ step: string }>> {
  if (next === null) return refuse('toolkit.errors.nothing_open', { status: 409 });
  return toolkitDb(ctx.db).transaction().execute(async (tx) => {
    // Two secretariat members clicking at once: the second sees the first's offer.
    await serializeOn(tx, `toolkit-help:${initiative.id}`);
    const since = timestamp(new Date(ctx.now.getTime() - offerInterval));
    const recent = await tx.selectFrom('toolkit_help_offers').select('offered_at').where('initiative_id', '=', initiative.id).where('step', '=', next)
      .where('offered_at', '>', since).orderBy('offered_at', 'desc').executeTakeFirst();
    if (recent) return refuse('toolkit.errors.offered_recently', { status: 409, values: { date: new Date(recent.offered_at) } });
    await tx.insertInto('toolkit_help_offers').values({ id: newId(), initiative_id: initiative.id, step: next, offered_by: ctx.actor.user.id, offered_at: timestamp(ctx.now) }).execute();
    for (const userId of new Set(initiative.committee.map((m) => m.user_id))) {
      await notify(ctx, tx, helpOffered, { userId, kind: helpOffered.kind, values: { initiative: initiative.name }, path: `/initiatives/${initiative.slug}/toolkit#step-${next}` });
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'toolkit.help_offered', subjectType: 'initiative', subjectId: initiative.id, details: { step: next } });
    return ok({ step: next });
  });
}
