/** The review's tables (migration 202611271000_events_review). */
export interface EventReviewMembersTable {
  id: string;
  event_id: string;
  user_id: string;
  stakeholder_group: string;
  is_chair: number;
  /** Declared organisations, one per line. */
  organisations: string | null;
  created_at: string;
}

export interface EventReviewCriteriaTable {
  event_id: string;
  criterion: string;
  weight: number;
  position: number;
  /** A criterion of the committee's own: its label as typed, per working language (JSON); null for the four defaults (migration 202611271300). */
  labels: string | null;
}

export interface EventReviewAssignmentsTable {
  proposal_id: string;
  member_id: string;
  event_id: string;
  created_at: string;
}

export interface EventReviewsTable {
  proposal_id: string;
  member_id: string;
  /** JSON: criterion → score 1–5. */
  scores: string;
  comment: string | null;
  private_note: string | null;
  created_at: string;
  updated_at: string;
}

/** The chair's decision on a proposal, as logged (`proposal/<id>`, version 1). */
export interface EventProposalDecisionsTable {
  proposal_id: string;
  event_id: string;
  decision: string;
  reason: string;
  merge_with: string | null;
  title: string;
  decided_by: string | null;
  decided_at: string;
}

export interface ReviewTables {
  event_review_members: EventReviewMembersTable;
  event_review_criteria: EventReviewCriteriaTable;
  event_review_assignments: EventReviewAssignmentsTable;
  event_reviews: EventReviewsTable;
  event_proposal_decisions: EventProposalDecisionsTable;
}

export const reviewTables = ['event_review_members', 'event_review_criteria', 'event_review_assignments', 'event_reviews', 'event_proposal_decisions'] as const;
