import { tablesOf, type Db } from '../../platform/db/index.ts';
import type { EventFloorRequestsTable } from './floor/tables.ts';
import type { EventProposalAnswersTable, EventProposalPeopleTable, EventProposalsTable } from './call/tables.ts';
import { reviewTables, type ReviewTables } from './review/tables.ts';
import { topicTables, type TopicTables } from './topics/tables.ts';

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
  /** Seats for those who come in person and for those who join online; none means no limit (registration/; optional here as rows built in tests may leave them out). */
  onsite_capacity?: number | null;
  online_capacity?: number | null;
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

/** A call for session proposals: its dates (UTC instants) and the screening settings it applies. */
export interface EventCallsTable {
  event_id: string;
  opens_at: string;
  closes_at: string;
  min_speakers: number;
  min_stakeholder_groups: number;
  max_sessions_per_speaker: number;
  anonymous_review: number;
  created_at: string;
  updated_at: string;
}

/** An extra question the call asks every proposer. */
export interface EventCallQuestionsTable {
  id: string;
  event_id: string;
  question: string;
  required: number;
  position: number;
}

export interface EventTracksTable {
  id: string;
  event_id: string;
  name: string;
  description: string | null;
  position: number;
}

/** A session format the call offers (vocabulary.ts `sessionFormats`) and how long it lasts. */
export interface EventSessionFormatsTable {
  event_id: string;
  format: string;
  duration_minutes: number;
}

/** A session of the program; placed once room, start and end are set. */
export interface EventSessionsTable {
  id: string;
  event_id: string;
  proposal_id: string | null;
  title: string;
  description: string | null;
  original_locale: string;
  format: string | null;
  track_id: string | null;
  /** in_person, online or hybrid (domain/types.ts `modalities`). */
  modality: string;
  room_id: string | null;
  starts_at: string | null;
  ends_at: string | null;
  expected_attendance: number | null;
  /** Seats for registration to this session; none means the room's or the event's. */
  capacity: number | null;
  created_at: string;
  updated_at: string;
}

/** One person in one session (domain/types.ts `sessionRoles`); `user_id` when they have an account. */
export interface EventSessionPeopleTable {
  id: string;
  session_id: string;
  role: string;
  user_id: string | null;
  name: string;
  organisation: string | null;
  stakeholder_group: string | null;
  country: string | null;
  /** Self-described, free text. */
  gender: string | null;
  /** onsite or online. */
  presence: string | null;
  confirmed: number;
  position: number;
}

/** A published version of an event's program: the snapshot and the hash the transparency log covers. */
export interface EventProgramVersionsTable {
  id: string;
  event_id: string;
  version: number;
  /** Canonical JSON of the program as published (program/snapshot.ts). */
  snapshot: string;
  snapshot_sha256: string;
  session_count: number;
  /** How many conflicts the organisers confirmed publishing with. */
  open_conflicts: number;
  published_by: string | null;
  published_at: string;
}

/** A person registered to an event or to one of its sessions (registration/, decision 018). */
export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  session_id: string | null;
  /** The session's id, or '' for the event itself. */
  scope: string;
  user_id: string;
  /** onsite or online. */
  presence: string;
  stakeholder_group: string;
  /** confirmed, waitlisted or cancelled. */
  status: string;
  sequence: number;
  cancel_token_hash: string;
  registered_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  updated_at: string;
}

/** A stretch of time a session's or a proposal's person said they can take part in (exactly one of the two ids is set; decision 022). */
export interface EventPersonAvailabilityTable {
  id: string;
  session_person_id: string | null;
  proposal_person_id: string | null;
  starts_at: string;
  ends_at: string;
  position: number;
}

export interface EventsTables extends ReviewTables, TopicTables {
  events: EventsTable;
  event_languages: EventLanguagesTable;
  event_interpretations: EventInterpretationsTable;
  event_rooms: EventRoomsTable;
  event_outcomes: EventOutcomesTable;
  event_calls: EventCallsTable;
  event_call_questions: EventCallQuestionsTable;
  event_tracks: EventTracksTable;
  event_session_formats: EventSessionFormatsTable;
  event_sessions: EventSessionsTable;
  event_session_people: EventSessionPeopleTable;
  event_proposals: EventProposalsTable;
  event_proposal_people: EventProposalPeopleTable;
  event_proposal_answers: EventProposalAnswersTable;
  event_program_versions: EventProgramVersionsTable;
  event_registrations: EventRegistrationsTable;
  event_floor_requests: EventFloorRequestsTable;
  event_person_availability: EventPersonAvailabilityTable;
}

export const eventsTables = [
  'events',
  'event_languages',
  'event_interpretations',
  'event_rooms',
  'event_outcomes',
  'event_calls',
  'event_call_questions',
  'event_tracks',
  'event_session_formats',
  'event_sessions',
  'event_session_people',
  'event_proposals',
  'event_proposal_people',
  'event_proposal_answers',
  'event_program_versions',
  'event_registrations',
  'event_floor_requests',
  'event_person_availability',
  ...reviewTables,
  ...topicTables,
] as const satisfies ReadonlyArray<
  keyof EventsTables
>;

export const eventsDb = (db: Db) => tablesOf<EventsTables>(db);
