import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { logEventOutcome, type EventOutcome } from '../outcomes.ts';
import { eventSearch } from '../search.ts';
import { eventsDb } from '../tables.ts';

/** From which status each step may be taken, and where it leads. */
const steps: Record<EventOutcome, { from: string; to: string }> = {
  published: { from: 'draft', to: 'published' },
  closed: { from: 'published', to: 'closed' },
};

/**
 * Publishes a draft or closes a published event: the status changes, the step is audited and
 * appended to the public transparency log, and search follows (a published event is public).
 * The row is locked, so two organisers pressing at once publish once.
 */
async function takeStep(ctx: CommandContext<SignedIn>, eventId: string, outcome: EventOutcome): Promise<Result<void>> {
  const step = steps[outcome];
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', eventId);
    const event = await tx.selectFrom('events').select('status').where('id', '=', eventId).executeTakeFirst();
    if (!event) return refuse('events.errors.gone', { status: 404 });
    if (event.status !== step.from) return refuse(`events.errors.not_${step.from}`, { status: 409 });
    await tx.updateTable('events').set({ status: step.to, updated_at: timestamp(ctx.now) }).where('id', '=', eventId).execute();
    await logEventOutcome(tx, { eventId, outcome, actorId: ctx.actor.user.id, now: ctx.now });
    await audit(tx, ctx.actor, ctx.now, { action: `event.${outcome}`, subjectType: 'event', subjectId: eventId, isPublic: true });
    await indexRecords(tx, eventSearch, [eventId]);
    return ok();
  });
}

export const publishEvent = (ctx: CommandContext<SignedIn>, eventId: string) => takeStep(ctx, eventId, 'published');
export const closeEvent = (ctx: CommandContext<SignedIn>, eventId: string) => takeStep(ctx, eventId, 'closed');
