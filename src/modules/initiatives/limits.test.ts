import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { initiativeFields, insertPerson, verifiedPerson } from '../../../tests/support/factories.ts';
import { served } from '../../../tests/support/served.ts';
import { sessionCookie } from '../../platform/auth/identity.ts';
import { startSession } from '../accounts/sessions.ts';

const apiBody = { ...initiativeFields, year_established: 2014, create_anyway: true };
/** Past the warning about similar names: these tests register look-alikes on purpose. */
const formFields = { ...initiativeFields, create_anyway: 'on' };

eachApp('an account registers at most five initiatives an hour, by form or API; then 429 with Retry-After, in its language', async (t) => {
  const eager = await verifiedPerson(t, { email: 'eager@example.org', locale: 'es' });
  eager.language = 'es';
  for (let i = 0; i < 5; i++) {
    const status = i % 2 === 0
      ? (await eager.post('/initiatives', { ...formFields, name: `Foro ${i}` })).status
      : (await eager.json('POST', '/api/initiatives', { ...apiBody, name: `Foro ${i}` })).status;
    assert.equal(status, i % 2 === 0 ? 303 : 201, `creation ${i + 1}`);
  }
  const page = await eager.post('/initiatives', { ...formFields, name: 'Foro 6' });
  assert.equal(page.status, 429);
  assert.equal(page.response.headers.get('retry-after'), '3600');
  assert.match(page.html, /Ha registrado varias iniciativas en la última hora\. Podrá registrar otra dentro de 60 minutos\./);
  assert.match(page.html, /value="Foro 6"/, 'what was typed is kept');

  const api = await eager.json('POST', '/api/initiatives', { ...apiBody, name: 'Foro 7' });
  assert.equal(api.status, 429);
  assert.equal(api.response.headers.get('retry-after'), '3600');
  assert.match(api.response.headers.get('content-type')!, /^application\/problem\+json/);
  assert.equal(api.body.status, 429);
  assert.match(api.body.detail, /Ha registrado varias iniciativas en la última hora\./, "in the account's language");
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 5);

  // Someone else has their own count; and an hour later the eager account may register again.
  const other = await verifiedPerson(t, { email: 'other@example.org', locale: 'fr' });
  for (let i = 0; i < 5; i++) assert.equal((await other.post('/initiatives', formFields)).status, 303);
  const french = await other.json('POST', '/api/initiatives', apiBody);
  assert.match(french.body.detail, /Vous avez enregistré plusieurs initiatives au cours de la dernière heure\. Vous pourrez en enregistrer une autre dans 60 minutes\./);
  t.clock.now = new Date(t.clock.now.getTime() + 60 * 60_000);
  assert.equal((await eager.post('/initiatives', { ...formFields, name: 'Foro 6' })).status, 303);
}, { postgres: true });

eachApp('only initiatives registered count: forms sent back with errors do not use the limit', async (t) => {
  const fumbling = await verifiedPerson(t, { email: 'fumbling@example.org' });
  for (let i = 0; i < 8; i++) assert.equal((await fumbling.post('/initiatives', { ...formFields, website: 'not a website' })).status, 422);
  for (let i = 0; i < 8; i++) assert.equal((await fumbling.json('POST', '/api/initiatives', { ...apiBody, type: 'galactic' })).status, 422);
  for (let i = 0; i < 5; i++) assert.equal((await fumbling.post('/initiatives', formFields)).status, 303);
  assert.equal((await fumbling.post('/initiatives', formFields)).status, 429);
}, { postgres: true });

eachApp('ten registrations sent by one account at the same instant create five', async (t) => {
  const server = await served(t);
  try {
    const userId = await insertPerson(t, { email: 'script@example.org' });
    const script = server.client();
    script.setCookie(sessionCookie, await startSession(t.database.db, userId, t.clock.now));
    await script.csrfToken();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => script.json('POST', '/api/initiatives', { ...apiBody, name: `Foro ${i}` })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [...Array(5).fill(201), ...Array(5).fill(429)]);
    assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 5);
  } finally {
    await server.close();
  }
}, { postgres: true });
