import { tablesOf, type Db } from '../../platform/db/index.ts';

/**
 * The accounts module's tables. Ids are random url-safe text, timestamps ISO 8601 UTC text and
 * flags 0/1 integers, the same on both databases.
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
  /** After this moment the token no longer works; null: until revoked. */
  expires_at: string | null;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  api_tokens: ApiTokensTable;
}

export const accountTables = ['users', 'sessions', 'user_tokens', 'api_tokens'] as const satisfies ReadonlyArray<keyof AccountTables>;

export const accountsDb = (db: Db) => tablesOf<AccountTables>(db);
