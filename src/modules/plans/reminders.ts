/**
 * Overdue items (docs/decisions/030): a daily job finds the adopted plans' items past their due
 * date and still open, and notifies their responsible person (when that is an account) and the
 * initiative's coordinators, once a week per item at most.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { timestamp } from '../../platform/db/index.ts';
import type { JobHandler } from '../../platform/jobs/index.ts';
import { nextMorning, type RecurringJob } from '../../platform/jobs/recurring.ts';
import { notify } from '../../platform/notifications/index.ts';
import { committeeOf, initiativeNames } from '../initiatives/index.ts';
import { itemOverdue } from './notifications.ts';
import { dayOf } from './queries.ts';
import { openStatuses } from './schema.ts';
import { plansDb } from './tables.ts';

export const overdueReminders: RecurringJob = { kind: 'plans.overdue_reminders', next: nextMorning };

const weekMs = 7 * 86_400_000;

/** The open items of adopted plans due before today and not reminded in the last week. */
async function itemsToRemind(db: Db, now: Date) {
  const weekAgo = timestamp(new Date(now.getTime() - weekMs));
  return plansDb(db).selectFrom('action_plan_items').innerJoin('action_plans', 'action_plans.id', 'action_plan_items.plan_id')
    .select(['action_plan_items.id', 'action_plan_items.action', 'action_plan_items.due_on', 'action_plan_items.responsible_user_id', 'action_plans.id as plan_id', 'action_plans.title as plan_title', 'action_plans.initiative_id'])
    .where('action_plans.status', '=', 'adopted')
    .where('action_plan_items.status', 'in', [...openStatuses])
    .where('action_plan_items.due_on', '<', dayOf(now))
    .where((eb) => eb.or([eb('action_plan_items.reminded_at', 'is', null), eb('action_plan_items.reminded_at', '<=', weekAgo)]))
    .orderBy('action_plan_items.due_on').execute();
}

export const overdueHandler: JobHandler = async (_, { db, now, jobs }) => {
  const items = await itemsToRemind(db, now);
  if (items.length === 0) return;
  const names = await initiativeNames(db, items.map((i) => i.initiative_id));
  const weekAgo = timestamp(new Date(now.getTime() - weekMs));
  for (const item of items) {
    await db.transaction().execute(async (tx: Db) => {
      // Claimed by a conditional update: a second run (another server, a retry) finds nothing to claim.
      const claimed = await plansDb(tx).updateTable('action_plan_items').set({ reminded_at: timestamp(now) }).where('id', '=', item.id)
        .where(sql<boolean>`(reminded_at is null or reminded_at <= ${weekAgo})`).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      const coordinators = (await committeeOf(tx, item.initiative_id)).filter((m) => m.role === 'coordinator').map((m) => m.user_id);
      const people = [...new Set([...(item.responsible_user_id ? [item.responsible_user_id] : []), ...coordinators])];
      const slug = names.get(item.initiative_id)?.slug ?? '';
      const action = item.action.length > 140 ? `${item.action.slice(0, 139)}…` : item.action;
      for (const userId of people) {
        await notify({ jobs, now }, tx, itemOverdue, {
          userId, kind: itemOverdue.kind, values: { action, plan: item.plan_title, due: item.due_on },
          path: `/initiatives/${slug}/action-plans/${item.plan_id}/items/${item.id}`,
        });
      }
    });
  }
};
