import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { sendStream } from '../../platform/http/delivery.ts';
import { csvLines } from '../../platform/csv.ts';
import { topicLabel, topicList } from '../events/index.ts';
import { addItem, addUpdate, adoptPlan, changeStatus, createPlan } from './commands.ts';
import { dueDatesCalendar } from './ics.ts';
import { planPolicy } from './policy.ts';
import { dayOf, findItem, findPlan, initiativeForPlans, itemsOf, itemsOnTopic, plansOf, type Initiative, type Plan, type PlanItem } from './queries.ts';
import { AdoptSchema, ItemSchema, PlanSchema, StatusSchema, TopicQuery, UpdateSchema } from './schema.ts';
import { ItemPage, PlanPage, PlansListPage, TopicPage, itemHref, planHref, type ItemForms, type PlanForms } from './views/pages.tsx';

export function planPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const today = () => dayOf(services.clock());

  /** The topics the taxonomy offers, named in the reader's language; and a name for any key (a retired topic's too). */
  async function topicNames(c: Context<AppEnv>) {
    const all = await topicList(db, { withRetired: true });
    const t = c.get('t');
    const locale = c.get('locale');
    const offered = all.filter((topic) => !topic.retired).map((topic) => ({ key: topic.key, label: topicLabel(topic, t, locale) }));
    const byKey = new Map(all.map((topic) => [topic.key, topicLabel(topic, t, locale)]));
    return { offered, name: (key: string) => byKey.get(key) ?? key };
  }

  const loadInitiative = async (c: Context<AppEnv>) => {
    const initiative = await initiativeForPlans(db, c.req.param('slug') ?? '');
    return initiative ? Object.assign(initiative, { status: 'none' }) : undefined;
  };
  /** A plan the visitor may see; to others it does not exist. */
  const loadPlan = async (c: Context<AppEnv>): Promise<Plan | undefined> => {
    const initiative = await initiativeForPlans(db, c.req.param('slug') ?? '');
    const plan = initiative ? await findPlan(db, initiative, c.req.param('plan') ?? '') : undefined;
    return plan && planPolicy.view(c.get('actor'), plan) ? plan : undefined;
  };
  const loadItem = async (c: Context<AppEnv>) => {
    const plan = await loadPlan(c);
    const item = plan ? await findItem(db, plan, c.req.param('item') ?? '', today()) : undefined;
    return plan && item ? Object.assign(plan, { item }) : undefined;
  };

  async function showList(c: Context<AppEnv>, initiative: Initiative & { status: string }, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const drafts = planPolicy.view(actor, { status: 'draft', committee: initiative.committee });
    return page(c, c.get('t')('plans.list.title', { name: initiative.name }), (
      <PlansListPage initiative={initiative} plans={await plansOf(db, initiative.id, drafts)} canWrite={planPolicy.write(actor, initiative)}
        form={form ?? { values: { language: c.get('locale') }, errors: {} }} />
    ), status);
  }

  async function showPlan(c: Context<AppEnv>, plan: Plan, forms: PlanForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const [items, topics] = await Promise.all([itemsOf(db, plan.id, today()), topicNames(c)]);
    return page(c, plan.title, (
      <PlanPage plan={plan} initiative={plan.initiative} items={items} topics={topics.offered} topicName={topics.name} today={today()}
        can={{ write: planPolicy.write(actor, plan), adopt: planPolicy.adopt(actor, plan) }} forms={forms} notice={c.req.query('notice')} />
    ), status);
  }

  async function showItem(c: Context<AppEnv>, subject: Plan & { item: PlanItem }, forms: ItemForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const topics = await topicNames(c);
    return page(c, subject.item.action.slice(0, 80), (
      <ItemPage plan={subject} initiative={subject.initiative} item={subject.item} topicName={topics.name(subject.item.topic)} today={today()}
        can={{ changeStatus: planPolicy.changeStatus(actor, subject), write: planPolicy.write(actor, subject) }} forms={forms} notice={c.req.query('notice')} />
    ), status);
  }

  app.get('/initiatives/:slug/action-plans', async (c) => {
    const initiative = await loadInitiative(c);
    return initiative ? showList(c, initiative) : c.notFound();
  });

  app.post('/initiatives/:slug/action-plans', formAction({
    load: loadInitiative,
    allow: planPolicy.write,
    schema: PlanSchema,
    run: (ctx, input, initiative) => createPlan(ctx, initiative, input),
    done: (_, { id }, { subject }) => withNotice(planHref(subject.slug, id), 'created', 'new-item-title'),
    retry: (c, failed, { subject, status }) => showList(c, subject, failed, status),
  }));

  app.get('/initiatives/:slug/action-plans/:plan', async (c) => {
    const plan = await loadPlan(c);
    return plan ? showPlan(c, plan) : c.notFound();
  });

  app.post('/initiatives/:slug/action-plans/:plan/items', formAction({
    load: loadPlan,
    allow: planPolicy.write,
    schema: ItemSchema,
    run: (ctx, input, plan) => addItem(ctx, plan, input),
    done: (_, { id }, { subject }) => withNotice(planHref(subject.initiative.slug, subject.id), 'item_added', `item-${id}`),
    retry: (c, failed, { subject, status }) => showPlan(c, subject, { item: failed }, status),
  }));
  app.get('/initiatives/:slug/action-plans/:plan/items', formAddress((c) => planHref(c.req.param('slug')!, c.req.param('plan')!), 'new-item'));

  app.post('/initiatives/:slug/action-plans/:plan/adopt', formAction({
    load: loadPlan,
    allow: planPolicy.adopt,
    schema: AdoptSchema,
    run: (ctx, _, plan) => adoptPlan(ctx, plan),
    done: (_, __, { subject }) => withNotice(planHref(subject.initiative.slug, subject.id), 'adopted'),
    retry: (c, failed, { subject, status }) => showPlan(c, subject, { adopt: failed }, status),
  }));
  app.get('/initiatives/:slug/action-plans/:plan/adopt', formAddress((c) => planHref(c.req.param('slug')!, c.req.param('plan')!), 'adopt'));

  app.get('/initiatives/:slug/action-plans/:plan/items/:item', async (c) => {
    const subject = await loadItem(c);
    return subject ? showItem(c, subject) : c.notFound();
  });

  app.post('/initiatives/:slug/action-plans/:plan/items/:item/status', formAction({
    load: loadItem,
    allow: planPolicy.changeStatus,
    schema: StatusSchema,
    run: (ctx, input, subject) => changeStatus(ctx, subject, subject.item.id, input.status),
    done: (_, __, { subject }) => withNotice(itemHref(subject.initiative.slug, subject.id, subject.item.id), 'status_changed'),
    retry: (c, failed, { subject, status }) => showItem(c, subject, { status: failed }, status),
  }));
  app.get('/initiatives/:slug/action-plans/:plan/items/:item/status', formAddress((c) => itemHref(c.req.param('slug')!, c.req.param('plan')!, c.req.param('item')!), 'status'));

  app.post('/initiatives/:slug/action-plans/:plan/items/:item/updates', formAction({
    load: loadItem,
    allow: planPolicy.write,
    schema: UpdateSchema,
    // Each address is checked on its own (evidence.0, evidence.1…): the form has one field for them all.
    toFields: (errors) => Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/^evidence\.\d+$/, 'evidence'), message])),
    run: (ctx, input, subject) => addUpdate(ctx, subject, subject.item.id, input),
    done: (_, __, { subject }) => withNotice(itemHref(subject.initiative.slug, subject.id, subject.item.id), 'update_added', 'updates-title'),
    retry: (c, failed, { subject, status }) => showItem(c, subject, { update: failed }, status),
  }));
  app.get('/initiatives/:slug/action-plans/:plan/items/:item/updates', formAddress((c) => itemHref(c.req.param('slug')!, c.req.param('plan')!, c.req.param('item')!), 'update'));

  /** The plan's items as CSV, one row each, in due order. */
  app.get('/initiatives/:slug/action-plans/:plan/items.csv', async (c) => {
    const found = await loadPlan(c);
    if (!found) return c.notFound();
    const plan = found;
    const items = await itemsOf(db, plan.id, today());
    async function* lines() {
      yield csvLines([['id', 'topic', 'action', 'responsible_kind', 'responsible', 'mechanism', 'due_on', 'status', 'overdue', 'percent', 'updates', 'source', 'url']]);
      yield csvLines(items.map((i) => [
        i.id, i.topic, i.action, i.responsible.kind, i.responsible.name, i.mechanism, i.due_on, i.status, i.overdue ? 'yes' : 'no', i.percent ?? '', i.updates.length,
        i.source ? `${services.config.baseUrl}${i.source.path}` : '', `${services.config.baseUrl}${itemHref(plan.initiative.slug, plan.id, i.id)}`,
      ]));
    }
    return sendStream(c, lines(), { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': `attachment; filename="action-plan-${plan.id}.csv"` });
  });

  /** The plan's due dates as a calendar (RFC 5545). */
  app.get('/initiatives/:slug/action-plans/:plan/due-dates.ics', async (c) => {
    const plan = await loadPlan(c);
    if (!plan) return c.notFound();
    const t = c.get('t');
    const items = await itemsOf(db, plan.id, today());
    const url = `${services.config.baseUrl}${planHref(plan.initiative.slug, plan.id)}`;
    const body = dueDatesCalendar({
      name: `${plan.initiative.name}: ${plan.title}`, url, host: new URL(services.config.baseUrl).host, items, stamp: services.clock(),
      labels: (item) => `${t(`plans.status.${item.status}`)}${item.overdue ? ` (${t('plans.overdue')})` : ''} · ${t(`plans.mechanism.${item.mechanism}`)} · ${item.responsible.name}`,
    });
    return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="action-plan-${plan.id}.ics"` });
  });

  /** Every adopted plan's items on a topic. */
  app.get('/action-plans', async (c) => {
    const topics = await topicNames(c);
    const query = TopicQuery.safeParse({ topic: c.req.query('topic') || undefined });
    const key = query.success ? query.data.topic : undefined;
    const topic = key ? topics.offered.find((o) => o.key === key) ?? (topics.name(key) !== key ? { key, label: topics.name(key) } : null) : null;
    if (c.req.query('topic') && !topic) return c.notFound();
    const items = topic ? await itemsOnTopic(db, topic.key, today()) : [];
    return page(c, topic ? c.get('t')('plans.topic.title', { topic: topic.label }) : c.get('t')('plans.topic.all'), <TopicPage topics={topics.offered} topic={topic} items={items} />);
  });
}
