import type { Kysely } from 'kysely';
import type { Actor, CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { eventsDb, type EventRegistrationsTable, type EventsTables } from '../tables.ts';
import { closedBecause, eventSeats, presencesAllowed, seatFree, seatsToFill, sessionSeats, type Presence, type RegistrationStatus } from './rules.ts';
import type { CapacityInput, RegistrationInput } from './schema.ts';
import { queueRegistrationMail, type RegistrationMail } from './mail.ts';

type Tx = Kysely<EventsTables>;

/** What a registration is to: the event itself (scope '') or one of its sessions, with the presences it takes and their seats. */
interface Scope {
  scope: string;
  sessionId: string | null;
  sessionTitle: string | null;
  allowed: Presence[];
  seats: (presence: Presence) => number | null;
}

export interface Registered {
  id: string;
  status: RegistrationStatus;
  presence: Presence;
  session: string | null;
  /** Place on the waitlist (1 is next), for waitlisted registrations. */
  position: number | null;
}

async function scopeOf(tx: Tx, event: EventsTables['events'], sessionId: string | undefined): Promise<Result<Scope>> {
  if (!sessionId) return ok({ scope: '', sessionId: null, sessionTitle: null, allowed: presencesAllowed(event.format), seats: (p) => eventSeats(event, p) });
  const session = await tx.selectFrom('event_sessions').select(['id', 'title', 'modality', 'capacity']).where('id', '=', sessionId).where('event_id', '=', event.id).executeTakeFirst();
  if (!session) return refuse('events.registration.errors.no_session', { field: 'session' });
  const capacity = session.capacity === null ? null : Number(session.capacity);
  return ok({ scope: session.id, sessionId: session.id, sessionTitle: session.title, allowed: presencesAllowed(session.modality), seats: (p) => sessionSeats({ modality: session.modality, capacity }, p) });
}

async function countOf(tx: Tx, eventId: string, scope: string, presence: string, status: RegistrationStatus): Promise<number> {
  const row = await tx.selectFrom('event_registrations').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId).where('scope', '=', scope).where('presence', '=', presence).where('status', '=', status).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Place on the waitlist of a waitlisted registration: those of the same scope and presence who came before, plus one. */
export async function waitlistPosition(db: Tx, row: Pick<EventRegistrationsTable, 'event_id' | 'scope' | 'presence' | 'sequence'>): Promise<number> {
  const ahead = await db.selectFrom('event_registrations').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', row.event_id).where('scope', '=', row.scope).where('presence', '=', row.presence)
    .where('status', '=', 'waitlisted').where('sequence', '<', Number(row.sequence)).executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** The event, locked until the transaction ends: every registration, cancellation and change of seats of an event runs one after another. */
async function lockedEvent(tx: Tx, eventId: string) {
  await lockRow(tx, 'events', eventId);
  return tx.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
}

const mailOf = (ctx: CommandContext, tx: Tx, baseUrl: string, kind: RegistrationMail, row: { user_id: string; presence: string }, event: { slug: string }, scope: { sessionTitle: string | null }, extra: { secret?: string; position?: number } = {}) =>
  queueRegistrationMail(ctx, tx, baseUrl, kind, { userId: row.user_id, eventSlug: event.slug, sessionTitle: scope.sessionTitle, presence: row.presence, ...extra });

/**
 * Registers the signed-in person to a published event that has not ended (or to one of its
 * sessions), onsite or online as it allows: confirmed while seats are free, otherwise waitlisted
 * in order of arrival. The event's row is locked, so seats are never given twice. Someone who
 * cancelled may register again, at the end of the line.
 */
export async function register(ctx: CommandContext<SignedIn>, eventId: string, input: RegistrationInput, baseUrl: string): Promise<Result<Registered>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const event = await lockedEvent(tx, eventId);
    if (!event) return refuse('events.errors.gone', { status: 404 });
    const closed = closedBecause(event, timestamp(ctx.now));
    if (closed) return refuse(`events.registration.errors.${closed}`, { status: 409 });
    const scope = await scopeOf(tx, event, input.session);
    if (!scope.ok) return scope;
    const { value: where } = scope;
    if (!where.allowed.includes(input.presence)) return refuse('events.registration.errors.presence_not_offered', { field: 'presence' });
    const existing = await tx.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('scope', '=', where.scope).where('user_id', '=', ctx.actor.user.id).executeTakeFirst();
    if (existing && existing.status !== 'cancelled') return refuse('events.registration.errors.already', { status: 409 });

    const confirmed = await countOf(tx, eventId, where.scope, input.presence, 'confirmed');
    const status: RegistrationStatus = seatFree(confirmed, where.seats(input.presence)) ? 'confirmed' : 'waitlisted';
    const last = await tx.selectFrom('event_registrations').select((eb) => eb.fn.max('sequence').as('last')).where('event_id', '=', eventId).executeTakeFirst();
    const secret = newSecret();
    const now = timestamp(ctx.now);
    const row: EventRegistrationsTable = {
      id: existing?.id ?? newId(), event_id: eventId, session_id: where.sessionId, scope: where.scope, user_id: ctx.actor.user.id,
      presence: input.presence, stakeholder_group: input.stakeholder_group, status, sequence: Number(last?.last ?? 0) + 1,
      cancel_token_hash: hashSecret(secret), registered_at: now, confirmed_at: status === 'confirmed' ? now : null, cancelled_at: null, updated_at: now,
    };
    if (existing) await tx.updateTable('event_registrations').set(row).where('id', '=', existing.id).execute();
    else await tx.insertInto('event_registrations').values(row).execute();
    const position = status === 'waitlisted' ? await waitlistPosition(tx, row) : null;
    await mailOf(ctx, tx, baseUrl, status, row, event, where, { secret, position: position ?? undefined });
    await audit(tx, ctx.actor, ctx.now, { action: 'event.registered', subjectType: 'event', subjectId: eventId, details: { registration: row.id, status, presence: row.presence } });
    return ok({ id: row.id, status, presence: input.presence, session: where.sessionId, position });
  });
}

