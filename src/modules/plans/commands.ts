/**
 * Writing, adopting and following action plans (docs/decisions/030). Each command runs in one
 * transaction, locks the row it changes, re-checks what must hold, is audited and keeps the
 * search index in step.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { accountByEmail } from '../accounts/index.ts';
import { publishedCallsToAction } from '../reports/index.ts';
import { calledConsultations } from '../consultations/index.ts';
import { topicList } from '../events/index.ts';
import { adoptedKind, itemRecord, logOutcome, planRecord, statusKind } from './outcomes.ts';
import { dayOf, type Initiative, type Plan } from './queries.ts';
import type { ItemInput, ItemSource, PlanInput, UpdateInput } from './schema.ts';
import { itemSearch, planSearch } from './search.ts';
import { plansDb } from './tables.ts';

/** An initiative's committee starts a plan: a draft, until its coordinators adopt it. */
export async function createPlan(ctx: CommandContext<SignedIn>, initiative: Initiative, input: PlanInput): Promise<Result<{ id: string }>> {
  return plansDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    const now = timestamp(ctx.now);
    await tx.insertInto('action_plans').values({
      id, initiative_id: initiative.id, title: input.title, starts_on: input.starts_on, ends_on: input.ends_on, description: input.description ?? null,
      language: input.language, status: 'draft', adopted_by: null, adopted_at: null, created_by: ctx.actor.user.id, created_at: now, updated_at: now,
    }).execute();
    await indexRecords(tx, planSearch, [id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'plan.created', subjectType: 'action_plan', subjectId: id });
    return ok({ id });
  });
}

const none = { source_report_id: null, source_anchor: null, source_consultation_id: null };

/** The columns that name an item's source, once found: a published report's call to action, or a consultation's recorded call. */
async function sourceColumns(db: Db, source: ItemSource) {
  if (source.kind === 'report') {
    const found = await publishedCallsToAction(db, [source]);
    return found.size ? { ...none, source_report_id: source.report, source_anchor: source.anchor } : null;
  }
  const [called] = (await calledConsultations(db, { slugs: [source.slug] })).values();
  return called ? { ...none, source_consultation_id: called.id } : null;
}

/**
 * Adds an item. Its topic must be one the taxonomy offers, its due date today or later, a
 * responsible person's address (if given) a verified account's, and its source a published
 * report's call to action.
 */
export async function addItem(ctx: CommandContext<SignedIn>, plan: Plan, input: ItemInput): Promise<Result<{ id: string }>> {
  const topics = await topicList(ctx.db);
  if (!topics.some((t) => t.key === input.topic)) return refuse('plans.errors.topic', { field: 'topic' });
  if (input.due_on < dayOf(ctx.now)) return refuse('plans.errors.due_past', { field: 'due_on' });
  let userId: string | null = null;
  if (input.responsible_email) {
    const account = await accountByEmail(ctx.db, input.responsible_email);
    if (!account || !account.verified) return refuse('plans.errors.no_such_account', { field: 'responsible_email' });
    userId = account.id;
  }
  const source = input.source ? await sourceColumns(ctx.db, input.source) : none;
  if (!source) return refuse('plans.errors.source_unknown', { field: 'source' });
  return plansDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'action_plans', plan.id);
    const id = newId();
    const now = timestamp(ctx.now);
    await tx.insertInto('action_plan_items').values({
      id, plan_id: plan.id, topic_key: input.topic, action: input.action, responsible_kind: input.responsible_kind,
      responsible_name: input.responsible_kind === 'group' ? input.responsible_group! : input.responsible_name!, responsible_user_id: userId,
      mechanism: input.mechanism, due_on: input.due_on, status: 'planned', ...source,
      logged_versions: 0, reminded_at: null, created_by: ctx.actor.user.id, created_at: now, updated_at: now,
    }).execute();
    await tx.updateTable('action_plans').set({ updated_at: now }).where('id', '=', plan.id).execute();
    await indexRecords(tx, itemSearch, [id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'plan.item_added', subjectType: 'action_plan', subjectId: plan.id, isPublic: plan.status === 'adopted', details: { item: id } });
    return ok({ id });
  });
}

/** What the log says of an adopted plan: the plan and its items as adopted. */
async function adoptionContent(tx: Db, plan: Plan, actorId: string, now: Date) {
  const items = await plansDb(tx).selectFrom('action_plan_items').selectAll().where('plan_id', '=', plan.id).orderBy('due_on').orderBy('id').execute();
  return {
    plan: plan.id, initiative: plan.initiative_id, title: plan.title, starts_on: plan.starts_on, ends_on: plan.ends_on, description: plan.description,
    language: plan.language, adopted_at: timestamp(now), adopted_by: actorId,
    items: items.map((i) => ({
      id: i.id, topic: i.topic_key, action: i.action, responsible: { kind: i.responsible_kind, name: i.responsible_name }, mechanism: i.mechanism,
      due_on: i.due_on, status: i.status, source: i.source_report_id ? `${i.source_report_id}#${i.source_anchor}` : i.source_consultation_id ? `consultation/${i.source_consultation_id}` : null,
    })),
  };
}

