import { useView } from '../../../platform/views/context.ts';
import { Pager, SelectField } from '../../../platform/views/components.tsx';
import { countryOptions, languageOptions } from '../../../platform/views/options.ts';
import type { EventListQuery } from '../schema.ts';
import { whenFilters } from '../schema.ts';
import type { EventSummary, InitiativeName } from '../queries.ts';
import { eventFormats, eventKinds, eventLanguages } from '../vocabulary.ts';
import { EventCard } from './eventCard.tsx';

export const eventsPageSize = 20;

export function eventPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / eventsPageSize));
}

/** The list's address for a page, keeping the filters. */
export function eventsHref(query: EventListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'when' && value === 'upcoming')) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/events?${search}` : '/events';
}

function Filters({ query, initiatives }: { query: EventListQuery; initiatives: InitiativeName[] }) {
  const { t, locale } = useView();
  const any = t('events.list.any');
  return (
    <form method="get" action="/events" class="filters" role="search" aria-label={t('events.list.filters')}>
      <SelectField name="when" label={t('events.list.when')} value={query.when} options={whenFilters.map((v) => ({ value: v, label: t(`events.list.${v}`) }))} />
      <SelectField name="initiative" label={t('events.list.initiative')} blank={any} value={query.initiative}
        options={initiatives.map((i) => ({ value: i.slug, label: i.name }))} />
      <SelectField name="country" label={t('events.fields.venue_country')} blank={any} value={query.country} options={countryOptions(locale)} />
      <SelectField name="kind" label={t('events.fields.kind')} blank={any} value={query.kind} options={eventKinds.map((v) => ({ value: v, label: t(`events.kind.${v}`) }))} />
      <SelectField name="language" label={t('events.list.language')} blank={any} value={query.language} options={languageOptions(eventLanguages, locale)} />
      <SelectField name="format" label={t('events.fields.format')} blank={any} value={query.format} options={eventFormats.map((v) => ({ value: v, label: t(`events.format.${v}`) }))} />
      <div class="field"><button type="submit">{t('events.list.apply')}</button></div>
    </form>
  );
}


/** `/events`: upcoming or past public events, filtered, a page at a time. */
export function EventsPage({ query, total, items, initiatives }: { query: EventListQuery; total: number; items: EventSummary[]; initiatives: InitiativeName[] }) {
  const { t, actor } = useView();
  const other = query.when === 'upcoming' ? 'past' : 'upcoming';
  return (
    <>
      <h1>{t('events.list.title')}</h1>
      <p>
        <a href={eventsHref({ ...query, when: other, page: 1 }, 1)}>{t(`events.list.see_${other}`)}</a>
        {actor.user && <> · <a href="/my/events">{t('events.list.mine')}</a></>}
      </p>
      <Filters query={query} initiatives={initiatives} />
      <h2 id="results" aria-live="polite">{t(`events.list.results_${query.when}`, { count: total })}</h2>
      {items.length === 0 ? (
        <p>{t('events.list.none')} <a href="/events">{t('events.list.clear')}</a></p>
      ) : (
        <ul class="cards" aria-labelledby="results">{items.map((event) => <EventCard event={event} />)}</ul>
      )}
      <Pager page={query.page} pages={eventPageCount(total)} href={(page) => eventsHref(query, page)} />
      <p><a href="/events.ics">{t('events.list.calendar')}</a> · <a href="/api/events">{t('events.list.api')}</a></p>
    </>
  );
}
