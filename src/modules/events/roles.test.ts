import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { createEvent, organiser } from '../../../tests/support/events.ts';
import { callFields, goodProposal } from '../../../tests/support/eventsCall.ts';
import { eventsDb } from './tables.ts';
import { eventsModule } from './module.ts';
import { liveScript, streamTiming } from './floor/pages.tsx';

const roles = ['anonymous', 'unverified', 'participant', 'organiser', 'secretariat', 'proposer', 'reviewer', 'chair'] as const;
type Role = (typeof roles)[number];
const { everyone, signedIn, only } = outcomes(roles);
/** A draft: found by its organisers and the secretariat only; the others are told it does not exist. */
const draftOnly = (allowed: Partial<Record<Role, number>>) => ({ ...everyone(404), ...allowed });

/**
 * Every route of the module, and what each role gets. Organisers are the initiative's committee.
 * Writes carry empty bodies, so an allowed role gets a validation answer (or a refusal of the
 * step: publishing what is published) and nothing changes.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/events', expect: everyone(200) },
  { method: 'GET', path: '/events?when=past&kind=webinar&format=online&language=es&country=CO', expect: everyone(200) },
  { method: 'GET', path: '/events.ics', expect: everyone(200) },
  { method: 'GET', path: '/my/events', expect: signedIn(200) },
  { method: 'GET', path: '/initiatives/:initiative/events/new', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/initiatives/:initiative/events/new', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/events/:slug', expect: everyone(200) },
  { method: 'GET', path: '/events/:slug?zone=Asia/Tokyo', expect: everyone(200) },
  { method: 'GET', path: '/events/:draft', expect: draftOnly({ organiser: 200, secretariat: 200 }) },
  { method: 'GET', path: '/events/:slug/program.ics', expect: everyone(200) },
  { method: 'GET', path: '/events/:draft/program.ics', expect: draftOnly({ organiser: 200, secretariat: 200 }) },
  { method: 'GET', path: '/events/:slug/edit', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/edit', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'POST', path: '/events/:draft/edit', body: 'form', expect: draftOnly({ organiser: 422, secretariat: 403 }) },
  { method: 'POST', path: '/events/:slug/publish', body: 'form', expect: only({ organiser: 409 }) },
  { method: 'POST', path: '/events/:draft/close', body: 'form', expect: draftOnly({ organiser: 409, secretariat: 403 }) },
  { method: 'GET', path: '/events/:slug/rooms', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/rooms', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'POST', path: '/events/:slug/rooms/:room', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'POST', path: '/events/:slug/rooms/nothing/remove', body: 'form', expect: everyone(404) },
  // A form's address shows the page the form lives on.
  { method: 'GET', path: '/events/:slug/publish', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/close', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/rooms/:room', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/rooms/:room/remove', expect: everyone(303) },
  { method: 'GET', path: '/api/events', expect: everyone(200) },
  { method: 'GET', path: '/api/events/:slug', expect: everyone(200) },
  { method: 'GET', path: '/api/events/:draft', expect: draftOnly({ organiser: 200, secretariat: 200 }) },
  { method: 'POST', path: '/api/events', body: 'json', expect: { ...everyone(422), anonymous: 401, unverified: 403 } },
  { method: 'POST', path: '/api/events/:slug/rooms', body: 'json', expect: { ...everyone(403), anonymous: 401, organiser: 422 } },
  // The call for proposals (call/): its page is public, its settings and the list are the organisers'.
  { method: 'GET', path: '/events/:slug/call', expect: everyone(200) },
  { method: 'GET', path: '/events/:draft/call', expect: everyone(404) },
  { method: 'GET', path: '/events/:slug/call/edit', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/call/edit', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/events/:slug/proposals', expect: only({ organiser: 200 }) },
  { method: 'GET', path: '/events/:slug/proposals/new', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/events/:slug/proposals/new', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  // A proposal: its proposer's, and the organisers' once submitted; others are told it does not exist.
  { method: 'GET', path: '/events/:slug/proposals/:proposal', expect: { ...everyone(404), proposer: 200, organiser: 200 } },
  { method: 'GET', path: '/events/:slug/proposals/:proposal/edit', expect: { ...everyone(404), proposer: 200, organiser: 403 } },
  { method: 'POST', path: '/events/:slug/proposals/:proposal/edit', body: 'form', expect: { ...everyone(404), proposer: 422, organiser: 403 } },
  { method: 'GET', path: '/events/:slug/proposals/:proposal/withdraw', expect: everyone(303) },
  { method: 'GET', path: '/my/proposals', expect: signedIn(200) },
  { method: 'GET', path: '/api/events/:slug/proposals/:proposal', expect: { ...everyone(404), proposer: 200, organiser: 200 } },
  { method: 'POST', path: '/api/events/:slug/proposals', body: 'json', expect: { ...everyone(422), anonymous: 401, unverified: 403 } },
  // An empty merge patch saves the proposal as it is.
  { method: 'PATCH', path: '/api/events/:slug/proposals/:proposal', body: 'json', expect: { ...everyone(404), proposer: 200, organiser: 403 } },
  // The program (program/): public once published, its working copy and sessions the organisers'.
  { method: 'GET', path: '/events/:slug/program', expect: everyone(200) },
  { method: 'GET', path: '/events/:slug/program?zone=Asia/Tokyo&view=published', expect: everyone(200) },
  { method: 'GET', path: '/events/:draft/program', expect: draftOnly({ organiser: 200, secretariat: 200 }) },
  { method: 'POST', path: '/events/:slug/program/publish', body: 'form', expect: only({ organiser: 409 }) },
  { method: 'GET', path: '/events/:slug/sessions/new', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/sessions', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/events/:slug/sessions/:session', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/sessions/:session', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'POST', path: '/events/:slug/sessions/:session/schedule', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'POST', path: '/events/:slug/sessions/nothing/remove', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/events/:slug/program/publish', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/sessions', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/sessions/:session/schedule', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/sessions/:session/remove', expect: everyone(303) },
  { method: 'GET', path: '/api/events/:slug/program', expect: everyone(200) },
  { method: 'GET', path: '/api/events/:draft/program', expect: draftOnly({ organiser: 200, secretariat: 200 }) },
  { method: 'POST', path: '/api/events/:slug/sessions', body: 'json', expect: { ...everyone(403), anonymous: 401, organiser: 422 } },
  { method: 'PATCH', path: '/api/events/:slug/sessions/:session', body: 'json', expect: { ...everyone(403), anonymous: 401, organiser: 422 } },
  // Registration (registration/, decision 018); registered participants are walked in registration/roles.test.ts.
  { method: 'GET', path: '/events/:slug/register', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/events/:slug/register', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  { method: 'POST', path: '/events/:slug/register/cancel', body: 'form', expect: signedIn(409) },
  { method: 'GET', path: '/events/:slug/register/cancel', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/registration/cancel/no-such-link', expect: everyone(404) },
  { method: 'POST', path: '/events/:slug/registration/cancel/no-such-link', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/events/:slug/registrations', expect: only({ organiser: 200 }) },
  { method: 'GET', path: '/events/:draft/registrations', expect: draftOnly({ organiser: 200, secretariat: 403 }) },
  { method: 'GET', path: '/events/:slug/registrations.csv', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/capacity', body: 'form', expect: only({ organiser: 303 }) },
  { method: 'GET', path: '/events/:slug/capacity', expect: everyone(303) },
  { method: 'GET', path: '/api/events/:slug/registrations', expect: { ...everyone(403), anonymous: 401, organiser: 200 } },
  { method: 'POST', path: '/api/events/:slug/registrations', body: 'json', expect: { ...everyone(422), anonymous: 401, unverified: 403 } },
  { method: 'POST', path: '/api/events/:slug/registrations/cancel', body: 'json', expect: { ...everyone(409), anonymous: 401 } },
  // One session's registration from the program (decision 023): the walked session has seats of its own.
  { method: 'GET', path: '/events/:slug/sessions/:session/register', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/events/:slug/sessions/:session/register', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  { method: 'POST', path: '/events/:slug/sessions/nothing/register', body: 'form', expect: everyone(404) },
  { method: 'POST', path: '/events/:slug/sessions/:session/register/cancel', body: 'form', expect: signedIn(409) },
  { method: 'GET', path: '/events/:slug/sessions/:session/register/cancel', expect: everyone(303) },
  // The live queue (floor/) of a session not yet in a published program: its organisers only (floor/roles.test.ts walks a published one).
  { method: 'GET', path: '/events/:slug/sessions/:session/live', expect: { ...everyone(404), organiser: 200 } },
  { method: 'GET', path: '/events/:slug/sessions/:session/live/stream', expect: { ...everyone(404), organiser: 200 } },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/ask', body: 'form', expect: { ...everyone(404), organiser: 403 } },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/requests/nothing', body: 'form', expect: { ...everyone(404), organiser: 422 } },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/requests/nothing/withdraw', body: 'form', expect: { ...everyone(404), organiser: 409 } },
  { method: 'POST', path: '/events/:slug/sessions/:session/live/speakers', body: 'form', expect: { ...everyone(404), organiser: 303 } },
  { method: 'GET', path: liveScript.path, expect: everyone(200) },
  { method: 'GET', path: '/events/:slug/sessions/:session/live/ask', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/sessions/:session/live/speakers', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/sessions/:session/live/requests/nothing', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/sessions/:session/live/requests/nothing/withdraw', expect: everyone(303) },
  { method: 'GET', path: '/api/events/:slug/sessions/:session/floor', expect: { ...everyone(404), organiser: 200 } },
  { method: 'POST', path: '/api/events/:slug/sessions/:session/floor', body: 'json', expect: { ...everyone(404), organiser: 403 } },
  { method: 'PATCH', path: '/api/events/:slug/sessions/:session/floor/nothing', body: 'json', expect: { ...everyone(404), organiser: 422 } },
  // Participation statistics (stats/): public once published.
  { method: 'GET', path: '/events/:slug/statistics', expect: everyone(200) },
  { method: 'GET', path: '/events/:draft/statistics', expect: draftOnly({ organiser: 200 }) },
  { method: 'GET', path: '/api/events/:slug/statistics', expect: everyone(200) },
  { method: 'GET', path: '/api/events/:draft/statistics', expect: draftOnly({ organiser: 200 }) },
  // The review (review/): the organisers seat the committee; the chair assigns and decides; reviewers review what they are given.
  { method: 'GET', path: '/events/:slug/committee', expect: only({ organiser: 200, reviewer: 200, chair: 200 }) },
  { method: 'POST', path: '/events/:slug/committee', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'POST', path: '/events/:slug/committee/criteria', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/events/:slug/committee/criteria', expect: everyone(303) },
  // Criteria of the committee's own (decision 023); the four defaults are not removed.
  { method: 'POST', path: '/events/:slug/committee/criteria/new', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/events/:slug/committee/criteria/new', expect: everyone(303) },
  { method: 'POST', path: '/events/:slug/committee/criteria/relevance/remove', body: 'form', expect: only({ organiser: 409 }) },
  { method: 'POST', path: '/events/:slug/committee/criteria/nothing/remove', body: 'form', expect: only({ organiser: 404 }) },
  { method: 'GET', path: '/events/:slug/committee/criteria/nothing/remove', expect: everyone(303) },
  { method: 'POST', path: '/events/:slug/committee/nothing/remove', body: 'form', expect: only({ organiser: 404 }) },
  { method: 'GET', path: '/events/:slug/committee/nothing/remove', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/review', expect: only({ organiser: 200, reviewer: 200, chair: 200 }) },
  { method: 'GET', path: '/events/:slug/review/assignments', expect: only({ chair: 200 }) },
  { method: 'POST', path: '/events/:slug/review/assign', body: 'form', expect: only({ chair: 303 }) },
  { method: 'GET', path: '/events/:slug/review/assign', expect: everyone(303) },
  { method: 'POST', path: '/events/:slug/review/assignments', body: 'form', expect: only({ chair: 422 }) },
  { method: 'POST', path: '/events/:slug/review/assignments/remove', body: 'form', expect: only({ chair: 422 }) },
  { method: 'GET', path: '/events/:slug/review/assignments/remove', expect: everyone(303) },
  { method: 'GET', path: '/events/:slug/review/overview', expect: only({ chair: 200 }) },
  { method: 'GET', path: '/events/:slug/proposals/:proposal/review', expect: only({ reviewer: 200, chair: 200 }) },
  { method: 'POST', path: '/events/:slug/proposals/:proposal/review', body: 'form', expect: only({ reviewer: 422, chair: 422 }) },
  { method: 'GET', path: '/events/:slug/proposals/:proposal/decision', expect: only({ chair: 200 }) },
  { method: 'POST', path: '/events/:slug/proposals/:proposal/decision', body: 'form', expect: only({ chair: 422 }) },
  { method: 'GET', path: '/events/:slug/proposals/:proposal/outcome', expect: { ...everyone(404), proposer: 200, organiser: 200 } },
  { method: 'GET', path: '/events/:slug/decisions', expect: everyone(200) },
  { method: 'PUT', path: '/api/events/:slug/proposals/:proposal/review', body: 'json', expect: { ...everyone(403), anonymous: 401, reviewer: 422, chair: 422 } },
  { method: 'POST', path: '/api/events/:slug/proposals/:proposal/decision', body: 'json', expect: { ...everyone(403), anonymous: 401, chair: 422 } },
  { method: 'GET', path: '/api/events/:slug/review', expect: { ...everyone(403), anonymous: 401, chair: 200 } },
  // Last: it withdraws the proposal.
  { method: 'POST', path: '/events/:slug/proposals/:proposal/withdraw', body: 'form', expect: { ...everyone(404), proposer: 303, organiser: 403 } },
  // The topic taxonomy (docs/decisions/027): the secretariat's. An empty save of a built-in topic changes nothing.
  { method: 'GET', path: '/secretariat/topics', expect: only({ secretariat: 200 }) },
  { method: 'POST', path: '/secretariat/topics', body: 'form', expect: only({ secretariat: 422 }) },
  { method: 'GET', path: '/secretariat/topics/community_networks', expect: only({ secretariat: 200 }) },
  { method: 'GET', path: '/secretariat/topics/nothing', expect: only({ secretariat: 404 }) },
  { method: 'POST', path: '/secretariat/topics/community_networks', body: 'form', expect: only({ secretariat: 303 }) },
  { method: 'POST', path: '/secretariat/topics/nothing', body: 'form', expect: only({ secretariat: 404 }) },
];

eachApp('every events route answers every role as its policy says', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100' });
  await coordinator.post(`/events/${slug}/publish`, {});
  const draft = await createEvent(coordinator, initiative, { title: 'Reunión preparatoria' });
  const room = (await eventsDb(t.database.db).selectFrom('event_rooms').select('id').executeTakeFirstOrThrow()).id;
  await coordinator.post(`/events/${slug}/call/edit`, callFields);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const [track] = await eventsDb(t.database.db).selectFrom('event_tracks').select('id').orderBy('position').execute();
  const [question] = await eventsDb(t.database.db).selectFrom('event_call_questions').select('id').execute();
  const proposal = (await proposer.post(`/events/${slug}/proposals/new`, { ...goodProposal(track!.id, question!.id), intent: 'submit' })).location!.split('?')[0]!.split('/').pop()!;
  const session = (await coordinator.post(`/events/${slug}/sessions`, { title: 'Apertura', original_locale: 'es', modality: 'hybrid', capacity: '10' })).location!.split('?')[0]!.split('/').pop()!;
  const reviewer = await verifiedPerson(t, { email: 'reviewer@example.org', group: 'academia' });
  const chair = await verifiedPerson(t, { email: 'chair@example.org', group: 'government' });
  await coordinator.post(`/events/${slug}/committee`, { email: 'chair@example.org', stakeholder_group: 'government', chair: 'on' });
  await coordinator.post(`/events/${slug}/committee`, { email: 'reviewer@example.org', stakeholder_group: 'academia' });
  await chair.post(`/events/${slug}/review/assign`, {});
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org' }),
    organiser: coordinator,
    secretariat: await secretariat(t),
    proposer,
    reviewer,
    chair,
  };
  // The live stream ends at once here, so that reading it whole ends (floor/floor.test.ts reads it live).
  const lifetime = streamTiming.lifetimeMs;
  streamTiming.lifetimeMs = 0;
  try {
    await walkRoles(t, { module: eventsModule, clients, cases, params: { slug, draft, initiative, room, proposal, session } });
  } finally {
    streamTiming.lifetimeMs = lifetime;
  }
}, { postgres: true });
