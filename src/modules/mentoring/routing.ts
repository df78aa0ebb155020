/**
 * Routing requests to mentors (docs/decisions/035-mentoring.md). A request is offered to the
 * first preferred mentor, in the newcomer's order, that has not passed on it and has a free
 * place; if every such mentor is full it waits, and each freed place is offered again to the
 * waiting requests, oldest first. Every command that changes who takes a place calls these in
 * its transaction after `lockRouting`, so two requests never take the same last place.
 */
import { newId, serializeOn, timestamp, type Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { notify } from '../../platform/notifications/index.ts';
import { committeeOf, initiativeNames } from '../initiatives/index.ts';
import { requestDeclined, requestReceived } from './notifications.ts';
import { listOf, loadsOf } from './queries.ts';
import { mentoringDb } from './tables.ts';

export interface RoutingCtx {
  jobs: JobQueue;
  now: Date;
}

/**
 * One routing at a time (a PostgreSQL advisory lock; SQLite has one writer anyway): a place's
 * count and the offer that takes it are read and written under the same lock. Mentoring sees a
 * few requests a week, so one lock for all of them costs nothing and cannot deadlock.
 */
export const lockRouting = (tx: Db) => serializeOn(tx, 'mentoring:routing');

/** The coordinators of an initiative: who hears of what concerns it. */
export async function coordinatorsOf(tx: Db, initiativeId: string): Promise<string[]> {
  return (await committeeOf(tx, initiativeId)).filter((m) => m.role === 'coordinator').map((m) => m.user_id);
}

export type Routed = 'offered' | 'waiting' | 'unmatched';

/** Offers a request (waiting, or just made or passed over) to its first preferred mentor with room. */
export async function route(ctx: RoutingCtx, tx: Db, requestId: string): Promise<Routed> {
  const m = mentoringDb(tx);
  const request = await m.selectFrom('mentoring_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
  const passed = new Set((await m.selectFrom('mentoring_passes').select('offer_id').where('request_id', '=', requestId).execute()).map((p) => p.offer_id));
  const candidates = listOf(request.preferences).filter((id) => !passed.has(id));
  const offers = candidates.length ? await m.selectFrom('mentor_offers').select(['id', 'initiative_id', 'capacity', 'status']).where('id', 'in', candidates).execute() : [];
  // A withdrawn offer will not come back; a paused one may, so the request may wait for it.
  const still = candidates.map((id) => offers.find((o) => o.id === id)).filter((o) => o !== undefined && o.status !== 'withdrawn');
  const loads = await loadsOf(tx, still.map((o) => o!.id));
  const now = timestamp(ctx.now);
  const chosen = still.find((o) => o!.status === 'open' && (loads.get(o!.id) ?? 0) < Number(o!.capacity));
  if (chosen) {
    await m.updateTable('mentoring_requests').set({ status: 'offered', offer_id: chosen.id, offered_at: now, updated_at: now }).where('id', '=', requestId).execute();
    const names = await initiativeNames(tx, [request.initiative_id, chosen.initiative_id]);
    for (const userId of await coordinatorsOf(tx, chosen.initiative_id)) {
      await notify(ctx, tx, requestReceived, {
        userId, kind: requestReceived.kind, values: { initiative: names.get(request.initiative_id)?.name ?? '' },
        path: `/initiatives/${names.get(chosen.initiative_id)?.slug ?? ''}/mentoring#incoming`,
      });
    }
    return 'offered';
  }
  const status = still.length > 0 ? 'waiting' : 'unmatched';
  // A request still waiting as it was is left alone: routing again after every freed place must not rewrite it.
  if (request.status !== status || request.offer_id !== null) {
    await m.updateTable('mentoring_requests').set({ status, offer_id: null, offered_at: null, updated_at: now }).where('id', '=', requestId).execute();
  }
  return status;
}

/**
 * A place may have freed (a mentorship ended, a request moved on, an offer grew or reopened):
 * the waiting requests are routed again, oldest first, so no mentor sits idle while a request
 * that prefers it waits.
 */
export async function fillPlaces(ctx: RoutingCtx, tx: Db): Promise<void> {
  const waiting = await mentoringDb(tx).selectFrom('mentoring_requests').select('id').where('status', '=', 'waiting').orderBy('created_at').orderBy('id').execute();
  for (const request of waiting) await route(ctx, tx, request.id);
}

/**
 * A preferred mentor will not be asked again (it declined, did not answer, withdrew its offer, or
 * the secretariat did not approve the match): the pass is kept, the newcomer is told, and the
 * request moves on to its next preference.
 */
export async function passOver(ctx: RoutingCtx, tx: Db, pass: { requestId: string; offerId: string; reason: 'declined' | 'expired' | 'withdrawn' | 'rejected'; note: string | null; by: string | null }): Promise<Routed> {
  const m = mentoringDb(tx);
  await m.insertInto('mentoring_passes').values({ id: newId(), request_id: pass.requestId, offer_id: pass.offerId, reason: pass.reason, note: pass.note, decided_by: pass.by, decided_at: timestamp(ctx.now) }).execute();
  const request = await m.selectFrom('mentoring_requests').select(['initiative_id']).where('id', '=', pass.requestId).executeTakeFirstOrThrow();
  const offer = await m.selectFrom('mentor_offers').select('initiative_id').where('id', '=', pass.offerId).executeTakeFirstOrThrow();
  const names = await initiativeNames(tx, [request.initiative_id, offer.initiative_id]);
  const routed = await route(ctx, tx, pass.requestId);
  for (const userId of await coordinatorsOf(tx, request.initiative_id)) {
    await notify(ctx, tx, requestDeclined, {
      userId, kind: requestDeclined.kind, values: { mentor: names.get(offer.initiative_id)?.name ?? '', reason: pass.reason, next: routed },
      path: `/initiatives/${names.get(request.initiative_id)?.slug ?? ''}/mentoring#requests`,
    });
  }
  return routed;
}
