import type { Db } from '../../platform/db/index.ts';
import { newId, timestamp } from '../../platform/db/index.ts';
import { accountsDb } from './tables.ts';

/**
 * A person demo data names (the authors of a demo brief): found by address, or created verified
 * with no usable password (no hash verifies against "!"), so nobody can sign in as them.
 */
export async function demoAccount(db: Db, person: { email: string; name: string; stakeholder_group: string; affiliation: string | null; country: string | null; locale: string }, now: Date): Promise<string> {
  const users = accountsDb(db);
  const existing = await users.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  const at = timestamp(now);
  await users.insertInto('users').values({
    id, email: person.email, name: person.name, password_hash: '!', locale: person.locale, country: person.country, stakeholder_group: person.stakeholder_group,
    affiliation: person.affiliation, capacity: 'personal', email_verified_at: at, is_secretariat: 0, created_at: at, updated_at: at,
  }).execute();
  return id;
}
