import type { Context, Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { readerZoneCookie } from '../../../platform/http/delivery.ts';
import { requestCookie } from '../../../platform/http/request.ts';
import { secureCookie } from '../../../platform/http/middleware.ts';
import { authorize } from '../../../platform/policy.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { isTimeZone, toLocalInput } from '../time.ts';
import { createSession, removeSession, scheduleSession, updateSession, publishProgram } from './commands.ts';
import { withAccountLookups } from './accountLookups.ts';
import { explainedConflicts as explained } from './conflicts.ts';
import { programCalendar } from './ics.ts';
import { eventsCalendar } from '../ics.ts';
import { findSession, sessionsOf, tracksOf, versionsOf, type Session, type Track } from './queries.ts';
import { sessionTopicChoices } from '../topics/choices.ts';
import { PublishSchema, ScheduleSchema, SessionSchema, sessionErrorsToFields, sessionFromForm } from './schema.ts';
import { changesBetween, readSnapshot, type ProgramSnapshot } from './snapshot.ts';
import { ProgramPage, programHref, type ShownSession, type ShownVersion } from './views/programPage.tsx';
import { SessionPage } from './views/sessionPage.tsx';
import { availabilityValue } from '../availability/views/availabilityField.tsx';
import { sessionRegistrations } from '../registration/sessionPages.tsx';
import { mailboxes } from '../../accounts/index.ts';

const noFields = z.object({});

/**
 * The reader's zone: from the address (`?zone=`), else the one they asked to remember (a cookie,
 * which the response cache keys on: see delivery.ts). Answers the text typed when Intl does not
 * know it, to show it back with an error.
 */
export function chosenZone(c: Context<AppEnv>): { zone: string | null; unknown?: string } {
  const typed = (c.req.query('zone') ?? '').trim().slice(0, 64);
  if (typed) return isTimeZone(typed) ? { zone: typed } : { zone: null, unknown: typed };
  const remembered = requestCookie(c, readerZoneCookie) ?? '';
  return { zone: isTimeZone(remembered) ? remembered : null };
}

/** Sessions from a published snapshot, as the page lists them. */
const fromSnapshot = (snapshot: ProgramSnapshot): ShownSession[] => snapshot.sessions.map((s) => ({ ...s }));

function fromWorking(sessions: readonly Session[], event: EventDetail, tracks: readonly Track[]): ShownSession[] {
  const rooms = new Map(event.rooms.map((r) => [r.id, r]));
  const trackName = new Map(tracks.map((t) => [t.id, t.name]));
  return sessions.map((s) => ({
    id: s.id, title: s.title, description: s.description, original_locale: s.original_locale, start: s.starts_at, end: s.ends_at, room: s.room_id ? { id: s.room_id, name: rooms.get(s.room_id)?.name ?? '' } : null,
    track: s.track_id ? (trackName.get(s.track_id) ?? null) : null, format: s.format, modality: s.modality,
    people: s.people.map((p) => ({ name: p.name, role: p.role, organisation: p.organisation, stakeholder_group: p.stakeholder_group, presence: p.presence })),
  }));
}

/** Every published version with what changed since the one before, latest first. */
async function shownVersions(services: Services, eventId: string): Promise<{ versions: ShownVersion[]; latest: ProgramSnapshot | null }> {
  const rows = await versionsOf(services.db, eventId);
  const snapshots = rows.map((r) => readSnapshot(r.snapshot));
  const versions = rows.map((r, i) => ({
    version: r.version, published_at: r.published_at, session_count: r.session_count, open_conflicts: r.open_conflicts, snapshot_sha256: r.snapshot_sha256,
    changes: snapshots[i + 1] ? changesBetween(snapshots[i + 1]!, snapshots[i]!) : [],
  }));
  return { versions, latest: snapshots[0] ?? null };
}

/** The working copy's conflicts, explained in the reader's language. */
export const explainedConflicts = (c: Context<AppEnv>, event: EventDetail, sessions: readonly Session[], tracks: readonly Track[]) =>
  explained(event, sessions, tracks, c.get('t'), c.get('locale'));

function bySession(conflicts: ReadonlyArray<{ sessions: string[]; message: string }>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const c of conflicts) for (const id of c.sessions) map.set(id, [...(map.get(id) ?? []), c.message]);
  return map;
}

