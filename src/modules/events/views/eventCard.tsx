import { useView } from '../../../platform/views/context.ts';
import { countryName } from '../../../platform/geo/countryName.ts';
import { languageName } from '../../../platform/i18n/index.ts';
import type { EventSummary } from '../queries.ts';
import { formatInZone } from '../time.ts';

export function EventStatusBadge({ status }: { status: string }) {
  const { t } = useView();
  return status === 'published' ? null : <span class="badge">{t(`events.status.${status}`)}</span>;
}

/** An event in a list: title, when (in its zone), where, kind, format and languages. */
export function EventCard({ event }: { event: EventSummary }) {
  const { t, locale } = useView();
  const place = [event.venue_city, event.venue_country ? countryName(event.venue_country, locale) : null].filter(Boolean).join(', ');
  return (
    <li class="card">
      <h3><a href={`/events/${event.slug}`}>{event.title}</a> <EventStatusBadge status={event.status} /></h3>
      <p><time datetime={event.starts_at}>{formatInZone(event.starts_at, event.time_zone, locale)}</time> · {event.time_zone}</p>
      <p>{t(`events.kind.${event.kind}`)} · {t(`events.format.${event.format}`)}{place && <> · {place}</>}</p>
      <p>{event.initiative.name} · {event.languages.map((l) => languageName(l, locale)).join(', ')}</p>
    </li>
  );
}
