import { tablesOf, type Db } from '../../../platform/db/index.ts';

/**
 * The opinion map inside a consultation (docs/decisions/039): short statements, agree / disagree
 * / pass votes, the people who vote (accounts, or participants imported from a Polis export) and
 * the last analysis the opinion engine made of them.
 */
export interface OpinionParticipantsTable {
  id: string;
  consultation_id: string;
  /** Polis's `voter-id`: kept from an import, the next free number for an account. */
  number: number;
  /** The account that votes; null for a participant imported from Polis (no account needed). */
  user_id: string | null;
  /** The stakeholder group declared when they first voted (or given in the import); null when none. */
  stakeholder_group: string | null;
  imported: number;
  created_at: string;
  /** How many statements they have voted on (kept by the vote command). */
  votes: number;
}

/** A short statement; only `approved` ones take votes and count in the map. */
export interface OpinionStatementsTable {
  id: string;
  consultation_id: string;
  /** Polis's `comment-id`: kept from an import, the next free number otherwise. */
  number: number;
  text: string;
  /** pending, approved or withdrawn. */
  status: string;
  author_participant_id: string | null;
  created_at: string;
  moderated_by: string | null;
  moderated_at: string | null;
}

/** One vote per participant and statement, by their numbers: a new vote replaces the row (the latest counts). */
export interface OpinionVotesTable {
  consultation_id: string;
  statement_number: number;
  participant_number: number;
  /** 1 agree, -1 disagree, 0 pass (the engine's and Polis's values). */
  vote: number;
  voted_at: string;
}

/** A statement's live tally, moved by each vote in the vote's transaction, so pages never count the votes. */
export interface OpinionTalliesTable {
  consultation_id: string;
  statement_number: number;
  agree: number;
  disagree: number;
  pass: number;
}

/** The last participant number given to a newcomer; the next takes one more (never below the highest number present plus one). */
export interface OpinionCountersTable {
  consultation_id: string;
  last_participant: number;
}

/** The last analysis of a consultation's votes, as the map page and the API show it. */
export interface OpinionAnalysesTable {
  consultation_id: string;
  computed_at: string;
  participants: number;
  statements: number;
  votes: number;
  /** JSON: {@link import('./analysis.ts').StoredMap}. */
  content: string;
}

export interface OpinionTables {
  consultation_opinion_participants: OpinionParticipantsTable;
  consultation_opinion_statements: OpinionStatementsTable;
  consultation_opinion_votes: OpinionVotesTable;
  consultation_opinion_tallies: OpinionTalliesTable;
  consultation_opinion_counters: OpinionCountersTable;
  consultation_opinion_analyses: OpinionAnalysesTable;
}

export const opinionTables = [
  'consultation_opinion_participants', 'consultation_opinion_statements', 'consultation_opinion_votes', 'consultation_opinion_tallies', 'consultation_opinion_counters',
  'consultation_opinion_analyses',
] as const satisfies ReadonlyArray<keyof OpinionTables>;

export const opinionDb = (db: Db) => tablesOf<OpinionTables>(db);
