import { newId, timestamp, type Db } from '../../src/platform/db/index.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';

/** argon2id of the factories' password, "correct horse battery" (as tests/support/factories.ts inserts people). */
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$rj4EvDYW+5Ug6qOXDKIxkQ$pOJ0HrFDH8sNSzugerFvH0ny//OBV6b5tvt2vh072G8';

/** A verified Portuguese-speaking account, straight into the database. */
export async function insertPersonInto(db: Db, person: { name: string; email: string }): Promise<void> {
  const now = timestamp(new Date());
  await accountsDb(db).insertInto('users').values({
    id: newId(), email: person.email, name: person.name, password_hash: passwordHash, locale: 'pt', country: 'BR', stakeholder_group: 'civil_society',
    affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: 0, created_at: now, updated_at: now,
  }).execute();
}
