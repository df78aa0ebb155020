import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { authorize } from '../../../platform/policy.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { cancelMine, register } from './commands.ts';
import { closedBecause } from './rules.ts';
import { RegistrationSchema } from './schema.ts';
import { sessionSeatings } from './sessions.ts';
import { SessionRegisterPage, SessionRegistration } from './views/sessionRegistration.tsx';

const noFields = z.object({});

/**
 * Where a session's registration answers: the published program (organisers too, whose plain
 * program address is the working copy), at the session, with what happened.
 */
const atSession = (slug: string, sessionId: string, notice: string) =>
  withNotice(`/events/${slug}/program?view=published&registered=${encodeURIComponent(sessionId)}`, notice, `session-${sessionId}`);

/**
 * The registration block of each session with seats on the public program, for the visitor
 * (docs/decisions/023): seats left, the form, or their status with a cancel button.
 */
export async function sessionRegistrations(c: Context<AppEnv>, event: EventDetail, sessionIds: readonly string[]): Promise<Map<string, Child>> {
  const { db, clock } = c.get('services');
  const seatings = await sessionSeatings(db, event.id, sessionIds, c.get('actor').user?.id);
  const closed = closedBecause(event, timestamp(clock()));
  // The notice belongs to the session the person just registered for or cancelled.
  const noticed = c.req.query('registered');
  return new Map([...seatings.values()].map((s) => [s.id, (
    <SessionRegistration slug={event.slug} seating={s} closed={closed} notice={noticed === s.id ? c.req.query('notice') : undefined} />
  )]));
}

/** Registering for, and cancelling, one session of an event from its public program. */
export function sessionRegistrationPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  /** The event the visitor may see, with the session named in the address, if it has seats of its own. */
  const loadSession = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event || !eventPolicy.view(c.get('actor'), event)) return undefined;
    const id = (c.req.param('session') ?? '').slice(0, 64);
    const seating = (await sessionSeatings(db, event.id, [id], c.get('actor').user?.id)).get(id);
    return seating ? Object.assign(event, { seating }) : undefined;
  };
  type Loaded = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

  const registerPage = (c: Context<AppEnv>, found: Loaded, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('events.session_registration.title', { title: found.seating.title }), <SessionRegisterPage event={found} seating={found.seating} failed={failed} />, status);

  app.get('/events/:slug/sessions/:session/register', async (c) => {
    const found = await loadSession(c);
    if (!found) return c.notFound();
    authorize(c.get('actor'), eventPolicy.register, found);
    // Registered already, or not taking registrations: the program says which.
    const mine = found.seating.mine;
    if ((mine && mine.status !== 'cancelled') || closedBecause(found, timestamp(services.clock()))) return c.redirect(`/events/${found.slug}/program#session-${found.seating.id}`, 303);
    return registerPage(c, found);
  });

  app.post('/events/:slug/sessions/:session/register', formAction({
    load: loadSession,
    allow: eventPolicy.register,
    schema: RegistrationSchema,
    run: (ctx, input, found: Loaded) => register(ctx, found.id, { ...input, session: found.seating.id }, config.baseUrl),
    done: (_, registered, { subject }) => atSession(subject.slug, subject.seating.id, registered.status),
    retry: (c, failed, { subject, status }) => registerPage(c, subject, failed, status),
  }));

  app.post('/events/:slug/sessions/:session/register/cancel', formAction({
    load: loadSession,
    allow: eventPolicy.cancelOwnRegistration,
    schema: noFields,
    run: (ctx, _, found: Loaded) => cancelMine(ctx, found.id, found.seating.id, config.baseUrl),
    done: (_, __, { subject }) => atSession(subject.slug, subject.seating.id, 'cancelled'),
    retry: (c, failed, { subject, status }) => registerPage(c, subject, failed, status),
  }));
  // The cancel form's own address, reloaded: the program at the session.
  app.get('/events/:slug/sessions/:session/register/cancel', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/program#session-${encodeURIComponent(c.req.param('session') ?? '')}`));
}
