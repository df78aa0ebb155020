import assert from 'node:assert/strict';
import { eachApp } from '../support/app.ts';
import { initiativeFields, registerInitiative, seatMember, secretariat, signUpVerified } from '../support/factories.ts';
import type { TestClient } from '../support/client.ts';

type Role = 'anonymous' | 'unverified' | 'participant' | 'member' | 'coordinator' | 'secretariat';
const roles: Role[] = ['anonymous', 'unverified', 'participant', 'member', 'coordinator', 'secretariat'];
/** 'login' is a redirect to the log-in page; a number is the exact status. */
type Outcome = number | 'login';

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: 'form' | 'json' | 'initiative';
  expect: Record<Role, Outcome>;
}

const everyone = (outcome: Outcome): Record<Role, Outcome> => ({ anonymous: outcome, unverified: outcome, participant: outcome, member: outcome, coordinator: outcome, secretariat: outcome });
const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({ ...everyone(outcome), anonymous: 'login' });
const only = (allowed: Partial<Record<Role, Outcome>>): Record<Role, Outcome> => ({ anonymous: 'login', unverified: 403, participant: 403, member: 403, coordinator: 403, secretariat: 403, ...allowed });
/** What a signed-in user with a verified email may do. */
const verified = (outcome: Outcome): Record<Role, Outcome> => ({ ...signedIn(outcome), unverified: 403 });

