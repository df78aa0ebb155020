/**
 * Writing the program: sessions added, changed, placed and removed by the organisers, and the
 * program published as a new version. Each command is one transaction with the event's row locked,
 * so two organisers working at once see each other's changes in order.
 */
import type { Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { fillSessionSeats } from '../registration/commands.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { eventsDb, type EventsTables } from '../tables.ts';
import { fromLocalInput, localDateTime } from '../time.ts';
import { conflictsOf, eventDays, type ProgramEvent } from './conflicts.ts';
import { logProgramVersion } from './outcomes.ts';
import { sessionsOf, tracksOf } from './queries.ts';
import { isoWithOffset, type PublishInput, type ScheduleInput, type SessionInput } from './schema.ts';
import { snapshotHash, snapshotText, takeSnapshot, type ProgramSnapshot } from './snapshot.ts';
import { windowsInEvent, writeWindows } from '../availability/store.ts';
import { topicsAllowed, writeSessionTopics } from '../topics/commands.ts';
import type { Interval } from '../domain/types.ts';
import { accountsByEmail } from '../../accounts/index.ts';
import type { Db } from '../../../platform/db/index.ts';

/** An event holds at most this many sessions: a global IGF has about 300. */
export const maxSessions = 2_000;

export interface EventRef extends ProgramEvent {
  id: string;
  status: string;
}

type Tx = Kysely<EventsTables>;

async function trackIsTheEvent(tx: Tx, eventId: string, trackId: string | undefined): Promise<boolean> {
  if (!trackId) return true;
  return Boolean(await tx.selectFrom('event_tracks').select('id').where('id', '=', trackId).where('event_id', '=', eventId).executeTakeFirst());
}

/** What the form says of each person beyond their row: their stated windows and their account. */
interface PeopleLinks {
  windows: Interval[][];
  accounts: Array<string | null>;
}

/** Replaces the session's people (their old windows go with their rows) and stores each one's windows. */
async function writePeople(tx: Tx, sessionId: string, input: SessionInput, links: PeopleLinks): Promise<void> {
  await tx.deleteFrom('event_session_people').where('session_id', '=', sessionId).execute();
  if (input.people.length === 0) return;
  const rows = input.people.map((p, position) => ({
    id: newId(), session_id: sessionId, role: p.role, user_id: links.accounts[position] ?? null, name: p.name, organisation: p.organisation ?? null,
    stakeholder_group: p.stakeholder_group ?? null, country: p.country ?? null, gender: p.gender ?? null, presence: p.presence ?? null,
    confirmed: p.confirmed ? 1 : 0, position,
  }));
  await tx.insertInto('event_session_people').values(rows).execute();
  await writeWindows(tx, 'session', rows.map((row, i) => ({ personId: row.id, windows: links.windows[i] ?? [] })));
}

/**
 * The people's stated windows as instants, each within the event's days: a refusal lands on the
 * person's field (`people.<row>.availability`, which the form shows as `person_<row>_availability`).
 */
const peopleWindows = (event: Pick<EventRef, 'time_zone' | 'starts_at' | 'ends_at'>, input: SessionInput): Result<Interval[][]> =>
  windowsInEvent(event, input.people, (i) => `people.${input.people[i]!.row}.availability`);

/**
 * The account each address names: a verified one, since a moderator's queue and a report's draft
 * open to it. An address with none is refused on its row, so no one is linked to a stranger by a typo.
 */
async function peopleAccounts(db: Db, input: SessionInput): Promise<Result<Array<string | null>>> {
  const accounts = await accountsByEmail(db, input.people.flatMap((p) => (p.email ? [p.email] : [])));
  const unknown = input.people.find((p) => p.email && !accounts.get(p.email)?.verified);
  if (unknown) return refuse('events.sessions.no_such_account', { field: `people.${unknown.row}.email` });
  return ok(input.people.map((p) => (p.email ? accounts.get(p.email)!.id : null)));
}

/** The people's windows and accounts, or the first refusal of either. */
async function peopleLinks(db: Db, event: EventRef, input: SessionInput): Promise<Result<PeopleLinks>> {
  const windows = peopleWindows(event, input);
  if (!windows.ok) return windows;
  const accounts = await peopleAccounts(db, input);
  if (!accounts.ok) return accounts;
  return ok({ windows: windows.value, accounts: accounts.value });
}

const sessionColumns = (input: SessionInput) => ({
  title: input.title, description: input.description ?? null, original_locale: input.original_locale, format: input.format ?? null,
  track_id: input.track ?? null, modality: input.modality, expected_attendance: input.expected_attendance ?? null, capacity: input.capacity ?? null,
});

/** The organisers add a session of their own (not from a proposal), unplaced until scheduled. */
export async function createSession(ctx: CommandContext<SignedIn>, event: EventRef, input: SessionInput): Promise<Result<{ id: string }>> {
  const links = await peopleLinks(ctx.db, event, input);
  if (!links.ok) return links;
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const { n } = await tx.selectFrom('event_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', event.id).executeTakeFirstOrThrow();
    if (Number(n) >= maxSessions) return refuse('events.sessions.too_many', { field: 'title', status: 409, values: { max: maxSessions } });
    if (!(await trackIsTheEvent(tx, event.id, input.track))) return refuse('common.errors.invalid_choice', { field: 'track' });
    if (!(await topicsAllowed(tx, input.topics, null))) return refuse('events.topics.unknown', { field: 'topics' });
    const id = newId();
    const stamp = timestamp(ctx.now);
    await tx.insertInto('event_sessions').values({
      id, event_id: event.id, proposal_id: null, ...sessionColumns(input), room_id: null, starts_at: null, ends_at: null, created_at: stamp, updated_at: stamp,
    }).execute();
    await writePeople(tx, id, input, links.value);
    await writeSessionTopics(tx, id, input.topics);
    await audit(tx, ctx.actor, ctx.now, { action: 'event.session_added', subjectType: 'event', subjectId: event.id, details: { session: id } });
    return ok({ id });
  });
}

