/**
 * Stated availability as people type it (docs/decisions/022-events-availability.md): one window
 * per line, in the event's time zone, in a format a plain textarea can hold without script:
 *
 *     2026-10-14 09:00-13:00     that day, from 09:00 to 13:00
 *     2026-10-15                 that whole day
 *     2026-10-15 14:00-24:00     from 14:00 to the end of the day
 *
 * Reading happens in two steps, both zod schemas: `AvailabilityText` reads the lines alone (a line
 * it cannot read, a time that does not exist on any clock, an end not after its start), and
 * `availabilityInEvent(event)` turns what it read into instants in the event's zone and refuses a
 * window outside the event's days or at a time the zone skips. Each error names its line.
 */
import { z } from 'zod';
import { multiLine } from '../../../platform/validation.ts';
import { eventSpan, startOfDay } from '../domain/time.ts';
import type { Interval } from '../domain/types.ts';
import { fromLocalInput, toLocalInput } from '../time.ts';

/** Windows one person may state: a week of mornings and afternoons, not a way to fill the database. */
export const maxWindows = 20;

/** A window as typed: the line it is on (from 1), its day, and its wall-clock start and end ("24:00" is the day's end). */
export interface TypedWindow {
  line: number;
  day: string;
  from: string;
  to: string;
}

// A dash, an en dash or "to"-less spacing between the times; "9:00" as well as "09:00".
const windowLine = /^(\d{4}-\d{2}-\d{2})(?:[ T]+(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether "2026-02-30" is a day of the calendar (not only of the pattern). */
function isDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const nextDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

type Issue = { message: string; line?: number; values?: Record<string, string | number> };

/** Reads the lines (blank lines are skipped): the windows, or the first problem with its line. */
export function readLines(text: string): { ok: true; windows: TypedWindow[] } | { ok: false; issue: Issue } {
  const windows: TypedWindow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const typed = lines[i]!.trim();
    if (!typed) continue;
    const line = i + 1;
    const match = windowLine.exec(typed);
    if (!match || !isDay(match[1]!)) return { ok: false, issue: { message: 'events.availability.errors.unreadable', line } };
    const [, day, h1, m1, h2, m2] = match;
    if (h1 === undefined) {
      windows.push({ line, day: day!, from: '00:00', to: '24:00' });
    } else {
      const [fromH, fromM, toH, toM] = [h1, m1, h2, m2].map(Number) as [number, number, number, number];
      const validFrom = fromH <= 23 && fromM <= 59;
      const validTo = (toH <= 23 && toM <= 59) || (toH === 24 && toM === 0);
      if (!validFrom || !validTo) return { ok: false, issue: { message: 'events.availability.errors.unreadable', line } };
      const from = `${pad(fromH)}:${pad(fromM)}`;
      const to = `${pad(toH)}:${pad(toM)}`;
      if (to <= from) return { ok: false, issue: { message: 'events.availability.errors.end_before_start', line } };
      windows.push({ line, day: day!, from, to });
    }
    if (windows.length > maxWindows) return { ok: false, issue: { message: 'events.availability.errors.too_many', values: { max: maxWindows } } };
  }
  return { ok: true, windows };
}

const issueParams = (issue: Issue) => ({ ...(issue.line !== undefined ? { line: issue.line } : {}), ...issue.values });

/**
 * A textarea's (or a JSON string's, or a JSON list of lines') windows, read without knowing the
 * event: blank is none. The output is what was typed, still in wall-clock time.
 */
export const AvailabilityText = z.preprocess(
  (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('\n') : v === null ? '' : v),
  z.union([z.literal(''), multiLine(2_000)]),
).transform((text, ctx) => {
  if (!text) return [] as TypedWindow[];
  const read = readLines(text);
  if (read.ok) return read.windows;
  ctx.addIssue({ code: 'custom', message: read.issue.message, params: issueParams(read.issue) });
  return z.NEVER;
});

/** What `availabilityInEvent` needs of the event: its zone and its days there (first and last, "2026-10-14"). */
export interface EventDaysInZone {
  time_zone: string;
  firstDay: string;
  lastDay: string;
}

/** The instants of a typed window in a zone, or null when the zone skips one of its times. */
function instantsOf(window: TypedWindow, zone: string): Interval | null {
  const at = (day: string, time: string) => {
    if (time === '00:00') return startOfDay(day, zone);
    const iso = fromLocalInput(`${day}T${time}`, zone);
    return iso ? Date.parse(iso) : null;
  };
  const start = at(window.day, window.from);
  const end = window.to === '24:00' ? startOfDay(nextDay(window.day), zone) : at(window.day, window.to);
  return start === null || end === null ? null : { start, end };
}

/** The typed windows as instants in the event's zone, each within the event's days. */
export function availabilityInEvent(event: EventDaysInZone) {
  const days = eventSpan(event.firstDay, event.lastDay, event.time_zone);
  return z.array(z.custom<TypedWindow>()).transform((typed, ctx) => {
    const windows: Interval[] = [];
    for (const window of typed) {
      const instants = instantsOf(window, event.time_zone);
      if (!instants) {
        ctx.addIssue({ code: 'custom', message: 'events.availability.errors.no_such_time', params: { line: window.line } });
        return z.NEVER;
      }
      if (instants.start < days.start || instants.end > days.end) {
        ctx.addIssue({ code: 'custom', message: 'events.availability.errors.outside_event', params: { line: window.line, first: event.firstDay, last: event.lastDay } });
        return z.NEVER;
      }
      windows.push(instants);
    }
    return windows;
  });
}

/** Stored windows as the textarea shows them again, in the event's zone, in the order given. */
export function windowsAsText(windows: readonly Interval[], zone: string): string {
  return windows.map(({ start, end }) => {
    const from = toLocalInput(new Date(start).toISOString(), zone);
    const day = from.slice(0, 10);
    const dayStart = startOfDay(day, zone);
    const dayEnd = startOfDay(nextDay(day), zone);
    if (start === dayStart && end === dayEnd) return day;
    const to = end === dayEnd ? '24:00' : toLocalInput(new Date(end).toISOString(), zone).slice(11, 16);
    return `${day} ${start === dayStart ? '00:00' : from.slice(11, 16)}-${to}`;
  }).join('\n');
}

/** The event's first and last days in its own zone, as `availabilityInEvent` reads them. */
export function eventDaysInZone(event: { time_zone: string; starts_at: string; ends_at: string }): EventDaysInZone {
  return { time_zone: event.time_zone, firstDay: toLocalInput(event.starts_at, event.time_zone).slice(0, 10), lastDay: toLocalInput(event.ends_at, event.time_zone).slice(0, 10) };
}