/** A session as the details form's values (stated availability written back in the event's zone, linked accounts by address). */
function sessionValues(s: Session, event: EventDetail, accounts: ReadonlyMap<string, { email: string }>): FormValues {
  const values: FormValues = {
    title: s.title, description: s.description ?? '', original_locale: s.original_locale, format: s.format ?? '', track: s.track_id ?? '', modality: s.modality,
    expected_attendance: s.expected_attendance?.toString() ?? '', capacity: s.capacity?.toString() ?? '',
  };
  s.people.forEach((p, i) => {
    Object.assign(values, {
      [`person_${i}_name`]: p.name, [`person_${i}_role`]: p.role, [`person_${i}_organisation`]: p.organisation ?? '', [`person_${i}_stakeholder_group`]: p.stakeholder_group ?? '',
      [`person_${i}_country`]: p.country ?? '', [`person_${i}_gender`]: p.gender ?? '', [`person_${i}_presence`]: p.presence ?? '',
      [`person_${i}_confirmed`]: p.confirmed ? 'on' : '', [`person_${i}_availability`]: availabilityValue(p.availability, event),
      [`person_${i}_email`]: (p.user_id && accounts.get(p.user_id)?.email) ?? '',
    });
  });
  return values;
}

const scheduleValues = (s: Session, zone: string): FormValues => ({
  room: s.room_id ?? '', start: s.starts_at ? toLocalInput(s.starts_at, zone) : '', end: s.ends_at ? toLocalInput(s.ends_at, zone) : '',
});

