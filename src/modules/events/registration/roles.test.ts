import { eachApp } from '../../../../tests/support/app.ts';
import { verifiedPerson } from '../../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../../tests/support/roleWalk.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';

const roles = ['anonymous', 'participant', 'registered', 'waitlisted', 'organiser'] as const;
type Role = (typeof roles)[number];
const { everyone, only } = outcomes(roles);

/**
 * The registration routes as registered participants and people on the waitlist meet them (the
 * module's walk in ../roles.test.ts has every route for the other roles). Writes carry empty
 * bodies; the cancellations come last, as they change who is registered.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/events/:slug', expect: everyone(200) },
  // Those registered already are sent to their status on the event's page.
  { method: 'GET', path: '/events/:slug/register', expect: { ...everyone(303), anonymous: 'login', participant: 200, organiser: 200 } },
  { method: 'POST', path: '/events/:slug/register', body: 'form', expect: { ...everyone(422), anonymous: 'login' } },
  { method: 'GET', path: '/events/:slug/registrations', expect: only({ organiser: 200 }) },
  { method: 'GET', path: '/events/:slug/registrations.csv', expect: only({ organiser: 200 }) },
  { method: 'GET', path: '/api/events/:slug/registrations', expect: { ...everyone(403), anonymous: 401, organiser: 200 } },
  { method: 'GET', path: '/my/events', expect: { ...everyone(200), anonymous: 'login' } },
  { method: 'POST', path: '/events/:slug/register/cancel', body: 'form', expect: { ...everyone(409), anonymous: 'login', registered: 303, waitlisted: 303 } },
];

eachApp('registration routes answer registered and waitlisted participants as the policy says', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  await coordinator.post(`/events/${slug}/publish`, {});
  await coordinator.post(`/events/${slug}/capacity`, { onsite_capacity: '1' });
  const registered = await verifiedPerson(t, { email: 'registered@example.org' });
  const waitlisted = await verifiedPerson(t, { email: 'waitlisted@example.org' });
  for (const client of [registered, waitlisted]) await client.post(`/events/${slug}/register`, { presence: 'onsite', stakeholder_group: 'government' });
  const clients = { anonymous: t.client(), participant: await verifiedPerson(t, { email: 'someone@example.org' }), registered, waitlisted, organiser: coordinator };
  await walkRoles(t, { clients, cases, params: { slug } });
});
