import type { Child } from 'hono/jsx';
import { useView } from '../../../../platform/views/context.ts';
import { Checkbox, Notice, PostForm } from '../../../../platform/views/components.tsx';
import type { FailedForm } from '../../../../platform/http/action.ts';
import type { EventDetail } from '../../queries.ts';
import type { Change, SnapshotPerson } from '../snapshot.ts';
import { dayKey, dayLabel, SessionTimes, timeRange, ZoneForm } from './when.tsx';

/** A session as the page lists it, from the working copy or a published snapshot. */
export interface ShownSession {
  id: string;
  title: string;
  description: string | null;
  original_locale: string;
  start: string | null;
  end: string | null;
  room: { id: string; name: string } | null;
  track: string | null;
  format: string | null;
  modality: string;
  people: SnapshotPerson[];
}

export interface ShownVersion {
  version: number;
  published_at: string;
  session_count: number;
  open_conflicts: number;
  snapshot_sha256: string;
  changes: Change[];
}

export interface ProgramPageProps {
  event: EventDetail;
  /** The organisers' working copy (with its conflicts), or the published version for everyone else. */
  view: 'working' | 'published';
  sessions: ShownSession[];
  /** Per session, the explained conflicts it is part of (working copy only). */
  conflictsBySession: Map<string, string[]>;
  conflicts: Array<{ kind: string; sessions: string[]; message: string }>;
  versions: ShownVersion[];
  canOrganise: boolean;
  readerZone: string | null;
  unknownZone?: string;
  notice?: string;
  failed?: FailedForm;
  /** Per session with seats of its own, its registration block for the visitor (registration/, decision 023). */
  registrations?: Map<string, Child>;
}

const notices = ['session_added', 'session_saved', 'session_removed', 'session_scheduled', 'program_published'];

