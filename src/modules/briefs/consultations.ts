/**
 * A published brief attached to consultations (docs/decisions/036): its authors set it beside a
 * text being consulted on, and the consultation's page lists it, so those who comment read it.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { consultationsOpenOn, publishedConsultations, type ConsultationRef } from '../consultations/index.ts';
import { briefsDb } from './tables.ts';
import type { Brief } from './queries.ts';

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** The consultations a brief may be attached to today: published and not closed. */
export const attachableConsultations = (db: Db, now: Date) => consultationsOpenOn(db, dayOf(now));

/** Attaches a published brief to an open consultation; attaching it again changes nothing. */
export async function attachToConsultation(ctx: CommandContext<SignedIn>, brief: Brief, input: { consultation: string }): Promise<Result<void>> {
  if (brief.version === 0) return refuse('briefs.errors.attach_unpublished', { status: 409 });
  const target = (await attachableConsultations(ctx.db, ctx.now)).find((c) => c.slug === input.consultation);
  if (!target) return refuse('briefs.errors.attach_unknown', { field: 'consultation' });
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    await tx.insertInto('brief_consultations').values({ brief_id: brief.id, consultation_id: target.id, attached_by: ctx.actor.user.id, attached_at: timestamp(ctx.now) })
      .onConflict((oc) => oc.columns(['brief_id', 'consultation_id']).doNothing()).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.attached', subjectType: 'brief', subjectId: brief.id, isPublic: true, details: { consultation: target.slug } });
    return ok();
  });
}

/** The published consultations a brief is attached to. */
export async function consultationsOfBrief(db: Db, briefId: string): Promise<ConsultationRef[]> {
  const rows = await briefsDb(db).selectFrom('brief_consultations').select('consultation_id').where('brief_id', '=', briefId).orderBy('attached_at').execute();
  const found = await publishedConsultations(db, rows.map((r) => r.consultation_id));
  return rows.flatMap((r) => found.get(r.consultation_id) ?? []);
}

/** The published briefs attached to a consultation, as its page lists them. */
export async function briefsOnConsultation(db: Db, consultationId: string): Promise<Array<{ id: string; title: string; language: string; version: number }>> {
  const rows = await briefsDb(db).selectFrom('brief_consultations').innerJoin('brief_listing', 'brief_listing.brief_id', 'brief_consultations.brief_id')
    .select(['brief_listing.brief_id as id', 'brief_listing.title', 'brief_listing.language', 'brief_listing.version']).where('brief_consultations.consultation_id', '=', consultationId)
    .orderBy('brief_consultations.attached_at').execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}
