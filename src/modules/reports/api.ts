import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { jsonAction } from '../../platform/http/action.ts';
import { problem } from '../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../platform/http/openapi.ts';
import { committeeOf, findInitiativeBySlug } from '../initiatives/index.ts';
import { sessionForReport } from '../events/index.ts';
import { publishReport, requestChanges, saveReport, startReport, startStandalone, submitReport } from './commands.ts';
import { reportPolicy, type ReportSubject } from './policy.ts';
import { draftersOf, findReport, type Report } from './queries.ts';
import { renderMarkdown } from './markdown.ts';
import { CreateApiSchema, ReportSaveSchema, StandaloneSchema, TransitionSchema } from './schema.ts';
import { ok } from '../../platform/http/result.ts';
import { search } from '../../platform/search/index.ts';
import { archiveItems, archivePage, resolveFilters, type ArchiveItem } from './archive/query.ts';
import { reportSearch } from './search.ts';
import { reportTopicApi } from './topics/api.ts';

const TextItem = z.object({ id: z.string(), text: z.string(), html: z.string() });
const Counts = z.object({ groups: z.record(z.string(), z.number().int()), genders: z.record(z.string(), z.number().int()) });

const ReportJson = z.object({
  id: z.string(),
  title: z.string(),
  held_on: z.string().openapi({ example: '2026-12-01' }),
  place: z.string().nullable(),
  language: z.string(),
  status: z.enum(['draft', 'in_review', 'changes_requested', 'published']),
  version: z.number().int().openapi({ description: 'The latest published version; 0 before the first' }),
  due_at: z.string().nullable(),
  session: z.object({ id: z.string(), title: z.string(), event: z.object({ slug: z.string(), title: z.string() }) }).nullable(),
  initiative: z.object({ slug: z.string(), name: z.string() }),
  summary: z.string().nullable().openapi({ description: 'Markdown' }),
  summary_html: z.string().nullable().openapi({ description: 'The summary as sanitised HTML' }),
  key_issues: z.array(TextItem), takeaways: z.array(TextItem), proposals: z.array(TextItem), follow_ups: z.array(TextItem),
  calls_to_action: z.array(z.object({ id: z.string(), who: z.string(), what: z.string() })),
  participants: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string().nullable(), stakeholder_group: z.string().nullable() })),
  participation: z.object({ onsite: Counts, online: Counts }),
  links: z.record(z.string(), z.string()),
  url: z.string(),
}).openapi('SessionReport');

/** The JSON body, when it is JSON, to choose a rule by; the action reads it again (cached) and answers any error. */
async function readJson(c: Context<AppEnv>): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return null;
  return c.req.json().catch(() => null);
}

const IdParam = z.object({ id: z.string().min(1).max(40) });

const ArchiveItemJson = z.object({
  id: z.string(),
  title: z.string(),
  initiative: z.object({ slug: z.string(), name: z.string() }),
  held_on: z.string().openapi({ example: '2026-12-01' }),
  language: z.string().openapi({ example: 'es' }),
  track: z.string().nullable().openapi({ description: 'The session’s track when it was published' }),
  version: z.number().int(),
  published_at: z.string(),
  updated_at: z.string().openapi({ description: 'When its latest version was published' }),
  url: z.string(),
}).openapi('PublishedReport');

