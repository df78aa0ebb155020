import ical from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { calendarText, describedZone, zoned } from '../ics.ts';
import type { ProgramSnapshot } from './snapshot.ts';

/** How a role reads in a calendar, which has no catalog: the people line says who does what. */
export type RoleLabel = (role: string) => string;

/**
 * The published program as a calendar (RFC 5545): one VEVENT per placed session, in the event's
 * zone with its VTIMEZONE, the room as LOCATION and the people in the DESCRIPTION (ATTENDEE
 * needs an e-mail address, which a public program does not give).
 */
export function programCalendar(options: { name: string; baseUrl: string; slug: string; program: ProgramSnapshot; stamp: Date; roleLabel: RoleLabel }): string {
  const { program, baseUrl, slug } = options;
  const calendar = ical({ name: calendarText(options.name), prodId: { company: 'Cabildo', product: 'events', language: 'EN' } });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const zone = program.time_zone;
  const withZone = describedZone(zone);
  const host = new URL(baseUrl).host;
  for (const session of program.sessions) {
    const url = `${baseUrl}/events/${slug}/program#session-${session.id}`;
    const people = session.people.map((p) => `${options.roleLabel(p.role)}: ${p.name}${p.organisation ? ` (${p.organisation})` : ''}`);
    calendar.createEvent({
      id: `session-${session.id}@${host}`,
      stamp: options.stamp,
      start: withZone ? zoned(session.start, zone) : new Date(session.start),
      end: withZone ? zoned(session.end, zone) : new Date(session.end),
      timezone: withZone ? zone : null,
      summary: calendarText(session.title),
      description: calendarText([session.description ?? '', people.join('\n'), url].filter(Boolean).join('\n\n')),
      location: session.room ? calendarText(session.room.name) : null,
      url,
    });
  }
  return calendar.toString();
}
