/**
 * The event's dates as instants, for the conflict detection's `outside_event`: an event "from 14
 * to 16 October in Bogotá" runs from 14 October 00:00 to 17 October 00:00 Bogotá time.
 */
import type { Interval } from './types.ts';

/** The zone's offset from UTC at an instant, in milliseconds (Bogotá: −5 h). */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return local - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a day starts in a zone. Where the clocks jump forward at midnight (Santiago, some
 * years' Asunción), there is no 00:00: the day starts at the first moment it has, 01:00.
 */
export function startOfDay(day: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a date: ${day}`);
  const midnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Two passes: the offset at a first guess, then at the instant that guess gives.
  const first = midnight - zoneOffset(midnight, timeZone);
  const second = midnight - zoneOffset(first, timeZone);
  if (second === first) return first;
  // The offsets disagree around a change: take the earlier reading that is still on that day.
  const candidates = [first, second].filter((t) => t + zoneOffset(t, timeZone) >= midnight).sort((a, b) => a - b);
  return candidates[0] ?? Math.max(first, second);
}

/** From the first day's start to the start of the day after the last, in the event's zone. */
export function eventSpan(firstDay: string, lastDay: string, timeZone: string): Interval {
  const next = new Date(`${lastDay}T00:00:00Z`);
  if (Number.isNaN(next.getTime())) throw new RangeError(`not a date: ${lastDay}`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { start: startOfDay(firstDay, timeZone), end: startOfDay(next.toISOString().slice(0, 10), timeZone) };
}
