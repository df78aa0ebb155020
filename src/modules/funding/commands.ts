/**
 * Writing the ledger (docs/decisions/029). Drafts are the committee's working copy; publishing is
 * final: a published row is never updated again, and a correction is a new entry naming the one
 * it replaces. Every command runs in one transaction serialised on the initiative's ledger, so two
 * corrections of one entry cannot both be published, and is audited.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { newId, serializeOn, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { appendToLog } from '../../platform/log/index.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { entryLogContent, entryPublishedKind, entryRecord } from './outcomes.ts';
import { fundingSearch } from './search.ts';
import { receiptsOf } from './receipts.ts';
import { fundingDb, type FundingEntriesTable } from './tables.ts';
import type { BudgetInput, ExpenseInput, IncomeInput } from './schema.ts';
import type { EventRef } from './totals.ts';

/** An initiative's ledger, as the commands need it: which initiative, and its public events. */
export interface Ledger {
  id: string;
  slug: string;
  events: readonly EventRef[];
}

export type EntryDraft = { kind: 'income'; input: IncomeInput } | { kind: 'expense'; input: ExpenseInput };

const serialize = (tx: Db, ledger: Ledger) => serializeOn(tx, `funding:${ledger.id}`);

/** The published correction of an entry, if there is one. */
const correctionOf = (tx: Db, id: string) =>
  fundingDb(tx).selectFrom('funding_entries').select('id').where('corrects_id', '=', id).where('status', '=', 'published').executeTakeFirst();

/** Why an entry cannot be corrected (yet, or any more), or null when it can. */
async function cannotCorrect(tx: Db, ledger: Ledger, target: FundingEntriesTable | undefined) {
  if (!target || target.initiative_id !== ledger.id) return refuse('funding.errors.correct_other', { status: 404 });
  if (target.status !== 'published') return refuse('funding.errors.correct_draft', { status: 409 });
  if (await correctionOf(tx, target.id)) return refuse('funding.errors.already_corrected', { status: 409 });
  return null;
}

/**
 * Drafts an entry; with `correctsId`, a correction of that published entry of the same ledger
 * (of its kind: income corrects income). Expenses name one of the initiative's public events, or none.
 */
export async function draftEntry(ctx: CommandContext<SignedIn>, ledger: Ledger, draft: EntryDraft, correctsId: string | null = null): Promise<Result<{ id: string }>> {
  if (draft.kind === 'expense' && draft.input.event && !ledger.events.some((e) => e.id === draft.input.event)) return refuse('funding.errors.unknown_event', { field: 'event' });
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    await serialize(tx, ledger);
    if (correctsId) {
      const target = await tx.selectFrom('funding_entries').selectAll().where('id', '=', correctsId).executeTakeFirst();
      const refusal = await cannotCorrect(tx, ledger, target);
      if (refusal) return refusal;
      if (target!.kind !== draft.kind) return refuse('funding.errors.correct_kind', { status: 409 });
    }
    const id = newId();
    const income = draft.kind === 'income' ? draft.input : null;
    const expense = draft.kind === 'expense' ? draft.input : null;
    await tx.insertInto('funding_entries').values({
      id, initiative_id: ledger.id, kind: draft.kind, status: 'draft', corrects_id: correctsId,
      sponsor: income?.sponsor ?? null, stakeholder_group: income?.stakeholder_group ?? null, support: income?.support ?? null, conditions: income?.conditions ?? null,
      category: expense?.category ?? null, event_id: expense?.event ?? null, description: draft.input.description ?? null,
      amount: draft.input.amount, currency: draft.input.currency, occurred_on: draft.input.occurred_on,
      created_by: ctx.actor.user.id, created_at: timestamp(ctx.now), published_by: null, published_at: null,
    }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'funding.entry_drafted', subjectType: 'funding_entry', subjectId: id, details: { kind: draft.kind, corrects: correctsId } });
    return ok({ id });
  });
}

