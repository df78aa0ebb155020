import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { sendStream } from '../../../platform/http/delivery.ts';
import { authorize } from '../../../platform/policy.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { csvLines } from '../../../platform/csv.ts';
import { mailboxes } from '../../accounts/index.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { eventsDb } from '../tables.ts';
import { cancelByToken, cancelMine, register, registrationByToken, setCapacity } from './commands.ts';
import { myRegistration, registrationList, registrationsOf, seatCounts, type MyRegistration } from './queries.ts';
import { closedBecause, presencesAllowed } from './rules.ts';
import { CapacitySchema, RegistrationSchema } from './schema.ts';
import { CancelLinkDonePage, CancelLinkPage } from './views/cancelLinkPage.tsx';
import { MyRegistrations } from './views/myRegistrations.tsx';
import { RegisterPage } from './views/registerPage.tsx';
import { RegistrationPanel } from './views/registrationPanel.tsx';
import { RegistrationsPage } from './views/registrationsPage.tsx';
import { sessionRegistrationPages } from './sessionPages.tsx';

const noFields = z.object({});
const pathOf = (event: { slug: string }) => `/events/${event.slug}`;

/** The registration section of an event's page, for the visitor (their own registration looked up by the caller). */
export async function registrationPanel(c: Context<AppEnv>, event: EventDetail, mine: MyRegistration | null) {
  const { db, clock } = c.get('services');
  const offered = presencesAllowed(event.format);
  const user = c.get('actor').user;
  return (
    <RegistrationPanel slug={event.slug} closed={closedBecause(event, timestamp(clock()))} offered={offered} counts={await seatCounts(db, event, offered)}
      mine={mine} organises={user !== null && event.initiative.committee.some((m) => m.user_id === user.id)} notice={c.req.query('notice')} />
  );
}

/** The section of /my/events listing the person's registrations. */
export async function myRegistrationsSection(db: Services['db'], userId: string) {
  return <MyRegistrations items={await registrationsOf(db, userId)} />;
}

