import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { initiativesModule } from './module.ts';

const roles = ['anonymous', 'unverified', 'participant', 'member', 'coordinator', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, signedIn, only } = outcomes(roles);
/** What a signed-in user with a verified email may do. */
const verified = (outcome: number) => ({ ...signedIn(outcome), unverified: 403 });

/** Every route of the module, and what each role gets. Writes carry empty bodies, so an allowed role gets a validation answer and nothing changes. */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/', expect: everyone(200) },
  { method: 'GET', path: '/initiatives', expect: everyone(200) },
  { method: 'GET', path: '/initiatives.csv', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/new', expect: verified(200) },
  { method: 'POST', path: '/initiatives', body: 'form', expect: verified(422) },
  { method: 'GET', path: '/initiatives/:slug', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:slug/edit', expect: only({ coordinator: 200, secretariat: 200 }) },
  { method: 'POST', path: '/initiatives/:slug/edit', body: 'form', expect: only({ coordinator: 422, secretariat: 422 }) },
  { method: 'POST', path: '/initiatives/:slug/committee/invite', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'POST', path: '/initiatives/:slug/committee/nobody/remove', body: 'form', expect: only({ coordinator: 404 }) },
  { method: 'POST', path: '/initiatives/:slug/invitations/nobody/withdraw', body: 'form', expect: only({ coordinator: 404 }) },
  { method: 'POST', path: '/initiatives/:slug/principles', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'POST', path: '/initiatives/:slug/recognition', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'POST', path: '/initiatives/:slug/delist', body: 'form', expect: only({ secretariat: 422 }) },
  // Only a demo entry can be claimed (claims.test.ts walks one); this one has a coordinator.
  { method: 'POST', path: '/initiatives/:slug/claim', body: 'form', expect: only({}) },
  // A form's address shows the page the form lives on.
  { method: 'GET', path: '/initiatives/:slug/committee/invite', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/committee/nobody/remove', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/principles', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/recognition', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/delist', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/claim', expect: everyone(303) },
  { method: 'GET', path: '/invitations/unknown', expect: everyone(404) },
  { method: 'POST', path: '/invitations/unknown', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/my/initiatives', expect: signedIn(200) },
  { method: 'GET', path: '/secretariat/recognition', expect: only({ secretariat: 200 }) },
  { method: 'GET', path: '/secretariat/recognition/nope', expect: only({ secretariat: 404 }) },
  { method: 'POST', path: '/secretariat/recognition/nope', body: 'form', expect: only({ secretariat: 404 }) },
  { method: 'GET', path: '/secretariat/claims/nope', expect: only({ secretariat: 404 }) },
  { method: 'POST', path: '/secretariat/claims/nope', body: 'form', expect: only({ secretariat: 404 }) },
  { method: 'GET', path: '/api/initiatives', expect: everyone(200) },
  { method: 'GET', path: '/api/initiatives/:slug', expect: everyone(200) },
  { method: 'POST', path: '/api/initiatives', body: 'initiative', expect: { ...verified(201), anonymous: 401 } },
  { method: 'PATCH', path: '/api/initiatives/:slug', body: 'json', expect: { ...only({ coordinator: 200, secretariat: 200 }), anonymous: 401 } },
];

eachApp('every initiatives route answers every role as its policy says', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org' }),
    member: await seatMember(t, slug, { email: 'member@example.org', group: 'government' }),
    coordinator,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: initiativesModule, clients, cases, params: { slug } });
}, { postgres: true });
