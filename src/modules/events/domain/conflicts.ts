/**
 * Conflict detection for a program (issue 10, item 4): always on, and every conflict says what
 * clashes with what, so a page or the API can explain it (`events.conflict.<kind>` with the data).
 *
 * Overlaps are found by sorting each room's, person's and track's sessions by start and sweeping
 * once (O(n log n + conflicts)), never by comparing every pair of the program. Times are half-open:
 * a session ending at 10:00 and one starting at 10:00 do not clash.
 */
import { PeopleIndex } from './people.ts';
import type { Interval, PersonRef, Program, ScheduledSession, SessionRole } from './types.ts';

/** The kinds, in the order conflicts are listed. */
export const conflictKinds = [
  'person_double_booked',
  'room_double_booked',
  'track_overlap',
  'outside_event',
  'outside_availability',
  'room_too_small',
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export const conflictMessageKey = (kind: ConflictKind) => `events.conflict.${kind}` as const;
export const conflictMessageKeys = conflictKinds.map(conflictMessageKey);

/** A person named by a conflict, with what they do in each of its sessions (same order as `sessions`). */
export interface ConflictPerson {
  /** The key that recognised them (see people.ts), stable across runs. */
  key: string;
  id: string | null;
  name: string;
  roles: SessionRole[][];
}

export type Conflict =
  | { kind: 'person_double_booked'; sessions: [string, string]; people: ConflictPerson[]; data: { overlap: Interval } }
  | { kind: 'room_double_booked'; sessions: [string, string]; room: { id: string; name: string }; data: { overlap: Interval } }
  | { kind: 'track_overlap'; sessions: [string, string]; data: { track: string; overlap: Interval } }
  | { kind: 'outside_event'; sessions: [string]; data: { session: Interval; event: Interval } }
  | { kind: 'outside_availability'; sessions: [string]; people: [ConflictPerson]; data: { session: Interval; windows: Interval[] } }
  | { kind: 'room_too_small'; sessions: [string]; room: { id: string; name: string }; data: { capacity: number; expected: number } };

/** A session as the checks see it: its people grouped by person, each with their roles there. */
interface Placed {
  session: ScheduledSession;
  people: Map<string, { person: PersonRef; roles: SessionRole[] }>;
}

/** Shared by the sweep and by the all-pairs reference (conflicts-reference.ts), so both describe a conflict alike. */
export function prepare(program: Program): { placed: Placed[]; index: PeopleIndex } {
  const index = new PeopleIndex([...program.sessions.flatMap((s) => s.people.map((p) => p.person)), ...(program.availability ?? []).map((a) => a.person)]);
  const placed = program.sessions.map((session) => {
    const people = new Map<string, { person: PersonRef; roles: SessionRole[] }>();
    for (const { person, role } of session.people) {
      const key = index.keyOf(person);
      const entry = people.get(key);
      if (!entry) people.set(key, { person, roles: [role] });
      else if (!entry.roles.includes(role)) entry.roles.push(role);
    }
    return { session, people };
  });
  return { placed, index };
}

/** The two sessions of a pair, by id. */
export const ordered = (a: Placed, b: Placed): [Placed, Placed] => (a.session.id <= b.session.id ? [a, b] : [b, a]);

/** Whether two half-open intervals share a moment (an empty one shares none). */
export const overlaps = (a: Interval, b: Interval) => Math.max(a.start, b.start) < Math.min(a.end, b.end);
export const overlapOf = (a: Interval, b: Interval): Interval => ({ start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) });

/** A room the program does not list is named by its id. */
const roomName = (rooms: Map<string, { id: string; name: string }>, id: string) => {
  const room = rooms.get(id);
  return { id, name: room?.name ?? id };
};

/** The conflicts of a pair of overlapping sessions found sharing a room, a track or people. */
export function pairConflicts(rooms: Map<string, { id: string; name: string }>, x: Placed, y: Placed, shared: { room: boolean; track: boolean; people: string[] }): Conflict[] {
  const [a, b] = ordered(x, y);
  const sessions: [string, string] = [a.session.id, b.session.id];
  const overlap = overlapOf(a.session, b.session);
  const found: Conflict[] = [];
  if (shared.people.length > 0) {
    const people = [...shared.people].sort().map((key) => {
      const inA = a.people.get(key)!;
      return { key, id: inA.person.id ?? null, name: inA.person.name, roles: [inA.roles, b.people.get(key)!.roles] };
    });
    found.push({ kind: 'person_double_booked', sessions, people, data: { overlap } });
  }
  if (shared.room) {
    const id = a.session.roomId!;
    found.push({ kind: 'room_double_booked', sessions, room: roomName(rooms, id), data: { overlap } });
  }
  if (shared.track) found.push({ kind: 'track_overlap', sessions, data: { track: a.session.trackId!, overlap } });
  return found;
}

/** Merged, sorted availability windows per person key. */
export function windowsByPerson(program: Program, index: PeopleIndex): Map<string, Interval[]> {
  const byKey = new Map<string, Interval[]>();
  for (const { person, windows } of program.availability ?? []) {
    const key = index.keyOf(person);
    byKey.set(key, [...(byKey.get(key) ?? []), ...windows]);
  }
  for (const [key, windows] of byKey) {
    const merged: Interval[] = [];
    for (const w of [...windows].filter((w) => w.end > w.start).sort((p, q) => p.start - q.start)) {
      const last = merged.at(-1);
      // Back-to-back windows join: available 9–12 and 12–15 is available 9–15.
      if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
      else merged.push({ ...w });
    }
    byKey.set(key, merged);
  }
  return byKey;
}

