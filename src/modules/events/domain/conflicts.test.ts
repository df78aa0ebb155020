import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictKinds, conflictMessageKeys, detectConflicts, type Conflict } from './conflicts.ts';
import { detectConflictsAllPairs } from './conflicts-reference.ts';
import type { Program, ScheduledSession, SessionPerson } from './types.ts';
import { seededRandom } from '../../../platform/random.ts';

/** 2026-10-14 at hh:mm UTC. */
const at = (hhmm: string, day = 14) => Date.parse(`2026-10-${day}T${hhmm}:00Z`);
const event = { start: at('00:00', 14), end: at('00:00', 16) }; // two days
const rooms = [
  { id: 'r-main', name: 'Sala principal', capacity: 200 },
  { id: 'r-small', name: 'Sala 2', capacity: 30 },
  { id: 'r-online', name: 'Zoom' },
];
const session = (id: string, from: string, to: string, extra: Partial<ScheduledSession> = {}): ScheduledSession => ({ id, start: at(from), end: at(to), people: [], ...extra });
const speaker = (name: string, id?: string): SessionPerson => ({ person: { id, name }, role: 'speaker' });
const program = (sessions: ScheduledSession[], extra: Partial<Program> = {}): Program => ({ event, rooms, sessions, ...extra });

/** Runs both detectors and insists they agree, so every case below also checks the sweep against all pairs. */
function conflicts(p: Program): Conflict[] {
  const found = detectConflicts(p);
  assert.deepEqual(found, detectConflictsAllPairs(p));
  return found;
}

test('a clean program has no conflicts, and back-to-back sessions do not clash', () => {
  const found = conflicts(program([
    session('a', '09:00', '10:00', { roomId: 'r-main', trackId: 't1', people: [speaker('Ana', 'ana')] }),
    session('b', '10:00', '11:00', { roomId: 'r-main', trackId: 't1', people: [speaker('Ana', 'ana')] }),
    session('c', '09:30', '10:30', { roomId: 'r-small', trackId: 't2', people: [speaker('Bruno', 'bruno')] }),
  ]));
  assert.deepEqual(found, []);
  assert.deepEqual(conflictMessageKeys, conflictKinds.map((kind) => `events.conflict.${kind}`));
});

test('one person in two overlapping sessions, in any role, is one conflict naming them and their roles', () => {
  const found = conflicts(program([
    session('b', '09:30', '10:30', { people: [{ person: { name: 'ana perez', organisation: 'MinTIC' }, role: 'moderator' }, speaker('Bruno', 'bruno')] }),
    session('a', '09:00', '10:00', {
      people: [
        { person: { id: 'ana', name: 'Ana Pérez', organisation: 'MinTIC' }, role: 'speaker' },
        { person: { id: 'ana', name: 'Ana Pérez', organisation: 'MinTIC' }, role: 'organiser' },
        { person: { id: 'bruno', name: 'Bruno' }, role: 'rapporteur' },
      ],
    }),
  ]));
  assert.deepEqual(found, [{
    kind: 'person_double_booked',
    sessions: ['a', 'b'],
    people: [
      { key: 'id:ana', id: 'ana', name: 'Ana Pérez', roles: [['speaker', 'organiser'], ['moderator']] },
      { key: 'id:bruno', id: 'bruno', name: 'Bruno', roles: [['rapporteur'], ['speaker']] },
    ],
    data: { overlap: { start: at('09:30'), end: at('10:00') } },
  }]);
});

test('a room booked twice, and a track running twice at once', () => {
  const found = conflicts(program([
    session('a', '09:00', '10:30', { roomId: 'r-main', trackId: 'access' }),
    session('b', '10:00', '11:00', { roomId: 'r-main', trackId: 'rights' }),
    session('c', '10:15', '11:00', { roomId: 'r-small', trackId: 'access' }),
  ]));
  assert.deepEqual(found, [
    { kind: 'room_double_booked', sessions: ['a', 'b'], room: { id: 'r-main', name: 'Sala principal' }, data: { overlap: { start: at('10:00'), end: at('10:30') } } },
    { kind: 'track_overlap', sessions: ['a', 'c'], data: { track: 'access', overlap: { start: at('10:15'), end: at('10:30') } } },
  ]);
});

test('three sessions in one room at once are three pairs', () => {
  const found = conflicts(program([
    session('c', '09:00', '12:00', { roomId: 'r-main' }),
    session('a', '09:00', '10:00', { roomId: 'r-main' }),
    session('b', '09:30', '11:00', { roomId: 'r-main' }),
  ]));
  assert.deepEqual(found.map((c) => c.sessions), [['a', 'b'], ['a', 'c'], ['b', 'c']]);
});

