import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { toolkitModule } from './module.ts';

const roles = ['anonymous', 'unverified', 'outsider', 'committee', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, only } = outcomes(roles);

/**
 * Every route of the toolkit and what each role gets (docs/decisions/032-toolkit.md): the guidance
 * is public; an initiative's progress is its committee's and the secretariat's; ticking is the
 * committee's. Forms carry empty bodies, so the committee gets a validation answer, or the refusal
 * to untick an open step.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/toolkit', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:slug/toolkit', expect: only({ committee: 200, secretariat: 200 }) },
  { method: 'GET', path: '/initiatives/nothing/toolkit', expect: everyone(404) },
  { method: 'POST', path: '/initiatives/:slug/toolkit/logistics/tick', body: 'form', expect: only({ committee: 422 }) },
  // An automatic step: the form is read first, so an empty one is refused as empty; the test of the module shows the 409.
  { method: 'POST', path: '/initiatives/:slug/toolkit/event_held/tick', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:slug/toolkit/nothing/tick', body: 'form', expect: everyone(404) },
  { method: 'POST', path: '/initiatives/:slug/toolkit/logistics/untick', body: 'form', expect: only({ committee: 409 }) },
  { method: 'GET', path: '/initiatives/:slug/toolkit/logistics/tick', expect: only({ committee: 200 }) },
  // An automatic step has no form: its place on the progress page.
  { method: 'GET', path: '/initiatives/:slug/toolkit/event_held/tick', expect: only({ committee: 303 }) },
  { method: 'GET', path: '/initiatives/:slug/toolkit/nothing/tick', expect: everyone(404) },
  { method: 'GET', path: '/initiatives/:slug/toolkit/logistics/untick', expect: everyone(303) },
  { method: 'GET', path: '/secretariat/toolkit', expect: only({ secretariat: 200 }) },
  // The initiative is stuck on its first step: the secretariat's offer of help goes out.
  { method: 'POST', path: '/secretariat/toolkit/:slug/offer', body: 'form', expect: only({ secretariat: 303 }) },
  { method: 'POST', path: '/secretariat/toolkit/nothing/offer', body: 'form', expect: only({ secretariat: 404 }) },
  { method: 'GET', path: '/secretariat/toolkit/:slug/offer', expect: everyone(303) },
  { method: 'GET', path: '/api/initiatives/:slug/toolkit', expect: { ...everyone(403), anonymous: 401, committee: 200, secretariat: 200 } },
];

eachApp('every toolkit route answers every role as its policy says', async (t) => {
  const committee = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(committee);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    outsider: await verifiedPerson(t, { email: 'someone@example.org' }),
    committee,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: toolkitModule, clients, cases, params: { slug } });
}, { postgres: true });
