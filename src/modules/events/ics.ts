import ical, { type ICalDateTimeValue } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { countryName } from '../../platform/geo/countryName.ts';
import type { EventSummary } from './queries.ts';
import { wallTime } from './time.ts';

/**
 * Characters that have no place in an iCalendar text value: C0 and C1 controls (line breaks
 * aside, which ical-generator escapes as \n), DEL and the bidi controls. The forms refuse them
 * already; this keeps a feed whole whatever a record holds.
 */
const unsafeInCalendar = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function calendarText(text: string): string {
  return text.replace(unsafeInCalendar, '').replace(/\r\n?/g, '\n');
}

/**
 * An instant as ical-generator reads a Temporal ZonedDateTime (Node 20 has no Temporal): it then
 * writes `DTSTART;TZID=<zone>:<wall time>` whatever the server's own zone is.
 */
export function zoned(instant: string, zone: string): ICalDateTimeValue {
  const w = wallTime(instant, zone);
  const plain = { ...w, toZonedDateTime: () => value, toPlainDate: () => ({ year: w.year, month: w.month, day: w.day }) };
  const value = { ...w, timeZoneId: zone, toPlainDateTime: () => plain, withTimeZone: () => value, toInstant: () => ({ epochMilliseconds: Date.parse(instant) }) };
  return value as unknown as ICalDateTimeValue;
}

/** Whether the VTIMEZONE source knows the zone; one it does not know is written in UTC instead. */
export const describedZone = (zone: string) => getVtimezoneComponent(zone) !== null;

/**
 * A calendar (RFC 5545) of events, one VEVENT each, with a VTIMEZONE for each zone used.
 * `stamp` is when the feed was made (DTSTAMP).
 */
export function eventsCalendar(options: { name: string; baseUrl: string; events: readonly EventSummary[]; stamp: Date }): string {
  const calendar = ical({ name: calendarText(options.name), prodId: { company: 'Cabildo', product: 'events', language: 'EN' } });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const event of options.events) {
    const url = `${options.baseUrl}/events/${event.slug}`;
    const withZone = describedZone(event.time_zone);
    const place = [event.venue_name, event.venue_city, event.venue_country ? countryName(event.venue_country, 'en') : null].filter(Boolean).join(', ');
    calendar.createEvent({
      id: `event-${event.id}@${new URL(options.baseUrl).host}`,
      stamp: options.stamp,
      start: withZone ? zoned(event.starts_at, event.time_zone) : new Date(event.starts_at),
      end: withZone ? zoned(event.ends_at, event.time_zone) : new Date(event.ends_at),
      timezone: withZone ? event.time_zone : null,
      summary: calendarText(event.title),
      description: calendarText([event.description ?? '', url].filter(Boolean).join('\n\n')),
      location: place ? calendarText(place) : null,
      url,
      lastModified: new Date(event.updated_at),
    });
  }
  return calendar.toString();
}
