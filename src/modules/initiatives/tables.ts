import { tablesOf, type Db } from '../../platform/db/index.ts';

/** The registry's tables (see accounts/tables.ts for how ids, times and flags are stored). */
export interface InitiativesTable {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  type: string;
  region: string | null;
  year_established: number | null;
  website: string | null;
  contact_email: string;
  original_locale: string;
  status: string;
  principles_accepted_at: string | null;
  /** The latest annual report published (migration 202611290700): its year and when. */
  annual_report_year: number | null;
  annual_report_published_at: string | null;
  is_demo: number;
  search_name: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InitiativeCountriesTable {
  initiative_id: string;
  country: string;
}

export interface InitiativeLanguagesTable {
  initiative_id: string;
  language: string;
}

export interface InitiativeDescriptionsTable {
  initiative_id: string;
  locale: string;
  body: string;
}

export interface CommitteeMembersTable {
  id: string;
  initiative_id: string;
  user_id: string;
  role: string;
  stakeholder_group: string;
  joined_at: string;
}

export interface CommitteeInvitationsTable {
  id: string;
  initiative_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  answered_at: string | null;
  answer: string | null;
}

export interface RecognitionRequestsTable {
  id: string;
  initiative_id: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision: string | null;
  comments: string | null;
}

export interface RecognitionOutcomesTable {
  id: string;
  initiative_id: string;
  version: number;
  outcome: string;
  initiative_name: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string;
}

export interface DemoClaimsTable {
  id: string;
  initiative_id: string;
  claimant_id: string;
  justification: string;
  stakeholder_group: string;
  claimed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision: string | null;
  reason: string | null;
}

export interface RegistryTables {
  initiatives: InitiativesTable;
  initiative_countries: InitiativeCountriesTable;
  initiative_languages: InitiativeLanguagesTable;
  initiative_descriptions: InitiativeDescriptionsTable;
  committee_members: CommitteeMembersTable;
  committee_invitations: CommitteeInvitationsTable;
  recognition_requests: RecognitionRequestsTable;
  recognition_outcomes: RecognitionOutcomesTable;
  demo_claims: DemoClaimsTable;
}

export const registryTables = [
  'initiatives', 'initiative_countries', 'initiative_languages', 'initiative_descriptions', 'committee_members',
  'committee_invitations', 'recognition_requests', 'recognition_outcomes', 'demo_claims',
] as const satisfies ReadonlyArray<keyof RegistryTables>;

export const registryDb = (db: Db) => tablesOf<RegistryTables>(db);
