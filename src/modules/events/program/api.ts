import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { jsonAction } from '../../../platform/http/action.ts';
import { problem } from '../../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../../platform/http/openapi.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { isoText } from './zoneFormat.ts';
import { createSession, scheduleSession } from './commands.ts';
import { withAccountLookups } from './accountLookups.ts';
import { explainedConflicts } from './conflicts.ts';
import { findSession, sessionsOf, tracksOf, versionsOf } from './queries.ts';
import { ScheduleSchema, SessionSchema } from './schema.ts';
import { readSnapshot, takeSnapshot, type SnapshotSession } from './snapshot.ts';

const ProgramSession = z.object({
  id: z.string(),
  title: z.string(),
  start: z.string().openapi({ description: 'ISO 8601 with the event zone’s offset', example: '2026-12-01T09:00:00-05:00' }),
  end: z.string(),
  room: z.string().nullable(),
  track: z.string().nullable(),
  format: z.string().nullable(),
  people: z.array(z.object({ name: z.string(), role: z.string(), stakeholder_group: z.string().nullable() })),
}).openapi('ProgramSession');

const Program = z.object({
  time_zone: z.string(),
  version: z.number().int().nullable().openapi({ description: 'The published version shown; null for the organisers’ working copy' }),
  sessions: z.array(ProgramSession),
  conflicts: z.array(z.object({ kind: z.string(), sessions: z.array(z.string()), message: z.string() })).optional()
    .openapi({ description: 'The working copy’s conflicts, explained in the request’s language: for the organisers only' }),
}).openapi('Program');

const SlugParam = z.object({ slug: z.string().min(1).max(100) });
const SessionParams = SlugParam.extend({ id: z.string().min(1).max(40) });

function presentSession(s: SnapshotSession, zone: string) {
  return {
    id: s.id, title: s.title, start: isoText(s.start, zone), end: isoText(s.end, zone), room: s.room?.name ?? null, track: s.track, format: s.format,
    people: s.people.map((p) => ({ name: p.name, role: p.role, stakeholder_group: p.stakeholder_group })),
  };
}

export function programApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db } = services;
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    return event && eventPolicy.view(c.get('actor'), event) ? event : undefined;
  };

  /** The organisers' working copy (its placed sessions and conflicts). */
  async function working(c: Context<AppEnv>, event: EventDetail) {
    const [sessions, tracks] = await Promise.all([sessionsOf(db, event.id), tracksOf(db, event.id)]);
    const snapshot = takeSnapshot(event.time_zone, sessions, event.rooms, tracks);
    return { time_zone: event.time_zone, version: null, sessions: snapshot.sessions.map((s) => presentSession(s, event.time_zone)), conflicts: explainedConflicts(event, sessions, tracks, c.get('t'), c.get('locale')) };
  }

  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}/program',
      summary: 'The published program; for the organisers, the working copy with its conflicts (?version=published for what the public sees)',
      request: { params: SlugParam, query: z.object({ version: z.string().optional() }) },
      responses: { 200: { description: 'The program', content: { 'application/json': { schema: Program } } }, 404: problemResponse('No such event') },
    }),
    async (c) => {
      const event = await loadEvent(c);
      if (!event) return problem(c, 404) as never;
      if (eventPolicy.manageProgram(c.get('actor'), event) && c.req.query('version') !== 'published') return c.json(await working(c, event), 200);
      const [latest] = await versionsOf(db, event.id);
      const snapshot = latest ? readSnapshot(latest.snapshot) : { time_zone: event.time_zone, sessions: [] };
      return c.json({ time_zone: event.time_zone, version: latest?.version ?? null, sessions: snapshot.sessions.map((s) => presentSession(s, event.time_zone)) }, 200);
    },
  );

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/sessions', summary: 'Add a session to the program (its organisers); it is placed with PATCH',
    security: [{ bearerAuth: [] }],
    request: { params: SlugParam, body: { content: { 'application/json': { schema: SessionSchema } }, required: true } },
    responses: {
      201: { description: 'The session (unplaced)', content: { 'application/json': { schema: z.object({ id: z.string(), title: z.string() }) } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not an organiser'), 404: problemResponse('No such event'),
      409: problemResponse('Too many sessions'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields'),
    },
  }), jsonAction({
    load: loadEvent,
    allow: eventPolicy.manageProgram,
    schema: SessionSchema,
    run: (ctx, input, event) => withAccountLookups(services.limits, ctx.actor.user.id, input, () => createSession(ctx, event, input)),
    present: async (c, { id }, { subject }) => {
      const session = (await findSession(db, subject.id, id))!;
      c.header('Location', `${services.config.baseUrl}/events/${subject.slug}/sessions/${id}`);
      return c.json({ id, title: session.title }, 201);
    },
  }));

  documentedWrite(api, createRoute({
    method: 'patch', path: '/events/{slug}/sessions/{id}',
    summary: 'Place a session: room (its id or name), start and end as wall-clock times in the event’s zone or ISO 8601 with an offset; both times null takes it off the program',
    security: [{ bearerAuth: [] }],
    request: { params: SessionParams, body: { content: { 'application/json': { schema: ScheduleSchema } }, required: true } },
    responses: {
      200: { description: 'The session as placed, and the conflicts it is part of', content: { 'application/json': { schema: z.object({ session: ProgramSession.nullable(), conflicts: Program.shape.conflicts }) } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not an organiser'), 404: problemResponse('No such event or session'),
      415: problemResponse('The body is not JSON'), 422: problemResponse('End before start, a time outside the event, an unknown room…'),
    },
  }), jsonAction({
    load: async (c) => {
      const event = await loadEvent(c);
      return event && (await findSession(db, event.id, c.req.param('id') ?? '')) ? Object.assign(event, { sessionId: c.req.param('id')! }) : undefined;
    },
    allow: eventPolicy.manageProgram,
    schema: ScheduleSchema,
    // A room may be named rather than given by id.
    fromBody: (body, event) => {
      if (!body || typeof body !== 'object' || !('room' in body) || typeof body.room !== 'string') return body;
      const named = event.rooms.find((r) => r.name === body.room);
      return named ? { ...body, room: named.id } : body;
    },
    run: (ctx, input, event) => scheduleSession(ctx, event, event.sessionId, input),
    present: async (c, _, { subject }) => {
      const program = await working(c, (await findEventBySlug(db, subject.slug))!);
      return c.json({
        session: program.sessions.find((s) => s.id === subject.sessionId) ?? null,
        conflicts: program.conflicts.filter((x) => x.sessions.includes(subject.sessionId)),
      }, 200);
    },
  }));
}
