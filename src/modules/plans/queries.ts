import type { Db } from '../../platform/db/index.ts';
import { findInitiativeBySlug, initiativeNames } from '../initiatives/index.ts';
import { publishedCallsToAction } from '../reports/index.ts';
import { calledConsultations, type CalledConsultation } from '../consultations/index.ts';
import { openStatuses, type ItemStatus } from './schema.ts';
import { plansDb, type ActionPlanItemsTable, type ActionPlansTable } from './tables.ts';
import type { PlanSubject } from './policy.ts';

/** The day an instant falls on, in UTC (due dates are days, compared with today's). */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export interface Initiative {
  id: string;
  slug: string;
  name: string;
  committee: PlanSubject['committee'];
}

export interface Plan extends ActionPlansTable, PlanSubject {
  initiative: Initiative;
}

export interface PlanUpdate {
  id: string;
  written_on: string;
  text: string;
  percent: number | null;
  evidence: string[];
}

export interface PlanItem {
  id: string;
  plan_id: string;
  topic: string;
  action: string;
  responsible: { kind: string; name: string };
  /** The account of a responsible person: never shown, only reminded. */
  responsible_user_id: string | null;
  mechanism: string;
  due_on: string;
  status: ItemStatus;
  overdue: boolean;
  /** Where it came from: a report's call to action (`who`, `what`) or a consultation's recorded call (`outcome`); `title` null once that is gone. */
  source: ItemSourceView | null;
  updates: PlanUpdate[];
  /** The latest percentage reported, if any. */
  percent: number | null;
}

/** An initiative by its slug, with what the rules need (its committee). */
export async function initiativeForPlans(db: Db, slug: string): Promise<Initiative | undefined> {
  const found = await findInitiativeBySlug(db, slug);
  return found ? { id: found.id, slug: found.slug, name: found.name, committee: found.committee } : undefined;
}

/** A plan of that initiative (not of another one, whatever its id). */
export async function findPlan(db: Db, initiative: Initiative, planId: string): Promise<Plan | undefined> {
  const row = await plansDb(db).selectFrom('action_plans').selectAll().where('id', '=', planId).where('initiative_id', '=', initiative.id).executeTakeFirst();
  return row ? { ...row, initiative, committee: initiative.committee } : undefined;
}

/** An initiative's plans, newest period first; drafts only when asked (for those who may see them). */
export async function plansOf(db: Db, initiativeId: string, withDrafts: boolean): Promise<ActionPlansTable[]> {
  let query = plansDb(db).selectFrom('action_plans').selectAll().where('initiative_id', '=', initiativeId);
  if (!withDrafts) query = query.where('status', '=', 'adopted');
  return query.orderBy('starts_on', 'desc').orderBy('id').execute();
}

const isOverdue = (status: string, due: string, today: string) => (openStatuses as readonly string[]).includes(status) && due < today;

export type ItemSourceView =
  | { kind: 'report'; report: string; anchor: string; path: string; title: string | null; who: string | null; what: string | null }
  | { kind: 'consultation'; consultation: string | null; path: string; title: string | null; outcome: string | null };

