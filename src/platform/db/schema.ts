/**
 * The database's tables as Kysely sees them. Ids are text (random, url-safe), timestamps are
 * ISO 8601 UTC text and flags are 0/1 integers, so that both databases store and return the
 * same values (see db.test.ts for the round trip).
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  country: string | null;
  stakeholder_group: string;
  affiliation: string | null;
  capacity: string;
  email_verified_at: string | null;
  is_secretariat: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // sha-256 of the cookie value
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface UserTokensTable {
  id: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password';
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
}

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

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
  is_public: number;
  created_at: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  api_tokens: ApiTokensTable;
  initiatives: InitiativesTable;
  initiative_countries: InitiativeCountriesTable;
  initiative_languages: InitiativeLanguagesTable;
  initiative_descriptions: InitiativeDescriptionsTable;
  committee_members: CommitteeMembersTable;
  committee_invitations: CommitteeInvitationsTable;
  recognition_requests: RecognitionRequestsTable;
  audit_log: AuditLogTable;
}
