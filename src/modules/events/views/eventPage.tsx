import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm } from '../../../platform/views/components.tsx';
import { countryName } from '../../../platform/geo/countryName.ts';
import { languageName } from '../../../platform/i18n/index.ts';
import type { FailedForm } from '../../../platform/http/action.ts';
import type { EventDetail } from '../queries.ts';
import { formatInZone, offsetLabel } from '../time.ts';
import { pairLabel } from './eventForm.tsx';
import { EventStatusBadge } from './eventCard.tsx';
import { CallOnEventPage } from '../call/views/callPage.tsx';
import type { Call } from '../call/queries.ts';
import type { CallState } from '../call/vocabulary.ts';

export interface EventCan {
  edit: boolean;
  publish: boolean;
  close: boolean;
  seeOnlineLinks: boolean;
}

/** Notices after a redirect, from a fixed list so an address cannot inject text. */
const notices = ['created', 'saved', 'published', 'closed'];

/** When: in the event's zone, and in the reader's when they chose another one. */
function When({ event, readerZone, unknownZone }: { event: EventDetail; readerZone: string | null; unknownZone?: string }) {
  const { t, locale, url } = useView();
  const showReader = readerZone !== null && offsetLabel(event.starts_at, readerZone) + offsetLabel(event.ends_at, readerZone) !== offsetLabel(event.starts_at, event.time_zone) + offsetLabel(event.ends_at, event.time_zone);
  return (
    <section aria-labelledby="when-title">
      <h2 id="when-title">{t('events.page.when')}</h2>
      <dl>
        <dt>{t('events.page.starts')}</dt>
        <dd><time datetime={event.starts_at}>{formatInZone(event.starts_at, event.time_zone, locale)}</time></dd>
        <dt>{t('events.page.ends')}</dt>
        <dd><time datetime={event.ends_at}>{formatInZone(event.ends_at, event.time_zone, locale)}</time></dd>
        <dt>{t('events.fields.time_zone')}</dt>
        <dd>{event.time_zone}</dd>
      </dl>
      {showReader && readerZone && (
        <>
          <h3>{t('events.page.in_your_zone', { zone: readerZone })}</h3>
          <dl>
            <dt>{t('events.page.starts')}</dt>
            <dd>{formatInZone(event.starts_at, readerZone, locale)}</dd>
            <dt>{t('events.page.ends')}</dt>
            <dd>{formatInZone(event.ends_at, readerZone, locale)}</dd>
          </dl>
        </>
      )}
      <form method="get" action={url.pathname} class="inline-form" id="zone">
        <div class="field">
          <label for="field-zone">{t('events.zone.label')}</label>
          <p class="hint" id="hint-zone">{t('events.zone.hint')}</p>
          {unknownZone !== undefined && <p class="error" id="error-zone">{t('events.errors.unknown_zone')}</p>}
          <input id="field-zone" name="zone" type="text" value={readerZone ?? unknownZone ?? ''} maxlength={64} autocomplete="off"
            aria-invalid={unknownZone !== undefined ? 'true' : undefined} aria-describedby={unknownZone !== undefined ? 'hint-zone error-zone' : 'hint-zone'} />
        </div>
        <button type="submit">{t('events.zone.show')}</button>
      </form>
    </section>
  );
}

