/**
 * `npm run bench:events [-- --runs N --seed N]`: the events module's rules on a large forum
 * (issue 10, item 13). Generates a program of 300 sessions over three days in 40 rooms with 1,500
 * people (5 to 9 per session in every role, a third of them typed by name only and sometimes
 * spelled differently, a tenth with stated availability), in which a few clashes of every kind are
 * planted; then times
 * - conflict detection (the sort-and-sweep of src/modules/events/domain/conflicts.ts), many runs;
 * - the baseline measured in the same run: comparing every pair of sessions, which must find
 *   exactly the same conflicts (asserted);
 * - the screening rules over all 300 proposals;
 * - the reviewer assignment of 300 proposals to a committee of 30.
 * - both detections again on the same forum ten times over (3,000 sessions), to show how each grows.
 * - the program page and its JSON over HTTP for this forum, beside the /events page and a bare
 *   node:http server measured in the same run (bench/events-http.ts; skipped with --no-http).
 * Prints one JSON object. Target on the 2-core machine: conflict detection p95 ≤ 50 ms (wall clock;
 * the CPU time is printed beside it, since other processes on a shared machine inflate the wall clock).
 */
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { stakeholderKeys } from '../src/platform/stakeholders.ts';
import { conflictKinds, detectConflicts, type Conflict } from '../src/modules/events/domain/conflicts.ts';
import { detectConflictsAllPairs } from '../src/modules/events/domain/conflicts-reference.ts';
import { screeningContext, screenProposal } from '../src/modules/events/domain/screening.ts';
import { assignReviewers } from '../src/modules/events/domain/assignment.ts';
import type { Availability, PersonRef, Program, ProposalDraft, ProposalForReview, Reviewer, Room, ScheduledSession, SessionPerson, SessionRole, Speaker } from '../src/modules/events/domain/types.ts';
import { seededRandom } from '../src/platform/random.ts';
import { programOverHttp } from './events-http.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, seed: { type: 'string', default: '2026' }, 'no-http': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const targets = { conflict_detection_p95_ms: 50 };