/** The checks about one session alone: the event's dates, the room's size, its people's stated availability. */
export function sessionConflicts(program: Program, rooms: Map<string, { id: string; name: string; capacity: number | null }>, windows: Map<string, Interval[]>, { session, people }: Placed): Conflict[] {
  const found: Conflict[] = [];
  const times = { start: session.start, end: session.end };
  if (session.start < program.event.start || session.end > program.event.end) {
    found.push({ kind: 'outside_event', sessions: [session.id], data: { session: times, event: { start: program.event.start, end: program.event.end } } });
  }
  // Anyone who stated windows is held to them, whatever their role (decision 022): a moderator
  // or rapporteur who can only come in the morning is as absent in the afternoon as a speaker.
  for (const [key, { person, roles }] of people) {
    const stated = windows.get(key);
    if (!stated || stated.length === 0) continue;
    if (stated.some((w) => w.start <= session.start && session.end <= w.end)) continue;
    found.push({
      kind: 'outside_availability',
      sessions: [session.id],
      people: [{ key, id: person.id ?? null, name: person.name, roles: [roles] }],
      data: { session: times, windows: stated.map((w) => ({ ...w })) },
    });
  }
  const room = session.roomId ? rooms.get(session.roomId) : undefined;
  const expected = session.expectedAttendance;
  if (room && room.capacity != null && expected != null && expected > room.capacity) {
    found.push({ kind: 'room_too_small', sessions: [session.id], room: { id: room.id, name: room.name }, data: { capacity: room.capacity, expected } });
  }
  return found;
}

const rank = new Map<ConflictKind, number>(conflictKinds.map((kind, i) => [kind, i]));
const sortKey = (c: Conflict) => [c.sessions.join('\u0000'), 'room' in c ? c.room.id : '', 'people' in c ? c.people.map((p) => p.key).join('\u0000') : ''];

/** Conflicts in a stable order: by kind, then sessions, room and people (plain code-unit order, never the locale's). */
export function inOrder(conflicts: Conflict[]): Conflict[] {
  const keyed = conflicts.map((c) => ({ c, kind: rank.get(c.kind)!, key: sortKey(c) }));
  keyed.sort((p, q) => {
    if (p.kind !== q.kind) return p.kind - q.kind;
    for (let i = 0; i < p.key.length; i++) if (p.key[i] !== q.key[i]) return p.key[i]! < q.key[i]! ? -1 : 1;
    return 0;
  });
  return keyed.map((k) => k.c);
}

export function roomsById(program: Program) {
  return new Map(program.rooms.map((r) => [r.id, { id: r.id, name: r.name, capacity: r.capacity ?? null }]));
}

/** Every pair of overlapping items in one group, by sorting on start and sweeping once. */
function sweep<T>(items: T[], interval: (item: T) => Interval, visit: (a: T, b: T) => void): void {
  items.sort((p, q) => interval(p).start - interval(q).start);
  let active: T[] = [];
  for (const item of items) {
    const current = interval(item);
    active = active.filter((a) => interval(a).end > current.start);
    for (const a of active) if (overlaps(interval(a), current)) visit(a, item);
    if (current.end > current.start) active.push(item);
  }
}

/** Every conflict of the program, in a stable order. */
export function detectConflicts(program: Program): Conflict[] {
  const { placed, index } = prepare(program);
  const rooms = roomsById(program);
  const windows = windowsByPerson(program, index);

  // Group the sessions by room, track and person, then sweep each group.
  const byRoom = new Map<string, Placed[]>();
  const byTrack = new Map<string, Placed[]>();
  const byPerson = new Map<string, Placed[]>();
  const add = (groups: Map<string, Placed[]>, key: string, item: Placed) => {
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  };
  for (const item of placed) {
    if (item.session.roomId) add(byRoom, item.session.roomId, item);
    if (item.session.trackId) add(byTrack, item.session.trackId, item);
    for (const key of item.people.keys()) add(byPerson, key, item);
  }

  // A pair may clash in several ways at once; gather what it shares, then describe it once.
  const pairs = new Map<string, { a: Placed; b: Placed; room: boolean; track: boolean; people: string[] }>();
  const pairOf = (x: Placed, y: Placed) => {
    const [a, b] = ordered(x, y);
    const key = `${a.session.id}\u0000${b.session.id}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { a, b, room: false, track: false, people: [] }));
    return pair;
  };
  const span = (p: Placed) => p.session;
  for (const list of byRoom.values()) sweep(list, span, (x, y) => { pairOf(x, y).room = true; });
  for (const list of byTrack.values()) sweep(list, span, (x, y) => { pairOf(x, y).track = true; });
  for (const [key, list] of byPerson) sweep(list, span, (x, y) => { pairOf(x, y).people.push(key); });

  const found: Conflict[] = [];
  for (const pair of pairs.values()) found.push(...pairConflicts(rooms, pair.a, pair.b, pair));
  for (const item of placed) found.push(...sessionConflicts(program, rooms, windows, item));
  return inOrder(found);
}