test('a session outside the event’s dates', () => {
  const found = conflicts(program([
    session('early', '23:00', '23:30', { start: at('23:00', 13), end: at('00:30', 14) }),
    session('late', '23:30', '00:30', { start: at('23:30', 15), end: at('00:30', 16) }),
    session('edge', '00:00', '00:00', { start: at('23:00', 15), end: at('00:00', 16) }),
  ]));
  assert.deepEqual(found.map((c) => [c.kind, c.sessions]), [['outside_event', ['early']], ['outside_event', ['late']]]);
  assert.deepEqual(found[0]!.data, { session: { start: at('23:00', 13), end: at('00:30', 14) }, event });
});

test('a room smaller than the expected attendance; online rooms and unestimated sessions are never too small', () => {
  const found = conflicts(program([
    session('a', '09:00', '10:00', { roomId: 'r-small', expectedAttendance: 45 }),
    session('b', '11:00', '12:00', { roomId: 'r-small', expectedAttendance: 30 }),
    session('c', '09:00', '10:00', { roomId: 'r-online', expectedAttendance: 900 }),
    session('d', '13:00', '14:00', { roomId: 'r-small' }),
  ]));
  assert.deepEqual(found, [{ kind: 'room_too_small', sessions: ['a'], room: { id: 'r-small', name: 'Sala 2' }, data: { capacity: 30, expected: 45 } }]);
});

test('a person outside their stated availability, in any role; joined windows count as one; people without windows are not checked', () => {
  const availability = [
    { person: { id: 'ana', name: 'Ana' }, windows: [{ start: at('09:00'), end: at('10:00') }, { start: at('10:00'), end: at('12:00') }] },
    { person: { name: 'Bruno Silva', organisation: 'NIC.br' }, windows: [{ start: at('14:00'), end: at('16:00') }] },
  ];
  const found = conflicts(program([
    session('a', '09:30', '11:30', { people: [speaker('Ana', 'ana')] }),
    session('b', '11:30', '12:30', { people: [speaker('Ana', 'ana'), { person: { name: 'bruno silva', organisation: 'nic br' }, role: 'moderator' }] }),
    session('c', '15:00', '16:30', { people: [{ person: { name: 'BRUNO SILVA', organisation: 'nic.br' }, role: 'speaker' }, speaker('Chloé')] }),
  ], { availability }));
  assert.deepEqual(found, [
    { kind: 'outside_availability', sessions: ['b'], people: [{ key: 'id:ana', id: 'ana', name: 'Ana', roles: [['speaker']] }], data: { session: { start: at('11:30'), end: at('12:30') }, windows: [{ start: at('09:00'), end: at('12:00') }] } },
    { kind: 'outside_availability', sessions: ['b'], people: [{ key: 'name:bruno silva|nic br', id: null, name: 'bruno silva', roles: [['moderator']] }], data: { session: { start: at('11:30'), end: at('12:30') }, windows: [{ start: at('14:00'), end: at('16:00') }] } },
    { kind: 'outside_availability', sessions: ['c'], people: [{ key: 'name:bruno silva|nic br', id: null, name: 'BRUNO SILVA', roles: [['speaker']] }], data: { session: { start: at('15:00'), end: at('16:30') }, windows: [{ start: at('14:00'), end: at('16:00') }] } },
  ]);
});

test('one pair of sessions can clash in several ways at once, each said separately, kinds in a fixed order', () => {
  const found = conflicts(program([
    session('b', '09:00', '10:00', { roomId: 'r-small', trackId: 't', people: [speaker('Ana', 'ana')], expectedAttendance: 31 }),
    session('a', '09:00', '10:00', { roomId: 'r-small', trackId: 't', people: [speaker('Ana', 'ana')] }),
  ]));
  assert.deepEqual(found.map((c) => `${c.kind} ${c.sessions.join(',')}`), [
    'person_double_booked a,b',
    'room_double_booked a,b',
    'track_overlap a,b',
    'room_too_small b',
  ]);
});


test('on crowded random programs the sweep finds exactly what comparing every pair finds, in the same order', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const quarter = 15 * 60_000;
    const sessions: ScheduledSession[] = Array.from({ length: 60 }, (_, i) => {
      const start = event.start + Math.floor(random() * 48 * 4) * quarter - 4 * quarter;
      const people = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const n = Math.floor(random() * 25);
        // Some people carry an id, some are typed by name only.
        return { person: random() < 0.5 ? { id: `p${n}`, name: `Person ${n}` } : { name: `PERSON ${n}` }, role: pick(['speaker', 'moderator', 'online_moderator', 'rapporteur', 'organiser'] as const) };
      });
      return { id: `s${String(i).padStart(2, '0')}`, start, end: start + (1 + Math.floor(random() * 8)) * quarter, roomId: pick(['r-main', 'r-small', 'r-online', null]), trackId: pick(['t1', 't2', 't3', null]), expectedAttendance: pick([null, 20, 50]), people };
    });
    const availability = Array.from({ length: 5 }, (_, n) => ({ person: { id: `p${n}`, name: `Person ${n}` }, windows: [{ start: event.start + n * 4 * quarter, end: event.start + (n + 20) * 4 * quarter }] }));
    const found = conflicts(program(sessions, { availability }));
    assert.ok(found.length > 0, `seed ${seed} should produce conflicts`);
  }
});
