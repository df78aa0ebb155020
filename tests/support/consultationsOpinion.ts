import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { verifiedPerson } from './factories.ts';
import { openedConsultation } from './consultations.ts';
import { outcomes, type Outcome, type RouteCase } from './roleWalk.ts';

/** Statements the chair puts on the map (approved at once: chairs moderate). */
export const chairStatements = [
  'Rural connectivity targets should be public and dated.',
  'Community networks deserve their own spectrum.',
  'Operators should publish coverage maps every year.',
  'Price matters as much as coverage.',
];

/** The test consultation, published, with the chair's statements 0 to 3 on its map. */
export async function consultationWithStatements(t: TestApp) {
  const opened = await openedConsultation(t);
  assert.equal((await opened.drafter.post(`/consultations/${opened.slug}/publish`, {})).status, 303);
  for (const statement of chairStatements) {
    const proposed = await opened.chair.post(`/consultations/${opened.slug}/opinions/statements`, { statement });
    assert.equal(proposed.status, 303, proposed.html.slice(0, 1500));
  }
  return { ...opened, map: `/consultations/${opened.slug}/opinions` };
}

const groups = ['civil_society', 'private_sector', 'academia', 'government'] as const;

/** `count` people of four stakeholder groups voting on the statements: two camps that differ on statements 1 and 2 and agree on 0. */
export async function votersInTwoCamps(t: TestApp, map: string, count: number): Promise<TestClient[]> {
  const voters: TestClient[] = [];
  for (let i = 0; i < count; i++) {
    const voter = await verifiedPerson(t, { email: `voter${i}@example.org`, group: groups[i % groups.length]! });
    const camp = i % 2 === 0;
    for (const [n, vote] of [[0, 'agree'], [1, camp ? 'agree' : 'disagree'], [2, camp ? 'disagree' : 'agree'], [3, i % 3 === 0 ? 'pass' : 'agree']] as const) {
      const voted = await voter.post(`${map}/statements/${n}/vote`, { vote });
      assert.equal(voted.status, 303, voted.html.slice(0, 1500));
    }
    voters.push(voter);
  }
  return voters;
}

/**
 * The opinion map's routes for the consultations' role walk (src/modules/consultations/roles.test.ts),
 * kept here so that walk needs one line for them. `:pub` is published, `:draft` is not; statement 0
 * need not exist: an allowed role gets the form's validation answer before the command looks.
 */
export function opinionRoleCases<Role extends string>(roles: readonly Role[]): Array<RouteCase<Role>> {
  const { everyone, only } = outcomes(roles);
  type Outcomes = Partial<Record<Role, Outcome>>;
  const verified = (outcome: number) => ({ ...everyone(outcome), anonymous: 'login', unverified: 403 }) as Record<Role, Outcome>;
  const moderators = (outcome: number) => only({ moderator: outcome, chair: outcome, coordinator: outcome } as Outcomes);
  const chairs = (outcome: number) => only({ chair: outcome, coordinator: outcome } as Outcomes);
  return [
    { method: 'GET', path: '/consultations/:pub/opinions', expect: everyone(200) },
    { method: 'GET', path: '/consultations/:draft/opinions', expect: everyone(404) },
    { method: 'POST', path: '/consultations/:pub/opinions/statements', body: 'form', expect: verified(422) },
    { method: 'GET', path: '/consultations/:pub/opinions/statements', expect: everyone(303) },
    { method: 'POST', path: '/consultations/:pub/opinions/statements/0/vote', body: 'form', expect: verified(422) },
    { method: 'POST', path: '/consultations/:pub/opinions/statements/x1/vote', body: 'form', expect: everyone(404) },
    { method: 'GET', path: '/consultations/:pub/opinions/statements/0/vote', expect: everyone(303) },
    { method: 'POST', path: '/consultations/:pub/opinions/statements/0/moderation', body: 'form', expect: moderators(422) },
    { method: 'GET', path: '/consultations/:pub/opinions/statements/0/moderation', expect: everyone(303) },
    { method: 'POST', path: '/consultations/:pub/opinions/recompute', body: 'form', expect: chairs(303) },
    { method: 'GET', path: '/consultations/:pub/opinions/recompute', expect: everyone(303) },
    { method: 'GET', path: '/consultations/:pub/opinions/export/votes.csv', expect: everyone(200) },
    { method: 'GET', path: '/consultations/:draft/opinions/export/votes.csv', expect: everyone(404) },
    { method: 'GET', path: '/api/consultations/:pub/opinion', expect: everyone(200) },
    { method: 'GET', path: '/api/consultations/:draft/opinion', expect: everyone(404) },
  ];
}
