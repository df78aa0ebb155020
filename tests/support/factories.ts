import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';

export const password = 'correct horse battery';
/** argon2id of `password`, computed once: factories insert people without hashing each time. */
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$rj4EvDYW+5Ug6qOXDKIxkQ$pOJ0HrFDH8sNSzugerFvH0ny//OBV6b5tvt2vh072G8';

export interface Person {
  email: string;
  name?: string;
  group?: string;
  locale?: string;
  country?: string;
  verified?: boolean;
  secretariat?: boolean;
}

/** Inserts a person (verified unless said otherwise) straight into the database; answers their id. */
export async function insertPerson(t: TestApp, person: Person): Promise<string> {
  const id = newId();
  const now = timestamp(t.clock.now);
  await accountsDb(t.database.db)
    .insertInto('users')
    .values({
      id, email: person.email.toLowerCase(), name: person.name ?? person.email.split('@')[0]!, password_hash: passwordHash,
      locale: person.locale ?? 'en', country: person.country ?? 'CO', stakeholder_group: person.group ?? 'civil_society', affiliation: null,
      capacity: 'personal', email_verified_at: person.verified === false ? null : now, is_secretariat: person.secretariat ? 1 : 0,
      created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

/** A browser-like client already logged in as the given user. */
export async function loggedIn(t: TestApp, userId: string): Promise<TestClient> {
  const client = t.client();
  client.setCookie(sessionCookie, await startSession(t.database.db, userId, t.clock.now));
  return client;
}

/** A person with a verified address, logged in. */
export async function verifiedPerson(t: TestApp, person: Person): Promise<TestClient> {
  return loggedIn(t, await insertPerson(t, person));
}

/** A logged-in secretariat member. */
export async function secretariat(t: TestApp, email = 'secretariat@igf.test'): Promise<TestClient> {
  return verifiedPerson(t, { email, name: 'Secretariat', group: 'intergovernmental', secretariat: true });
}

export const initiativeFields = {
  name: 'Mesa Colombiana de Gobernanza de Internet',
  acronym: 'MCGI',
  type: 'national',
  countries: ['CO'],
  region: 'latin_america_caribbean',
  languages: ['es'],
  year_established: '2014',
  website: 'https://gobernanzainternet.co',
  contact_email: 'mesa@example.org',
  description_locale: 'es',
  description: 'Espacio multisectorial abierto para dialogar sobre la gobernanza de Internet en Colombia, en Bogotá y en las regiones.',
};

/** Registers an initiative through the form; answers its slug. */
export async function registerInitiative(client: TestClient, fields: Record<string, string | string[]> = {}): Promise<string> {
  const page = await client.post('/initiatives', { ...initiativeFields, ...fields });
  assert.equal(page.status, 303, `registration failed: ${page.html.slice(0, 500)}`);
  return page.location!.split('?')[0]!.replace('/initiatives/', '');
}

/** Seats a new verified person on an initiative's committee (as `member` unless said); answers them logged in. */
export async function seatMember(t: TestApp, slug: string, person: Person & { group: string; role?: string }): Promise<TestClient> {
  const userId = await insertPerson(t, person);
  const registry = registryDb(t.database.db);
  const { id } = await registry.selectFrom('initiatives').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  await registry
    .insertInto('committee_members')
    .values({ id: newId(), initiative_id: id, user_id: userId, role: person.role ?? 'member', stakeholder_group: person.group, joined_at: timestamp(t.clock.now) })
    .execute();
  return loggedIn(t, userId);
}
