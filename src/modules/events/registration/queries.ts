import type { Db } from '../../../platform/db/index.ts';
import { mailboxes } from '../../accounts/index.ts';
import { eventsDb, type EventRegistrationsTable } from '../tables.ts';
import { waitlistPosition } from './commands.ts';
import type { Presence } from './rules.ts';

export interface MyRegistration {
  id: string;
  status: string;
  presence: Presence;
  stakeholder_group: string;
  /** Place on the waitlist, for waitlisted registrations. */
  position: number | null;
}

const withPosition = async (db: Db, row: EventRegistrationsTable): Promise<MyRegistration> => ({
  id: row.id, status: row.status, presence: row.presence as Presence, stakeholder_group: row.stakeholder_group,
  position: row.status === 'waitlisted' ? await waitlistPosition(eventsDb(db), row) : null,
});

/** A person's registration to the event itself (cancelled ones too), or null. */
export async function myRegistration(db: Db, userId: string | undefined, eventId: string): Promise<MyRegistration | null> {
  if (!userId) return null;
  const row = await eventsDb(db).selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('scope', '=', '').where('user_id', '=', userId).executeTakeFirst();
  return row ? withPosition(db, row) : null;
}

export interface SeatCount {
  presence: Presence;
  seats: number | null;
  confirmed: number;
  waitlisted: number;
}

/** Seats taken and people waiting for the event itself, per presence: numbers only, shown to anyone. */
export async function seatCounts(db: Db, event: { id: string; onsite_capacity?: number | null; online_capacity?: number | null }, offered: Presence[]): Promise<SeatCount[]> {
  const rows = await eventsDb(db).selectFrom('event_registrations').select(['presence', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', event.id).where('scope', '=', '').groupBy(['presence', 'status']).execute();
  const count = (presence: string, status: string) => Number(rows.find((r) => r.presence === presence && r.status === status)?.n ?? 0);
  return offered.map((presence) => {
    const seats = presence === 'onsite' ? event.onsite_capacity : event.online_capacity;
    return { presence, seats: seats === null || seats === undefined ? null : Number(seats), confirmed: count(presence, 'confirmed'), waitlisted: count(presence, 'waitlisted') };
  });
}

export interface RegistrationListItem {
  id: string;
  name: string;
  email: string;
  session: string | null;
  presence: string;
  stakeholder_group: string;
  status: string;
  registered_at: string;
  position: number | null;
}

const statusOrder: Record<string, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/**
 * Everyone registered to an event and its sessions, for its organisers: the event's own list
 * first, then each session's; confirmed, then the waitlist in order, then cancellations.
 */
export async function registrationList(db: Db, eventId: string): Promise<RegistrationListItem[]> {
  const events = eventsDb(db);
  const rows = await events.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).orderBy('sequence').execute();
  const [people, sessions] = await Promise.all([
    mailboxes(db, rows.map((r) => r.user_id)),
    rows.some((r) => r.session_id)
      ? events.selectFrom('event_sessions').select(['id', 'title']).where('event_id', '=', eventId).execute()
      : Promise.resolve([]),
  ]);
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  const places = new Map<string, number>();
  const items = rows.map((r) => {
    const key = `${r.scope}|${r.presence}`;
    const position = r.status === 'waitlisted' ? (places.get(key) ?? 0) + 1 : null;
    if (position) places.set(key, position);
    const person = people.get(r.user_id);
    return {
      id: r.id, name: person?.name ?? '', email: person?.email ?? '', session: r.session_id ? (titles.get(r.session_id) ?? '') : null,
      presence: r.presence, stakeholder_group: r.stakeholder_group, status: r.status, registered_at: r.registered_at, position, scope: r.scope, sequence: Number(r.sequence),
    };
  });
  items.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === '' ? -1 : b.scope === '' ? 1 : a.scope < b.scope ? -1 : 1) || statusOrder[a.status]! - statusOrder[b.status]! || a.sequence - b.sequence);
  return items.map(({ scope: _, sequence: __, ...item }) => item);
}

export interface PersonRegistration extends MyRegistration {
  event: { slug: string; title: string; starts_at: string; time_zone: string };
  session: string | null;
}

/** A person's registrations that are not cancelled, soonest event first (for /my/events). */
export async function registrationsOf(db: Db, userId: string): Promise<PersonRegistration[]> {
  const events = eventsDb(db);
  const rows = await events.selectFrom('event_registrations').selectAll().where('user_id', '=', userId).where('status', '!=', 'cancelled').execute();
  if (rows.length === 0) return [];
  const [details, sessions] = await Promise.all([
    events.selectFrom('events').select(['id', 'slug', 'title', 'starts_at', 'time_zone']).where('id', 'in', [...new Set(rows.map((r) => r.event_id))]).execute(),
    events.selectFrom('event_sessions').select(['id', 'title']).where('id', 'in', [...new Set(rows.map((r) => r.session_id ?? ''))]).execute(),
  ]);
  const eventOf = new Map(details.map((e) => [e.id, e]));
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  const mine = await Promise.all(rows.map(async (r) => ({ ...(await withPosition(db, r)), event: eventOf.get(r.event_id)!, session: r.session_id ? (titles.get(r.session_id) ?? '') : null })));
  return mine.filter((m) => m.event).sort((a, b) => a.event.starts_at.localeCompare(b.event.starts_at) || (a.session ?? '').localeCompare(b.session ?? ''));
}
