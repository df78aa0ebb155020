import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { startSession } from './sessions.ts';
import { sessionCookie } from '../../platform/auth/identity.ts';
import { accountsModule } from './module.ts';

const roles = ['anonymous', 'unverified', 'participant', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, signedIn, only } = outcomes(roles);
/** What a signed-in user with a verified email may do. */
const verified = (outcome: number) => ({ ...signedIn(outcome), unverified: 403 });

/** Every route of the module, and what each role gets. Writes carry empty bodies, so an allowed role gets a validation answer and nothing changes. */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/signup', expect: { ...everyone(303), anonymous: 200 } },
  { method: 'POST', path: '/signup', body: 'form', expect: everyone(422) },
  { method: 'GET', path: '/login', expect: everyone(200) },
  { method: 'POST', path: '/login', body: 'form', expect: everyone(422) },
  { method: 'POST', path: '/logout', body: 'form', expect: everyone(303) },
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
];

eachApp('every accounts route answers every role as its policy says', async (t) => {
  const ids = {
    unverified: await insertPerson(t, { email: 'fresh@example.org', verified: false }),
    participant: await insertPerson(t, { email: 'someone@example.org' }),
    secretariat: await insertPerson(t, { email: 'secretariat@igf.test', secretariat: true }),
  };
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, ids.unverified),
    participant: await loggedIn(t, ids.participant),
    secretariat: await loggedIn(t, ids.secretariat),
  };
  await walkRoles(t, {
    module: accountsModule, clients, cases,
    // Logging out ends the session: sign back in for the next routes.
    afterEach: async (route, role) => {
      if (route.path === '/logout' && role !== 'anonymous') clients[role].setCookie(sessionCookie, await startSession(t.database.db, ids[role], t.clock.now));
    },
  });
});
