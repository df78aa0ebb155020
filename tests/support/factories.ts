import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { createAdmin } from '../../src/modules/accounts/commands/createAdmin.ts';

export const password = 'correct horse battery';

export interface Person {
  email: string;
  name?: string;
  group?: string;
  locale?: string;
  country?: string;
}

/** Signs a person up through the form and verifies their email from the SMTP test server. */
export async function signUpVerified(t: TestApp, person: Person): Promise<TestClient> {
  const client = t.client();
  const page = await client.post('/signup', {
    email: person.email, password, name: person.name ?? person.email.split('@')[0]!, locale: person.locale ?? 'en',
    country: person.country ?? 'CO', stakeholder_group: person.group ?? 'civil_society', capacity: 'personal', affiliation: '',
  });
  assert.equal(page.status, 303, `sign-up of ${person.email} failed: ${page.html.slice(0, 300)}`);
  const link = await t.mail.linkTo(person.email);
  const verified = await client.get(new URL(link).pathname + new URL(link).search);
  assert.equal(verified.status, 303);
  return client;
}

/** A logged-in secretariat member, created as the CLI would. */
export async function secretariat(t: TestApp, email = 'secretariat@igf.test'): Promise<TestClient> {
  await createAdmin({ db: t.database.db, actor: { user: null }, locale: 'en', now: t.clock.now }, { email, name: 'Secretariat', password, locale: 'en' });
  const client = t.client();
  const login = await client.post('/login', { email, password });
  assert.equal(login.status, 303);
  return client;
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

/** Invites a person, who signs up and accepts sitting for the given group. */
export async function seatMember(t: TestApp, coordinator: TestClient, slug: string, person: Person & { group: string }): Promise<TestClient> {
  const invited = await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: person.email, role: 'member' });
  assert.equal(invited.status, 303, invited.html.slice(0, 300));
  const invitation = new URL(await t.mail.linkTo(person.email));
  const member = await signUpVerified(t, person);
  const accepted = await member.post(invitation.pathname, { stakeholder_group: person.group, role: 'member', answer: 'accept' });
  assert.equal(accepted.status, 303, accepted.html.slice(0, 300));
  return member;
}
