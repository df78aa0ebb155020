import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { problem } from '../../platform/http/problem.ts';
import { problemResponse } from '../../platform/http/openapi.ts';
import { planPolicy } from './policy.ts';
import { dayOf, initiativeForPlans, itemsOf, plansOf, type PlanItem } from './queries.ts';
import { itemStatuses, mechanisms, responsibleKinds } from './schema.ts';
import { itemHref, planHref } from './views/pages.tsx';

const ItemJson = z.object({
  id: z.string(),
  topic: z.string().openapi({ description: 'A key of the topic taxonomy (`GET /api/topics`)', example: 'community_networks' }),
  action: z.string(),
  responsible: z.object({
    kind: z.enum(responsibleKinds),
    name: z.string().openapi({ description: 'A person’s or organisation’s name, or a stakeholder group’s key' }),
  }),
  mechanism: z.enum(mechanisms),
  due_on: z.string().openapi({ example: '2027-03-31' }),
  status: z.enum(itemStatuses),
  overdue: z.boolean().openapi({ description: 'Past its due date and still planned or in progress' }),
  percent: z.number().int().nullable().openapi({ description: 'The latest percentage its updates gave' }),
  source: z.object({
    kind: z.enum(['report', 'consultation']),
    report: z.string().nullable(), anchor: z.string().nullable(), consultation: z.string().nullable(),
    url: z.string(),
  }).nullable().openapi({ description: 'Where it came from: a report’s call to action (report and anchor), or a consultation’s recorded consensus call (its slug)' }),
  updates: z.array(z.object({ written_on: z.string(), text: z.string(), percent: z.number().int().nullable(), evidence: z.array(z.string()) })),
  url: z.string(),
}).openapi('ActionPlanItem');

const PlanJson = z.object({
  id: z.string(),
  title: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  description: z.string().nullable(),
  language: z.string(),
  status: z.enum(['draft', 'adopted']),
  adopted_at: z.string().nullable(),
  items: z.array(ItemJson),
  url: z.string(),
  csv: z.string(),
  ics: z.string(),
}).openapi('ActionPlan');

const SlugParam = z.object({ slug: z.string().min(1).max(100).openapi({ example: 'igf-colombia' }) });

export function planApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;

  api.openapi(
    createRoute({
      method: 'get', path: '/initiatives/{slug}/action-plans', summary: 'An initiative’s action plans with their items and progress (adopted ones; drafts too for its committee)',
      request: { params: SlugParam },
      responses: {
        200: { description: 'Its plans, newest period first', content: { 'application/json': { schema: z.object({ items: z.array(PlanJson) }).openapi('ActionPlans') } } },
        404: problemResponse('No such initiative'),
      },
    }),
    async (c) => {
      const initiative = await initiativeForPlans(db, c.req.valid('param').slug);
      if (!initiative) return problem(c, 404) as never;
      const drafts = planPolicy.view(c.get('actor'), { status: 'draft', committee: initiative.committee });
      const today = dayOf(services.clock());
      const plans = await plansOf(db, initiative.id, drafts);
      const presentItem = (planId: string) => (i: PlanItem) => ({
        id: i.id, topic: i.topic, action: i.action, responsible: { kind: i.responsible.kind as (typeof responsibleKinds)[number], name: i.responsible.name },
        mechanism: i.mechanism as (typeof mechanisms)[number], due_on: i.due_on, status: i.status, overdue: i.overdue, percent: i.percent,
        source: i.source && {
          kind: i.source.kind, report: i.source.kind === 'report' ? i.source.report : null, anchor: i.source.kind === 'report' ? i.source.anchor : null,
          consultation: i.source.kind === 'consultation' ? i.source.consultation : null, url: `${config.baseUrl}${i.source.path}`,
        },
        updates: i.updates.map((u) => ({ written_on: u.written_on, text: u.text, percent: u.percent, evidence: u.evidence })),
        url: `${config.baseUrl}${itemHref(initiative.slug, planId, i.id)}`,
      });
      const items = await Promise.all(plans.map(async (p) => {
        const url = `${config.baseUrl}${planHref(initiative.slug, p.id)}`;
        return {
          id: p.id, title: p.title, starts_on: p.starts_on, ends_on: p.ends_on, description: p.description, language: p.language,
          status: p.status as 'draft' | 'adopted', adopted_at: p.adopted_at, items: (await itemsOf(db, p.id, today)).map(presentItem(p.id)),
          url, csv: `${url}/items.csv`, ics: `${url}/due-dates.ics`,
        };
      }));
      return c.json({ items }, 200);
    },
  );
}