/**
 * Lets in the first waitlisted people of a scope and presence while seats are free, in order,
 * each mailed with a new cancellation link (the one they had is replaced: only its hash was kept).
 */
async function fillSeats(ctx: CommandContext, tx: Tx, event: EventsTables['events'], where: Scope, presence: Presence, baseUrl: string): Promise<number> {
  const confirmed = await countOf(tx, event.id, where.scope, presence, 'confirmed');
  const waiting = await countOf(tx, event.id, where.scope, presence, 'waitlisted');
  const free = seatsToFill(confirmed, where.seats(presence), waiting);
  if (free === 0) return 0;
  const next = await tx.selectFrom('event_registrations').selectAll()
    .where('event_id', '=', event.id).where('scope', '=', where.scope).where('presence', '=', presence).where('status', '=', 'waitlisted')
    .orderBy('sequence').limit(free).execute();
  const now = timestamp(ctx.now);
  for (const row of next) {
    const secret = newSecret();
    await tx.updateTable('event_registrations').set({ status: 'confirmed', confirmed_at: now, updated_at: now, cancel_token_hash: hashSecret(secret) }).where('id', '=', row.id).execute();
    await mailOf(ctx, tx, baseUrl, 'promoted', row, event, where, { secret });
    await audit(tx, ctx.actor, ctx.now, { action: 'event.registration_promoted', subjectType: 'event', subjectId: event.id, details: { registration: row.id } });
  }
  return next.length;
}

/**
 * After the organisers change a session's seats (the program's session form, decision 023): the
 * first in line of each presence get the seats now free, in order, and a mail — while the event
 * takes registrations. The caller holds the event's row lock, in its transaction.
 */
export async function fillSessionSeats(ctx: CommandContext, tx: Tx, eventId: string, sessionId: string, baseUrl: string): Promise<number> {
  const event = await tx.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event || closedBecause(event, timestamp(ctx.now))) return 0;
  const scope = await scopeOf(tx, event, sessionId);
  if (!scope.ok) return 0;
  let promoted = 0;
  for (const presence of scope.value.allowed) promoted += await fillSeats(ctx, tx, event, scope.value, presence, baseUrl);
  return promoted;
}

