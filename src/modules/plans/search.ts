import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { countriesOfInitiatives, initiativeNames, membershipsOf } from '../initiatives/index.ts';
import { planPolicy } from './policy.ts';
import { plansDb } from './tables.ts';

/** The drafts a person may find: those of their committees' initiatives (the secretariat: all), as `view` says. */
async function draftsVisibleTo(db: Db, actor: Parameters<SearchSource['visibleTo']>[1], select: (planIds: string[]) => Promise<string[]>) {
  if (planPolicy.findEveryDraft(actor, undefined)) return 'all' as const;
  if (!actor.user) return [];
  const initiatives = (await membershipsOf(db, actor.user.id)).map((m) => m.id);
  if (initiatives.length === 0) return [];
  const drafts = await plansDb(db).selectFrom('action_plans').select('id').where('status', '=', 'draft').where('initiative_id', 'in', initiatives).execute();
  return select(drafts.map((p) => p.id));
}

async function facetsOf(db: Db, initiativeIds: string[]) {
  const [names, countries] = await Promise.all([initiativeNames(db, initiativeIds), countriesOfInitiatives(db, initiativeIds)]);
  return (id: string) => {
    const initiative = names.get(id);
    return { initiative: initiative ? { id: initiative.id, name: initiative.name } : null, countries: countries.get(id) ?? [], slug: initiative?.slug ?? '' };
  };
}

/** Action plans: their title and description, public once adopted (docs/decisions/030). */
export const planSearch: SearchSource = {
  kind: 'action_plan',
  label: 'plans.search.plan',
  fields: { title: 'A', description: 'C' },
  async recordIds(db) {
    return (await plansDb(db).selectFrom('action_plans').select('id').orderBy('id').execute()).map((r) => r.id);
  },
  async documents(db, ids): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const rows = await plansDb(db).selectFrom('action_plans').selectAll().where('id', 'in', [...ids]).execute();
    const facets = await facetsOf(db, rows.map((r) => r.initiative_id));
    return rows.map((plan) => {
      const { slug, ...facet } = facets(plan.initiative_id);
      return {
        recordId: plan.id, language: plan.language, title: plan.title, url: `/initiatives/${slug}/action-plans/${plan.id}`,
        visibility: plan.status === 'adopted' ? 'public' : 'restricted', updatedAt: plan.updated_at,
        fields: { title: plan.title, description: plan.description }, facets: { ...facet, year: Number(plan.starts_on.slice(0, 4)) },
      };
    });
  },
  visibleTo: (db, actor) => draftsVisibleTo(db, actor, async (planIds) => planIds),
};

/** Their items: the action, in the plan's language, public once the plan is adopted. */
export const itemSearch: SearchSource = {
  kind: 'action_plan_item',
  label: 'plans.search.item',
  fields: { action: 'A', responsible: 'C' },
  async recordIds(db) {
    return (await plansDb(db).selectFrom('action_plan_items').select('id').orderBy('id').execute()).map((r) => r.id);
  },
  async documents(db, ids): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const rows = await plansDb(db).selectFrom('action_plan_items').innerJoin('action_plans', 'action_plans.id', 'action_plan_items.plan_id')
      .select(['action_plan_items.id', 'action_plan_items.action', 'action_plan_items.responsible_kind', 'action_plan_items.responsible_name', 'action_plan_items.due_on',
        'action_plan_items.updated_at', 'action_plans.id as plan_id', 'action_plans.status as plan_status', 'action_plans.language', 'action_plans.initiative_id'])
      .where('action_plan_items.id', 'in', [...ids]).execute();
    const facets = await facetsOf(db, rows.map((r) => r.initiative_id));
    return rows.map((item) => {
      const { slug, ...facet } = facets(item.initiative_id);
      const title = item.action.length > 120 ? `${item.action.slice(0, 119)}…` : item.action;
      return {
        recordId: item.id, language: item.language, title, url: `/initiatives/${slug}/action-plans/${item.plan_id}#item-${item.id}`,
        visibility: item.plan_status === 'adopted' ? 'public' : 'restricted', updatedAt: item.updated_at,
        // A group's key is no word to search by; a person's or organisation's name is.
        fields: { action: item.action, responsible: item.responsible_kind === 'group' ? null : item.responsible_name },
        facets: { ...facet, year: Number(item.due_on.slice(0, 4)) },
      };
    });
  },
  visibleTo: (db, actor) => draftsVisibleTo(db, actor, async (planIds) => planIds.length
    ? (await plansDb(db).selectFrom('action_plan_items').select('id').where('plan_id', 'in', planIds).execute()).map((r) => r.id)
    : []),
};
