/**
 * Times of events. Organisers give wall-clock times in the event's IANA zone; Cabildo stores the
 * UTC instants (ISO 8601 with milliseconds, as every timestamp) and the zone, and shows them in
 * the event's zone and, when chosen, the reader's. All conversions go through Intl, which knows
 * the zone database, so no table of offsets is kept here.
 */

export { isTimeZone } from '../../platform/zones.ts';
import { isTimeZone } from '../../platform/zones.ts';

/** A wall-clock time as typed in a datetime-local field: "2026-12-01T09:00". */
export const localDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of an instant in a zone. */
export function wallTime(instant: Date | string, zone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetAt(ms: number, zone: string): number {
  const w = wallTime(new Date(ms), zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as the datetime-local value of its wall time in the zone ("2026-12-01T09:00"). */
export function toLocalInput(instant: string, zone: string): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The UTC instant of a wall-clock time in a zone, or null when that time does not exist there
 * (the hour skipped when clocks go forward) or cannot be read. In the hour repeated when clocks
 * go back, the first of the two is taken.
 */
export function fromLocalInput(local: string, zone: string): string | null {
  const match = localDateTime.exec(local);
  if (!match || !isTimeZone(zone)) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offsets around that day (two, near a change): each gives a candidate instant.
  const offsets = new Set([offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc, zone), offsetAt(asUtc + 86_400_000, zone)]);
  const candidates = [...offsets].map((offset) => asUtc - offset).sort((a, b) => a - b);
  const instant = candidates.find((ms) => toLocalInput(new Date(ms).toISOString(), zone) === local);
  return instant === undefined ? null : new Date(instant).toISOString();
}

/** "UTC−05:00": the zone's offset at that instant, written so nobody has to know the zone's rules. */
export function offsetLabel(instant: string, zone: string): string {
  const minutes = Math.round(offsetAt(Date.parse(instant), zone) / 60_000);
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A date and time in the reader's language, in the zone, with the offset ("1 de diciembre de 2026, 9:00 (UTC−05:00)"). */
export function formatInZone(instant: string, zone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));
  return `${text} (${offsetLabel(instant, zone)})`;
}

/** Just the time of day in the zone ("09:00"), for the end of an event on the same day. */
export function formatTimeInZone(instant: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short' }).format(new Date(instant));
}

/** Whether two instants fall on the same calendar day in the zone. */
export function sameDayInZone(a: string, b: string, zone: string): boolean {
  return toLocalInput(a, zone).slice(0, 10) === toLocalInput(b, zone).slice(0, 10);
}

/** ISO 8601 with the zone's offset ("2026-12-01T09:00:00-05:00"): the wall time and the instant in one. */
export function isoInZone(instant: string, zone: string): string {
  const w = wallTime(instant, zone);
  const minutes = Math.round(offsetAt(Date.parse(instant), zone) / 60_000);
  const abs = Math.abs(minutes);
  const offset = minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}