/** Items with their updates and sources, in due order; `where` narrows them (a plan, or a topic's adopted plans). */
async function readItems(db: Db, today: string, narrow: { planIds: readonly string[] }): Promise<PlanItem[]> {
  if (narrow.planIds.length === 0) return [];
  const plans = plansDb(db);
  const rows = await plans.selectFrom('action_plan_items').selectAll().where('plan_id', 'in', [...narrow.planIds])
    .orderBy('due_on').orderBy('created_at').orderBy('id').execute();
  if (rows.length === 0) return [];
  const updates = await plans.selectFrom('action_plan_updates').selectAll().where('item_id', 'in', rows.map((r) => r.id))
    .orderBy('written_on').orderBy('created_at').execute();
  const sources = await publishedCallsToAction(db, rows.filter((r) => r.source_report_id && r.source_anchor).map((r) => ({ report: r.source_report_id!, anchor: r.source_anchor! })));
  const calls = await calledConsultations(db, { ids: rows.flatMap((r) => r.source_consultation_id ?? []) });
  return rows.map((row) => {
    const own = updates.filter((u) => u.item_id === row.id).map((u) => ({
      id: u.id, written_on: u.written_on, text: u.text, percent: u.percent === null ? null : Number(u.percent), evidence: JSON.parse(u.evidence) as string[],
    }));
    const percents = own.filter((u) => u.percent !== null);
    return {
      id: row.id, plan_id: row.plan_id, topic: row.topic_key, action: row.action,
      responsible: { kind: row.responsible_kind, name: row.responsible_name }, responsible_user_id: row.responsible_user_id,
      mechanism: row.mechanism, due_on: row.due_on, status: row.status as ItemStatus, overdue: isOverdue(row.status, row.due_on, today),
      source: sourceOf(row, sources, calls),
      updates: own, percent: percents.length ? percents[percents.length - 1]!.percent : null,
    };
  });
}

/** An item's source as pages and exports show it. */
function sourceOf(row: ActionPlanItemsTable, sources: Awaited<ReturnType<typeof publishedCallsToAction>>, calls: Map<string, CalledConsultation>): ItemSourceView | null {
  if (row.source_report_id && row.source_anchor) {
    const cited = sources.get(`${row.source_report_id}#${row.source_anchor}`);
    return { kind: 'report', report: row.source_report_id, anchor: row.source_anchor, path: `/reports/${row.source_report_id}#${row.source_anchor}`, title: cited?.report.title ?? null, who: cited?.who ?? null, what: cited?.what ?? null };
  }
  if (!row.source_consultation_id) return null;
  const call = calls.get(row.source_consultation_id);
  return { kind: 'consultation', consultation: call?.slug ?? null, path: call ? `/consultations/${call.slug}/record#call-title` : '/consultations', title: call?.title ?? null, outcome: call?.outcome ?? null };
}

export function itemsOf(db: Db, planId: string, today: string): Promise<PlanItem[]> {
  return readItems(db, today, { planIds: [planId] });
}

/** One item of a plan. */
export async function findItem(db: Db, plan: Plan, itemId: string, today: string): Promise<PlanItem | undefined> {
  return (await itemsOf(db, plan.id, today)).find((i) => i.id === itemId);
}

export interface TopicItem extends PlanItem {
  plan: { id: string; title: string };
  initiative: { slug: string; name: string };
}

/** Every adopted plan's items on a topic, across initiatives, in due order. */
export async function itemsOnTopic(db: Db, topic: string, today: string): Promise<TopicItem[]> {
  const plans = plansDb(db);
  const adopted = await plans.selectFrom('action_plans').select(['id', 'title', 'initiative_id']).where('status', '=', 'adopted')
    .where('id', 'in', plans.selectFrom('action_plan_items').select('plan_id').where('topic_key', '=', topic)).execute();
  const items = (await readItems(db, today, { planIds: adopted.map((p) => p.id) })).filter((i) => i.topic === topic);
  const names = await initiativeNames(db, adopted.map((p) => p.initiative_id));
  const planOf = new Map(adopted.map((p) => [p.id, p]));
  return items.map((item) => {
    const plan = planOf.get(item.plan_id)!;
    const initiative = names.get(plan.initiative_id);
    return { ...item, plan: { id: plan.id, title: plan.title }, initiative: { slug: initiative?.slug ?? '', name: initiative?.name ?? '' } };
  });
}

/** Counts per status for a list of items. */
export function countByStatus(items: readonly PlanItem[]): Record<ItemStatus | 'overdue', number> {
  const counts = { planned: 0, in_progress: 0, done: 0, dropped: 0, overdue: 0 };
  for (const item of items) {
    counts[item.status]++;
    if (item.overdue) counts.overdue++;
  }
  return counts;
}
