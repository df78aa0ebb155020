/**
 * Registration's pure rules (issue 10, item 5): who may come how, whether an event takes
 * registrations, and whether a seat is free. No database here.
 */
export const presences = ['onsite', 'online'] as const;
export type Presence = (typeof presences)[number];

export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** How people may take part in an event of a format (or a session of a modality): both share in_person, online, hybrid. */
export function presencesAllowed(format: string): Presence[] {
  if (format === 'in_person') return ['onsite'];
  if (format === 'online') return ['online'];
  return ['onsite', 'online'];
}

/** Why an event takes no registration now, or null when it does: drafts, closed events and ended ones do not. */
export function closedBecause(event: { status: string; ends_at: string }, now: string): 'draft' | 'closed' | 'ended' | null {
  if (event.status === 'draft') return 'draft';
  if (event.status !== 'published') return 'closed';
  return event.ends_at <= now ? 'ended' : null;
}

/** Seats of each presence for the event itself: none means no limit. */
export function eventSeats(event: { onsite_capacity?: number | null; online_capacity?: number | null }, presence: Presence): number | null {
  const seats = presence === 'onsite' ? event.onsite_capacity : event.online_capacity;
  return seats === null || seats === undefined ? null : Number(seats);
}

/**
 * Seats of a session: its capacity counts those in the room, or, for an online session, those
 * online; the other presence has no limit of the session's own.
 */
export function sessionSeats(session: { modality: string; capacity: number | null }, presence: Presence): number | null {
  const limited: Presence = session.modality === 'online' ? 'online' : 'onsite';
  return presence === limited && session.capacity !== null ? Number(session.capacity) : null;
}

/** Whether one more person is confirmed, given how many are and how many seats there are. */
export const seatFree = (confirmed: number, seats: number | null): boolean => seats === null || confirmed < seats;

/** How many waiting people a number of free seats lets in (all of them when there is no limit). */
export const seatsToFill = (confirmed: number, seats: number | null, waiting: number): number => (seats === null ? waiting : Math.max(0, Math.min(waiting, seats - confirmed)));
