import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn } from '../../../tests/support/factories.ts';
import { notify, notificationsDb } from './index.ts';
import { nextDigest } from './mail.ts';
import { invitationReceived, recognitionDecided } from '../../modules/initiatives/notifications.ts';
import type { NotificationKind } from './index.ts';
import { modules } from '../../modules/index.ts';

async function send(t: TestApp, userId: string, kind: NotificationKind, values: Record<string, string>, path = '/initiatives') {
  const { db, jobs } = t.services;
  await db.transaction().execute((tx) => notify({ jobs, now: t.clock.now }, tx, kind, { userId, kind: kind.kind, values, path }));
  jobs.wake();
}

const mailsTo = (t: TestApp, email: string) => t.mail.received.filter((m) => m.to.includes(email));

eachApp('a notification shows in Cabildo, is counted in the header until read, and is mailed at once in the reader’s language', async (t) => {
  const ana = await insertPerson(t, { email: 'ana@example.org', locale: 'pt' });
  const client = await loggedIn(t, ana);
  await send(t, ana, invitationReceived, { inviter: 'Carla', initiative: 'IGF Uruguay' }, '/my/initiatives');
  const mail = await t.mail.lastTo('ana@example.org');
  assert.equal(mail.subject, 'Carla convidou você para o comitê de IGF Uruguay');
  assert.match(mail.text, /http:\/\/cabildo\.test\/my\/initiatives/);
  assert.match(mail.headers['list-unsubscribe']!, /^<http:\/\/cabildo\.test\/unsubscribe\/[\w.-]+>$/);
  assert.equal(mail.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');

  const page = await client.get('/notifications');
  assert.match(page.html, /Notificações \(1 nova\)/, 'the header counts it');
  assert.match(page.html, /Carla convidou você para o comitê de IGF Uruguay/);
  const open = page.html.match(/href="(\/notifications\/[^"]+\/open)"/)![1]!;
  assert.equal((await client.get(open)).location, '/my/initiatives');
  assert.doesNotMatch((await client.get('/notifications')).html, /\(1 nova\)/, 'read now');
  // Nobody else opens it.
  const other = await loggedIn(t, await insertPerson(t, { email: 'bea@example.org' }));
  assert.equal((await other.get(open)).status, 404);
}, { postgres: true });

eachApp('one click in the mail stops that kind of mail, without logging in; Cabildo still shows it', async (t) => {
  const ana = await insertPerson(t, { email: 'ana@example.org', locale: 'es' });
  await send(t, ana, recognitionDecided, { initiative: 'IGF Uruguay', decision: 'approved', comments: '' });
  const link = (await t.mail.lastTo('ana@example.org')).headers['list-unsubscribe']!.slice(1, -1);
  const path = new URL(link).pathname;
  const stranger = t.client();
  stranger.language = 'es';
  const confirm = await stranger.get(path);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /Decisiones de la secretaría sobre tus iniciativas/);
  // What a mail program does (RFC 8058): a bare POST, no cookie, no form token.
  const oneClick = await t.app.request(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(oneClick.status, 200);
  await send(t, ana, recognitionDecided, { initiative: 'IGF Chile', decision: 'returned', comments: 'Falta el acta.' });
  await t.services.jobs.runner.drain();
  assert.equal(mailsTo(t, 'ana@example.org').length, 1, 'no second mail');
  const rows = await notificationsDb(t.database.db).selectFrom('notifications').select('kind').where('user_id', '=', ana).execute();
  assert.equal(rows.length, 2, 'both notifications are in Cabildo');
  // A forged link does nothing.
  const forged = await t.app.request(link.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(forged.status, 404);
}, { postgres: true });

eachApp('a daily digest gathers the day’s notifications in one mail, and then queues the next digest', async (t) => {
  const ana = await insertPerson(t, { email: 'ana@example.org', locale: 'en' });
  const client = await loggedIn(t, ana);
  // Every kind the modules declare is on the form: none but these two, daily.
  const never = Object.fromEntries(modules.flatMap((m) => m.notifications ?? []).map((n) => [n.kind.replaceAll('.', '__'), 'never']));
  const saved = await client.post('/notifications/preferences', { ...never, initiatives__invitation: 'daily', initiatives__recognition_decided: 'daily' });
  assert.equal(saved.status, 303);
  await send(t, ana, invitationReceived, { inviter: 'Carla', initiative: 'IGF Uruguay' });
  await send(t, ana, recognitionDecided, { initiative: 'IGF Chile', decision: 'approved', comments: '' });
  await t.services.jobs.runner.drain();
  assert.equal(mailsTo(t, 'ana@example.org').length, 0, 'nothing at once');
  t.clock.now = nextDigest('daily', t.clock.now);
  await t.services.jobs.runner.drain();
  const digest = await t.mail.lastTo('ana@example.org');
  assert.equal(digest.subject, 'Cabildo today: 2 notifications');
  assert.match(digest.text, /Carla invited you to the committee of IGF Uruguay/);
  assert.match(digest.text, /IGF Chile: recognised and listed/);
  assert.match(digest.headers['list-unsubscribe']!, /unsubscribe/);
  assert.equal(mailsTo(t, 'ana@example.org').length, 1);
  const next = await t.database.db.selectFrom('jobs').select(['run_at', 'status']).where('kind', '=', 'platform.notification_digest').where('status', '=', 'pending').execute();
  assert.ok(next.some((job) => job.run_at > t.clock.now.toISOString()), 'the next daily digest is queued');
  // A digest with nothing to say sends nothing.
  t.clock.now = nextDigest('daily', t.clock.now);
  await t.services.jobs.runner.drain();
  assert.equal(mailsTo(t, 'ana@example.org').length, 1);
});
