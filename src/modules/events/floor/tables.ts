/** One request in a session's live queue (migration 202611271100_events_floor). */
export interface EventFloorRequestsTable {
  id: string;
  session_id: string;
  /** The participant who asked; null for an onsite speaker the moderator recorded. */
  user_id: string | null;
  /** As shown to the moderator: the account's name when asked, or what the moderator typed (optional). */
  name: string | null;
  /** floor or question. */
  kind: string;
  question: string | null;
  /** onsite or online. */
  presence: string;
  stakeholder_group: string | null;
  /** The order asked in, per session (1, 2, 3…). */
  position: number;
  requested_at: string;
  /** waiting, took_floor, answered, withdrawn or dismissed. */
  status: string;
  handled_by: string | null;
  handled_at: string | null;
  /** How many times the row changed: the queue's version is the sum over its rows. */
  version: number;
}
