/**
 * The working program as the conflict detection reads it (domain/conflicts.ts), and each conflict
 * explained in the reader's language with the data it carries.
 */
import type { Translate } from '../../../platform/i18n/index.ts';
import { conflictMessageKey, detectConflicts, type Conflict } from '../domain/conflicts.ts';
import { eventSpan } from '../domain/time.ts';
import type { Program } from '../domain/types.ts';
import type { EventRoomsTable } from '../tables.ts';
import { toLocalInput, formatTimeInZone } from '../time.ts';
import type { Session, Track } from './queries.ts';

export interface ProgramEvent {
  time_zone: string;
  starts_at: string;
  ends_at: string;
  rooms: ReadonlyArray<Pick<EventRoomsTable, 'id' | 'name'> & { capacity: number | null }>;
}

/**
 * The event's whole days in its zone (the first day's 00:00 to the day after the last), as the
 * form's check and the conflict both read them.
 */
export function eventDays(event: Pick<ProgramEvent, 'time_zone' | 'starts_at' | 'ends_at'>) {
  return eventSpan(toLocalInput(event.starts_at, event.time_zone).slice(0, 10), toLocalInput(event.ends_at, event.time_zone).slice(0, 10), event.time_zone);
}

export function programOf(event: ProgramEvent, sessions: readonly Session[]): Program {
  return {
    event: eventDays(event),
    rooms: event.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    sessions: sessions
      .filter((s) => s.starts_at !== null && s.ends_at !== null)
      .map((s) => ({
        id: s.id, title: s.title, start: Date.parse(s.starts_at!), end: Date.parse(s.ends_at!), roomId: s.room_id, trackId: s.track_id,
        expectedAttendance: s.expected_attendance,
        people: s.people.map((p) => ({ person: { id: p.user_id, name: p.name, organisation: p.organisation }, role: p.role as never })),
      })),
    // Stated windows (decision 022), from every session the person is named in, placed or not:
    // the detection joins one person's windows, however many rows state them.
    availability: sessions.flatMap((s) => s.people.filter((p) => p.availability.length > 0)
      .map((p) => ({ person: { id: p.user_id, name: p.name, organisation: p.organisation }, windows: p.availability }))),
  };
}

export const conflictsOf = (event: ProgramEvent, sessions: readonly Session[]): Conflict[] => detectConflicts(programOf(event, sessions));

/** A conflict in words: what clashes with what, with the times in the event's zone. */
export function explainConflict(conflict: Conflict, context: { t: Translate; locale: string; zone: string; titles: Map<string, string>; starts?: Map<string, string | null>; tracks: readonly Track[] }): string {
  const { t, locale, zone, titles } = context;
  const at = (ms: number) => formatTimeInZone(new Date(ms).toISOString(), zone, locale);
  const day = (ms: number) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium' }).format(new Date(ms));
  const span = (i: { start: number; end: number }) => `${day(i.start)} ${at(i.start)}–${at(i.end)}`;
  const title = (id: string) => titles.get(id) ?? id;
  // A pair is named in the program's order (the earlier session first), not by id.
  const [first, second] = conflict.sessions.length === 2 ? [...conflict.sessions].sort((a, b) => (context.starts?.get(a) ?? '').localeCompare(context.starts?.get(b) ?? '') || title(a).localeCompare(title(b))) : [conflict.sessions[0], conflict.sessions[0]];
  const key = conflictMessageKey(conflict.kind);
  switch (conflict.kind) {
    case 'person_double_booked':
      return t(key, { people: conflict.people.map((p) => p.name).join(', '), first: title(first!), second: title(second!), overlap: span(conflict.data.overlap) });
    case 'room_double_booked':
      return t(key, { room: conflict.room.name, first: title(first!), second: title(second!), overlap: span(conflict.data.overlap) });
    case 'track_overlap':
      return t(key, { track: context.tracks.find((tr) => tr.id === conflict.data.track)?.name ?? conflict.data.track, first: title(first!), second: title(second!), overlap: span(conflict.data.overlap) });
    case 'outside_event':
      return t(key, { session: title(conflict.sessions[0]), when: span(conflict.data.session), first_day: day(conflict.data.event.start), last_day: day(conflict.data.event.end - 1) });
    case 'outside_availability': {
      // A window of whole days (a day typed alone, or days joined) is named by its days, not "12:00 AM–12:00 AM".
      const window = (w: { start: number; end: number }) => {
        const first = toLocalInput(new Date(w.start).toISOString(), zone).slice(0, 10);
        const last = toLocalInput(new Date(w.end - 1).toISOString(), zone).slice(0, 10);
        const whole = eventSpan(first, last, zone);
        if (whole.start !== w.start || whole.end !== w.end) return span(w);
        return first === last ? day(w.start) : `${day(w.start)}–${day(w.end - 1)}`;
      };
      return t(key, { person: conflict.people[0].name, session: title(conflict.sessions[0]), when: span(conflict.data.session), windows: conflict.data.windows.map(window).join('; ') });
    }
    case 'room_too_small':
      return t(key, { session: title(conflict.sessions[0]), room: conflict.room.name, capacity: conflict.data.capacity, expected: conflict.data.expected });
  }
}

/** The program's conflicts, each with its kind, its sessions and its explanation. */
export function explainedConflicts(event: ProgramEvent, sessions: readonly Session[], tracks: readonly Track[], t: Translate, locale: string) {
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  const starts = new Map(sessions.map((s) => [s.id, s.starts_at]));
  return conflictsOf(event, sessions).map((conflict) => ({
    kind: conflict.kind, sessions: [...conflict.sessions] as string[],
    message: explainConflict(conflict, { t, locale, zone: event.time_zone, titles, starts, tracks }),
  }));
}