/** Publishes a draft: final from now on, in the public log and in search; a correction then replaces what it corrects in the totals. */
export async function publishEntry(ctx: CommandContext<SignedIn>, ledger: Ledger, id: string): Promise<Result<void>> {
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    await serialize(tx, ledger);
    const row = await tx.selectFrom('funding_entries').selectAll().where('id', '=', id).where('initiative_id', '=', ledger.id).executeTakeFirst();
    if (!row) return refuse('funding.errors.gone', { status: 404 });
    if (row.status !== 'draft') return refuse('funding.errors.already_published', { status: 409 });
    if (row.corrects_id) {
      const target = await tx.selectFrom('funding_entries').selectAll().where('id', '=', row.corrects_id).executeTakeFirst();
      const refusal = await cannotCorrect(tx, ledger, target);
      if (refusal) return refusal.refusal.status === 404 ? refuse('funding.errors.correct_other', { status: 409 }) : refusal;
    }
    const published = { ...row, status: 'published', published_by: ctx.actor.user.id, published_at: timestamp(ctx.now) };
    await tx.updateTable('funding_entries').set({ status: published.status, published_by: published.published_by, published_at: published.published_at }).where('id', '=', id).execute();
    const receipt = (await receiptsOf(tx, [id])).get(id);
    await appendToLog(tx, { kind: entryPublishedKind, record: entryRecord(id), version: 1, content: entryLogContent(published, receipt), actor: ctx.actor.user.id, time: ctx.now });
    await indexRecords(tx, fundingSearch, [id]);
    await audit(tx, ctx.actor, ctx.now, { action: row.corrects_id ? 'funding.correction_published' : 'funding.entry_published', subjectType: 'funding_entry', subjectId: id, isPublic: true, details: { corrects: row.corrects_id } });
    return ok();
  });
}

/** Throws a draft away; a published entry stays for good. */
export async function discardDraft(ctx: CommandContext<SignedIn>, ledger: Ledger, id: string): Promise<Result<void>> {
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    await serialize(tx, ledger);
    const row = await tx.selectFrom('funding_entries').select(['id', 'status']).where('id', '=', id).where('initiative_id', '=', ledger.id).executeTakeFirst();
    if (!row) return refuse('funding.errors.gone', { status: 404 });
    if (row.status !== 'draft') return refuse('funding.errors.published_final', { status: 409 });
    await tx.deleteFrom('funding_entries').where('id', '=', id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'funding.draft_discarded', subjectType: 'funding_entry', subjectId: id });
    return ok();
  });
}

/** What an event is planned to cost in a currency; 0 removes that line. Plans may change: they are not the ledger. */
export async function setBudget(ctx: CommandContext<SignedIn>, ledger: Ledger, input: BudgetInput): Promise<Result<void>> {
  if (!ledger.events.some((e) => e.id === input.event)) return refuse('funding.errors.unknown_event', { field: 'event' });
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    await serialize(tx, ledger);
    const stamp = timestamp(ctx.now);
    await tx.deleteFrom('funding_budgets').where('event_id', '=', input.event).where('currency', '=', input.currency).execute();
    if (input.amount > 0) {
      await tx.insertInto('funding_budgets').values({ id: newId(), initiative_id: ledger.id, event_id: input.event, currency: input.currency, amount: input.amount, updated_at: stamp }).execute();
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'funding.budget_set', subjectType: 'event', subjectId: input.event, isPublic: true, details: { currency: input.currency, amount: input.amount } });
    return ok();
  });
}

/** The share above which one sponsor or group is flagged. */
export async function setMaxShare(ctx: CommandContext<SignedIn>, ledger: Ledger, input: { max_share: number }): Promise<Result<void>> {
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    const stamp = timestamp(ctx.now);
    await tx.insertInto('funding_settings').values({ initiative_id: ledger.id, max_share: input.max_share, updated_at: stamp })
      .onConflict((oc) => oc.column('initiative_id').doUpdateSet({ max_share: input.max_share, updated_at: stamp })).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'funding.threshold_set', subjectType: 'initiative', subjectId: ledger.id, isPublic: true, details: { max_share: input.max_share } });
    return ok();
  });
}
