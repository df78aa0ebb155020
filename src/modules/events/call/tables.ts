/** The tables of the call's proposals (migration 202611270700_events_proposals). */
export interface EventProposalsTable {
  id: string;
  event_id: string;
  proposer_id: string | null;
  title: string;
  description: string;
  policy_questions: string | null;
  /** The language the proposal is written in. */
  original_locale: string;
  format: string;
  track_id: string | null;
  /** in_person, online or hybrid (domain/types.ts `modalities`). */
  modality: string;
  /** call/vocabulary.ts `proposalStatuses`. */
  status: string;
  version: number;
  submitted_at: string | null;
  withdrawn_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One person of a proposal: the same columns as `event_session_people`, keyed by proposal. */
export interface EventProposalPeopleTable {
  id: string;
  proposal_id: string;
  role: string;
  user_id: string | null;
  name: string;
  organisation: string | null;
  stakeholder_group: string | null;
  country: string | null;
  gender: string | null;
  presence: string | null;
  confirmed: number;
  position: number;
}

export interface EventProposalAnswersTable {
  proposal_id: string;
  question_id: string;
  answer: string;
}
