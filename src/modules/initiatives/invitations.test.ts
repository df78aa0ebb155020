import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, seatMember, verifiedPerson } from '../../../tests/support/factories.ts';

const initiativeName = 'Mesa Colombiana de Gobernanza de Internet';

/** A coordinator who invited paula@example.org (no account yet); answers the emailed link's path. */
async function invitedPaula(t: TestApp) {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', name: 'Carla Coordinadora', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  assert.equal((await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'paula@example.org', role: 'member' })).status, 303);
  const link = new URL(await t.mail.linkTo('paula@example.org'));
  return { coordinator, slug, path: link.pathname };
}

const seats = (t: TestApp) => t.database.db.selectFrom('committee_members').select('user_id').execute();
const accept = { stakeholder_group: 'government', role: 'member', answer: 'accept' };

/** Nothing of the invitation shows: not the initiative, not who invited, not the address. */
function assertNoDetails(html: string) {
  assert.doesNotMatch(html, new RegExp(initiativeName));
  assert.doesNotMatch(html, /Carla Coordinadora/);
  assert.doesNotMatch(html, /paula@example\.org/);
}

eachApp('an invitation binds to the invited address: another account, even holding the link, neither sees nor takes it', async (t) => {
  const { path } = await invitedPaula(t);
  const mallory = await verifiedPerson(t, { email: 'mallory@example.org', group: 'government' });
  const seen = await mallory.get(path);
  assert.equal(seen.status, 403);
  assert.match(seen.html, /This invitation is for another address/);
  assertNoDetails(seen.html);
  const taken = await mallory.post(path, accept);
  assert.equal(taken.status, 403);
  assert.equal((await seats(t)).length, 1, 'only the coordinator sits');
  // By id, an invitation exists only for its address.
  const { id } = await t.database.db.selectFrom('committee_invitations').select('id').executeTakeFirstOrThrow();
  assert.equal((await mallory.get(`/invitations/${id}`)).status, 404);
  assert.equal((await mallory.post(`/invitations/${id}`, accept)).status, 404);
  assert.doesNotMatch((await mallory.get('/my/initiatives')).html, new RegExp(initiativeName));
}, { postgres: true });

eachApp('an unverified account with the invited address sees no details and cannot accept until it verifies', async (t) => {
  const { path, slug } = await invitedPaula(t);
  const paula = await loggedIn(t, await insertPerson(t, { email: 'paula@example.org', name: 'Paula', group: 'government', verified: false }));
  const seen = await paula.get(path);
  assert.equal(seen.status, 200);
  assert.match(seen.html, /Verify your address to see this invitation/);
  assertNoDetails(seen.html);
  assert.doesNotMatch((await paula.get('/my/initiatives')).html, new RegExp(initiativeName));
  assert.equal((await paula.post(path, accept)).status, 403);
  assert.equal((await seats(t)).length, 1);
  // She asks for a verification link from there; it brings her back to the invitation.
  const resent = await paula.post(`/account/verification?next=${encodeURIComponent(path)}`, {});
  assert.equal(resent.location, `${path}?notice=check_email`);
  const verify = new URL((await t.mail.nthTo('paula@example.org', 2)).text.match(/http:\/\/\S+/)![0]);
  assert.equal(verify.pathname, '/verify-email');
  assert.equal((await paula.get(verify.pathname + verify.search)).location, path);
  const form = await paula.get(path);
  assert.equal(form.status, 200);
  assert.match(form.html, /Carla Coordinadora invited paula@example\.org to the organising committee of Mesa Colombiana de Gobernanza de Internet as Member\./);
  assert.equal((await paula.post(path, accept)).location, `/initiatives/${slug}?notice=joined`);
  assert.equal((await seats(t)).length, 2);
}, { postgres: true });

eachApp('a verified invitee answers from My initiatives, by the invitation\'s id, without the emailed secret', async (t) => {
  const paula = await verifiedPerson(t, { email: 'paula@example.org', name: 'Paula', group: 'government' });
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', name: 'Carla Coordinadora', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'paula@example.org', role: 'member' });
  const mine = await paula.get('/my/initiatives');
  const { id } = await t.database.db.selectFrom('committee_invitations').select('id').executeTakeFirstOrThrow();
  assert.match(mine.html, new RegExp(`<a href="/invitations/${id}">${initiativeName}</a>`));
  assert.equal((await paula.post(`/invitations/${id}`, { answer: 'decline' })).location, '/my/initiatives');
  assert.equal((await paula.get(`/invitations/${id}`)).status, 404, 'answered: gone');
  assert.doesNotMatch((await paula.get('/my/initiatives')).html, new RegExp(initiativeName));
  // A logged-out visitor with an id (a notification's link) is offered to log in.
  const gone = await t.client().get(`/invitations/${id}`);
  assert.equal(gone.status, 404);
  assert.match(gone.html, new RegExp(`href="/login\\?next=%2Finvitations%2F${id}"`));
}, { postgres: true });