/** The coordinators adopt the plan: it becomes public, and its adoption goes into the public log. */
export async function adoptPlan(ctx: CommandContext<SignedIn>, plan: Plan): Promise<Result<void>> {
  return plansDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'action_plans', plan.id);
    const row = await tx.selectFrom('action_plans').selectAll().where('id', '=', plan.id).executeTakeFirst();
    if (!row) return refuse('plans.errors.gone', { status: 404 });
    if (row.status !== 'draft') return refuse('plans.errors.already_adopted', { status: 409 });
    const items = await tx.selectFrom('action_plan_items').select('id').where('plan_id', '=', plan.id).execute();
    if (items.length === 0) return refuse('plans.errors.no_items', { status: 422 });
    const now = timestamp(ctx.now);
    await tx.updateTable('action_plans').set({ status: 'adopted', adopted_by: ctx.actor.user.id, adopted_at: now, updated_at: now }).where('id', '=', plan.id).execute();
    await logOutcome(tx, { kind: adoptedKind, record: planRecord(plan.id), version: 1, content: await adoptionContent(tx, { ...plan, ...row }, ctx.actor.user.id, ctx.now), actor: ctx.actor.user.id, now: ctx.now });
    // Public from now on, in search too.
    await indexRecords(tx, planSearch, [plan.id]);
    await indexRecords(tx, itemSearch, items.map((i) => i.id));
    await audit(tx, ctx.actor, ctx.now, { action: 'plan.adopted', subjectType: 'action_plan', subjectId: plan.id, isPublic: true });
    return ok();
  });
}

/** An item's status changes; once the plan is adopted, each change is the item's next version in the public log. */
export async function changeStatus(ctx: CommandContext<SignedIn>, plan: Plan, itemId: string, status: string): Promise<Result<void>> {
  return plansDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'action_plan_items', itemId);
    const item = await tx.selectFrom('action_plan_items').selectAll().where('id', '=', itemId).where('plan_id', '=', plan.id).executeTakeFirst();
    if (!item) return refuse('plans.errors.gone', { status: 404 });
    if (item.status === status) return refuse('plans.errors.same_status', { field: 'status', status: 409 });
    // Read under the lock: a plan adopted since the page was loaded logs this change.
    const adopted = (await tx.selectFrom('action_plans').select('status').where('id', '=', plan.id).executeTakeFirstOrThrow()).status === 'adopted';
    const now = timestamp(ctx.now);
    const version = Number(item.logged_versions) + (adopted ? 1 : 0);
    await tx.updateTable('action_plan_items').set({ status, logged_versions: version, updated_at: now }).where('id', '=', itemId).execute();
    if (adopted) {
      await logOutcome(tx, {
        kind: statusKind, record: itemRecord(itemId), version, actor: ctx.actor.user.id, now: ctx.now,
        content: { item: itemId, plan: plan.id, status, previous: item.status, changed_at: now, changed_by: ctx.actor.user.id },
      });
    }
    await indexRecords(tx, itemSearch, [itemId]);
    await audit(tx, ctx.actor, ctx.now, { action: 'plan.item_status', subjectType: 'action_plan', subjectId: plan.id, isPublic: adopted, details: { item: itemId, status } });
    return ok();
  });
}

/** A dated progress update with its evidence; it reports on a day that has come, not one ahead. */
export async function addUpdate(ctx: CommandContext<SignedIn>, plan: Plan, itemId: string, input: UpdateInput): Promise<Result<void>> {
  if (input.written_on > dayOf(ctx.now)) return refuse('plans.errors.update_future', { field: 'written_on' });
  return plansDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'action_plan_items', itemId);
    const item = await tx.selectFrom('action_plan_items').select('id').where('id', '=', itemId).where('plan_id', '=', plan.id).executeTakeFirst();
    if (!item) return refuse('plans.errors.gone', { status: 404 });
    const now = timestamp(ctx.now);
    await tx.insertInto('action_plan_updates').values({
      id: newId(), item_id: itemId, written_on: input.written_on, text: input.text, percent: input.percent ?? null, evidence: JSON.stringify(input.evidence),
      created_by: ctx.actor.user.id, created_at: now,
    }).execute();
    await tx.updateTable('action_plan_items').set({ updated_at: now }).where('id', '=', itemId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'plan.item_progress', subjectType: 'action_plan', subjectId: plan.id, isPublic: plan.status === 'adopted', details: { item: itemId } });
    return ok();
  });
}
