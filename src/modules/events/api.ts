import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Actor, AppEnv, Services } from '../../platform/http/env.ts';
import { jsonAction } from '../../platform/http/action.ts';
import { problem } from '../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../platform/http/openapi.ts';
import { timestamp } from '../../platform/db/index.ts';
import { refuse } from '../../platform/http/result.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { EventCreateApiSchema, EventListQuerySchema, RoomSchema } from './schema.ts';
import { eventPolicy } from './policy.ts';
import { findEventBySlug, listEvents, type EventDetail, type EventSummary } from './queries.ts';
import { createEvent } from './commands/saveEvent.ts';
import { addRoom } from './commands/rooms.ts';
import { isoInZone } from './time.ts';
import { callApi } from './call/api.ts';
import { programApi } from './program/api.ts';
import { myRegistration } from './registration/queries.ts';
import { registrationApi } from './registration/api.ts';
import { floorApi } from './floor/api.ts';
import { statsApi } from './stats/api.ts';
import { reviewApi } from './review/api.ts';

const EventItem = z
  .object({
    slug: z.string(),
    title: z.string(),
    kind: z.string(),
    format: z.string(),
    status: z.string().openapi({ description: 'draft (organisers and the secretariat only), published or closed' }),
    initiative: z.object({ slug: z.string(), name: z.string() }),
    venue: z.object({ name: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable() }),
    time_zone: z.string().openapi({ example: 'America/Bogota' }),
    start: z.string().openapi({ description: 'ISO 8601 in the event’s zone, with its offset', example: '2026-12-01T09:00:00-05:00' }),
    end: z.string(),
    languages: z.array(z.string()),
    interpretation: z.array(z.string()).openapi({ description: 'Pairs such as "en-es"' }),
    demo: z.boolean(),
    url: z.string(),
    calendar: z.string(),
  })
  .openapi('EventItem');

const Room = z.object({ id: z.string(), name: z.string(), capacity: z.number().int().nullable(), online_link: z.string().nullable().optional() }).openapi('EventRoom');

const EventFull = EventItem.extend({
  description: z.string().nullable(),
  description_locale: z.string(),
  rooms: z.array(Room).openapi({ description: 'online_link only for the organisers, the secretariat and those with a confirmed registration' }),
}).openapi('Event');

const EventList = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(EventItem) }).openapi('EventList');

const ListQuery = z.object({
  when: z.string().optional().openapi({ description: 'upcoming (default) or past' }),
  initiative: z.string().optional().openapi({ description: "The initiative's slug" }),
  country: z.string().optional().openapi({ example: 'CO' }),
  kind: z.string().optional(),
  language: z.string().optional(),
  format: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const SlugParam = z.object({ slug: z.string().min(1).max(100) });

function present(baseUrl: string, e: EventSummary) {
  return {
    slug: e.slug, title: e.title, kind: e.kind, format: e.format, status: e.status, initiative: { slug: e.initiative.slug, name: e.initiative.name },
    venue: { name: e.venue_name, city: e.venue_city, country: e.venue_country }, time_zone: e.time_zone,
    start: isoInZone(e.starts_at, e.time_zone), end: isoInZone(e.ends_at, e.time_zone), languages: e.languages, interpretation: e.interpretation,
    demo: e.is_demo === 1, url: `${baseUrl}/events/${e.slug}`, calendar: `${baseUrl}/events/${e.slug}/program.ics`,
  };
}

function presentFull(baseUrl: string, actor: Actor, e: EventDetail) {
  const links = eventPolicy.seeOnlineLinks(actor, e);
  return {
    ...present(baseUrl, e),
    description: e.description,
    description_locale: e.original_locale,
    rooms: e.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, ...(links ? { online_link: r.online_link } : {}) })),
  };
}

