import type { Db } from '../../platform/db/index.ts';
import type { Mailbox } from '../../platform/auth/identity.ts';
import { accountsDb } from './tables.ts';

export function findUserByEmail(db: Db, email: string) {
  return accountsDb(db).selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function listApiTokens(db: Db, userId: string) {
  return accountsDb(db)
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** What anyone may see of a person: name, affiliation, and whether their address is verified. */
export interface PublicPerson {
  id: string;
  name: string;
  affiliation: string | null;
  /** The stakeholder group they declared (one of the six stored keys), shown beside their name where they act for it. */
  stakeholder_group: string;
  verified: boolean;
}

export async function publicPeople(db: Db, ids: readonly string[]): Promise<Map<string, PublicPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await accountsDb(db)
    .selectFrom('users')
    .select(['id', 'name', 'affiliation', 'stakeholder_group', 'email_verified_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, affiliation: r.affiliation, stakeholder_group: r.stakeholder_group, verified: r.email_verified_at !== null }]));
}

/** Where to write to people, in their language: for those allowed to contact them, and for mail. */
export type { Mailbox };

export async function mailboxes(db: Db, ids: readonly string[]): Promise<Map<string, Mailbox>> {
  if (ids.length === 0) return new Map();
  const rows = await accountsDb(db)
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every secretariat member's mailbox. */
export function secretariatMailboxes(db: Db): Promise<Mailbox[]> {
  return accountsDb(db).selectFrom('users').select(['id', 'name', 'email', 'locale']).where('is_secretariat', '=', 1).execute();
}

/** Whether an address has an account, and if so its language and whether the address is verified. */
export async function accountByEmail(db: Db, email: string): Promise<{ id: string; locale: string; verified: boolean } | undefined> {
  const row = await accountsDb(db).selectFrom('users').select(['id', 'locale', 'email_verified_at']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && { id: row.id, locale: row.locale, verified: row.email_verified_at !== null };
}

/** The accounts of some addresses, by address (lower case): those with no account are absent. */
export async function accountsByEmail(db: Db, emails: readonly string[]): Promise<Map<string, { id: string; verified: boolean }>> {
  if (emails.length === 0) return new Map();
  const rows = await accountsDb(db).selectFrom('users').select(['id', 'email', 'email_verified_at'])
    .where('email', 'in', [...new Set(emails.map((e) => e.toLowerCase()))]).execute();
  return new Map(rows.map((r) => [r.email, { id: r.id, verified: r.email_verified_at !== null }]));
}
