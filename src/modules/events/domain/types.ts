/**
 * The shapes the events module's pure rules read and answer (docs/decisions/015-events-rules.md).
 * No database and no HTTP here: a query layer fills these from rows, and pages or the API render
 * the answers through the catalog keys each rule exports.
 */
import type { StakeholderKey } from '../../../platform/stakeholders.ts';

export type { StakeholderKey };

/** A moment in time: milliseconds since the Unix epoch, UTC (`Date.parse(iso)`, `date.getTime()`). */
export type Instant = number;

/** A half-open stretch of time [start, end): one that ends at 10:00 does not touch one that starts at 10:00. */
export interface Interval {
  start: Instant;
  end: Instant;
}

/** How people take part in an event or a session. */
export const modalities = ['in_person', 'online', 'hybrid'] as const;
export type Modality = (typeof modalities)[number];

/** What a person does in a session (DESIGN §1). */
export const sessionRoles = ['organiser', 'moderator', 'online_moderator', 'speaker', 'rapporteur'] as const;
export type SessionRole = (typeof sessionRoles)[number];

/**
 * A person as a proposal or a program names them. `id` identifies the person (their account, or a
 * record of the person kept across proposals), never the row of one proposal's speaker list: two
 * different ids are two different people. People typed into a form have only a name and maybe an
 * organisation, and are matched by those (see people.ts).
 */
export interface PersonRef {
  id?: string | null;
  name: string;
  organisation?: string | null;
}

/** A speaker as a proposal names them (issue 10, item 2). */
export interface Speaker extends PersonRef {
  /** A stored stakeholder value (one of the platform's keys); missing when not given. */
  stakeholderGroup?: StakeholderKey | null;
  country?: string | null;
  /** Self-described, free text; missing or blank means unknown, which never counts as a gender. */
  gender?: string | null;
  presence?: 'onsite' | 'online' | null;
  confirmed?: boolean;
}

/** A proposal as the screening rules read it, while it is being written or once it is stored. */
export interface ProposalDraft {
  /** Set once stored, so that the proposal is not counted twice among the event's sessions. */
  id?: string | null;
  modality: Modality;
  organisers: readonly PersonRef[];
  speakers: readonly Speaker[];
  /** The moderator in the room. */
  moderator?: PersonRef | null;
  onlineModerator?: PersonRef | null;
  rapporteur?: PersonRef | null;
}

/** One person in one scheduled session. */
export interface SessionPerson {
  person: PersonRef;
  role: SessionRole;
}

/** A session placed in the program: both instants are set (unscheduled sessions are not passed in). */
export interface ScheduledSession extends Interval {
  id: string;
  title?: string;
  roomId?: string | null;
  trackId?: string | null;
  /** How many people the organisers expect in the room; missing means not estimated. */
  expectedAttendance?: number | null;
  people: readonly SessionPerson[];
}

export interface Room {
  id: string;
  name: string;
  /** Seats; missing for an online-only room, which is never too small. */
  capacity?: number | null;
}

/** When a person said they can take part; a person with no stated windows is never checked. */
export interface Availability {
  person: PersonRef;
  windows: readonly Interval[];
}

/** What the conflict detection reads: the event's dates as instants and the placed sessions. */
export interface Program {
  /** From the first day's 00:00 to the last day's 24:00, in the event's time zone. */
  event: Interval;
  rooms: readonly Room[];
  sessions: readonly ScheduledSession[];
  availability?: readonly Availability[];
}

/** A programme committee member who reviews, sitting for a stakeholder group. */
export interface Reviewer {
  id: string;
  /** The reviewer as a person, to recognise their own proposals (by id, or by name and organisation). */
  person: PersonRef;
  stakeholderGroup: StakeholderKey;
}

/** A proposal as the reviewer assignment reads it. */
export interface ProposalForReview {
  id: string;
  /** Who submitted it and who organises it. */
  organisers: readonly PersonRef[];
  speakers: readonly PersonRef[];
}

/** A reviewer's scores for one proposal: criterion key → an integer from 1 to 5. */
export interface Review {
  reviewerId: string;
  stakeholderGroup: StakeholderKey;
  scores: Readonly<Record<string, number>>;
}

export interface Criterion {
  key: string;
  /** A relative weight, > 0. */
  weight: number;
}
