import { eachApp } from '../../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat } from '../../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../../tests/support/roleWalk.ts';
import { liveSession, participant } from '../../../../tests/support/eventsFloor.ts';
import { streamTiming } from './pages.tsx';

const roles = ['anonymous', 'unverified', 'participant', 'registered', 'moderator', 'organiser', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone } = outcomes(roles);
/** Those who may join a queue: people with a confirmed registration for the event. */
const joiners = (outcome: number) => ({ ...everyone(403), anonymous: 'login' as const, registered: outcome });
/** Those who follow it (its stream, withdrawing their own requests): the registered, and those who run it. */
const followers = (outcome: number) => ({ ...everyone(403), anonymous: 'login' as const, registered: outcome, moderator: outcome, organiser: outcome });
/** Those who run it: the session's online moderator (an account linked to the session) and the event's organisers. */
const runners = (outcome: number) => ({ ...everyone(403), anonymous: 'login' as const, moderator: outcome, organiser: outcome });

/**
 * The live queue of a session in the published program, as each role meets it (the module's walk
 * in ../roles.test.ts covers an unpublished one). Writes carry empty bodies.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/events/:slug/sessions/:session/live', expect: everyone(200) },
  { method: 'GET', path: '/events/:slug/sessions/:session/live/stream', expect: { ...everyone(403), anonymous: 401, registered: 200, moderator: 200, organiser: 200 } },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/ask', body: 'form', expect: joiners(422) },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/requests/nothing', body: 'form', expect: runners(422) },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/requests/nothing/withdraw', body: 'form', expect: followers(409) },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/speakers', body: 'form', expect: runners(303) },
  { method: 'GET', path: '/api/events/:slug/sessions/:session/floor', expect: { ...everyone(403), anonymous: 401, moderator: 200, organiser: 200 } },
  { method: 'POST', path: '/api/events/:slug/sessions/:session/floor', body: 'json', expect: { ...everyone(403), anonymous: 401, registered: 422 } },
  { method: 'PATCH', path: '/api/events/:slug/sessions/:session/floor/nothing', body: 'json', expect: { ...everyone(403), anonymous: 401, moderator: 422, organiser: 422 } },
  { method: 'GET', path: '/events/:slug/statistics', expect: everyone(200) },
  { method: 'GET', path: '/api/events/:slug/statistics', expect: everyone(200) },
];

eachApp('the live queue of a published session answers every role as its policy says', async (t) => {
  const { slug, session, moderator, coordinator } = await liveSession(t);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await loggedIn(t, await insertPerson(t, { email: 'someone@example.org' })),
    registered: await participant(t, slug, 'rosa@example.org', 'Rosa Técnica', 'technical_community'),
    moderator,
    organiser: coordinator,
    secretariat: await secretariat(t),
  };
  const lifetime = streamTiming.lifetimeMs;
  streamTiming.lifetimeMs = 0;
  try {
    await walkRoles(t, { clients, cases, params: { slug, session } });
  } finally {
    streamTiming.lifetimeMs = lifetime;
  }
}, { postgres: true });
