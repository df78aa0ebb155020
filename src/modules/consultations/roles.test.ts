import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { consultationsModule } from './module.ts';
import { consultationFields, openedConsultation } from '../../../tests/support/consultations.ts';
import { createEvent } from '../../../tests/support/events.ts';
import { opinionRoleCases } from '../../../tests/support/consultationsOpinion.ts';

const roles = ['anonymous', 'unverified', 'participant', 'moderator', 'drafter', 'chair', 'coordinator', 'otherCoordinator', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, only } = outcomes(roles);
/** Those who prepare a consultation see it before it is published; to the others it does not exist. */
const preparers = (outcome: number) => ({ moderator: outcome, drafter: outcome, chair: outcome, coordinator: outcome, secretariat: outcome });
const unpublished = (outcome: number) => ({ ...everyone(404), ...preparers(outcome) });
/** Every signed-in person with a confirmed address. */
const verified = (outcome: number) => ({ ...everyone(outcome), anonymous: 'login' as const, unverified: 403 });
/** Chairs: the chair named and the initiative's coordinators. */
const chairs = (outcome: number) => only({ chair: outcome, coordinator: outcome });
const drafting = (outcome: number) => only({ drafter: outcome, chair: outcome, coordinator: outcome });

/**
 * Every route and what each role gets. `draft` was never published; `pub` has version 1 published
 * and no draft (so publishing finds nothing: 409); `next` has version 1 published and the draft of
 * version 2 (so starting another finds it: 409). Writes carry empty bodies: an allowed role gets a
 * validation answer, except endorsing, which needs no input (each person endorses once).
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/consultations', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:slug/consultations/new', expect: only({ coordinator: 200 }) },
  { method: 'GET', path: '/initiatives/nothing/consultations/new', expect: everyone(404) },
  { method: 'POST', path: '/initiatives/:slug/consultations', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'GET', path: '/initiatives/:slug/consultations', expect: everyone(303) },
  // On an event (docs/decisions/040): its organisers, the initiative's committee; a draft event does not exist for those who may not see it.
  { method: 'GET', path: '/events/:event/consultations/new', expect: only({ coordinator: 200 }) },
  { method: 'POST', path: '/events/:event/consultations/new', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'GET', path: '/events/:draftEvent/consultations/new', expect: { ...everyone(404), coordinator: 200, secretariat: 403 } },
  { method: 'POST', path: '/events/:draftEvent/consultations/new', body: 'form', expect: { ...everyone(404), coordinator: 422, secretariat: 403 } },
  { method: 'GET', path: '/events/nothing/consultations/new', expect: everyone(404) },
  { method: 'GET', path: '/consultations/:draft', expect: unpublished(200) },
  { method: 'GET', path: '/consultations/:pub', expect: everyone(200) },
  { method: 'GET', path: '/consultations/nothing', expect: everyone(404) },
  { method: 'GET', path: '/consultations/:pub/settings', expect: chairs(200) },
  { method: 'GET', path: '/consultations/:draft/settings', expect: { ...unpublished(403), chair: 200, coordinator: 200 } },
  { method: 'POST', path: '/consultations/:pub/settings', body: 'form', expect: chairs(422) },
  { method: 'GET', path: '/consultations/:next/draft', expect: drafting(200) },
  { method: 'POST', path: '/consultations/:next/draft', body: 'form', expect: drafting(422) },
  { method: 'POST', path: '/consultations/:pub/publish', body: 'form', expect: drafting(409) },
  { method: 'GET', path: '/consultations/:pub/publish', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:next/versions', body: 'form', expect: drafting(409) },
  { method: 'GET', path: '/consultations/:pub/versions', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:draft/versions', expect: unpublished(200) },
  { method: 'GET', path: '/consultations/:pub/versions/1', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:next/versions/2', expect: { ...everyone(404), ...preparers(200) } },
  { method: 'GET', path: '/consultations/:pub/versions/nothing', expect: everyone(404) },
  { method: 'GET', path: '/consultations/:next/versions/2/diff', expect: { ...everyone(404), ...preparers(200) } },
  { method: 'GET', path: '/consultations/:pub/versions/1/diff', expect: everyone(404) },
  { method: 'GET', path: '/consultations/:pub/paragraphs/:anchor', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:pub/paragraphs/nothing', expect: everyone(404) },
  { method: 'POST', path: '/consultations/:pub/paragraphs/:anchor/comments', body: 'form', expect: verified(422) },
  { method: 'POST', path: '/consultations/:draft/paragraphs/:anchor/comments', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/consultations/:pub/paragraphs/:anchor/comments', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:pub/paragraphs/:anchor/comments/:comment/replies', body: 'form', expect: verified(422) },
  { method: 'GET', path: '/consultations/:pub/paragraphs/:anchor/comments/:comment/replies', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:pub/paragraphs/:anchor/amendments', body: 'form', expect: verified(422) },
  { method: 'GET', path: '/consultations/:pub/paragraphs/:anchor/amendments', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:pub/amendments/:amendment/endorse', body: 'form', expect: verified(303) },
  { method: 'GET', path: '/consultations/:pub/amendments/:amendment/endorse', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:pub/amendments/:amendment/decision', body: 'form', expect: only({ drafter: 422 }) },
  { method: 'GET', path: '/consultations/:pub/amendments/:amendment/decision', expect: everyone(303) },
  // Positions, the consensus call, appeals, the record and following (docs/decisions/038); `pub` is in its amendments phase, with no positions and no call.
  { method: 'GET', path: '/consultations/:pub/positions', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:draft/positions', expect: everyone(404) },
  { method: 'POST', path: '/consultations/:pub/positions', body: 'form', expect: verified(422) },
  { method: 'POST', path: '/consultations/:pub/positions/nothing/blocking', body: 'form', expect: chairs(404) },
  { method: 'GET', path: '/consultations/:pub/positions/nothing/blocking', expect: everyone(303) },
  { method: 'GET', path: '/consultations/:pub/consensus', expect: chairs(200) },
  { method: 'POST', path: '/consultations/:pub/consensus', body: 'form', expect: chairs(422) },
  { method: 'GET', path: '/consultations/:pub/record', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:draft/record', expect: everyone(404) },
  { method: 'GET', path: '/consultations/:pub/record/print', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:pub/record.json', expect: everyone(200) },
  { method: 'GET', path: '/consultations/:pub/record.md', expect: everyone(200) },
  { method: 'POST', path: '/consultations/:pub/record/appeals', body: 'form', expect: verified(422) },
  { method: 'GET', path: '/consultations/:pub/record/appeals', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:pub/record/appeals/nothing/answer', body: 'form', expect: chairs(422) },
  { method: 'GET', path: '/consultations/:pub/record/appeals/nothing/answer', expect: everyone(303) },
  { method: 'POST', path: '/consultations/:pub/follow', body: 'form', expect: { ...everyone(422), anonymous: 'login' } },
  { method: 'GET', path: '/consultations/:pub/follow', expect: everyone(303) },
  { method: 'GET', path: '/api/consultations/:pub/record', expect: everyone(200) },
  { method: 'GET', path: '/api/consultations/:draft/record', expect: everyone(404) },
  { method: 'GET', path: '/api/consultations', expect: everyone(200) },
  { method: 'GET', path: '/api/consultations/:pub', expect: everyone(200) },
  { method: 'GET', path: '/api/consultations/:draft', expect: everyone(404) },
  // The opinion map (docs/decisions/039).
  ...opinionRoleCases(roles),
];

eachApp('every consultations route answers every role as its policy says', async (t) => {
  const { coordinator, initiative, chair, drafter, slug: pub } = await openedConsultation(t);
  const moderator = await verifiedPerson(t, { email: 'moderator@example.org', group: 'academia' });
  const people = { chairs: 'chair@example.org', drafters: 'drafter@example.org', moderators: 'moderator@example.org' };
  assert.equal((await coordinator.post(`/consultations/${pub}/settings`, { ...consultationFields(), ...people })).status, 303);
  for (const slug of ['rascunho', 'proxima']) assert.equal((await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ ...people, slug }))).status, 303);
  for (const slug of [pub, 'proxima']) assert.equal((await drafter.post(`/consultations/${slug}/publish`, {})).status, 303);
  assert.equal((await drafter.post('/consultations/proxima/versions', {})).status, 303);
  const anchor = (await t.client().get(`/consultations/${pub}`)).html.match(/<section id="p-([a-z0-9]+)" class="paragraph"/)![1]!;
  const author = await verifiedPerson(t, { email: 'author@example.org', group: 'civil_society' });
  const amendment = (await author.post(`/consultations/${pub}/paragraphs/${anchor}/amendments`, { proposed: 'Outra redação do parágrafo.', rationale: 'Mais clara.' })).location!.split('#amendment-')[1]!;
  const comment = (await author.post(`/consultations/${pub}/paragraphs/${anchor}/comments`, { body: 'Um comentário.' })).location!.split('#comment-')[1]!;
  const otherCoordinator = await verifiedPerson(t, { email: 'otra@example.org', group: 'government' });
  await registerInitiative(otherCoordinator, { name: 'Foro de Gobernanza de Internet de Chile', acronym: 'FGI-CL', countries: ['CL'], website: 'https://fgi.example.cl', contact_email: 'fgi@example.cl' });
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org', group: 'private_sector' }),
    moderator, drafter, chair, coordinator, otherCoordinator,
    secretariat: await secretariat(t),
  };
  const [event, draftEvent] = [await createEvent(coordinator, initiative), await createEvent(coordinator, initiative, { title: 'Foro en preparación' })];
  assert.equal((await coordinator.post(`/events/${event}/publish`, {})).status, 303);
  await walkRoles(t, { module: consultationsModule, clients, cases, params: { slug: initiative, draft: 'rascunho', pub, next: 'proxima', anchor, amendment, comment, event, draftEvent } });
}, { postgres: true });
