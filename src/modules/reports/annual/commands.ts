/**
 * Writing and publishing an annual report (docs/decisions/028). Each command is one transaction
 * serialised on the initiative's year, so the first save of a year cannot be made twice at once
 * and a publication sees the draft as it stands (the registry's rows are not ours to lock).
 */
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { newId, serializeOn, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { appendToLog, canonicalJson, contentHash } from '../../../platform/log/index.ts';
import { recordAnnualReport } from '../../initiatives/index.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { reportsDb } from '../tables.ts';
import { assembleYear, type AssembledYear } from './assemble.ts';
import { annualLogContent, annualPublishedKind, annualRecord } from './outcomes.ts';
import { annualSearch } from './search.ts';
import type { AnnualInput } from './schema.ts';

export interface AnnualInitiative {
  id: string;
  slug: string;
  name: string;
}

/** What a published annual report holds: the committee's sections and the year as it was assembled then. */
export interface AnnualSnapshot {
  id: string;
  initiative: AnnualInitiative;
  year: number;
  introduction: string | null;
  preparation: string | null;
  outcomes: string | null;
  assembled: AssembledYear;
}

/** Saves the committee's sections, starting the year's draft on the first save. */
export async function saveAnnual(ctx: CommandContext<SignedIn>, initiative: AnnualInitiative, year: number, input: AnnualInput): Promise<Result<{ id: string }>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    await serializeOn(tx, `annual-report:${initiative.id}:${year}`);
    const stamp = timestamp(ctx.now);
    const sections = { introduction: input.introduction ?? null, preparation: input.preparation ?? null, outcomes: input.outcomes ?? null };
    const existing = await tx.selectFrom('annual_reports').select(['id', 'status']).where('initiative_id', '=', initiative.id).where('year', '=', year).executeTakeFirst();
    if (existing?.status === 'published') return refuse('reports.annual.errors.published', { status: 409 });
    const id = existing?.id ?? newId();
    if (existing) await tx.updateTable('annual_reports').set({ ...sections, updated_at: stamp }).where('id', '=', id).execute();
    else {
      await tx.insertInto('annual_reports').values({
        id, initiative_id: initiative.id, year, status: 'draft', ...sections, snapshot: null, snapshot_sha256: null,
        published_by: null, published_at: null, created_by: ctx.actor.user.id, created_at: stamp, updated_at: stamp,
      }).execute();
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'reports.annual_saved', subjectType: 'annual_report', subjectId: id });
    return ok({ id });
  });
}

/**
 * Publishes the draft: the year is assembled once more and kept as it stands, the log gains an
 * entry, and the registry notes the year for the recognition criterion.
 */
export async function publishAnnual(ctx: CommandContext<SignedIn>, initiative: AnnualInitiative, year: number): Promise<Result<void>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    await serializeOn(tx, `annual-report:${initiative.id}:${year}`);
    const draft = await tx.selectFrom('annual_reports').selectAll().where('initiative_id', '=', initiative.id).where('year', '=', year).executeTakeFirst();
    if (!draft) return refuse('reports.annual.errors.no_draft', { status: 409 });
    if (draft.status === 'published') return refuse('reports.annual.errors.published', { status: 409 });
    if (!draft.introduction) return refuse('reports.annual.errors.introduction_needed', { field: 'introduction' });
    const snapshot: AnnualSnapshot = {
      id: draft.id, initiative, year, introduction: draft.introduction, preparation: draft.preparation, outcomes: draft.outcomes,
      assembled: await assembleYear(tx, initiative.id, year),
    };
    const published = {
      status: 'published', snapshot: canonicalJson(snapshot), snapshot_sha256: contentHash(snapshot),
      published_by: ctx.actor.user.id, published_at: timestamp(ctx.now), updated_at: timestamp(ctx.now),
    };
    await tx.updateTable('annual_reports').set(published).where('id', '=', draft.id).execute();
    await appendToLog(tx, {
      kind: annualPublishedKind, record: annualRecord(draft.id), version: 1,
      content: annualLogContent({ ...draft, ...published }), actor: ctx.actor.user.id, time: ctx.now,
    });
    await recordAnnualReport(tx, initiative.id, year, published.published_at);
    await indexRecords(tx, annualSearch, [draft.id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'reports.annual_published', subjectType: 'annual_report', subjectId: draft.id, isPublic: true });
    return ok();
  });
}