export function programPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    return event && eventPolicy.view(c.get('actor'), event) ? event : undefined;
  };
  const loadSession = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    const session = event ? await findSession(db, event.id, c.req.param('session') ?? '') : undefined;
    return event && session ? Object.assign(event, { session }) : undefined;
  };
  type EventWithSession = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

  async function showProgram(c: Context<AppEnv>, event: EventDetail, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    const canOrganise = eventPolicy.manageProgram(c.get('actor'), event);
    const view = canOrganise && c.req.query('view') !== 'published' ? 'working' : 'published';
    const reader = chosenZone(c);
    const { versions, latest } = await shownVersions(services, event.id);
    let sessions: ShownSession[] = latest ? fromSnapshot(latest) : [];
    let conflicts: Array<{ kind: string; sessions: string[]; message: string }> = [];
    if (view === 'working') {
      const [working, tracks] = await Promise.all([sessionsOf(db, event.id), tracksOf(db, event.id)]);
      sessions = fromWorking(working, event, tracks);
      conflicts = explainedConflicts(c, event, working, tracks);
    }
    // Seats left and the visitor's own registration, under each published session that has seats.
    const registrations = view === 'published' ? await sessionRegistrations(c, event, sessions.map((s) => s.id)) : undefined;
    return page(c, c.get('t')('events.program.title', { title: event.title }), (
      <ProgramPage event={event} view={view} sessions={sessions} conflicts={conflicts} conflictsBySession={bySession(conflicts)} versions={versions}
        canOrganise={canOrganise} readerZone={reader.zone} unknownZone={reader.unknown} notice={c.req.query('notice')} failed={failed} registrations={registrations} />
    ), status);
  }

  app.get('/events/:slug/program', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    // The zone form asks to remember the choice: kept in a cookie, then the plain address.
    if (c.req.query('remember') !== undefined) {
      const reader = chosenZone(c);
      if (reader.unknown === undefined) {
        if (reader.zone && c.req.query('zone')) setCookie(c, readerZoneCookie, reader.zone, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86_400, secure: secureCookie(services) });
        else deleteCookie(c, readerZoneCookie, { path: '/' });
        return c.redirect(programHref(event.slug, c.req.query('zone') ? reader.zone : null, c.req.query('view') === 'published' ? { view: 'published' } : {}), 303);
      }
    }
    return showProgram(c, event);
  });

  app.get('/events/:slug/program.ics', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    const { latest } = await shownVersions(services, event.id);
    const t = c.get('t');
    // Until a program is published, the program's calendar holds the event itself.
    const body = !latest ? eventsCalendar({ name: event.title, baseUrl: config.baseUrl, events: [event], stamp: services.clock() }) : programCalendar({
      name: event.title, baseUrl: config.baseUrl, slug: event.slug, stamp: services.clock(),
      program: latest, roleLabel: (role) => t(`events.sessions.role.${role}`),
    });
    return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${event.slug}-program.ics"` });
  });

  app.post('/events/:slug/program/publish', formAction({
    load: loadEvent,
    allow: eventPolicy.manageProgram,
    schema: PublishSchema,
    run: (ctx, input, event) => publishProgram(ctx, event, input),
    done: (_, __, { subject }) => withNotice(`/events/${subject.slug}/program`, 'program_published', 'changelog-title'),
    retry: (c, failed, { subject, status }) => showProgram(c, subject, failed, status),
  }));

  const sessionPage = async (c: Context<AppEnv>, event: EventDetail, session: Session | undefined, forms: { details?: FailedForm; schedule?: FailedForm }, status: 200 | FailedStatus = 200) => {
    const [tracks, working, topics] = await Promise.all([tracksOf(db, event.id), session ? sessionsOf(db, event.id) : Promise.resolve([]), sessionTopicChoices(c, db, session?.id ?? null)]);
    const conflicts = session ? explainedConflicts(c, event, working, tracks).filter((x) => x.sessions.includes(session.id)).map((x) => x.message) : [];
    const t = c.get('t');
    const accounts = session && !forms.details ? await mailboxes(db, session.people.flatMap((p) => (p.user_id ? [p.user_id] : []))) : new Map<string, { email: string }>();
    const details = forms.details ?? { values: session ? { ...sessionValues(session, event, accounts), topics: topics.chosen } : { original_locale: c.get('locale'), modality: event.format }, errors: {} as FieldErrors };
    const schedule = session ? (forms.schedule ?? { values: scheduleValues(session, event.time_zone), errors: {} }) : undefined;
    return page(c, session ? t('events.sessions.edit_title', { title: session.title }) : t('events.sessions.new_title'), (
      <SessionPage event={event} tracks={tracks} topics={topics.options} session={session} details={details} schedule={schedule} conflicts={conflicts} notice={c.req.query('notice')} />
    ), status);
  };

  app.get('/events/:slug/sessions/new', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.manageProgram, event);
    return sessionPage(c, event, undefined, {});
  });

  app.post('/events/:slug/sessions', formAction({
    load: loadEvent,
    allow: eventPolicy.manageProgram,
    schema: SessionSchema,
    fromForm: sessionFromForm,
    toFields: sessionErrorsToFields,
    run: (ctx, input, event) => withAccountLookups(services.limits, ctx.actor.user.id, input, () => createSession(ctx, event, input)),
    done: (_, { id }, { subject }) => withNotice(`/events/${subject.slug}/sessions/${id}`, 'session_added', 'schedule'),
    retry: (c, failed, { subject, status }) => sessionPage(c, subject, undefined, { details: failed }, status),
  }));

  app.get('/events/:slug/sessions/:session', async (c) => {
    const found = await loadSession(c);
    if (!found) return c.notFound();
    authorize(c.get('actor'), eventPolicy.manageProgram, found);
    return sessionPage(c, found, found.session, {});
  });

  app.post('/events/:slug/sessions/:session', formAction({
    load: loadSession,
    allow: eventPolicy.manageProgram,
    schema: SessionSchema,
    fromForm: sessionFromForm,
    toFields: sessionErrorsToFields,
    run: (ctx, input, found: EventWithSession) => withAccountLookups(services.limits, ctx.actor.user.id, input, () => updateSession(ctx, found, found.session.id, input, config.baseUrl)),
    done: (_, __, { subject }) => withNotice(`/events/${subject.slug}/sessions/${subject.session.id}`, 'session_saved', 'details'),
    retry: (c, failed, { subject, status }) => sessionPage(c, subject, subject.session, { details: failed }, status),
  }));

  app.post('/events/:slug/sessions/:session/schedule', formAction({
    load: loadSession,
    allow: eventPolicy.manageProgram,
    schema: ScheduleSchema,
    run: (ctx, input, found: EventWithSession) => scheduleSession(ctx, found, found.session.id, input),
    done: (_, __, { subject }) => withNotice(`/events/${subject.slug}/sessions/${subject.session.id}`, 'session_scheduled', 'schedule'),
    retry: (c, failed, { subject, status }) => sessionPage(c, subject, subject.session, { schedule: failed }, status),
  }));

  app.post('/events/:slug/sessions/:session/remove', formAction({
    load: loadSession,
    allow: eventPolicy.manageProgram,
    schema: noFields,
    run: (ctx, _, found: EventWithSession) => removeSession(ctx, found, found.session.id),
    done: (_, __, { subject }) => withNotice(`/events/${subject.slug}/program`, 'session_removed', 'conflicts-title'),
    retry: (c, failed, { subject, status }) => sessionPage(c, subject, subject.session, { details: failed }, status),
  }));

  // The addresses the forms post to show the page the form lives on (a reload after a failed post).
  const eventAt = (c: Context<AppEnv>) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}`;
  app.get('/events/:slug/program/publish', formAddress((c) => `${eventAt(c)}/program`, 'publish'));
  app.get('/events/:slug/sessions', formAddress((c) => `${eventAt(c)}/sessions/new`));
  app.get('/events/:slug/sessions/:session/schedule', formAddress((c) => `${eventAt(c)}/sessions/${encodeURIComponent(c.req.param('session') ?? '')}`, 'schedule'));
  app.get('/events/:slug/sessions/:session/remove', formAddress((c) => `${eventAt(c)}/sessions/${encodeURIComponent(c.req.param('session') ?? '')}`, 'remove'));
}