/** `/events/<slug>`: an event, for anyone once published; its organisers also find its controls here. */
export function EventPage(props: { event: EventDetail; can: EventCan; readerZone: string | null; unknownZone?: string; notice?: string; failed?: FailedForm; call?: { call?: Call; state?: CallState; canEdit: boolean }; registration?: Child; committee?: Child; sections?: Child[] }) {
  const { event, can, readerZone, unknownZone, notice, failed, registration } = props;
  const { t, locale } = useView();
  const place = [event.venue_name, event.venue_city, event.venue_country ? countryName(event.venue_country, locale) : null].filter(Boolean).join(', ');
  return (
    <>
      <p><a href="/events">{t('events.page.back')}</a>{event.initiative.slug && <> · <a href={`/initiatives/${event.initiative.slug}`}>{event.initiative.name}</a></>}</p>
      <Notice message={notice && notices.includes(notice) ? t(`events.notice.${notice}`) : undefined} />
      {failed?.errors._form && <p class="alert" role="alert">{failed.errors._form}</p>}
      <h1>{event.title}</h1>
      <p>
        {t(`events.kind.${event.kind}`)} · {t(`events.format.${event.format}`)} <EventStatusBadge status={event.status} />
      </p>
      <p>{t('events.page.organised_by')} {event.initiative.slug ? <a href={`/initiatives/${event.initiative.slug}`}>{event.initiative.name}</a> : event.initiative.name}</p>
      <When event={event} readerZone={readerZone} unknownZone={unknownZone} />
      {props.call && <CallOnEventPage call={props.call.call} state={props.call.state} event={event} readerZone={readerZone} canEdit={props.call.canEdit} />}
      {registration}
      {props.committee}
      {/* Other modules' sections (the consultations opened on it): events never imports them (sections.ts). */}
      {props.sections}
      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('events.page.where')}</h2>
        <p>{place || t('events.page.online_only')}</p>
      </section>
      <section aria-labelledby="languages-title">
        <h2 id="languages-title">{t('events.fields.languages')}</h2>
        <p>{event.languages.map((l) => languageName(l, locale)).join(', ')}</p>
        <p>
          {event.interpretation.length
            ? t('events.page.interpretation', { pairs: event.interpretation.map((p) => pairLabel(p, locale)).join('; ') })
            : t('events.page.no_interpretation')}
        </p>
      </section>
      <section aria-labelledby="rooms-title">
        <h2 id="rooms-title">{t('events.rooms.title')}</h2>
        {event.rooms.length === 0 ? (
          <p>{t('events.rooms.none')}</p>
        ) : (
          <ul>
            {event.rooms.map((room) => (
              <li>
                {room.name}
                {room.capacity !== null && <> — {t('events.rooms.capacity_of', { count: room.capacity })}</>}
                {room.online_link && (can.seeOnlineLinks ? <> — <a href={room.online_link} rel="nofollow noopener">{t('events.rooms.online_link')}</a></> : <> — {t('events.rooms.online')}</>)}
              </li>
            ))}
          </ul>
        )}
        {can.edit && <p><a href={`/events/${event.slug}/rooms`}>{t('events.rooms.manage')}</a></p>}
      </section>
      {event.description && (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('events.page.about')}</h2>
          <div class="prose" lang={event.original_locale}>{event.description.split(/\n{2,}/).map((p) => <p>{p}</p>)}</div>
        </section>
      )}
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('events.page.calendar')}</h2>
        <p><a href={`/events/${event.slug}/program${readerZone ? `?zone=${encodeURIComponent(readerZone)}` : ''}`}>{t('events.program.link')}</a></p>
        <p><a href={`/events/${event.slug}/program.ics`}>{t('events.page.add_to_calendar')}</a></p>
        <p><a href={`/events/${event.slug}/statistics`}>{t('events.stats.link')}</a></p>
        <p class="hint">{t('events.page.program_later')}</p>
      </section>
      {(can.edit || can.publish || can.close) && (
        <section aria-labelledby="organisers-title">
          <h2 id="organisers-title">{t('events.page.organisers')}</h2>
          {event.status === 'draft' && <p>{t('events.page.draft_hint')}</p>}
          {can.edit && <p><a href={`/events/${event.slug}/edit`}>{t('events.page.edit')}</a></p>}
          {/* The reports module's page for this event (a URL: events never imports reports). */}
          {can.edit && <p><a href={`/events/${event.slug}/reports`}>{t('events.page.session_reports')}</a></p>}
          {can.publish && (
            <PostForm action={`/events/${event.slug}/publish`} anchor="publish">
              <button type="submit">{t('events.page.publish')}</button>
            </PostForm>
          )}
          {can.close && (
            <PostForm action={`/events/${event.slug}/close`} anchor="close">
              <p class="hint">{t('events.page.close_hint')}</p>
              <button type="submit">{t('events.page.close')}</button>
            </PostForm>
          )}
        </section>
      )}
    </>
  );
}