/** Saves a session's details; more seats (or none) let its waitlist in at once, when `baseUrl` is given for the mails. */
export async function updateSession(ctx: CommandContext<SignedIn>, event: EventRef, sessionId: string, input: SessionInput, baseUrl?: string): Promise<Result<void>> {
  const links = await peopleLinks(ctx.db, event, input);
  if (!links.ok) return links;
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    if (!(await trackIsTheEvent(tx, event.id, input.track))) return refuse('common.errors.invalid_choice', { field: 'track' });
    if (!(await topicsAllowed(tx, input.topics, sessionId))) return refuse('events.topics.unknown', { field: 'topics' });
    const changed = await tx.updateTable('event_sessions').set({ ...sessionColumns(input), updated_at: timestamp(ctx.now) })
      .where('id', '=', sessionId).where('event_id', '=', event.id).executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return refuse('events.sessions.gone', { status: 404 });
    await writePeople(tx, sessionId, input, links.value);
    await writeSessionTopics(tx, sessionId, input.topics);
    if (baseUrl) await fillSessionSeats(ctx, tx, event.id, sessionId, baseUrl);
    await audit(tx, ctx.actor, ctx.now, { action: 'event.session_updated', subjectType: 'event', subjectId: event.id, details: { session: sessionId } });
    return ok();
  });
}

export async function removeSession(ctx: CommandContext<SignedIn>, event: EventRef, sessionId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const removed = await tx.deleteFrom('event_sessions').where('id', '=', sessionId).where('event_id', '=', event.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return refuse('events.sessions.gone', { status: 404 });
    await audit(tx, ctx.actor, ctx.now, { action: 'event.session_removed', subjectType: 'event', subjectId: event.id, details: { session: sessionId } });
    return ok();
  });
}