const S = ':slug';
/** Every route, and what each role gets. Writes carry empty bodies, so an allowed role gets a validation answer and nothing changes. */
const cases: RouteCase[] = [
  { method: 'GET', path: '/', expect: everyone(200) },
  { method: 'GET', path: '/healthz', expect: everyone(200) },
  { method: 'GET', path: '/language/es?next=/', expect: everyone(303) },
  { method: 'GET', path: '/signup', expect: { ...everyone(303), anonymous: 200 } },
  { method: 'POST', path: '/signup', body: 'form', expect: everyone(422) },
  { method: 'GET', path: '/login', expect: everyone(200) },
  { method: 'POST', path: '/login', body: 'form', expect: everyone(422) },
  { method: 'POST', path: '/logout', body: 'form', expect: { ...everyone(303) } },
  { method: 'GET', path: '/verify-email?token=nope', expect: everyone(400) },
  { method: 'GET', path: '/password/forgot', expect: everyone(200) },
  { method: 'POST', path: '/password/forgot', body: 'form', expect: everyone(422) },
  { method: 'GET', path: '/password/reset?token=x', expect: everyone(200) },
  { method: 'POST', path: '/password/reset', body: 'form', expect: everyone(422) },
  { method: 'GET', path: '/account', expect: signedIn(200) },
  { method: 'POST', path: '/account', body: 'form', expect: signedIn(422) },
  { method: 'POST', path: '/account/verification', body: 'form', expect: only({ unverified: 303 }) },
  { method: 'POST', path: '/account/tokens', body: 'form', expect: verified(422) },
  { method: 'POST', path: '/account/tokens/nope/revoke', body: 'form', expect: verified(404) },
  { method: 'GET', path: '/initiatives', expect: everyone(200) },
  { method: 'GET', path: '/initiatives.csv', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/new', expect: verified(200) },
  { method: 'POST', path: '/initiatives', body: 'form', expect: verified(422) },
  { method: 'GET', path: `/initiatives/${S}`, expect: everyone(200) },
  { method: 'GET', path: `/initiatives/${S}/edit`, expect: only({ coordinator: 200, secretariat: 200 }) },
  { method: 'POST', path: `/initiatives/${S}/edit`, body: 'form', expect: only({ coordinator: 422, secretariat: 422 }) },
  { method: 'POST', path: `/initiatives/${S}/committee/invite`, body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'POST', path: `/initiatives/${S}/committee/nobody/remove`, body: 'form', expect: only({ coordinator: 404 }) },
  { method: 'POST', path: `/initiatives/${S}/principles`, body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'POST', path: `/initiatives/${S}/recognition`, body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'POST', path: `/initiatives/${S}/delist`, body: 'form', expect: only({ secretariat: 422 }) },
  { method: 'GET', path: '/invitations/unknown', expect: everyone(404) },
  { method: 'POST', path: '/invitations/unknown', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/my/initiatives', expect: signedIn(200) },
  { method: 'GET', path: '/secretariat/recognition', expect: only({ secretariat: 200 }) },
  { method: 'GET', path: '/secretariat/recognition/nope', expect: only({ secretariat: 404 }) },
  { method: 'POST', path: '/secretariat/recognition/nope', body: 'form', expect: only({ secretariat: 404 }) },
  { method: 'GET', path: '/api/openapi.json', expect: everyone(200) },
  { method: 'GET', path: '/api/initiatives', expect: everyone(200) },
  { method: 'GET', path: `/api/initiatives/${S}`, expect: everyone(200) },
  { method: 'POST', path: '/api/initiatives', body: 'initiative', expect: { ...verified(201), anonymous: 401 } },
  { method: 'PATCH', path: `/api/initiatives/${S}`, body: 'json', expect: { anonymous: 401, unverified: 403, participant: 403, member: 403, coordinator: 200, secretariat: 200 } },
];

async function signUpUnverified(t: Parameters<Parameters<typeof eachApp>[1]>[0], email: string): Promise<TestClient> {
  const client = t.client();
  await client.post('/signup', { email, password: 'correct horse battery', name: 'Fresh', locale: 'en', stakeholder_group: 'academia', capacity: 'personal' });
  return client;
}

async function call(client: TestClient, route: RouteCase, slug: string) {
  const path = route.path.replace(S, slug);
  if (route.body === 'json') return client.json(route.method, path, {});
  if (route.body === 'initiative') return client.json(route.method, path, { ...initiativeFields, year_established: 2014 });
  if (route.method === 'GET') return client.get(path);
  return client.post(path, {});
}

eachApp('every route answers every role as its policy says', async (t) => {
  const coordinator = await signUpVerified(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  const clients: Record<Role, TestClient> = {
    anonymous: t.client(),
    unverified: await signUpUnverified(t, 'fresh@example.org'),
    participant: await signUpVerified(t, { email: 'someone@example.org' }),
    member: await seatMember(t, coordinator, slug, { email: 'member@example.org', group: 'government' }),
    coordinator,
    secretariat: await secretariat(t),
  };
  const failures: string[] = [];
  for (const route of cases) {
    for (const role of roles) {
      const page = await call(clients[role], route, slug);
      const expected = route.expect[role];
      const location = 'location' in page ? page.location : null;
      const got: Outcome = page.status === 303 && (location === '/login' || location?.startsWith('/login?next=')) ? 'login' : page.status;
      if (got !== expected) failures.push(`${route.method} ${route.path} as ${role}: expected ${expected}, got ${got}`);
      // Logging out ends the session: log back in for the next routes.
      if (route.path === '/logout' && role !== 'anonymous') {
        const email = { unverified: 'fresh@example.org', participant: 'someone@example.org', member: 'member@example.org', coordinator: 'coord@example.org', secretariat: 'secretariat@igf.test' }[role];
        await clients[role].post('/login', { email, password: 'correct horse battery' });
      }
    }
  }
  assert.deepEqual(failures, []);

  // Every route the app mounts is in the table above.
  const walked = new Set(cases.map((c) => `${c.method} ${c.path.split('?')[0]!.replace(S, ':slug')}`));
  const mounted = t.app.routes
    .filter((r) => ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method) && !r.path.startsWith('/assets/'))
    .map((r) => `${r.method} ${r.path}`);
  const unwalked = mounted.filter((route) => {
    const pattern = new RegExp(`^${route.replace(/:[a-z]+/g, '[^/]+')}$`);
    return ![...walked].some((w) => pattern.test(w));
  });
  assert.deepEqual([...new Set(unwalked)], []);
});
