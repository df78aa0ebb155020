import { useView } from '../../../../platform/views/context.ts';
import { Notice } from '../../../../platform/views/components.tsx';
import { formatInZone, offsetLabel } from '../../time.ts';
import type { Call } from '../queries.ts';
import type { CallState } from '../vocabulary.ts';

interface EventOfCall {
  slug: string;
  title: string;
  time_zone: string;
}

/** The call's dates in the event's zone, and in the reader's when they chose another one (`?zone=` on the event page). */
export function CallDates({ call, event, readerZone }: { call: Call; event: EventOfCall; readerZone: string | null }) {
  const { t, locale } = useView();
  const differs = readerZone !== null && offsetLabel(call.opens_at, readerZone) + offsetLabel(call.closes_at, readerZone) !== offsetLabel(call.opens_at, event.time_zone) + offsetLabel(call.closes_at, event.time_zone);
  return (
    <dl>
      <dt>{t('events.call.opens')}</dt>
      <dd>
        <time datetime={call.opens_at}>{formatInZone(call.opens_at, event.time_zone, locale)}</time>
        {differs && readerZone && <> · {t('events.call.in_zone', { zone: readerZone, time: formatInZone(call.opens_at, readerZone, locale) })}</>}
      </dd>
      <dt>{t('events.call.closes')}</dt>
      <dd>
        <time datetime={call.closes_at}>{formatInZone(call.closes_at, event.time_zone, locale)}</time>
        {differs && readerZone && <> · {t('events.call.in_zone', { zone: readerZone, time: formatInZone(call.closes_at, readerZone, locale) })}</>}
      </dd>
    </dl>
  );
}

/** The call as the event page shows it: where it stands, its dates, and the way to propose while it is open. */
export function CallOnEventPage({ call, state, event, readerZone, canEdit }: { call?: Call; state?: CallState; event: EventOfCall; readerZone: string | null; canEdit: boolean }) {
  const { t } = useView();
  if (!call && !canEdit) return null;
  return (
    <section aria-labelledby="call-title">
      <h2 id="call-title">{t('events.call.title')}</h2>
      {call && state ? (
        <>
          <p>{t(`events.call.state.${state}`)}</p>
          <CallDates call={call} event={event} readerZone={readerZone} />
          <p><a href={`/events/${event.slug}/call`}>{t('events.call.read')}</a></p>
          {state === 'open' && <p><a href={`/events/${event.slug}/proposals/new`}>{t('events.call.propose')}</a></p>}
        </>
      ) : (
        <p>{t('events.call.none')}</p>
      )}
      {canEdit && (
        <p>
          <a href={`/events/${event.slug}/call/edit`}>{call ? t('events.call.edit') : t('events.call.open_one')}</a>
          {call && <> · <a href={`/events/${event.slug}/proposals`}>{t('events.proposals.list_title')}</a></>}
          {call && <> · <a href={`/events/${event.slug}/committee`}>{t('events.committee.link')}</a></>}
        </p>
      )}
      {call && <p><a href={`/events/${event.slug}/decisions`}>{t('events.decision.public_link')}</a></p>}
    </section>
  );
}

/** `/events/<slug>/call`: what the call asks for, for anyone who may see the event. */
export function CallPage(props: { event: EventOfCall; call: Call; state: CallState; readerZone: string | null; canEdit: boolean; notice?: string }) {
  const { event, call, state, readerZone, canEdit, notice } = props;
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a></p>
      <Notice message={notice === 'saved' ? t('events.call.saved') : undefined} />
      <h1>{t('events.call.page_title', { title: event.title })}</h1>
      <p><strong>{t(`events.call.state.${state}`)}</strong></p>
      <CallDates call={call} event={event} readerZone={readerZone} />
      <p class="hint">{t('events.call.zone_hint', { zone: event.time_zone })} <a href={`/events/${event.slug}#zone`}>{t('events.call.choose_zone')}</a></p>
      {state === 'open' && <p><a href={`/events/${event.slug}/proposals/new`}>{t('events.call.propose')}</a></p>}
      <section aria-labelledby="formats-title">
        <h2 id="formats-title">{t('events.call.formats')}</h2>
        <ul>{call.formats.map((f) => <li>{t(`events.session_format.${f.format}`)} — {t('events.call.minutes', { count: f.duration_minutes })}</li>)}</ul>
      </section>
      <section aria-labelledby="tracks-title">
        <h2 id="tracks-title">{t('events.call.tracks')}</h2>
        {call.tracks.length ? <ul>{call.tracks.map((track) => <li>{track.name}</li>)}</ul> : <p>{t('events.call.no_tracks')}</p>}
      </section>
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('events.call.rules')}</h2>
        <ul>
          <li>{t('events.call.rule_speakers', { count: call.min_speakers })}</li>
          <li>{t('events.call.rule_groups', { count: call.min_stakeholder_groups })}</li>
          <li>{t('events.call.rule_gender')}</li>
          <li>{t('events.call.rule_moderators')}</li>
          <li>{t('events.call.rule_rapporteur')}</li>
          <li>{t('events.call.rule_sessions', { count: call.max_sessions_per_speaker })}</li>
        </ul>
      </section>
      {call.questions.length > 0 && (
        <section aria-labelledby="questions-title">
          <h2 id="questions-title">{t('events.call.questions')}</h2>
          <ul>{call.questions.map((q) => <li>{q.question}{q.required && <> ({t('events.call.required')})</>}</li>)}</ul>
        </section>
      )}
      {canEdit && <p><a href={`/events/${event.slug}/call/edit`}>{t('events.call.edit')}</a> · <a href={`/events/${event.slug}/proposals`}>{t('events.proposals.list_title')}</a></p>}
    </>
  );
}
