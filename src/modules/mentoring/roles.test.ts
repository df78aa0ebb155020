import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat, seatMember, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { initiative, offer } from '../../../tests/support/mentoring.ts';
import { mentoringModule } from './module.ts';
import { mentoringDb } from './tables.ts';

const roles = ['anonymous', 'unverified', 'participant', 'member', 'coordinator', 'mentor', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, only } = outcomes(roles);
/** A mentorship not listed publicly: the two committees and the secretariat see it; to the others it does not exist. */
const hidden = (allowed: Partial<Record<Role, number>>) => ({ ...everyone(404), ...allowed });

/**
 * Every route of mentoring and what each role gets (docs/decisions/035-mentoring.md). `slug` is a
 * newcomer (member and coordinator sit on its committee) mentored by `mentor`'s initiative in
 * `mentorship`; `request` is another newcomer's request waiting on the mentor's answer; `own` the
 * newcomer's request, matched already (so withdrawing it is refused and nothing changes). Forms
 * carry empty bodies: allowed roles get a validation answer, or a harmless write.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/mentoring', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:slug/mentoring', expect: only({ member: 200, coordinator: 200, secretariat: 200 }) },
  { method: 'GET', path: '/initiatives/nothing/mentoring', expect: everyone(404) },
  { method: 'POST', path: '/initiatives/:slug/mentoring/offer', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'GET', path: '/initiatives/:slug/mentoring/offer', expect: everyone(303) },
  { method: 'POST', path: '/initiatives/:slug/mentoring/offer/status', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'GET', path: '/initiatives/:slug/mentoring/offer/status', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/mentoring/find', expect: only({ coordinator: 200 }) },
  { method: 'POST', path: '/initiatives/:slug/mentoring/requests', body: 'form', expect: only({ coordinator: 422 }) },
  { method: 'GET', path: '/initiatives/:slug/mentoring/requests', expect: everyone(303) },
  { method: 'POST', path: '/initiatives/:slug/mentoring/requests/:own/withdraw', body: 'form', expect: only({ coordinator: 409 }) },
  { method: 'GET', path: '/initiatives/:slug/mentoring/requests/:own/withdraw', expect: everyone(303) },
  { method: 'POST', path: '/initiatives/:mentor/mentoring/requests/:request/answer', body: 'form', expect: only({ mentor: 422 }) },
  { method: 'GET', path: '/initiatives/:mentor/mentoring/requests/:request/answer', expect: only({ mentor: 200 }) },
  { method: 'GET', path: '/initiatives/:mentor/mentoring/requests/:own/answer', expect: only({ mentor: 404 }) },
  { method: 'GET', path: '/mentorships/:mentorship', expect: hidden({ member: 200, coordinator: 200, mentor: 200, secretariat: 200 }) },
  { method: 'GET', path: '/mentorships/nothing', expect: everyone(404) },
  { method: 'POST', path: '/mentorships/:mentorship/goals', body: 'form', expect: hidden({ member: 303, coordinator: 303, mentor: 303, secretariat: 403 }) },
  { method: 'GET', path: '/mentorships/:mentorship/goals', expect: everyone(303) },
  { method: 'POST', path: '/mentorships/:mentorship/meetings', body: 'form', expect: hidden({ member: 422, coordinator: 422, mentor: 422, secretariat: 403 }) },
  { method: 'GET', path: '/mentorships/:mentorship/meetings', expect: everyone(303) },
  { method: 'POST', path: '/mentorships/:mentorship/consent', body: 'form', expect: hidden({ member: 403, coordinator: 303, mentor: 303, secretariat: 403 }) },
  { method: 'GET', path: '/mentorships/:mentorship/consent', expect: everyone(303) },
  { method: 'POST', path: '/mentorships/:mentorship/feedback', body: 'form', expect: hidden({ member: 403, coordinator: 422, mentor: 422, secretariat: 403 }) },
  { method: 'GET', path: '/mentorships/:mentorship/feedback', expect: everyone(303) },
  { method: 'GET', path: '/secretariat/mentoring', expect: only({ secretariat: 200 }) },
  { method: 'POST', path: '/secretariat/mentoring/settings', body: 'form', expect: only({ secretariat: 303 }) },
  { method: 'GET', path: '/secretariat/mentoring/settings', expect: everyone(303) },
  { method: 'POST', path: '/secretariat/mentoring/:mentorship/decision', body: 'form', expect: only({ secretariat: 422 }) },
  { method: 'GET', path: '/secretariat/mentoring/:mentorship/decision', expect: everyone(303) },
  { method: 'GET', path: '/api/mentoring/offers', expect: everyone(200) },
  { method: 'GET', path: '/api/initiatives/:slug/mentoring', expect: everyone(200) },
  { method: 'GET', path: '/api/initiatives/nothing/mentoring', expect: everyone(404) },
];

eachApp('every mentoring route answers every role as its policy says', async (t) => {
  const mentor = await initiative(t, 'Foro Andino');
  const newcomer = await initiative(t, 'IGF Bolivia', {}, false);
  const other = await initiative(t, 'IGF Chile', {}, false);
  await offer(mentor, { capacity: '2' });
  const m = mentoringDb(t.database.db);
  const offerId = (await m.selectFrom('mentor_offers').select('id').executeTakeFirstOrThrow()).id;
  assert.equal((await newcomer.client.post(`/initiatives/${newcomer.slug}/mentoring/requests`, { choice_1: offerId })).status, 303);
  const own = (await m.selectFrom('mentoring_requests').select('id').where('initiative_id', '=', newcomer.id).executeTakeFirstOrThrow()).id;
  const accepted = await mentor.client.post(`/initiatives/${mentor.slug}/mentoring/requests/${own}/answer`, { answer: 'accept' });
  const mentorship = accepted.location!.split('?')[0]!.split('/').pop()!;
  assert.equal((await other.client.post(`/initiatives/${other.slug}/mentoring/requests`, { choice_1: offerId })).status, 303);
  const request = (await m.selectFrom('mentoring_requests').select('id').where('initiative_id', '=', other.id).executeTakeFirstOrThrow()).id;
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org' }),
    member: await seatMember(t, newcomer.slug, { email: 'miembro@example.org', group: 'government' }),
    coordinator: newcomer.client,
    mentor: mentor.client,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: mentoringModule, clients, cases, params: { slug: newcomer.slug, mentor: mentor.slug, own, request, mentorship } });
}, { postgres: true });
