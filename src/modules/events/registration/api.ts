import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { jsonAction } from '../../../platform/http/action.ts';
import { problem } from '../../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../../platform/http/openapi.ts';
import { authorize } from '../../../platform/policy.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug } from '../queries.ts';
import { cancelMine, register } from './commands.ts';
import { registrationList } from './queries.ts';
import { CancelApiSchema, RegistrationApiSchema } from './schema.ts';

const SlugParam = z.object({ slug: z.string().min(1).max(100) });

const Registration = z.object({
  id: z.string(),
  status: z.string().openapi({ description: 'confirmed or waitlisted' }),
  presence: z.string().openapi({ description: 'onsite or online' }),
  session: z.string().nullable().openapi({ description: "The session's id, or null for the event itself" }),
  waitlist_position: z.number().int().nullable().openapi({ description: '1 is next in line; null when confirmed' }),
}).openapi('EventRegistration');

const RegistrationEntry = z.object({
  name: z.string(), email: z.string(), presence: z.string(), stakeholder_group: z.string(), status: z.string(),
  registered_at: z.string(), session: z.string().nullable(), waitlist_position: z.number().int().nullable(),
}).openapi('EventRegistrationEntry');

const RegistrationListSchema = z.object({
  counts: z.object({
    presence: z.record(z.string(), z.number().int()), stakeholder_group: z.record(z.string(), z.number().int()), status: z.record(z.string(), z.number().int()),
  }).openapi({ description: 'Registrations not cancelled by presence and group; all by status' }),
  items: z.array(RegistrationEntry),
}).openapi('EventRegistrationList');

function tally<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Registration through the API with a personal token: register, cancel one's own, and the organisers' list. */
export function registrationApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    return event && eventPolicy.view(c.get('actor'), event) ? event : undefined;
  };

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/registrations', summary: 'Register yourself (onsite or online) to a published event or one of its sessions; waitlisted when full',
    security: [{ bearerAuth: [] }],
    request: { params: SlugParam, body: { content: { 'application/json': { schema: RegistrationApiSchema } }, required: true } },
    responses: {
      201: { description: 'Registered, or on the waitlist', content: { 'application/json': { schema: Registration } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Confirm your email address first'), 404: problemResponse('No such event'),
      409: problemResponse('Registered already, or the event takes no registration (draft, closed, ended)'), 415: problemResponse('The body is not JSON'),
      422: problemResponse('Invalid fields (a presence the event does not offer, an unknown session…)'),
    },
  }), jsonAction({
    load: loadEvent,
    allow: eventPolicy.register,
    schema: RegistrationApiSchema,
    run: (ctx, input, event) => register(ctx, event.id, { ...input, stakeholder_group: input.stakeholder_group ?? (ctx.actor.user.stakeholder_group as never) }, config.baseUrl),
    present: (c, r) => c.json({ id: r.id, status: r.status, presence: r.presence, session: r.session, waitlist_position: r.position }, 201),
  }));

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/registrations/cancel', summary: 'Cancel your registration (the event’s, or a session’s); the next on the waitlist gets the seat',
    security: [{ bearerAuth: [] }],
    request: { params: SlugParam, body: { content: { 'application/json': { schema: CancelApiSchema } }, required: true } },
    responses: {
      200: { description: 'Cancelled', content: { 'application/json': { schema: z.object({ status: z.literal('cancelled') }) } } },
      401: problemResponse('Log in or send a token'), 404: problemResponse('No such event'), 409: problemResponse('No registration to cancel'),
      415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields'),
    },
  }), jsonAction({
    load: loadEvent,
    allow: eventPolicy.cancelOwnRegistration,
    schema: CancelApiSchema,
    run: (ctx, input, event) => cancelMine(ctx, event.id, input.session, config.baseUrl),
    present: (c) => c.json({ status: 'cancelled' as const }, 200),
  }));

  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}/registrations', summary: "Everyone registered, with counts (the event's organisers only: personal data)",
      security: [{ bearerAuth: [] }],
      request: { params: SlugParam },
      responses: {
        200: { description: 'The registrations', content: { 'application/json': { schema: RegistrationListSchema } } },
        401: problemResponse('Log in or send a token'), 403: problemResponse('Not an organiser'), 404: problemResponse('No such event'),
      },
    }),
    async (c) => {
      c.set('personal', true);
      const event = await loadEvent(c);
      if (!event) return problem(c, 404) as never;
      authorize(c.get('actor'), eventPolicy.seeRegistrations, event);
      const items = await registrationList(db, event.id);
      const active = items.filter((i) => i.status !== 'cancelled');
      return c.json({
        counts: { presence: tally(active, (i) => i.presence), stakeholder_group: tally(active, (i) => i.stakeholder_group), status: tally(items, (i) => i.status) },
        items: items.map(({ id: _, position, ...i }) => ({ ...i, waitlist_position: position })),
      }, 200);
    },
  );
}
