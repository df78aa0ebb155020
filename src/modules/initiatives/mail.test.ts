import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { insertPerson, registerInitiative, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';

/** A Spanish-speaking coordinator, reading Cabildo in Spanish, with an initiative described in English. */
async function spanishCoordinator(t: TestApp) {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', name: 'Carla', locale: 'es', group: 'civil_society' });
  coordinator.language = 'es';
  const slug = await registerInitiative(coordinator, {
    description_locale: 'en', description: 'An open multistakeholder space on Internet governance in Colombia, in Bogotá and the regions.',
  });
  return { coordinator, slug };
}

eachApp('an invitation to a Portuguese-speaking account from a Spanish-speaking coordinator arrives in Portuguese', async (t) => {
  await insertPerson(t, { email: 'paula@example.org', name: 'Paula', locale: 'pt' });
  const { coordinator, slug } = await spanishCoordinator(t);
  const sent = await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'paula@example.org', role: 'member' });
  assert.equal(sent.status, 303);
  const mail = await t.mail.lastTo('paula@example.org');
  assert.equal(mail.subject, 'Carla convidou você para o comitê de Mesa Colombiana de Gobernanza de Internet');
  assert.match(mail.text, /Abra o convite para aceitá-lo ou recusá-lo/);
  assert.match(mail.headers['list-unsubscribe'] ?? '', /\/unsubscribe\//, 'a notification mail, with one-click unsubscribe');
  // The link names the invitation, not its secret: the notification is stored in the clear.
  const link = new URL(mail.text.match(/http:\/\/cabildo\.test\/invitations\/\S+/)![0]);
  const invitation = await t.database.db.selectFrom('committee_invitations').select('id').executeTakeFirstOrThrow();
  assert.equal(link.pathname, `/invitations/${invitation.id}`);
}, { postgres: true });

eachApp('an invitation to an address without an account is written in the initiative\'s language, not the inviter\'s', async (t) => {
  const { coordinator, slug } = await spanishCoordinator(t);
  await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'nadie@example.org', role: 'member' });
  const mail = await t.mail.lastTo('nadie@example.org');
  assert.equal(mail.subject, 'Invitation to the organising committee of Mesa Colombiana de Gobernanza de Internet');
  assert.match(mail.text, /Carla invites you/);
  assert.match(mail.text, /http:\/\/cabildo\.test\/invitations\/\S{20,}/);
  // An unverified account gets the mail in its own language, not a notification.
  await insertPerson(t, { email: 'francois@example.org', name: 'François', locale: 'fr', verified: false });
  await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'francois@example.org', role: 'member' });
  assert.equal((await t.mail.lastTo('francois@example.org')).subject, 'Invitation au comité d\'organisation de Mesa Colombiana de Gobernanza de Internet');
  assert.equal((await t.database.db.selectFrom('notifications').select('id').execute()).length, 0);
}, { postgres: true });

eachApp('sign-up, a new verification link and a reset link go through the queue in the account\'s language', async (t) => {
  const client = t.client();
  client.language = 'en';
  await client.post('/signup', {
    email: 'joao@example.org', password: 'correct horse battery', name: 'João', locale: 'pt', stakeholder_group: 'academia', capacity: 'personal',
  });
  const first = (await t.mail.lastTo('joao@example.org')).subject;
  assert.equal((await client.post('/login', { email: 'joao@example.org', password: 'correct horse battery' })).status, 303);
  assert.equal(first, 'Verifique seu endereço de e-mail no Cabildo');
  assert.equal((await client.post('/account/verification', {})).status, 303);
  assert.equal((await t.mail.nthTo('joao@example.org', 2)).subject, first, 'the second link in the same language');
  const stranger = t.client();
  stranger.language = 'fr';
  assert.equal((await stranger.post('/password/forgot', { email: 'joao@example.org' })).status, 200);
  const reset = await t.mail.nthTo('joao@example.org', 3);
  assert.match(reset.text, /\/password\/reset\?token=/);
  assert.equal(reset.subject, 'Redefina sua senha do Cabildo', 'in the account\'s language, not the visitor\'s');
}, { postgres: true });

eachApp('coordinators hear of the secretariat\'s decisions in their own language', async (t) => {
  const { coordinator, slug } = await spanishCoordinator(t);
  await seatMember(t, slug, { email: 'gov@example.org', group: 'government' });
  await seatMember(t, slug, { email: 'tech@example.org', group: 'technical_community' });
  await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' });
  assert.equal((await coordinator.post(`/initiatives/${slug}/recognition`, {})).status, 303);
  const admin = await secretariat(t);
  const requestPath = (await admin.get('/secretariat/recognition')).html.match(/href="(\/secretariat\/recognition\/[^"]+)"/)![1]!;
  assert.equal((await admin.post(requestPath, { decision: 'return', comments: 'Falta el informe anual.' })).status, 303);
  const returned = await t.mail.lastTo('coord@example.org');
  assert.equal(returned.subject, 'Mesa Colombiana de Gobernanza de Internet: devuelta con comentarios');
  assert.match(returned.text, /con estos comentarios: Falta el informe anual\./);
  assert.match(returned.text, new RegExp(`http://cabildo\\.test/initiatives/${slug}`));
}, { postgres: true });

eachApp('the secretariat is notified of a new recognition request, and its review page shows the committee', async (t) => {
  const admin = await secretariat(t);
  await insertPerson(t, { email: 'sec-pt@igf.test', name: 'Secretaria', locale: 'pt', secretariat: true });
  const { coordinator, slug } = await spanishCoordinator(t);
  await seatMember(t, slug, { email: 'gov@example.org', name: 'Gustavo Gobierno', group: 'government' });
  await seatMember(t, slug, { email: 'tech@example.org', name: 'Tania Técnica', group: 'technical_community' });
  await seatMember(t, slug, { email: 'late@example.org', name: 'Lola Pendiente', group: 'private_sector', verified: false });
  await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' });
  assert.equal((await coordinator.post(`/initiatives/${slug}/recognition`, {})).status, 303);

  const english = await t.mail.lastTo('secretariat@igf.test');
  assert.equal(english.subject, 'Mesa Colombiana de Gobernanza de Internet asks to be recognised');
  assert.equal((await t.mail.lastTo('sec-pt@igf.test')).subject, 'Mesa Colombiana de Gobernanza de Internet pede para ser reconhecida');
  const { id } = await t.database.db.selectFrom('recognition_requests').select('id').executeTakeFirstOrThrow();
  assert.match(english.text, new RegExp(`http://cabildo\\.test/secretariat/recognition/${id}`));
  assert.match((await admin.get('/notifications')).html, /Mesa Colombiana de Gobernanza de Internet asks to be recognised/);
  assert.equal((await t.database.db.selectFrom('notifications').select('id').execute()).length, 2, 'the coordinator is not notified of their own request');

  const review = await admin.get(`/secretariat/recognition/${id}`);
  assert.match(review.html, /Organising committee \(4 people\)/);
  assert.match(review.html, /<strong>Gustavo Gobierno<\/strong> — Member, Government — address verified/);
  assert.match(review.html, /<strong>Tania Técnica<\/strong> — Member, Technical community — address verified/);
  assert.match(review.html, /<strong>Lola Pendiente<\/strong> — Member, Private sector — <strong>address not verified<\/strong>/);
  assert.match(review.html, /<strong>Carla<\/strong> — Coordinator, Civil society — address verified/);
}, { postgres: true });
