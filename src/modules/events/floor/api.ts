import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { jsonAction } from '../../../platform/http/action.ts';
import { problem } from '../../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../../platform/http/openapi.ts';
import { authorize } from '../../../platform/policy.ts';
import { eventPolicy } from '../policy.ts';
import { askForFloor, markRequest } from './commands.ts';
import { loadFloor, type FloorContext } from './load.ts';
import { balanceOf, placesOf, queueVersion, requestsOf, waiting, type FloorRequest } from './queries.ts';
import { AskSchema, MarkSchema } from './schema.ts';

const Params = z.object({ slug: z.string().min(1).max(100), id: z.string().min(1).max(40) });
const RequestParams = Params.extend({ request: z.string().min(1).max(40) });

const QueueItem = z.object({
  id: z.string(), place: z.number().int().nullable(), name: z.string().nullable(), kind: z.enum(['floor', 'question']), question: z.string().nullable(),
  presence: z.enum(['onsite', 'online']), stakeholder_group: z.string().nullable(), requested_at: z.string(), status: z.string(), handled_at: z.string().nullable(),
}).openapi('FloorRequest');
const Count = z.object({ key: z.string(), count: z.number().int() });
const Queue = z.object({
  version: z.number().int().openapi({ description: 'Grows with every change to the queue' }),
  waiting: z.array(QueueItem).openapi({ description: 'In order: the first is next' }),
  handled: z.array(QueueItem),
  balance: z.object({ total: z.number().int(), by_group: z.array(Count), by_presence: z.array(Count) }).openapi({ description: 'Who has spoken: took the floor or had a question answered' }),
}).openapi('FloorQueue');

const item = (r: FloorRequest, place: number | null) => ({
  id: r.id, place, name: r.name, kind: r.kind as 'floor' | 'question', question: r.question, presence: r.presence as 'onsite' | 'online',
  stakeholder_group: r.stakeholder_group, requested_at: r.requested_at, status: r.status, handled_at: r.handled_at,
});

export function floorApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db } = services;
  const load = (c: Context<AppEnv>) => loadFloor(db, c, 'id');

  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}/sessions/{id}/floor', summary: 'A session’s live queue, in order, and the balance of who has spoken (its online moderators and the event’s organisers)',
      security: [{ bearerAuth: [] }],
      request: { params: Params },
      responses: {
        200: { description: 'The queue', content: { 'application/json': { schema: Queue } } },
        401: problemResponse('Log in or send a token'), 403: problemResponse('Not a moderator of the session'), 404: problemResponse('No such event or session'),
      },
    }),
    async (c) => {
      const f = await load(c);
      if (!f) return problem(c, 404) as never;
      authorize(c.get('actor'), eventPolicy.moderateFloor, f);
      c.set('personal', true);
      const [requests, version] = await Promise.all([requestsOf(db, f.session.id), queueVersion(db, f.session.id)]);
      const balance = balanceOf(requests, services.config.stakeholders.groups);
      return c.json({
        version,
        waiting: waiting(requests).map((r, i) => item(r, i + 1)),
        handled: requests.filter((r) => r.status !== 'waiting').map((r) => item(r, null)),
        balance: { total: balance.total, by_group: balance.byGroup, by_presence: balance.byPresence },
      }, 200);
    },
  );

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/sessions/{id}/floor', summary: 'Ask for the floor or post a question (a person registered for the event)',
    security: [{ bearerAuth: [] }],
    request: { params: Params, body: { content: { 'application/json': { schema: AskSchema } }, required: true } },
    responses: {
      201: { description: 'The request and its place in the queue', content: { 'application/json': { schema: z.object({ id: z.string(), place: z.number().int() }) } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not registered for the event'), 404: problemResponse('No such event or session'),
      409: problemResponse('Already waiting for the floor, or too many questions waiting'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields'),
    },
  }), jsonAction({
    load,
    allow: eventPolicy.joinQueue,
    schema: AskSchema,
    run: (ctx, input, f: FloorContext) => askForFloor(ctx, f.where, f.participation, input),
    present: async (c, { id }, { subject, actor }) => {
      const place = placesOf(await requestsOf(db, subject.session.id), actor.user.id).find((p) => p.request.id === id)?.place ?? 0;
      return c.json({ id, place }, 201);
    },
  }));

  documentedWrite(api, createRoute({
    method: 'patch', path: '/events/{slug}/sessions/{id}/floor/{request}', summary: 'Mark a waiting request: took_floor (a floor request), answered (a question) or dismissed (the session’s moderators)',
    security: [{ bearerAuth: [] }],
    request: { params: RequestParams, body: { content: { 'application/json': { schema: MarkSchema } }, required: true } },
    responses: {
      200: { description: 'The request as marked', content: { 'application/json': { schema: QueueItem } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not a moderator of the session'), 404: problemResponse('No such event, session or request'),
      409: problemResponse('The request is no longer waiting (another moderator marked it, or it was withdrawn)'), 415: problemResponse('The body is not JSON'), 422: problemResponse('A mark that does not fit the request'),
    },
  }), jsonAction({
    load: async (c) => {
      const f = await load(c);
      return f ? Object.assign(f, { requestId: c.req.param('request') ?? '' }) : undefined;
    },
    allow: eventPolicy.moderateFloor,
    schema: MarkSchema,
    run: (ctx, input, f) => markRequest(ctx, f.where, f.requestId, input),
    present: async (c, _, { subject }) => {
      const request = (await requestsOf(db, subject.session.id)).find((r) => r.id === subject.requestId)!;
      return c.json(item(request, null), 200);
    },
  }));
}
