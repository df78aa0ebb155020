import { tablesOf, type Db } from '../../platform/db/index.ts';

/**
 * A consultation on a text (docs/decisions/034): opened by an initiative's committee, with its
 * phases as the days each one starts. Later slices add positions, the consensus call, appeals and
 * the opinion map in tables of their own, keyed by the consultation and, where they concern one
 * paragraph, by its stable anchor.
 */
export interface ConsultationsTable {
  id: string;
  initiative_id: string;
  /** The event of that initiative whose organisers opened it (docs/decisions/040), or null for the initiative's own. */
  event_id: string | null;
  /** Unique across the installation: `/consultations/<slug>`. */
  slug: string;
  title: string;
  /** declaration, action_plan or policy_proposal. */
  text_kind: string;
  /** The language the text is written in. */
  language: string;
  /** JSON array of the languages the consultation takes part in. */
  languages: string;
  /** The day each phase starts (YYYY-MM-DD); a phase runs until the next one starts. */
  comments_from: string;
  amendments_from: string;
  positions_from: string;
  consensus_from: string;
  closes_on: string;
  /** The number of the latest published version; 0 while nothing is published. */
  published_version: number;
  /** The fewest people a stakeholder group should have among the positions before the tally stops warning (docs/decisions/038). */
  min_per_group: number;
  /** How many days after the consensus call an appeal may be filed. */
  appeal_days: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Who holds a role in a consultation: chair, drafter (the drafting group) or moderator. */
export interface ConsultationPeopleTable {
  consultation_id: string;
  user_id: string;
  role: string;
  added_at: string;
}

/** A version of the text: one draft at most, then published and never changed again. */
export interface ConsultationVersionsTable {
  id: string;
  consultation_id: string;
  number: number;
  /** draft or published. */
  status: string;
  /** The text as written, in Markdown. */
  markdown: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_by: string | null;
  published_at: string | null;
}

/** A block of a version: a section heading or a paragraph, under its stable anchor. */
export interface ConsultationBlocksTable {
  version_id: string;
  /** The block's place in the version, from 0. */
  position: number;
  /** Stable across versions (docs/decisions/034, "Anchors"): `#p-<anchor>`. */
  anchor: string;
  /** heading or paragraph. */
  kind: string;
  /** The section's number for a heading, the paragraph's number (counted through the whole text) for a paragraph. */
  number: number;
  /** The heading's level (1–6), 0 for a paragraph. */
  level: number;
  /** The block's Markdown. */
  text: string;
}

/** A comment on a paragraph (by its anchor, so it follows the paragraph into later versions), or a reply to one. */
export interface ConsultationCommentsTable {
  id: string;
  consultation_id: string;
  anchor: string;
  /** The version the commenter read. */
  version_number: number;
  parent_id: string | null;
  author_id: string;
  body: string;
  created_at: string;
}

/** New wording proposed for one paragraph, with its reasons; the drafting group decides. */
export interface ConsultationAmendmentsTable {
  id: string;
  consultation_id: string;
  anchor: string;
  /** The version it was proposed on, and the paragraph's wording there (what the diff starts from). */
  version_number: number;
  original: string;
  proposed: string;
  rationale: string;
  author_id: string;
  /** open, accepted or rejected. */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  /** The version whose draft applied it (an accepted amendment is applied once). */
  applied_in: number | null;
  created_at: string;
}

/** One endorsement per person and amendment, with the person's stakeholder group when they endorsed. */
export interface ConsultationEndorsementsTable {
  amendment_id: string;
  user_id: string;
  stakeholder_group: string;
  created_at: string;
}

/** What the public log's entries of consultations cover, exactly as logged (`cabildo log verify` hashes it again). */
export interface ConsultationOutcomesTable {
  record: string;
  version: number;
  kind: string;
  content: string;
  created_at: string;
  /** The entry's index in the public log (null for entries logged before it was kept). */
  log_index: number | null;
}

/** One position per person and target (`text` for the whole text, else a paragraph's anchor); the latest counts, the audit keeps the history. */
export interface ConsultationPositionsTable {
  id: string;
  consultation_id: string;
  target: string;
  user_id: string;
  /** support, live_with or object. */
  stance: string;
  /** Required for an objection. */
  reason: string | null;
  /** Who flagged the objection as blocking: `author`, `chair`, or null. */
  blocking: string | null;
  stakeholder_group: string;
  version_number: number;
  created_at: string;
  updated_at: string;
}

/** The chair's consensus call: one per consultation, never changed once recorded. */
export interface ConsultationCallsTable {
  id: string;
  consultation_id: string;
  version_number: number;
  /** rough_consensus, with_reservations or no_consensus. */
  outcome: string;
  strength: string;
  /** The stakeholder breakdown as the chair saw it (JSON). */
  breakdown: string;
  called_by: string;
  called_at: string;
}

/** What the call says of one objection. */
export interface ConsultationDispositionsTable {
  call_id: string;
  position_id: string;
  /** addressed, accommodated or not_accommodated. */
  kind: string;
  amendment_id: string | null;
  version_number: number | null;
  text: string;
}

export interface ConsultationAppealsTable {
  id: string;
  consultation_id: string;
  call_id: string;
  author_id: string;
  body: string;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface ConsultationFollowersTable {
  consultation_id: string;
  user_id: string;
  created_at: string;
}

export interface ConsultationsTables {
  consultations: ConsultationsTable;
  consultation_people: ConsultationPeopleTable;
  consultation_versions: ConsultationVersionsTable;
  consultation_blocks: ConsultationBlocksTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_amendments: ConsultationAmendmentsTable;
  consultation_endorsements: ConsultationEndorsementsTable;
  consultation_outcomes: ConsultationOutcomesTable;
  consultation_positions: ConsultationPositionsTable;
  consultation_calls: ConsultationCallsTable;
  consultation_dispositions: ConsultationDispositionsTable;
  consultation_appeals: ConsultationAppealsTable;
  consultation_followers: ConsultationFollowersTable;
}

export const consultationsTables = [
  'consultations', 'consultation_people', 'consultation_versions', 'consultation_blocks', 'consultation_comments',
  'consultation_amendments', 'consultation_endorsements', 'consultation_outcomes',
  'consultation_positions', 'consultation_calls', 'consultation_dispositions', 'consultation_appeals', 'consultation_followers',
] as const satisfies ReadonlyArray<keyof ConsultationsTables>;

export const consultationsDb = (db: Db) => tablesOf<ConsultationsTables>(db);