/** Cancels a registration found under the event's lock, lets the next in line in, and mails the person who cancelled. */
async function cancelLocked(ctx: CommandContext, tx: Tx, event: EventsTables['events'], row: EventRegistrationsTable, baseUrl: string): Promise<Result<void>> {
  const now = timestamp(ctx.now);
  await tx.updateTable('event_registrations').set({ status: 'cancelled', cancelled_at: now, updated_at: now }).where('id', '=', row.id).execute();
  const scope = await scopeOf(tx, event, row.session_id ?? undefined);
  if (!scope.ok) return scope;
  await mailOf(ctx, tx, baseUrl, 'cancelled', row, event, scope.value);
  await audit(tx, ctx.actor, ctx.now, { action: 'event.registration_cancelled', subjectType: 'event', subjectId: event.id, details: { registration: row.id, was: row.status } });
  // A freed seat goes to the next in line while the event takes registrations; after it, nobody is mailed a seat.
  if (row.status === 'confirmed' && !closedBecause(event, now)) await fillSeats(ctx, tx, event, scope.value, row.presence as Presence, baseUrl);
  return ok();
}

/** The signed-in person cancels their registration to the event (or to one of its sessions). */
export async function cancelMine(ctx: CommandContext<SignedIn>, eventId: string, sessionId: string | undefined, baseUrl: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const event = await lockedEvent(tx, eventId);
    if (!event) return refuse('events.errors.gone', { status: 404 });
    const row = await tx.selectFrom('event_registrations').selectAll()
      .where('event_id', '=', eventId).where('scope', '=', sessionId ?? '').where('user_id', '=', ctx.actor.user.id).where('status', '!=', 'cancelled').executeTakeFirst();
    if (!row) return refuse('events.registration.errors.not_registered', { status: 409 });
    return cancelLocked(ctx, tx, event, row, baseUrl);
  });
}

/** The registration a cancellation link names, if it is still active (a cancelled one's link is spent). */
export async function registrationByToken(db: Tx, eventId: string, secret: string) {
  return db.selectFrom('event_registrations').selectAll()
    .where('cancel_token_hash', '=', hashSecret(secret)).where('event_id', '=', eventId).where('status', '!=', 'cancelled').executeTakeFirst();
}

/** Cancels through the link in the mail: no session needed, the secret is the authority. */
export async function cancelByToken(ctx: CommandContext<Actor>, eventId: string, secret: string, baseUrl: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const event = await lockedEvent(tx, eventId);
    if (!event) return refuse('events.errors.gone', { status: 404 });
    const row = await registrationByToken(tx, eventId, secret);
    if (!row) return refuse('events.registration.errors.link_spent', { status: 404 });
    return cancelLocked(ctx, tx, event, row, baseUrl);
  });
}

/** The organisers set the event's onsite and online seats; more seats let the waitlist in at once. */
export async function setCapacity(ctx: CommandContext<SignedIn>, eventId: string, input: CapacityInput, baseUrl: string): Promise<Result<{ promoted: number }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const before = await lockedEvent(tx, eventId);
    if (!before) return refuse('events.errors.gone', { status: 404 });
    const seats = { onsite_capacity: input.onsite_capacity ?? null, online_capacity: input.online_capacity ?? null };
    await tx.updateTable('events').set({ ...seats, updated_at: timestamp(ctx.now) }).where('id', '=', eventId).execute();
    const event = { ...before, ...seats };
    const where = (await scopeOf(tx, event, undefined)) as { ok: true; value: Scope };
    let promoted = 0;
    // Only an open event lets people in: a closed one keeps its list as it was.
    if (!closedBecause(event, timestamp(ctx.now))) {
      for (const presence of ['onsite', 'online'] as const) promoted += await fillSeats(ctx, tx, event, where.value, presence, baseUrl);
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'event.capacity_set', subjectType: 'event', subjectId: eventId, details: { ...seats, promoted } });
    return ok({ promoted });
  });
}