/** The `initiative` member of a JSON body, read before validation so the rule can check the caller organises it. */
async function namedInitiative(c: Context<AppEnv>, db: Services['db']) {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    // An unreadable body is answered by the pipeline (415, 400 or 413).
    return { initiative: undefined };
  }
  const slug = body && typeof body === 'object' && 'initiative' in body && typeof body.initiative === 'string' ? body.initiative : '';
  // Only a slug's characters reach the query: a NUL byte, for one, is an error in PostgreSQL, not a miss.
  return { initiative: /^[a-z0-9-]{1,100}$/.test(slug) ? await findInitiativeBySlug(db, slug) : undefined };
}

export function eventApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const full = (c: Context<AppEnv>, event: EventDetail) => presentFull(config.baseUrl, c.get('actor'), event);
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    // The caller's own registration decides whether they see the rooms' online links.
    return event && eventPolicy.view(c.get('actor'), event) ? { ...event, myRegistration: await myRegistration(db, c.get('actor').user?.id, event.id) } : undefined;
  };

  api.openapi(
    createRoute({
      method: 'get', path: '/events', summary: 'List published and closed events (upcoming or past, filtered, paginated)',
      request: { query: ListQuery },
      responses: { 200: { description: 'A page of events', content: { 'application/json': { schema: EventList } } }, 422: problemResponse('Invalid query') },
    }),
    async (c) => {
      // Which events are upcoming depends on the time: not kept in the response cache until the next write.
      c.set('personal', true);
      const { limit, offset, ...filters } = c.req.valid('query');
      const { page: _, ...query } = EventListQuerySchema.parse(filters);
      const { total, items } = await listEvents(db, query, { limit, offset }, timestamp(services.clock()));
      return c.json({ total, limit, offset, items: items.map((e) => present(config.baseUrl, e)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}', summary: 'One event (a draft only for its organisers and the secretariat)',
      request: { params: SlugParam },
      responses: { 200: { description: 'The event', content: { 'application/json': { schema: EventFull } } }, 404: problemResponse('No such event') },
    }),
    async (c) => {
      const event = await loadEvent(c);
      if (!event) return problem(c, 404) as never;
      return c.json(full(c, event), 200);
    },
  );

  documentedWrite(api, createRoute({
    method: 'post', path: '/events', summary: "Create an event of an initiative you organise (a draft); times are wall-clock times in time_zone",
    security: [{ bearerAuth: [] }],
    request: { body: { content: { 'application/json': { schema: EventCreateApiSchema } }, required: true } },
    responses: {
      201: { description: 'Created', content: { 'application/json': { schema: EventFull } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse("Not on the initiative's committee"), 415: problemResponse('The body is not JSON'),
      422: problemResponse('Invalid fields (end before start, unknown time zone…)'),
    },
  }), jsonAction({
    load: (c) => namedInitiative(c, db),
    allow: eventPolicy.createNamed,
    schema: EventCreateApiSchema,
    run: (ctx, input, { initiative }) =>
      initiative ? createEvent(ctx, initiative.id, input) : Promise.resolve(refuse('events.errors.no_initiative', { field: 'initiative' })),
    present: async (c, { slug }) => {
      c.header('Location', `${config.baseUrl}/api/events/${slug}`);
      return c.json(full(c, (await findEventBySlug(db, slug))!), 201);
    },
  }));

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/rooms', summary: 'Add a room to an event (its organisers)',
    security: [{ bearerAuth: [] }],
    request: { params: SlugParam, body: { content: { 'application/json': { schema: RoomSchema } }, required: true } },
    responses: {
      201: { description: 'The event with its rooms', content: { 'application/json': { schema: EventFull } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not an organiser'), 404: problemResponse('No such event'),
      409: problemResponse('Too many rooms'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields'),
    },
  }), jsonAction({
    load: loadEvent,
    allow: eventPolicy.manageRooms,
    schema: RoomSchema,
    run: (ctx, input, event) => addRoom(ctx, event.id, input),
    present: async (c, _, { subject }) => c.json(full(c, (await findEventBySlug(db, subject.slug))!), 201),
  }));

  callApi(api, services);
  programApi(api, services);
  registrationApi(api, services);
  floorApi(api, services);
  statsApi(api, services);
  reviewApi(api, services);
}
