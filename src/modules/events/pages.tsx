import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Actor, AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/policy.ts';
import { timestamp } from '../../platform/db/index.ts';
import { findInitiativeBySlug, membershipsOf } from '../initiatives/index.ts';
import { EventFieldsSchema, EventListQuerySchema, RoomSchema } from './schema.ts';
import { eventPolicy } from './policy.ts';
import { eventsOfInitiatives, findEventBySlug, initiativesWithEvents, listEvents, publicEvents, type EventDetail } from './queries.ts';
import { createEvent, updateEvent } from './commands/saveEvent.ts';
import { closeEvent, publishEvent } from './commands/lifecycle.ts';
import { addRoom, removeRoom, updateRoom } from './commands/rooms.ts';
import { eventsCalendar } from './ics.ts';
import { toLocalInput } from './time.ts';
import { EventForm } from './views/eventForm.tsx';
import { EventPage, type EventCan } from './views/eventPage.tsx';
import { EventsPage, eventPageCount, eventsHref, eventsPageSize } from './views/eventsPage.tsx';
import { MyEventsPage } from './views/myEventsPage.tsx';
import { RoomsPage } from './views/roomsPage.tsx';
import { callPages } from './call/pages.tsx';
import { committeeLinks, reviewPages } from './review/pages.tsx';
import { topicAdminPages } from './topics/pages.tsx';
import { callState, findCall } from './call/queries.ts';
import { chosenZone, programPages } from './program/pages.tsx';
import { myRegistrationsSection, registrationPages, registrationPanel } from './registration/pages.tsx';
import { myRegistration } from './registration/queries.ts';
import { floorPages } from './floor/pages.tsx';
import { statsPages } from './stats/pages.tsx';
import { eventSections } from './sections.ts';

const noFields = z.object({});

/**
 * Which events are upcoming depends on the time, not only on the data: such answers are built
 * for each request rather than kept in the response cache until the next write.
 */
function notShared(c: Context<AppEnv>): void {
  c.set('personal', true);
}

/** An event as form values, for the edit form: times as wall-clock times in its zone. */
function formValues(event: EventDetail): FormValues {
  return {
    kind: event.kind, format: event.format, title: event.title, description: event.description ?? '', description_locale: event.original_locale,
    venue_name: event.venue_name ?? '', venue_city: event.venue_city ?? '', venue_country: event.venue_country ?? '', time_zone: event.time_zone,
    start: toLocalInput(event.starts_at, event.time_zone), end: toLocalInput(event.ends_at, event.time_zone), languages: event.languages,
    interpretation: event.interpretation,
  };
}

const pathOf = (event: { slug: string }) => `/events/${event.slug}`;

function calendarResponse(c: Context<AppEnv>, body: string, filename: string) {
  return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${filename}"` });
}