eachApp('a coordinator cannot invite their own address or a member, and withdraws a pending invitation', async (t) => {
  const { coordinator, slug, path } = await invitedPaula(t);
  await seatMember(t, slug, { email: 'gov@example.org', group: 'government' });
  const self = await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'COORD@example.org', role: 'member' });
  assert.equal(self.status, 422);
  assert.match(self.html, /id="error-email"[^>]*>[^<]*You are already on the committee: invite someone else\./);
  const member = await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'gov@example.org', role: 'member' });
  assert.equal(member.status, 409);
  assert.match(member.html, /id="error-email"[^>]*>[^<]*This person is already on the committee\./);
  assert.equal((await t.database.db.selectFrom('committee_invitations').select('id').execute()).length, 1, 'nothing new is pending');

  const { id } = await t.database.db.selectFrom('committee_invitations').select('id').executeTakeFirstOrThrow();
  const page = await coordinator.get(`/initiatives/${slug}`);
  assert.match(page.html, new RegExp(`action="/initiatives/${slug}/invitations/${id}/withdraw"`));
  const gov = await loggedIn(t, (await t.database.db.selectFrom('users').select('id').where('email', '=', 'gov@example.org').executeTakeFirstOrThrow()).id);
  assert.equal((await gov.post(`/initiatives/${slug}/invitations/${id}/withdraw`, {})).status, 403, 'members cannot withdraw');
  assert.equal((await coordinator.post(`/initiatives/${slug}/invitations/${id}/withdraw`, {})).location, `/initiatives/${slug}?notice=withdrawn#committee-title`);
  assert.match((await coordinator.get(`/initiatives/${slug}?notice=withdrawn`)).html, /The invitation has been withdrawn/);
  assert.equal((await coordinator.post(`/initiatives/${slug}/invitations/${id}/withdraw`, {})).status, 404, 'once');
  assert.equal((await t.client().get(path)).status, 404, 'the emailed link no longer works');
  const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'committee.invitation_withdrawn').execute();
  assert.equal(audit.length, 1);
}, { postgres: true });

eachApp('one path for an invitation: the emailed link, logged out, leads through sign-up and verification back to it', async (t) => {
  const { path, slug } = await invitedPaula(t);
  const paula = t.client();
  const landing = await paula.get(path);
  assert.equal(landing.status, 200);
  assert.match(landing.html, /Carla Coordinadora invited paula@example\.org to the organising committee of Mesa Colombiana de Gobernanza de Internet as Member\./);
  const back = encodeURIComponent(path);
  const signupLink = `/signup?next=${back}&amp;email=paula%40example.org`;
  assert.ok(landing.html.includes(`href="${signupLink}"`), 'sign up, with the address');
  assert.ok(landing.html.includes(`href="/login?next=${back}"`), 'or log in');
  const form = await paula.get(signupLink.replace('&amp;', '&'));
  assert.match(form.html, /name="email" type="email"[^>]*value="paula@example\.org"|value="paula@example\.org"[^>]*name="email"/);
  assert.match(form.html, new RegExp(`action="/signup\\?next=${back.replace(/%/g, '%')}"`));
  const signedUp = await paula.post(`/signup?next=${back}`, {
    email: 'paula@example.org', password: 'correct horse battery', name: 'Paula', locale: 'en', stakeholder_group: 'government', capacity: 'personal',
  });
  assert.equal(signedUp.status, 200);
  assert.match(signedUp.html, /Check your mail/);
  const verify = new URL((await t.mail.nthTo('paula@example.org', 2)).text.match(/http:\/\/\S+/)![0]);
  assert.equal(verify.searchParams.get('next'), path);
  // The verification link, in the browser that signed up, signs her in and leads back to the invitation.
  assert.equal((await paula.get(verify.pathname + verify.search)).location, path);
  assert.match((await paula.get(path)).html, /Carla Coordinadora invited paula@example\.org/);
  assert.equal((await paula.post(path, { stakeholder_group: 'government', role: 'member', answer: 'accept' })).location, `/initiatives/${slug}?notice=joined`);
}, { postgres: true });