const random = seededRandom(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const minute = 60_000;

// --- the forum: three days from 09:00 to 18:00 (UTC−5, Bogotá), 40 rooms, 20 tracks -----------
const dayStart = (day: number) => Date.parse(`2026-10-${14 + day}T09:00:00-05:00`);
const event = { start: Date.parse('2026-10-14T00:00:00-05:00'), end: Date.parse('2026-10-17T00:00:00-05:00') };
const rooms: Room[] = Array.from({ length: 40 }, (_, i) => ({
  id: `room-${String(i).padStart(2, '0')}`,
  name: i < 4 ? `Auditorio ${i + 1}` : i >= 36 ? `Sala virtual ${i - 35}` : `Sala ${i - 3}`,
  capacity: i < 4 ? 400 : i >= 36 ? null : 20 + Math.floor(random() * 120),
}));
const tracks = Array.from({ length: 20 }, (_, i) => `track-${String(i).padStart(2, '0')}`);

// --- people: 1,500, a third without an id (typed into forms) ------------------------------------
const first = ['Ana', 'María José', 'Bruno', 'Chloé', 'Diego', 'Eva', 'Fabio', 'Gabriela', 'Hugo', 'Inés', 'João', 'Karina', 'Luis', 'Marta', 'Nicolás', 'Olga', 'Pedro', 'Raquel', 'Sofía', 'Tomás'];
const last = ['Pérez', 'Silva', 'Martin', 'Gómez', 'López', 'Costa', 'Rojas', 'Díaz', 'Núñez', 'Souza', 'Fernández', 'Álvarez', 'Moreau', 'Castro', 'Ortiz', 'Ramírez', 'Santos', 'Dubois', 'Vargas', 'Mendoza'];
const organisations = Array.from({ length: 200 }, (_, i) => `${pick(['Fundación', 'Ministerio', 'Universidad', 'Asociación', 'Instituto', 'Red'])} ${i}`);
interface Person extends Speaker { available?: { start: number; end: number }[] }
const people: Person[] = Array.from({ length: 1500 }, (_, i) => ({
  ...(random() < 2 / 3 ? { id: `person-${i}` } : {}),
  name: `${pick(first)} ${pick(last)} ${i}`,
  organisation: pick(organisations),
  stakeholderGroup: pick(stakeholderKeys),
  gender: pick(['mujer', 'hombre', 'mujer', 'hombre', 'no binario', null, null]),
}));
// A tenth say when they can come: one day, whole.
for (const person of people) if (random() < 0.1) { const day = Math.floor(random() * 3); person.available = [{ start: dayStart(day) - 60 * minute, end: dayStart(day) + 10 * 60 * minute }]; }
/** How a person is written in one session: people without an id come back spelled differently. */
const written = (person: Person): PersonRef => (person.id ? { id: person.id, name: person.name, organisation: person.organisation } : { name: random() < 0.5 ? person.name.toUpperCase() : person.name.normalize('NFD').replace(/\p{Mn}/gu, ''), organisation: ` ${person.organisation!.toLowerCase()} ` });

// --- sessions: 300 in 18 slots of 90 minutes, rooms and people free by construction ---------------
const sessions: ScheduledSession[] = [];
const busy = new Map<number, Set<Person>>(); // slot → people in it
const slots = Array.from({ length: 18 }, (_, i) => i);
let slotIndex = 0;
while (sessions.length < 300) {
  const slot = slots[slotIndex++ % slots.length]!;
  const day = Math.floor(slot / 6);
  const start = dayStart(day) + (slot % 6) * 90 * minute;
  const used = busy.get(slot) ?? new Set<Person>();
  busy.set(slot, used);
  const inSlot = sessions.filter((s) => s.start === start).length;
  if (inSlot >= rooms.length) continue;
  const room = rooms[(inSlot * 7 + slot * 3) % rooms.length]!; // every room used, none twice in a slot
  const free = () => {
    for (;;) {
      const person = pick(people);
      if (used.has(person)) continue;
      if (person.available && !person.available.some((w) => w.start <= start && start + 75 * minute <= w.end)) continue;
      used.add(person);
      return person;
    }
  };
  const roles: SessionRole[] = ['organiser', 'moderator', ...(random() < 0.6 ? (['online_moderator'] as const) : []), ...Array<SessionRole>(2 + Math.floor(random() * 4)).fill('speaker'), 'rapporteur'];
  const cast: SessionPerson[] = roles.map((role) => ({ person: written(free()), role }));
  sessions.push({
    id: `session-${String(sessions.length).padStart(3, '0')}`,
    title: `Session ${sessions.length}`,
    start,
    end: start + pick([45, 60, 75]) * minute,
    roomId: room.id,
    trackId: inSlot < tracks.length ? tracks[(inSlot + slot) % tracks.length]! : null,
    expectedAttendance: room.capacity ? Math.floor(room.capacity * (0.3 + random() * 0.7)) : 50 + Math.floor(random() * 300),
    people: cast,
  });
}

// --- planted clashes: a few of every kind ------------------------------------------------------------
const planted = { person_double_booked: 8, room_double_booked: 5, track_overlap: 5, outside_event: 2, outside_availability: 5, room_too_small: 5 };
const at = (i: number) => sessions[(i * 37) % sessions.length]!;
const sameSlot = (a: ScheduledSession) => sessions.filter((s) => s.start === a.start && s.id !== a.id);
for (let i = 0; i < planted.person_double_booked; i++) {
  const a = at(i);
  (pick(sameSlot(a)).people as SessionPerson[]).push({ person: a.people[1]!.person, role: 'speaker' });
}
// A session moved 15 minutes into the one before it in its room, the same day.
const followers = sessions.flatMap((a) => {
  const next = sessions.filter((s) => s.roomId === a.roomId && s.start > a.start && s.start - a.start <= 3 * 60 * minute).sort((x, y) => x.start - y.start)[0];
  return next ? [{ a, next }] : [];
});
for (let i = 0; i < planted.room_double_booked; i++) {
  const { a, next } = followers[(i * 53) % followers.length]!;
  next.start = a.end - 15 * minute;
}
for (let i = 0; i < planted.track_overlap; i++) {
  const a = at(20 + i);
  a.trackId = pick(sameSlot(a).filter((s) => s.trackId)).trackId!;
}
at(30).start = event.start - 60 * minute;
at(31).end = event.end + 60 * minute;
for (let i = 0; i < planted.room_too_small; i++) { const s = sessions.find((x, n) => n > 40 * i && rooms.find((r) => r.id === x.roomId)!.capacity)!; s.expectedAttendance = 1000; }
const availability: Availability[] = people.filter((p) => p.available).map((p) => ({ person: { id: p.id, name: p.name, organisation: p.organisation }, windows: p.available! }));
for (let i = 0; i < planted.outside_availability; i++) {
  const person = people.filter((p) => p.available)[i]!;
  const day = person.available![0]!;
  const s = sessions.find((x) => (x.start < day.start || x.end > day.end) && x.start > event.start && x.end < event.end)!;
  (s.people as SessionPerson[]).push({ person: written(person), role: 'speaker' });
}
const program: Program = { event, rooms, sessions, availability };

// --- timing ---------------------------------------------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}
/**
 * Wall-clock times, and the process's CPU time beside them: on a shared machine the wall clock
 * also counts the time other processes held the cores, the CPU time only the work done.
 */
function timed<T>(count: number, run: () => T) {
  let result!: T;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = times.sort((a, b) => a - b);
  const cpuSorted = cpu.sort((a, b) => a - b);
  return {
    result,
    summary: { runs: count, p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), max_ms: percentile(sorted, 100), min_ms: percentile(sorted, 0), cpu_p50_ms: percentile(cpuSorted, 50), cpu_p95_ms: percentile(cpuSorted, 95) },
  };
}

