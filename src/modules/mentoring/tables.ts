import { tablesOf, type Db } from '../../platform/db/index.ts';

/**
 * An experienced initiative's offer to mentor (docs/decisions/035-mentoring.md): one per
 * initiative, kept when paused or withdrawn so its mentorships still name it.
 */
export interface MentorOffersTable {
  id: string;
  initiative_id: string;
  /** JSON arrays of keys: BCP 47 languages, UN regional groups, topic keys, toolkit step keys. */
  languages: string;
  regions: string;
  topics: string;
  steps: string;
  /** How many initiatives at once (≥ 1): active mentorships, those awaiting approval and requests offered to it count. */
  capacity: number;
  /** A few words to newcomers, in the offer's language (optional). */
  note: string | null;
  /** open, paused or withdrawn. */
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A newcomer's request for a mentor, routed along its ranked preferences (offer ids, in order):
 * `offered` to one mentor at a time, `waiting` while every preferred mentor still to ask is full,
 * then `matched`, `unmatched` (every preference declined) or `withdrawn`.
 */
export interface MentoringRequestsTable {
  id: string;
  initiative_id: string;
  /** JSON array of offer ids, first choice first. */
  preferences: string;
  message: string | null;
  status: string;
  /** The offer it waits on an answer from, while `offered`. */
  offer_id: string | null;
  offered_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A preferred mentor that will not be asked again: it declined, did not answer in time, or the secretariat did not approve the match. */
export interface MentoringPassesTable {
  id: string;
  request_id: string;
  offer_id: string;
  /** declined, expired or rejected. */
  reason: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string;
}

/** A mentor and a newcomer working together: `approval` (when the secretariat asks to approve), `active`, `ended` or `rejected`. */
export interface MentorshipsTable {
  id: string;
  request_id: string;
  offer_id: string;
  mentor_initiative_id: string;
  mentee_initiative_id: string;
  status: string;
  /** JSON array of the goals, as the two committees wrote them. */
  goals: string;
  /** Each side's consent to list the mentorship publicly (0/1). */
  mentor_consent: number;
  mentee_consent: number;
  accepted_by: string | null;
  accepted_at: string;
  approved_by: string | null;
  started_at: string | null;
  ended_by: string | null;
  ended_at: string | null;
  mentor_feedback: string | null;
  mentor_rating: number | null;
  mentee_feedback: string | null;
  mentee_rating: number | null;
  updated_at: string;
}

/** A meeting of a mentorship, logged by someone of either committee. */
export interface MentoringMeetingsTable {
  id: string;
  mentorship_id: string;
  held_on: string;
  notes: string;
  /** mentor or mentee: whose committee logged it. */
  side: string;
  logged_by: string | null;
  created_at: string;
}

/** The secretariat's settings of mentoring, by name (`approval_required`: '1' or '0'). */
export interface MentoringSettingsTable {
  name: string;
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export interface MentoringTables {
  mentor_offers: MentorOffersTable;
  mentoring_requests: MentoringRequestsTable;
  mentoring_passes: MentoringPassesTable;
  mentorships: MentorshipsTable;
  mentoring_meetings: MentoringMeetingsTable;
  mentoring_settings: MentoringSettingsTable;
}

export const mentoringTables = ['mentor_offers', 'mentoring_requests', 'mentoring_passes', 'mentorships', 'mentoring_meetings', 'mentoring_settings'] as const satisfies ReadonlyArray<keyof MentoringTables>;

export const mentoringDb = (db: Db) => tablesOf<MentoringTables>(db);