export function eventPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  /** An event the visitor may see: a draft is not found by those who may not (as if it did not exist). */
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    return event && eventPolicy.view(c.get('actor'), event) ? event : undefined;
  };

  async function showEvent(c: Context<AppEnv>, event: EventDetail, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const may = (rule: (a: Actor, e: EventDetail) => boolean) => rule(actor, event);
    const mine = await myRegistration(db, actor.user?.id, event.id);
    const can: EventCan = {
      edit: may(eventPolicy.edit),
      publish: may(eventPolicy.publish) && event.status === 'draft',
      close: may(eventPolicy.close) && event.status === 'published',
      seeOnlineLinks: eventPolicy.seeOnlineLinks(actor, { ...event, myRegistration: mine }),
    };
    // The zone from the address, or the one the reader asked to remember (program/pages.tsx).
    const reader = chosenZone(c);
    const call = await findCall(db, event.id);
    // Whether the call is open depends on the time: not kept in the shared cache.
    if (call) c.set('personal', true);
    const callShown = { call, state: call && callState(call, timestamp(services.clock())), canEdit: may(eventPolicy.editCall) };
    const registration = await registrationPanel(c, event, mine);
    const committee = await committeeLinks(c, db, event);
    // Other modules' parts of the page (decision 040): what they list may change with the day (a consultation's phase), so not kept in the shared cache.
    const sections = await eventSections(db, actor, event, services.clock());
    if (sections.length) c.set('personal', true);
    return page(c, event.title, <EventPage event={event} can={can} readerZone={reader.zone} unknownZone={reader.unknown} notice={c.req.query('notice')} failed={failed} call={callShown} registration={registration} committee={committee} sections={sections} />, status);
  }

  app.get('/events', async (c) => {
    notShared(c);
    const query = EventListQuerySchema.parse(c.req.query());
    const now = timestamp(services.clock());
    const [{ total, items }, initiatives] = await Promise.all([
      listEvents(db, query, { limit: eventsPageSize, offset: (query.page - 1) * eventsPageSize }, now),
      initiativesWithEvents(db),
    ]);
    if (query.page > eventPageCount(total)) return c.redirect(eventsHref(query, eventPageCount(total)), 302);
    return page(c, c.get('t')('events.list.title'), <EventsPage query={query} total={total} items={items} initiatives={initiatives} />);
  });

  app.get('/events.ics', async (c) =>
    calendarResponse(c, eventsCalendar({ name: c.get('t')('events.list.title'), baseUrl: config.baseUrl, events: await publicEvents(db), stamp: services.clock() }), 'events.ics'));

  app.get('/my/events', async (c) => {
    const actor = c.get('actor');
    authorize(actor, eventPolicy.seeOwnEvents, undefined);
    const memberships = await membershipsOf(db, actor.user.id);
    const events = await eventsOfInitiatives(db, memberships.map((m) => m.id));
    const registrations = await myRegistrationsSection(db, actor.user.id);
    return page(c, c.get('t')('events.mine.title'), <MyEventsPage initiatives={memberships} events={events} registrations={registrations} />);
  });

  const loadInitiative = (c: Context<AppEnv>) => findInitiativeBySlug(db, c.req.param('slug') ?? '');
  type Initiative = NonNullable<Awaited<ReturnType<typeof loadInitiative>>>;

  const creationForm = (c: Context<AppEnv>, initiative: Initiative, values: FormValues, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('events.form.create_title'), (
      <EventForm action={`/initiatives/${initiative.slug}/events/new`} values={failed?.values ?? values} errors={failed?.errors} editing={false}
        cancel="/my/events" initiativeName={initiative.name} />
    ), status);

  app.get('/initiatives/:slug/events/new', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), eventPolicy.create, initiative);
    return creationForm(c, initiative, { description_locale: c.get('locale'), languages: [c.get('locale')], time_zone: '' });
  });

  app.post('/initiatives/:slug/events/new', formAction({
    load: loadInitiative,
    allow: eventPolicy.create,
    schema: EventFieldsSchema,
    run: (ctx, input, initiative) => createEvent(ctx, initiative.id, input),
    done: (_, created) => withNotice(pathOf(created), 'created'),
    retry: (c, failed, { subject, status }) => creationForm(c, subject, failed.values, failed, status),
  }));

  app.get('/events/:slug', async (c) => {
    const event = await loadEvent(c);
    return event ? showEvent(c, event) : c.notFound();
  });

  programPages(app, services);

  const editForm = (c: Context<AppEnv>, event: EventDetail, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('events.form.edit_title'), (
      <EventForm action={`${pathOf(event)}/edit`} values={failed?.values ?? formValues(event)} errors={failed?.errors} editing cancel={pathOf(event)}
        initiativeName={event.initiative.name} />
    ), status);

  app.get('/events/:slug/edit', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.edit, event);
    return editForm(c, event);
  });

  app.post('/events/:slug/edit', formAction({
    load: loadEvent,
    allow: eventPolicy.edit,
    schema: EventFieldsSchema,
    run: (ctx, input, event) => updateEvent(ctx, event.id, input),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'saved'),
    retry: (c, failed, { subject, status }) => editForm(c, subject, failed, status),
  }));

  app.post('/events/:slug/publish', formAction({
    load: loadEvent,
    allow: eventPolicy.publish,
    schema: noFields,
    run: (ctx, _, event) => publishEvent(ctx, event.id),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'published'),
    retry: (c, failed, { subject, status }) => showEvent(c, subject, failed, status),
  }));

  app.post('/events/:slug/close', formAction({
    load: loadEvent,
    allow: eventPolicy.close,
    schema: noFields,
    run: (ctx, _, event) => closeEvent(ctx, event.id),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'closed'),
    retry: (c, failed, { subject, status }) => showEvent(c, subject, failed, status),
  }));

  const roomsPage = (c: Context<AppEnv>, event: EventDetail, failed?: { form: string } & FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('events.rooms.manage_title', { title: event.title }), <RoomsPage event={event} notice={c.req.query('notice')} failed={failed} />, status);

  app.get('/events/:slug/rooms', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.manageRooms, event);
    return roomsPage(c, event);
  });

  const roomsOf = (event: EventDetail, notice: string, anchor?: string) => withNotice(`${pathOf(event)}/rooms`, notice, anchor);

  app.post('/events/:slug/rooms', formAction({
    load: loadEvent,
    allow: eventPolicy.manageRooms,
    schema: RoomSchema,
    run: (ctx, input, event) => addRoom(ctx, event.id, input),
    done: (_, __, { subject }) => roomsOf(subject, 'room_added', 'add-room'),
    retry: (c, failed, { subject, status }) => roomsPage(c, subject, { form: 'new', ...failed }, status),
  }));

  /** A room of an event the visitor may see. */
  const loadRoom = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    const room = event?.rooms.find((r) => r.id === c.req.param('room'));
    return event && room ? Object.assign(event, { room }) : undefined;
  };

  app.post('/events/:slug/rooms/:room', formAction({
    load: loadRoom,
    allow: eventPolicy.manageRooms,
    schema: RoomSchema,
    run: (ctx, input, event) => updateRoom(ctx, event.id, event.room.id, input),
    done: (_, __, { subject }) => roomsOf(subject, 'room_saved', `room-${subject.room.id}`),
    retry: (c, failed, { subject, status }) => roomsPage(c, subject, { form: subject.room.id, ...failed }, status),
  }));

  app.post('/events/:slug/rooms/:room/remove', formAction({
    load: loadRoom,
    allow: eventPolicy.manageRooms,
    schema: noFields,
    run: (ctx, _, event) => removeRoom(ctx, event.id, event.room.id),
    done: (_, __, { subject }) => roomsOf(subject, 'room_removed', 'add-room'),
    retry: (c, failed, { subject, status }) => roomsPage(c, subject, { form: subject.room.id, ...failed }, status),
  }));

  // The addresses the forms post to show the page the form lives on (a reload after a failed post).
  const eventAt = (c: Context<AppEnv>) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}`;
  app.get('/events/:slug/publish', formAddress(eventAt, 'publish'));
  app.get('/events/:slug/close', formAddress(eventAt, 'close'));
  app.get('/events/:slug/rooms/:room', formAddress((c) => `${eventAt(c)}/rooms`));
  app.get('/events/:slug/rooms/:room/remove', formAddress((c) => `${eventAt(c)}/rooms`));

  callPages(app, services);
  registrationPages(app, services);
  floorPages(app, services);
  statsPages(app, services);
  reviewPages(app, services);
  topicAdminPages(app, services);
}