const load_average_at_start = loadavg().map((l) => Math.round(l * 10) / 10);
for (let i = 0; i < 10; i++) detectConflicts(program); // warm up the JIT
const sweep = timed(runs, () => detectConflicts(program));
const baseline = timed(Math.max(5, Math.floor(runs / 10)), () => detectConflictsAllPairs(program));
assert.deepEqual(sweep.result, baseline.result, 'the sweep and the all-pairs check must find the same conflicts');
// The same forum ten times over (30 days, 3,000 sessions): the sweep grows as n log n, all pairs as n².
const copies = 10;
const large: Program = {
  event: { start: event.start, end: event.end + (copies - 1) * 3 * 24 * 60 * minute },
  rooms,
  sessions: Array.from({ length: copies }, (_, copy) => sessions.map((s) => ({
    ...s, id: `${s.id}-${copy}`, start: s.start + copy * 3 * 24 * 60 * minute, end: s.end + copy * 3 * 24 * 60 * minute,
    people: s.people.map((p) => ({ ...p, person: { ...p.person, id: p.person.id ? `${p.person.id}-${copy}` : null, name: `${p.person.name} ${copy}` } })),
  }))).flat(),
  availability: [],
};
const largeSweep = timed(5, () => detectConflicts(large));
const largeBaseline = timed(3, () => detectConflictsAllPairs(large));
assert.deepEqual(largeSweep.result, largeBaseline.result);
const byKind = (found: Conflict[]) => Object.fromEntries(conflictKinds.map((kind) => [kind, found.filter((c) => c.kind === kind).length]));