const ListQuery = z.object({
  initiative: z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/).optional().openapi({ description: 'An initiative’s slug', example: 'igf-colombia' }),
  year: z.coerce.number().int().min(1900).max(2200).optional().openapi({ description: 'The year the session was held', example: 2026 }),
  q: z.string().max(200).optional().openapi({
    description: 'Words in any of es, en, pt, fr, as `/api/search` reads them (accents and case do not matter); results then come best first', example: 'financiamiento',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** Nobody in particular: the list shows what everyone may see (published reports), whoever asks. */
const everyone = { user: null };

export function reportApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;

  function present(r: Report) {
    const items = (list: Array<{ id: string; text: string }>) => list.map((i) => ({ ...i, html: renderMarkdown(i.text) }));
    const c = r.content;
    return {
      id: r.id, title: r.title, held_on: r.held_on, place: r.place, language: r.language, status: r.status as z.infer<typeof ReportJson>['status'], version: r.version, due_at: r.due_at,
      session: r.session ? { id: r.session.id, title: r.session.title, event: { slug: r.session.event.slug, title: r.session.event.title } } : null,
      initiative: { slug: r.initiative.slug, name: r.initiative.name },
      summary: c.summary, summary_html: c.summary ? renderMarkdown(c.summary) : null,
      key_issues: items(c.key_issues), takeaways: items(c.takeaways), proposals: items(c.proposals), follow_ups: items(c.follow_ups),
      calls_to_action: c.calls_to_action, participants: c.participants, participation: c.participation, links: c.links as Record<string, string>,
      url: `${config.baseUrl}/reports/${r.id}`,
    };
  }

  const loadReport = async (c: Context<AppEnv>) => {
    const report = await findReport(db, c.req.param('id') ?? '');
    return report && reportPolicy.view(c.get('actor'), report) ? report : undefined;
  };

  const listed = (i: ArchiveItem) => ({
    id: i.report_id, title: i.title, initiative: i.initiative, held_on: i.held_on, language: i.language, track: i.track, version: i.version,
    published_at: i.published_at, updated_at: i.updated_at, url: `${config.baseUrl}/reports/${i.report_id}`,
  });

  api.openapi(
    createRoute({
      method: 'get', path: '/reports', summary: 'Published session reports, newest session first, or best first when `q` is given',
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'A page of published reports',
          content: {
            'application/json': {
              schema: z.object({
                total: z.number().int().openapi({ description: 'With `q`, matches counted up to 10,000' }),
                more: z.boolean().openapi({ description: 'With `q`, more matches than `total`: counting stopped' }),
                items: z.array(ArchiveItemJson),
              }).openapi('PublishedReports'),
            },
          },
        },
        422: problemResponse('Invalid query'),
      },
    }),
    async (c) => {
      const { initiative, year, q, limit, offset } = c.req.valid('query');
      const words = q?.trim();
      if (!words) {
        const filters = await resolveFilters(db, { initiative, year, group: [] });
        const { total, items } = await archivePage(db, filters, config.stakeholders, { limit, offset });
        return c.json({ total, more: false, items: items.map(listed) }, 200);
      }
      const found = initiative ? await findInitiativeBySlug(db, initiative) : undefined;
      if (initiative && !found) return c.json({ total: 0, more: false, items: [] }, 200);
      const results = await search(db, [reportSearch], everyone, {
        q: words, kind: reportSearch.kind, initiative: found?.id, year, limit, offset, locale: c.get('locale'),
      });
      const items = await archiveItems(db, results.items.map((hit) => hit.recordId));
      return c.json({ total: results.total, more: results.more, items: items.map(listed) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/reports/{id}', summary: 'A session report: public once published; until then for its rapporteur and the organisers',
      request: { params: IdParam },
      responses: { 200: { description: 'The report', content: { 'application/json': { schema: ReportJson } } }, 404: problemResponse('No such report') },
    }),
    async (c) => {
      const report = await loadReport(c);
      if (!report) return problem(c, 404) as never;
      return c.json(present(report), 200);
    },
  );

  /**
   * Creating: a session's report needs the session (404 when there is none) and its rapporteur or
   * organisers; a standalone one names an initiative of the caller's committee.
   */
  documentedWrite(api, createRoute({
    method: 'post', path: '/reports', summary: 'Start a session report (`{ "session": id }`, prefilled from the session) or a standalone one (title, held_on, place, language, initiative)',
    security: [{ bearerAuth: [] }],
    request: { body: { content: { 'application/json': { schema: CreateApiSchema } }, required: true } },
    responses: {
      201: { description: 'The report (a draft)', content: { 'application/json': { schema: ReportJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not the session’s rapporteur or organiser'), 404: problemResponse('No such session'),
      415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields, or an unknown initiative'),
    },
  }), async (c) => {
    // Which rule applies depends on the body: Hono keeps what it read, so the action reads the same (or the same error).
    const body = await readJson(c) as { session?: unknown } | null;
    const sessionId = body && typeof body === 'object' && typeof body.session === 'string' ? body.session : null;
    const created = async (cx: Context<AppEnv>, { id }: { id: string }) => {
      cx.header('Location', `${config.baseUrl}/reports/${id}`);
      return cx.json(present((await findReport(db, id))!), 201);
    };
    if (sessionId !== null) {
      return jsonAction({
        load: async () => {
          const session = await sessionForReport(db, sessionId);
          if (!session) return undefined;
          const subject: ReportSubject = { status: 'none', organisers: { committee: await committeeOf(db, session.event.initiative_id) }, drafters: draftersOf(session, null) };
          return Object.assign(session, subject);
        },
        allow: reportPolicy.start,
        schema: CreateApiSchema,
        run: (ctx, _, session) => startReport(ctx, session),
        present: created,
      })(c, async () => {});
    }
    return jsonAction({
      load: async () => {
        const slug = body && typeof body === 'object' && 'initiative' in body && typeof body.initiative === 'string' ? body.initiative : '';
        const initiative = slug ? await findInitiativeBySlug(db, slug) : undefined;
        return { organisers: initiative ? { committee: initiative.committee } : undefined };
      },
      allow: reportPolicy.startStandalone,
      // Without a session, the body is a standalone report's fields (the description documents the union).
      schema: StandaloneSchema,
      run: (ctx, input) => startStandalone(ctx, input),
      present: created,
    })(c, async () => {});
  });

  documentedWrite(api, createRoute({
    method: 'patch', path: '/reports/{id}',
    summary: 'Change a report (its rapporteur or organisers): members given replace the current ones; once published, `reason` is required and a new version is published',
    security: [{ bearerAuth: [] }],
    request: { params: IdParam, body: { content: { 'application/json': { schema: ReportSaveSchema } }, required: true } },
    responses: {
      200: { description: 'The report', content: { 'application/json': { schema: ReportJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Neither its rapporteur nor an organiser'), 404: problemResponse('No such report'),
      409: problemResponse('Nothing changed since the last version'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields, oversized Markdown, or no reason for a published report'),
    },
  }), jsonAction({
    load: loadReport,
    allow: reportPolicy.edit,
    schema: ReportSaveSchema,
    // A merge over the report as it is: an empty body saves it unchanged.
    fromBody: (body, report) => ({
      title: report.title, held_on: report.held_on, place: report.place ?? undefined, language: report.language, ...report.content, summary: report.content.summary ?? undefined,
      ...(body && typeof body === 'object' && !Array.isArray(body) ? body : {}),
    }),
    run: (ctx, input, report) => saveReport(ctx, report, input),
    present: async (c, _, { subject }) => c.json(present((await findReport(db, subject.id))!), 200),
  }));

  documentedWrite(api, createRoute({
    method: 'post', path: '/reports/{id}/transitions',
    summary: 'Move a report on: `submit` (its rapporteur or organisers), `request_changes` with a `note` or `publish` (the organisers)',
    security: [{ bearerAuth: [] }],
    request: { params: IdParam, body: { content: { 'application/json': { schema: TransitionSchema } }, required: true } },
    responses: {
      200: { description: 'The report', content: { 'application/json': { schema: ReportJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not allowed this step'), 404: problemResponse('No such report'),
      409: problemResponse('Not in a state for this step'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields'),
    },
  }), async (c) => {
    const body = await readJson(c) as { action?: unknown } | null;
    const action = body && typeof body === 'object' ? body.action : undefined;
    const allow = action === 'submit' ? reportPolicy.submit : action === 'request_changes' ? reportPolicy.review : action === 'publish' ? reportPolicy.publish : reportPolicy.edit;
    return jsonAction({
      load: loadReport,
      allow,
      schema: TransitionSchema,
      run: async (ctx, input, report) => {
        if (input.action === 'submit') return submitReport(ctx, report);
        if (input.action === 'publish') { const r = await publishReport(ctx, report); return r.ok ? ok() : r; }
        return requestChanges(ctx, report, { note: input.note ?? '' });
      },
      present: async (cx, _, { subject }) => cx.json(present((await findReport(db, subject.id))!), 200),
    })(c, async () => {});
  });

  reportTopicApi(api, services);
}
