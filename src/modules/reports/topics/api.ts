/**
 * Topics in the JSON API (docs/decisions/027): the taxonomy with its counts, a topic's page, and
 * setting a report's topics.
 */
import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { jsonAction } from '../../../platform/http/action.ts';
import { problem } from '../../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../../platform/http/openapi.ts';
import { topicLabel, topicList } from '../../events/index.ts';
import { reportPolicy } from '../policy.ts';
import { findReport } from '../queries.ts';
import { setReportTopics } from './commands.ts';
import { countsByTopic } from './queries.ts';
import { ReportTopicsSchema } from './schema.ts';
import { topicData } from './topicData.ts';

const Counts = { reports: z.number().int(), takeaways: z.number().int(), calls_to_action: z.number().int() };
const TopicJson = z.object({ key: z.string(), label: z.string(), retired: z.boolean(), ...Counts, url: z.string() }).openapi('Topic');
const Cited = { id: z.string(), url: z.string().openapi({ description: 'The permalink of the item, to cite' }) };
const TopicPageJson = z.object({
  topic: z.object({ key: z.string(), label: z.string() }),
  ...Counts,
  by_initiative: z.array(z.object({ slug: z.string(), name: z.string(), ...Counts })),
  by_stakeholder_group: z.array(z.object({ group: z.string(), label: z.string(), people: z.number().int(), reports: z.number().int() })),
  reports: z.array(z.object({
    id: z.string(), title: z.string(), held_on: z.string(), language: z.string(), initiative: z.object({ slug: z.string(), name: z.string() }), url: z.string(),
    takeaways: z.array(z.object({ ...Cited, text: z.string() })),
    calls_to_action: z.array(z.object({ ...Cited, who: z.string(), what: z.string() })),
  })),
  page: z.number().int(),
  pages: z.number().int(),
}).openapi('TopicPage');

const KeyParam = z.object({ key: z.string().min(1).max(100) });
const TopicQuery = z.object({ year: z.string().optional(), initiative: z.string().optional(), page: z.string().optional() });

export function reportTopicApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;

  api.openapi(
    createRoute({
      method: 'get', path: '/topics', summary: 'The topic taxonomy, with the published reports, takeaways and calls to action on each topic',
      responses: { 200: { description: 'The topics, in the taxonomy’s order', content: { 'application/json': { schema: z.array(TopicJson) } } } },
    }),
    async (c) => {
      const [topics, counts] = await Promise.all([topicList(db, { withRetired: true }), countsByTopic(db)]);
      return c.json(topics.filter((tp) => !tp.retired || counts.has(tp.key)).map((tp) => {
        const n = counts.get(tp.key);
        return { key: tp.key, label: topicLabel(tp, c.get('t'), c.get('locale')), retired: tp.retired, reports: n?.reports ?? 0, takeaways: n?.takeaways ?? 0, calls_to_action: n?.calls ?? 0, url: `${config.baseUrl}/topics/${tp.key}` };
      }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/topics/{key}', summary: 'What published reports said on a topic, newest first, 20 reports a page, with counts by initiative and stakeholder group',
      request: { params: KeyParam, query: TopicQuery },
      responses: {
        200: { description: 'The topic’s page', content: { 'application/json': { schema: TopicPageJson } } },
        404: problemResponse('No such topic'), 422: problemResponse('A filter that cannot be read, or an unknown initiative'),
      },
    }),
    async (c) => {
      const data = await topicData(db, config.stakeholders, c.req.param('key'), c.req.query(), c.get('t'), c.get('locale'));
      if (!data) return problem(c, 404) as never;
      if (Object.keys(data.errors).length > 0) return problem(c, 422, undefined, data.errors) as never;
      const counts = (n: { reports: number; takeaways: number; calls: number }) => ({ reports: n.reports, takeaways: n.takeaways, calls_to_action: n.calls });
      return c.json({
        topic: data.topic, ...counts(data.totals),
        by_initiative: data.initiatives.map((i) => ({ slug: i.slug, name: i.name, ...counts(i) })),
        by_stakeholder_group: data.groups,
        reports: data.reports.map((r) => {
          const at = (anchor: string) => `${config.baseUrl}/reports/${r.id}#${anchor}`;
          return {
            id: r.id, title: r.title, held_on: r.held_on, language: r.language, initiative: r.initiative, url: `${config.baseUrl}/reports/${r.id}`,
            takeaways: r.takeaways.map((i) => ({ id: i.id, text: i.text, url: at(i.id) })),
            calls_to_action: r.calls_to_action.map((i) => ({ id: i.id, who: i.who, what: i.what, url: at(i.id) })),
          };
        }),
        page: data.query.page ?? 1, pages: data.pages,
      }, 200);
    },
  );

  const loadReport = async (c: Context<AppEnv>) => {
    const report = await findReport(db, c.req.param('id') ?? '');
    return report && reportPolicy.view(c.get('actor'), report) ? report : undefined;
  };

  documentedWrite(api, createRoute({
    method: 'put', path: '/reports/{id}/topics', summary: 'Set a report’s topics (its rapporteur or organisers): the keys given replace the current ones',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ id: z.string().min(1).max(40) }), body: { content: { 'application/json': { schema: ReportTopicsSchema } }, required: true } },
    responses: {
      200: { description: 'The report’s topics', content: { 'application/json': { schema: z.object({ topics: z.array(z.string()) }) } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Neither its rapporteur nor an organiser'), 404: problemResponse('No such report'),
      415: problemResponse('The body is not JSON'), 422: problemResponse('A key the taxonomy does not offer'),
    },
  }), jsonAction({
    load: loadReport,
    allow: reportPolicy.edit,
    schema: ReportTopicsSchema,
    run: (ctx, input, report) => setReportTopics(ctx, report, input),
    present: (c, value) => c.json(value, 200),
  }));
}
