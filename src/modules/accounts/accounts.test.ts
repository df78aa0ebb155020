import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, password, verifiedPerson } from '../../../tests/support/factories.ts';
import { eachDatabase } from '../../../tests/support/databases.ts';
import { newId } from '../../platform/db/index.ts';
import { accountsDb } from './tables.ts';
import { accountIdentity } from './sessions.ts';
import { issueApiToken, withdrawApiTokens } from './commands/apiTokens.ts';

const newcomer = {
  email: 'ana@example.org', password, name: 'Ana Pérez', locale: 'es', country: 'UY', stakeholder_group: 'academia',
  capacity: 'personal', affiliation: '',
};

eachApp('sign-up sends a verification email over SMTP; its link, opened on another device, verifies the address, then the person logs in', async (t) => {
  const client = t.client();
  const page = await client.post('/signup', newcomer);
  assert.equal(page.status, 200);
  assert.match(page.html, /<html lang="es"/);
  assert.match(page.html, /Revisa tu correo/);
  assert.equal(client.cookie('cabildo_session'), undefined, 'not logged in before the address is shown to be theirs');
  const mail = await t.mail.lastTo('ana@example.org');
  assert.ok(mail.subject.length > 0);
  const link = new URL(await t.mail.linkTo('ana@example.org'));
  assert.equal(link.origin, 'http://cabildo.test');
  // Another browser than the one that signed up: the link verifies but opens no session there.
  const phone = t.client();
  assert.equal((await phone.get(link.pathname + link.search)).location, '/login?notice=verified&next=%2Faccount');
  assert.equal(phone.cookie('cabildo_session'), undefined);
  const user = await t.database.db.selectFrom('users').selectAll().where('email', '=', 'ana@example.org').executeTakeFirstOrThrow();
  assert.ok(user.email_verified_at);
  assert.match(user.password_hash, /^\$argon2id\$/);
  assert.equal((await phone.post('/login?next=%2Faccount', { email: 'ana@example.org', password })).location, '/account');
  const account = await phone.get('/account');
  assert.match(account.html, /<html lang="es"/);
  assert.match(account.html, /ana@example\.org/);
  // The link works once.
  assert.equal((await client.get(link.pathname + link.search)).status, 400);
}, { postgres: true });

eachApp('sign-up errors appear beside the fields, keep what was typed, and write nothing', async (t) => {
  const client = t.client();
  client.language = 'es';
  const page = await client.post('/signup', { ...newcomer, email: 'not-an-email', password: 'short', name: '' });
  assert.equal(page.status, 422);
  assert.match(page.html, /id="error-email"/);
  assert.match(page.html, /id="error-password"/);
  assert.match(page.html, /id="error-name"/);
  assert.match(page.html, /aria-invalid="true"/);
  assert.match(page.html, /value="not-an-email"/, 'keeps the typed email');
  assert.doesNotMatch(page.html, /value="short"/, 'never echoes a password');
  const users = await t.database.db.selectFrom('users').select('id').execute();
  assert.equal(users.length, 0);
});

/** A page as a comparison sees it: without the per-visitor form token. */
const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');

eachApp('sign-up answers the same for an address that has an account, and mails its owner instead', async (t) => {
  await insertPerson(t, { email: 'ana@example.org', name: 'Ana', locale: 'pt' });
  const taken = await t.client().post('/signup', newcomer);
  const fresh = await t.client().post('/signup', { ...newcomer, email: 'bea@example.org' });
  assert.equal(taken.status, fresh.status);
  assert.equal(withoutToken(taken.html).replace('ana@example.org', 'bea@example.org'), withoutToken(fresh.html), 'the same page, word for word');
  assert.deepEqual(taken.response.headers.getSetCookie().map((c) => c.split('=')[0]), fresh.response.headers.getSetCookie().map((c) => c.split('=')[0]));
  const owner = await t.mail.lastTo('ana@example.org');
  assert.equal(owner.subject, 'Alguém tentou criar uma conta no Cabildo com seu endereço', 'in the owner\'s language');
  assert.match(owner.text, /http:\/\/cabildo\.test\/login/);
  const accounts = await t.database.db.selectFrom('users').select(['name', 'password_hash']).where('email', '=', 'ana@example.org').execute();
  assert.deepEqual(accounts.map((a) => a.name), ['Ana'], 'the account is unchanged');
  assert.equal((await t.client().post('/login', { email: 'ana@example.org', password: newcomer.password })).status, 303, 'its password too');
}, { postgres: true });

eachApp('forgot-password answers the same and queues a mail for known and unknown addresses', async (t) => {
  await insertPerson(t, { email: 'ana@example.org', locale: 'es' });
  const known = await t.client().post('/password/forgot', { email: 'ana@example.org' });
  const unknown = await t.client().post('/password/forgot', { email: 'nadie@example.org' });
  assert.equal(known.status, unknown.status);
  assert.equal(withoutToken(known.html).replace('ana@example.org', 'nadie@example.org'), withoutToken(unknown.html));
  assert.match((await t.mail.lastTo('ana@example.org')).text, /\/password\/reset\?token=/);
  const note = await t.mail.lastTo('nadie@example.org');
  assert.doesNotMatch(note.text, /token=/, 'no link that opens anything');
  assert.match(note.text, /no account has it/);
  const jobs = await t.database.db.selectFrom('jobs').select('kind').where('kind', '=', 'platform.mail').execute();
  assert.equal(jobs.length, 2, 'one queued job each');
}, { postgres: true });