/** An address on the program page that keeps the reader's zone. */
export function programHref(slug: string, readerZone: string | null, extra: Record<string, string> = {}, anchor?: string): string {
  const query = new URLSearchParams({ ...(readerZone ? { zone: readerZone } : {}), ...extra }).toString();
  return `/events/${slug}/program${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
}

function People({ people }: { people: SnapshotPerson[] }) {
  const { t } = useView();
  if (people.length === 0) return null;
  return (
    <ul class="session-people">
      {people.map((p) => (
        <li>
          {t(`events.sessions.role.${p.role}`)}: {p.name}
          {p.organisation && <>, {p.organisation}</>}
          {p.stakeholder_group && <> ({t(`common.stakeholder.${p.stakeholder_group}`)})</>}
          {p.presence === 'online' && <> · {t('events.sessions.presence.online')}</>}
        </li>
      ))}
    </ul>
  );
}

/** `heading`: h4 under a day's room (h2, h3); h3 in the unplaced list, straight under its h2 (axe: heading-order). */
function SessionItem({ session, props, heading = 'h4' }: { session: ShownSession; props: ProgramPageProps; heading?: 'h3' | 'h4' }) {
  const Heading = heading;
  const { t } = useView();
  const { event, readerZone, view, conflictsBySession, canOrganise } = props;
  const clashes = view === 'working' ? (conflictsBySession.get(session.id) ?? []) : [];
  return (
    <li id={`session-${session.id}`} class="program-session">
      <Heading>{session.title}</Heading>
      {session.start && session.end && <SessionTimes start={session.start} end={session.end} zone={event.time_zone} readerZone={readerZone} />}
      <p class="hint">
        {[session.format ? t(`events.session_format.${session.format}`) : null, t(`events.format.${session.modality}`), session.track].filter(Boolean).join(' · ')}
      </p>
      {session.description && <div class="prose" lang={session.original_locale}>{session.description.split(/\n{2,}/).map((p) => <p>{p}</p>)}</div>}
      <People people={session.people} />
      {clashes.length > 0 && (
        <div class="alert">
          <p><strong>{t('events.program.session_conflicts', { count: clashes.length })}</strong></p>
          <ul>{clashes.map((m) => <li>{m}</li>)}</ul>
        </div>
      )}
      {canOrganise && view === 'working' && <p><a href={`/events/${event.slug}/sessions/${session.id}`}>{t('events.sessions.edit_link', { title: session.title })}</a></p>}
      {view === 'published' && props.registrations?.get(session.id)}
      {view === 'published' && <p><a href={`/events/${event.slug}/sessions/${session.id}/live`}>{t('events.floor.link')}<span class="visually-hidden">: {session.title}</span></a></p>}
    </li>
  );
}

/** Placed sessions by day (in the event's zone), then by room in the event's order of rooms. */
function ByDayAndRoom({ props, sessions }: { props: ProgramPageProps; sessions: ShownSession[] }) {
  const { t, locale } = useView();
  const { event } = props;
  const days = new Map<string, ShownSession[]>();
  for (const s of sessions) {
    const day = dayKey(s.start!, event.time_zone);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const roomRank = new Map(event.rooms.map((r, i) => [r.id, i]));
  return (
    <>
      {[...days.entries()].map(([day, list]) => {
        const rooms = new Map<string, { name: string; rank: number; sessions: ShownSession[] }>();
        for (const s of list) {
          const key = s.room?.id ?? '';
          const entry = rooms.get(key) ?? { name: s.room?.name ?? t('events.program.no_room'), rank: s.room ? (roomRank.get(s.room.id) ?? 999) : 1000, sessions: [] };
          entry.sessions.push(s);
          rooms.set(key, entry);
        }
        return (
          <section aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{dayLabel(list[0]!.start!, event.time_zone, locale)}</h2>
            {[...rooms.values()].sort((a, b) => a.rank - b.rank).map((room) => (
              <section aria-label={`${room.name}, ${dayLabel(list[0]!.start!, event.time_zone, locale)}`}>
                <h3>{room.name}</h3>
                <ul class="program-sessions">{room.sessions.map((s) => <SessionItem session={s} props={props} />)}</ul>
              </section>
            ))}
          </section>
        );
      })}
    </>
  );
}

function ChangeLine({ change, zone }: { change: Change; zone: string }) {
  const { t, locale } = useView();
  switch (change.kind) {
    case 'added': return <li>{t('events.program.change.added', { title: change.title })}</li>;
    case 'removed': return <li>{t('events.program.change.removed', { title: change.title })}</li>;
    case 'retitled': return <li>{t('events.program.change.retitled', { before: change.before, title: change.title })}</li>;
    case 'people': return <li>{t('events.program.change.people', { title: change.title })}</li>;
    case 'moved': {
      const where = (p: { start: string; end: string; room: string | null }) => `${dayLabel(p.start, zone, locale)}, ${timeRange(p.start, p.end, zone, locale)}${p.room ? `, ${p.room}` : ''}`;
      return <li>{t('events.program.change.moved', { title: change.title, before: where(change.before), after: where(change.after) })}</li>;
    }
  }
}

function Versions({ props }: { props: ProgramPageProps }) {
  const { t, locale } = useView();
  const { versions, event } = props;
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="changelog-title">
      <h2 id="changelog-title">{t('events.program.changelog')}</h2>
      <ol reversed>
        {versions.map((v) => (
          <li>
            <p>
              <strong>{t('events.program.version', { version: v.version })}</strong> — {t('events.program.published_on', { when: dayLabel(v.published_at, event.time_zone, locale) })}
              {' · '}{t('events.program.session_count', { count: v.session_count })}
              {v.open_conflicts > 0 && <> · {t('events.program.published_with_conflicts', { count: v.open_conflicts })}</>}
            </p>
            {v.version > 1 && (v.changes.length ? <ul>{v.changes.map((c) => <ChangeLine change={c} zone={event.time_zone} />)}</ul> : <p>{t('events.program.no_changes')}</p>)}
            <p class="hint">{t('events.program.hash', { hash: v.snapshot_sha256 })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function PublishForm({ props }: { props: ProgramPageProps }) {
  const { t } = useView();
  const { event, conflicts, failed } = props;
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{t('events.program.publish_title')}</h2>
      <p>{t('events.program.publish_hint')}</p>
      {/* The summary links to the box; without conflicts there is none, and the refusal is said alone. */}
      <PostForm action={`/events/${event.slug}/program/publish`} anchor="publish" errors={conflicts.length > 0 ? failed?.errors : undefined}
        labels={{ confirm: t('events.program.confirm_label', { count: conflicts.length }) }}>
        {conflicts.length > 0 && (
          <>
            <input type="hidden" name="seen_conflicts" value={String(conflicts.length)} />
            <Checkbox name="confirm" label={t('events.program.confirm_label', { count: conflicts.length })} error={failed?.errors.confirm} />
          </>
        )}
        {conflicts.length === 0 && failed?.errors.confirm && <p class="error" id="error-confirm" role="alert">{failed.errors.confirm}</p>}
        <button type="submit">{t('events.program.publish')}</button>
      </PostForm>
    </section>
  );
}

/** `/events/<slug>/program`: the published program for everyone; the working copy, its conflicts and the publishing for the organisers. */
export function ProgramPage(props: ProgramPageProps) {
  const { t } = useView();
  const { event, view, sessions, conflicts, canOrganise, readerZone, unknownZone, notice, versions } = props;
  const placed = sessions.filter((s) => s.start && s.end);
  const unplaced = sessions.filter((s) => !s.start || !s.end);
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  const eventHref = `/events/${event.slug}${readerZone ? `?zone=${encodeURIComponent(readerZone)}` : ''}`;
  return (
    <>
      <p><a href={eventHref}>{t('events.program.back', { title: event.title })}</a></p>
      <Notice message={notice && notices.includes(notice) ? t(`events.program.notice.${notice}`) : undefined} />
      <h1>{t('events.program.title', { title: event.title })}</h1>
      {canOrganise && (
        <p>
          {view === 'working'
            ? <>{t('events.program.working_copy')} <a href={programHref(event.slug, readerZone, { view: 'published' })}>{t('events.program.see_published')}</a></>
            : <>{t('events.program.public_view')} <a href={programHref(event.slug, readerZone)}>{t('events.program.see_working')}</a></>}
        </p>
      )}
      {view === 'published' && versions[0] && <p>{t('events.program.current_version', { version: versions[0].version })}</p>}
      <ZoneForm action={`/events/${event.slug}/program`} readerZone={readerZone} unknownZone={unknownZone} eventZone={event.time_zone} />
      {canOrganise && view === 'working' && (
        <section aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('events.program.conflicts_title', { count: conflicts.length })}</h2>
          {conflicts.length === 0 ? <p>{t('events.program.no_conflicts')}</p> : (
            <ul>
              {conflicts.map((c) => (
                <li>{c.message} {c.sessions.map((id, i) => <>{i > 0 && ' · '}<a href={`#session-${id}`}>{titles.get(id) ?? id}</a></>)}</li>
              ))}
            </ul>
          )}
          <p><a href={`/events/${event.slug}/sessions/new`}>{t('events.sessions.add')}</a></p>
        </section>
      )}
      {placed.length === 0 ? <p>{view === 'published' ? t('events.program.none_published') : t('events.program.none_placed')}</p> : <ByDayAndRoom props={props} sessions={placed} />}
      {view === 'working' && unplaced.length > 0 && (
        <section aria-labelledby="unplaced-title">
          <h2 id="unplaced-title">{t('events.program.unplaced', { count: unplaced.length })}</h2>
          <ul class="program-sessions">{unplaced.map((s) => <SessionItem session={s} props={props} heading="h3" />)}</ul>
        </section>
      )}
      {canOrganise && view === 'working' && <PublishForm props={props} />}
      <Versions props={props} />
      {versions.length > 0 && (
        <section aria-labelledby="program-calendar-title">
          <h2 id="program-calendar-title">{t('events.page.calendar')}</h2>
          <p><a href={`/events/${event.slug}/program.ics`}>{t('events.program.calendar')}</a> · <a href={`/api/events/${event.slug}/program`}>{t('events.program.json')}</a></p>
        </section>
      )}
    </>
  );
}