// Screening: each session as its proposal, against all the others of the event.
const proposals: ProposalDraft[] = sessions.map((s) => {
  const of = (role: SessionRole) => s.people.filter((p) => p.role === role).map((p) => p.person);
  const speakers = s.people.filter((p) => p.role === 'speaker').map((p) => ({ ...people.find((x) => x.name === p.person.name || (x.id && x.id === p.person.id)), ...p.person }));
  return { id: s.id, modality: of('online_moderator').length ? 'hybrid' : 'in_person', organisers: of('organiser'), speakers, moderator: of('moderator')[0], onlineModerator: of('online_moderator')[0], rapporteur: of('rapporteur')[0] };
});
const eventSessions = proposals.map((p) => ({ id: p.id!, speakers: p.speakers }));
const overdueReportOrganisers = proposals.slice(0, 10).map((p) => p.organisers[0]!);
// The way a list of proposals is screened: the event prepared once, then each proposal.
const screening = timed(20, () => {
  const context = screeningContext({ eventSessions, overdueReportOrganisers });
  return proposals.map((p) => screenProposal(p, context));
});
// The way a draft is screened live on its form: the event prepared for that one request.
const single = timed(100, () => screenProposal(proposals[7]!, { eventSessions, overdueReportOrganisers }));
const failedByRule: Record<string, number> = {};
for (const s of screening.result) for (const r of s.results) if (r.applies && !r.passed) failedByRule[r.rule] = (failedByRule[r.rule] ?? 0) + 1;

// Assignment: 300 proposals, 30 reviewers from the six groups, some in the proposers' organisations, 5% declared conflicts.
const reviewers: Reviewer[] = Array.from({ length: 30 }, (_, i) => ({ id: `reviewer-${String(i).padStart(2, '0')}`, person: { id: `reviewer-person-${i}`, name: `Reviewer ${i}`, organisation: pick(organisations) }, stakeholderGroup: stakeholderKeys[i % 6]! }));
const forReview: ProposalForReview[] = proposals.map((p) => ({ id: p.id!, organisers: p.organisers, speakers: p.speakers }));
const declarations = forReview.flatMap((p) => reviewers.filter(() => random() < 0.05).map((r) => ({ reviewerId: r.id, proposalId: p.id })));
const assignment = timed(5, () => assignReviewers({ proposals: forReview, reviewers, declarations, settings: { seed: 'bench' } }));

const result = {
  bench: 'events',
  program: { sessions: sessions.length, rooms: rooms.length, people: people.length, tracks: tracks.length, days: 3, people_in_sessions: sessions.reduce((n, s) => n + s.people.length, 0), with_availability: availability.length, planted },
  conflict_detection: { ...sweep.summary, conflicts: sweep.result.length, by_kind: byKind(sweep.result) },
  baseline_all_pairs: { ...baseline.summary, conflicts: baseline.result.length, same_conflicts: true },
  speedup_p50: Math.round((baseline.summary.p50_ms / Math.max(sweep.summary.p50_ms, 0.01)) * 10) / 10,
  ten_times_larger: { sessions: large.sessions.length, conflicts: largeSweep.result.length, sweep_p50_ms: largeSweep.summary.p50_ms, all_pairs_p50_ms: largeBaseline.summary.p50_ms, same_conflicts: true },
  screening_all_proposals: { proposals: proposals.length, ...screening.summary, failed_by_rule: failedByRule },
  screening_one_draft: single.summary,
  assignment: { proposals: forReview.length, reviewers: reviewers.length, ...assignment.summary, spread: assignment.result.spread, uncovered: assignment.result.uncovered.length, conflicts_of_interest: assignment.result.excluded.length },
  http: values['no-http'] ? null : await programOverHttp({ event, rooms, sessions, groupOf: (name) => people.find((p) => name.includes(String(p.name.split(' ').pop())))?.stakeholderGroup ?? null }),
  targets,
  meets_targets: sweep.summary.p95_ms <= targets.conflict_detection_p95_ms,
  node: process.version,
  load_average_at_start,
  load_average_at_end: loadavg().map((l) => Math.round(l * 10) / 10),
};
console.log(JSON.stringify(result, null, 2));
if (!result.meets_targets || (result.http && !result.http.all_meet_targets)) process.exitCode = 1;