eachApp('log-in rotates the session, log-out ends it, wrong passwords are refused', async (t) => {
  const first = await verifiedPerson(t, { email: 'ana@example.org' });
  const before = first.cookie('cabildo_session');
  assert.ok(before);
  const wrong = await first.post('/login', { email: 'ana@example.org', password: 'wrong password!' });
  assert.equal(wrong.status, 422);
  const ok = await first.post('/login?next=/initiatives', { email: 'ANA@example.org', password });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, '/initiatives');
  const after = first.cookie('cabildo_session');
  assert.ok(after && after !== before, 'a new session id after log-in');
  const sessions = await t.database.db.selectFrom('sessions').select('id').execute();
  assert.equal(sessions.length, 1, 'the old session is gone');
  assert.equal((await first.post('/logout', {})).status, 303);
  assert.equal((await first.get('/account')).status, 303, 'logged out visitors are sent to log in');
}, { postgres: true });

eachApp('password reset by email link; the old password stops working', async (t) => {
  await verifiedPerson(t, { email: 'ana@example.org' });
  const client = t.client();
  const asked = await client.post('/password/forgot', { email: 'ana@example.org' });
  assert.equal(asked.status, 200);
  const unknown = await client.post('/password/forgot', { email: 'nobody@example.org' });
  assert.equal(unknown.status, 200, 'the same answer for unknown addresses');
  const link = new URL(await t.mail.linkTo('ana@example.org'));
  assert.equal(link.pathname, '/password/reset');
  const token = link.searchParams.get('token')!;
  assert.equal((await client.post('/password/reset', { token, password: 'a brand new secret' })).location, '/login?notice=password_reset');
  assert.equal((await client.post('/login', { email: 'ana@example.org', password })).status, 422);
  assert.equal((await client.post('/login', { email: 'ana@example.org', password: 'a brand new secret' })).status, 303);
  assert.equal((await client.post('/password/reset', { token, password: 'another new one!' })).status, 422, 'a link works once');
  assert.equal((await t.database.db.selectFrom('sessions').select('id').execute()).length, 1, 'only the new log-in remains');
}, { postgres: true });

eachApp('a password reset revokes API tokens, so whoever held the account before loses it', async (t) => {
  const holder = await verifiedPerson(t, { email: 'ana@example.org' });
  const created = await holder.post('/account/tokens', { token_name: 'script' });
  const token = created.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!;
  const anyone = t.client();
  assert.equal((await anyone.json('GET', '/api/initiatives', undefined, { Authorization: `Bearer ${token}` })).status, 200);
  await anyone.post('/password/forgot', { email: 'ana@example.org' });
  const link = new URL(await t.mail.linkTo('ana@example.org'));
  await anyone.post('/password/reset', { token: link.searchParams.get('token')!, password: 'the owner takes it back' });
  assert.equal((await anyone.json('GET', '/api/initiatives', undefined, { Authorization: `Bearer ${token}` })).status, 401);
  const unverified = await loggedIn(t, await insertPerson(t, { email: 'new@example.org', verified: false }));
  assert.equal((await unverified.post('/account/tokens', { token_name: 'x' })).status, 403, 'tokens need a verified email');
});

eachApp('profile edits are saved and change the page language', async (t) => {
  const client = await verifiedPerson(t, { email: 'ana@example.org' });
  const saved = await client.post('/account', { name: 'Ana María', locale: 'pt', country: 'BR', stakeholder_group: 'private_sector', capacity: 'on_behalf', affiliation: 'NIC.br' });
  assert.equal(saved.status, 303);
  const page = await client.get('/account');
  assert.match(page.html, /<html lang="pt"/);
  assert.match(page.html, /value="Ana María"/);
  const missing = await client.post('/account', { name: 'Ana', locale: 'es', stakeholder_group: 'academia', capacity: 'on_behalf', affiliation: '' });
  assert.equal(missing.status, 422);
  assert.match(missing.html, /id="error-affiliation"/);
});

eachApp('a form post without the CSRF token is refused and changes nothing', async (t) => {
  const client = t.client();
  const page = await client.post('/signup', newcomer, { csrf: false });
  assert.equal(page.status, 403);
  const foreign = await client.request('/signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    body: new URLSearchParams({ ...newcomer, _csrf: await client.csrfToken() }),
  });
  assert.equal(foreign.status, 403);
  assert.equal((await t.database.db.selectFrom('users').select('id').execute()).length, 0);
});

eachDatabase('an operator-issued API token works until the day it expires, and not after', async (database) => {
  const now = new Date('2026-11-23T10:00:00Z');
  const id = newId();
  await accountsDb(database.db).insertInto('users').values({
    id, email: 'ops@example.org', name: 'Ops', password_hash: 'x', locale: 'en', country: null, stakeholder_group: 'civil_society', affiliation: null,
    capacity: 'personal', email_verified_at: now.toISOString(), is_secretariat: 0, created_at: now.toISOString(), updated_at: now.toISOString(),
  }).execute();
  const ctx = { db: database.db, actor: { user: null }, now };
  assert.equal(await issueApiToken(ctx, { email: 'nobody@example.org', name: 'x' }), null);
  const issued = (await issueApiToken(ctx, { email: 'ops@example.org', name: 'nightly', expiresDays: 2 }))!;
  assert.equal(issued.expiresAt, '2026-11-25T10:00:00.000Z');
  const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
  assert.equal((await accountIdentity.fromApiToken(database.db, issued.secret, later(1.9)))?.id, id);
  assert.equal(await accountIdentity.fromApiToken(database.db, issued.secret, later(2)), null);
  const forever = (await issueApiToken(ctx, { email: 'ops@example.org', name: 'forever' }))!;
  assert.equal((await accountIdentity.fromApiToken(database.db, forever.secret, later(3650)))?.id, id);
  assert.equal(await withdrawApiTokens(ctx, { email: 'ops@example.org', name: 'forever' }), 1);
  assert.equal(await accountIdentity.fromApiToken(database.db, forever.secret, now), null);
});
