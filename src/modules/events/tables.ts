import { tablesOf, type Db } from '../../platform/db/index.ts';

/** The events module's tables (ids, times and flags are stored as everywhere: see accounts/tables.ts). */
export interface EventsTable {
  id: string;
  slug: string;
  initiative_id: string;
  kind: string;
  format: string;
  title: string;
  description: string | null;
  /** The language the title and description are written in. */
  original_locale: string;
  venue_name: string | null;
  venue_city: string | null;
  venue_country: string | null;
  /** IANA zone the organisers gave the times in; times below are UTC instants. */
  time_zone: string;
  starts_at: string;
  ends_at: string;
  status: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventLanguagesTable {
  event_id: string;
  language: string;
}

/** One interpretation pair, stored as "en-es" (the two languages in alphabetical order). */
export interface EventInterpretationsTable {
  event_id: string;
  pair: string;
}

export interface EventRoomsTable {
  id: string;
  event_id: string;
  name: string;
  capacity: number | null;
  online_link: string | null;
  position: number;
}

/** Each publication and closing, as logged: what the transparency log's hash covers. */
export interface EventOutcomesTable {
  id: string;
  event_id: string;
  version: number;
  outcome: string;
  title: string;
  initiative_id: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  decided_by: string | null;
  decided_at: string;
}

export interface EventsTables {
  events: EventsTable;
  event_languages: EventLanguagesTable;
  event_interpretations: EventInterpretationsTable;
  event_rooms: EventRoomsTable;
  event_outcomes: EventOutcomesTable;
}

export const eventsTables = ['events', 'event_languages', 'event_interpretations', 'event_rooms', 'event_outcomes'] as const satisfies ReadonlyArray<
  keyof EventsTables
>;

export const eventsDb = (db: Db) => tablesOf<EventsTables>(db);
