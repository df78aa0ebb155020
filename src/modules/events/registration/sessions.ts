/**
 * Registration for one session, from the public program (docs/decisions/023): each session with
 * seats of its own shows how many are left, and the visitor's own registration to it.
 */
import type { Db } from '../../../platform/db/index.ts';
import { eventsDb } from '../tables.ts';
import { waitlistPosition } from './commands.ts';
import { presencesAllowed, sessionSeats, type Presence } from './rules.ts';
import type { MyRegistration, SeatCount } from './queries.ts';

export interface SessionSeating {
  id: string;
  title: string;
  /** The presences the session takes (its modality). */
  offered: Presence[];
  /** Seats taken and people waiting, per presence offered (the session's capacity limits one of them). */
  counts: SeatCount[];
  /** The visitor's registration to this session (cancelled ones too), or null. */
  mine: MyRegistration | null;
}

/**
 * The sessions of an event among `ids` that have a capacity, with their seats and the visitor's
 * registration: a few queries for the whole program. Sessions since removed are left out.
 */
export async function sessionSeatings(db: Db, eventId: string, ids: readonly string[], userId: string | undefined): Promise<Map<string, SessionSeating>> {
  const events = eventsDb(db);
  const seatings = new Map<string, SessionSeating>();
  if (ids.length === 0) return seatings;
  const shown = await events.selectFrom('event_sessions').select(['id', 'title', 'modality', 'capacity'])
    .where('event_id', '=', eventId).where('capacity', 'is not', null).where('id', 'in', [...ids]).execute();
  if (shown.length === 0) return seatings;
  const [rows, mine] = await Promise.all([
    events.selectFrom('event_registrations').select(['scope', 'presence', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', eventId).where('scope', '!=', '').groupBy(['scope', 'presence', 'status']).execute(),
    userId
      ? events.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('scope', '!=', '').where('user_id', '=', userId).execute()
      : Promise.resolve([]),
  ]);
  const count = (scope: string, presence: string, status: string) => Number(rows.find((r) => r.scope === scope && r.presence === presence && r.status === status)?.n ?? 0);
  for (const s of shown) {
    const capacity = s.capacity === null ? null : Number(s.capacity);
    const offered = presencesAllowed(s.modality);
    const own = mine.find((r) => r.scope === s.id);
    seatings.set(s.id, {
      id: s.id, title: s.title, offered,
      counts: offered.map((presence) => ({
        presence, seats: sessionSeats({ modality: s.modality, capacity }, presence), confirmed: count(s.id, presence, 'confirmed'), waitlisted: count(s.id, presence, 'waitlisted'),
      })),
      mine: own ? {
        id: own.id, status: own.status, presence: own.presence as Presence, stakeholder_group: own.stakeholder_group,
        position: own.status === 'waitlisted' ? await waitlistPosition(events, own) : null,
      } : null,
    });
  }
  return seatings;
}