/** Registration's pages (issue 10, item 5): registering, cancelling (signed in or by the mailed link), and the organisers' list. */
export function registrationPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    return event && eventPolicy.view(c.get('actor'), event) ? event : undefined;
  };

  const registerPage = async (c: Context<AppEnv>, event: EventDetail, failed?: FailedForm, status: 200 | FailedStatus = 200) => {
    const offered = presencesAllowed(event.format);
    return page(c, c.get('t')('events.registration.register_title', { title: event.title }),
      <RegisterPage event={event} offered={offered} counts={await seatCounts(db, event, offered)} failed={failed} />, status);
  };

  app.get('/events/:slug/register', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    const actor = c.get('actor');
    authorize(actor, eventPolicy.register, event);
    const mine = await myRegistration(db, actor.user.id, event.id);
    // Registered already, or not taking registrations: the event's page says which.
    if ((mine && mine.status !== 'cancelled') || closedBecause(event, timestamp(services.clock()))) return c.redirect(`${pathOf(event)}#registration`, 303);
    return registerPage(c, event);
  });

  app.post('/events/:slug/register', formAction({
    load: loadEvent,
    allow: eventPolicy.register,
    schema: RegistrationSchema,
    run: (ctx, input, event) => register(ctx, event.id, input, config.baseUrl),
    done: (_, registered, { subject }) => withNotice(pathOf(subject), registered.status, 'registration'),
    retry: (c, failed, { subject, status }) => registerPage(c, subject, failed, status),
  }));

  app.post('/events/:slug/register/cancel', formAction({
    load: loadEvent,
    allow: eventPolicy.cancelOwnRegistration,
    schema: noFields,
    run: (ctx, _, event) => cancelMine(ctx, event.id, undefined, config.baseUrl),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'cancelled', 'registration'),
    retry: (c, failed, { subject, status }) => registerPage(c, subject, failed, status),
  }));

  const linkGone = (c: Context<AppEnv>, event: EventDetail) =>
    page(c, c.get('t')('events.registration.link.gone_title'), <CancelLinkDonePage event={event} done={false} />, 404);

  app.get('/events/:slug/registration/cancel/:token', async (c) => {
    // The page names the person: never kept in a shared cache.
    c.set('personal', true);
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    const token = c.req.param('token').slice(0, 100);
    const row = await registrationByToken(eventsDb(db), event.id, token);
    if (!row) return linkGone(c, event);
    const name = (await mailboxes(db, [row.user_id])).get(row.user_id)?.name ?? '';
    return page(c, c.get('t')('events.registration.link.title'), <CancelLinkPage event={event} name={name} action={`${pathOf(event)}/registration/cancel/${encodeURIComponent(token)}`} />);
  });

  /** The event, with the link's secret the command checks. */
  const loadLink = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    return event ? Object.assign(event, { token: (c.req.param('token') ?? '').slice(0, 100) }) : undefined;
  };

  app.post('/events/:slug/registration/cancel/:token', formAction({
    load: loadLink,
    missing: async (c) => {
      const event = await loadEvent(c);
      return event ? linkGone(c, event) : c.notFound();
    },
    allow: eventPolicy.cancelByLink,
    schema: noFields,
    run: (ctx, _, event) => cancelByToken(ctx, event.id, event.token, config.baseUrl),
    done: (c, _, { subject }) => page(c, c.get('t')('events.registration.link.done_title'), <CancelLinkDonePage event={subject} done />),
    retry: (c, __, { subject }) => linkGone(c, subject),
  }));

  app.get('/events/:slug/registrations', async (c) => {
    c.set('personal', true);
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.seeRegistrations, event);
    return registrationsPage(c, event);
  });

  const registrationsPage = async (c: Context<AppEnv>, event: EventDetail, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('events.checkin.title', { title: event.title }), (
      <RegistrationsPage event={event} items={await registrationList(db, event.id)} notice={c.req.query('notice')}
        promoted={Math.min(1_000_000, Math.max(0, Number.parseInt(c.req.query('promoted') ?? '0', 10) || 0))} failed={failed} />
    ), status);

  app.get('/events/:slug/registrations.csv', async (c) => {
    c.set('personal', true);
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.seeRegistrations, event);
    const items = await registrationList(db, event.id);
    // Cells a spreadsheet would read as a formula (= + - @) are defused by csvCell.
    async function* lines() {
      yield csvLines([['name', 'email', 'presence', 'stakeholder_group', 'status', 'registered_at', 'session', 'waitlist_position']]);
      yield csvLines(items.map((i) => [i.name, i.email, i.presence, i.stakeholder_group, i.status, i.registered_at, i.session ?? '', i.position ?? '']));
    }
    return sendStream(c, lines(), {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${event.slug}-registrations.csv"`,
    });
  });

  app.post('/events/:slug/capacity', formAction({
    load: loadEvent,
    allow: eventPolicy.setCapacity,
    schema: CapacitySchema,
    run: (ctx, input, event) => setCapacity(ctx, event.id, input, config.baseUrl),
    done: (_, { promoted }, { subject }) => withNotice(`${pathOf(subject)}/registrations${promoted ? `?promoted=${promoted}` : ''}`, 'capacity_saved', 'capacity'),
    retry: (c, failed, { subject, status }) => registrationsPage(c, subject, failed, status),
  }));

  // The addresses the forms post to show the page the form lives on (a reload after a failed post).
  const eventAt = (c: Context<AppEnv>) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}`;
  app.get('/events/:slug/register/cancel', formAddress(eventAt, 'registration'));
  app.get('/events/:slug/capacity', formAddress((c) => `${eventAt(c)}/registrations`, 'capacity'));
  // One session's registration, from the public program (docs/decisions/023).
  sessionRegistrationPages(app, services);
}
