/**
 * What action plans put in the public log (docs/decisions/030): a plan's adoption, with its items
 * as adopted, and every later change of an item's status. The content logged is kept, as logged,
 * in `action_plan_outcomes`, so `cabildo log verify` can hash it again.
 */
import type { Db } from '../../platform/db/index.ts';
import { timestamp } from '../../platform/db/index.ts';
import { appendToLog, canonicalJson, type LogKind } from '../../platform/log/index.ts';
import { initiativeNames } from '../initiatives/index.ts';
import { plansDb } from './tables.ts';

export const adoptedKind = 'plans.adopted';
export const statusKind = 'plans.item_status';
export const planRecord = (id: string) => `action-plan/${id}`;
export const itemRecord = (id: string) => `action-plan-item/${id}`;

/** Stores the outcome and appends it to the log, in the caller's transaction. */
export async function logOutcome(tx: Db, entry: { kind: string; record: string; version: number; content: unknown; actor: string | null; now: Date }): Promise<void> {
  await plansDb(tx).insertInto('action_plan_outcomes').values({
    record: entry.record, version: entry.version, kind: entry.kind, content: canonicalJson(entry.content), created_at: timestamp(entry.now),
  }).execute();
  await appendToLog(tx, { kind: entry.kind, record: entry.record, version: entry.version, content: entry.content, actor: entry.actor, time: entry.now });
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const row = await plansDb(db).selectFrom('action_plan_outcomes').select('content').where('record', '=', record).where('version', '=', version).executeTakeFirst();
  return row ? (JSON.parse(row.content) as unknown) : null;
}

/** Names and addresses of plans and items for /log. */
async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const planIds = records.filter((r) => r.startsWith('action-plan/')).map((r) => r.slice('action-plan/'.length));
  const itemIds = records.filter((r) => r.startsWith('action-plan-item/')).map((r) => r.slice('action-plan-item/'.length));
  const plans = plansDb(db);
  const described = new Map<string, { title: string; href: string }>();
  const items = itemIds.length ? await plans.selectFrom('action_plan_items').select(['id', 'plan_id', 'action']).where('id', 'in', itemIds).execute() : [];
  const ids = [...new Set([...planIds, ...items.map((i) => i.plan_id)])];
  if (ids.length === 0) return described;
  const rows = await plans.selectFrom('action_plans').select(['id', 'title', 'initiative_id']).where('id', 'in', ids).execute();
  const names = await initiativeNames(db, rows.map((r) => r.initiative_id));
  const href = new Map(rows.map((r) => [r.id, `/initiatives/${names.get(r.initiative_id)?.slug ?? ''}/action-plans/${r.id}`]));
  for (const row of rows) if (planIds.includes(row.id)) described.set(planRecord(row.id), { title: row.title, href: href.get(row.id)! });
  for (const item of items) described.set(itemRecord(item.id), { title: item.action.slice(0, 120), href: `${href.get(item.plan_id)}#item-${item.id}` });
  return described;
}

export const planLogKinds: Record<string, LogKind> = {
  [adoptedKind]: { label: 'plans.log.adopted', content: storedContent, describe },
  [statusKind]: { label: 'plans.log.item_status', content: storedContent, describe },
};