/** A time as typed (wall clock in the event's zone) or sent (ISO 8601 with an offset), as a UTC instant; null when it does not exist. */
function readTime(value: string, zone: string): string | null {
  if (localDateTime.test(value)) return fromLocalInput(value, zone);
  if (!isoWithOffset.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Reads a placement: both times or neither (neither takes the session off the program), the end
 * after the start, within the event's days — a time outside them is refused beside its field
 * (the conflict `outside_event` remains for sessions the event's later change of dates leaves out).
 */
export function readPlacement(event: Pick<EventRef, 'time_zone' | 'starts_at' | 'ends_at' | 'rooms'>, input: ScheduleInput): Result<{ room: string | null; start: string | null; end: string | null }> {
  if (input.room && !event.rooms.some((r) => r.id === input.room)) return refuse('common.errors.invalid_choice', { field: 'room' });
  if (!input.start && !input.end) return ok({ room: input.room ?? null, start: null, end: null });
  if (!input.start) return refuse('events.sessions.time_needed', { field: 'start' });
  if (!input.end) return refuse('events.sessions.time_needed', { field: 'end' });
  const start = readTime(input.start, event.time_zone);
  if (!start) return refuse('events.errors.no_such_time', { field: 'start' });
  const end = readTime(input.end, event.time_zone);
  if (!end) return refuse('events.errors.no_such_time', { field: 'end' });
  if (end <= start) return refuse('events.errors.end_before_start', { field: 'end' });
  const days = eventDays(event);
  if (Date.parse(start) < days.start || Date.parse(start) >= days.end) return refuse('events.sessions.outside_event', { field: 'start' });
  if (Date.parse(end) > days.end) return refuse('events.sessions.outside_event', { field: 'end' });
  return ok({ room: input.room ?? null, start, end });
}

/** Places a session in a room at a time (or takes it off): conflicts are not refused here, they are shown. */
export async function scheduleSession(ctx: CommandContext<SignedIn>, event: EventRef, sessionId: string, input: ScheduleInput): Promise<Result<void>> {
  const placement = readPlacement(event, input);
  if (!placement.ok) return placement;
  const { room, start, end } = placement.value;
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const changed = await tx.updateTable('event_sessions').set({ room_id: room, starts_at: start, ends_at: end, updated_at: timestamp(ctx.now) })
      .where('id', '=', sessionId).where('event_id', '=', event.id).executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return refuse('events.sessions.gone', { status: 404 });
    await audit(tx, ctx.actor, ctx.now, { action: 'event.session_scheduled', subjectType: 'event', subjectId: event.id, details: { session: sessionId, room, start, end } });
    return ok();
  });
}

/** Stores a version and appends it to the transparency log, in the caller's transaction (the event's row locked). */
export async function recordVersion(tx: Tx, v: { eventId: string; version: number; snapshot: ProgramSnapshot; openConflicts: number; actorId: string | null; now: Date }): Promise<void> {
  await tx.insertInto('event_program_versions').values({
    id: newId(), event_id: v.eventId, version: v.version, snapshot: snapshotText(v.snapshot), snapshot_sha256: snapshotHash(v.snapshot),
    session_count: v.snapshot.sessions.length, open_conflicts: v.openConflicts, published_by: v.actorId, published_at: timestamp(v.now),
  }).execute();
  await logProgramVersion(tx, { eventId: v.eventId, version: v.version, actorId: v.actorId, now: v.now });
}

/**
 * Publishes the working program as the next version: refused while the event is a draft, when
 * nothing changed since the last version, and — with open conflicts — unless the organisers
 * confirmed the number they saw. The event's row is locked, and (event, version) is unique, so two
 * presses at once give versions n and n+1, or a refusal: never the same version twice.
 */
export async function publishProgram(ctx: CommandContext<SignedIn>, event: EventRef, input: PublishInput): Promise<Result<{ version: number }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const current = await tx.selectFrom('events').select('status').where('id', '=', event.id).executeTakeFirst();
    if (!current) return refuse('events.errors.gone', { status: 404 });
    if (current.status === 'draft') return refuse('events.program.event_draft', { field: 'confirm', status: 409 });
    const [sessions, tracks, rooms] = await Promise.all([
      sessionsOf(tx, event.id), tracksOf(tx, event.id),
      tx.selectFrom('event_rooms').select(['id', 'name', 'capacity']).where('event_id', '=', event.id).execute(),
    ]);
    const open = conflictsOf({ ...event, rooms: rooms.map((r) => ({ ...r, capacity: r.capacity === null ? null : Number(r.capacity) })) }, sessions).length;
    if (open > 0 && !input.confirm) return refuse('events.program.confirm_needed', { field: 'confirm', values: { count: open } });
    if (open > 0 && input.seen_conflicts !== undefined && input.seen_conflicts !== open) {
      return refuse('events.program.conflicts_changed', { field: 'confirm', status: 409, values: { count: open } });
    }
    const snapshot = takeSnapshot(event.time_zone, sessions, rooms, tracks);
    if (snapshot.sessions.length === 0) return refuse('events.program.empty', { field: 'confirm', status: 409 });
    const last = await tx.selectFrom('event_program_versions').select(['version', 'snapshot_sha256']).where('event_id', '=', event.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const hash = snapshotHash(snapshot);
    if (last && last.snapshot_sha256 === hash) return refuse('events.program.unchanged', { field: 'confirm', status: 409, values: { version: Number(last.version) } });
    const version = Number(last?.version ?? 0) + 1;
    await recordVersion(tx, { eventId: event.id, version, snapshot, openConflicts: open, actorId: ctx.actor.user.id, now: ctx.now });
    await audit(tx, ctx.actor, ctx.now, { action: 'event.program_published', subjectType: 'event', subjectId: event.id, isPublic: true, details: { version, open_conflicts: open } });
    return ok({ version });
  });
}
