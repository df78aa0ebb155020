import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { initiativeFields, insertPerson, loggedIn, password } from '../../../tests/support/factories.ts';

const stepAt = (html: string) => html.match(/<li aria-current="step"><strong>([^<]+)<\/strong>/)?.[1];

const stepsOf = (html: string) => html.match(/<nav aria-label="Steps to register an initiative"/) !== null;

eachApp('intent survives sign-up: "Register your initiative" → sign up → the mailed link → the initiative form, with the steps shown all the way', async (t) => {
  const ana = t.client();
  ana.language = 'en';
  const home = await ana.get('/');
  const register = home.html.match(/<a class="button secondary" href="([^"]+)">Register your initiative<\/a>/)?.[1];
  assert.equal(register, '/signup?next=%2Finitiatives%2Fnew');
  const signup = await ana.get(register!);
  assert.ok(stepsOf(signup.html), 'the sign-up page shows the steps');
  assert.equal(stepAt(signup.html), 'Account');
  assert.match(signup.html, /action="\/signup\?next=%2Finitiatives%2Fnew"/);
  assert.match(signup.html, /href="\/login\?next=%2Finitiatives%2Fnew"/, 'the log-in link keeps the way');
  const sent = await ana.post('/signup?next=%2Finitiatives%2Fnew', {
    email: 'ana@example.org', password, name: 'Ana', locale: 'en', stakeholder_group: 'civil_society', capacity: 'personal',
  });
  assert.equal(sent.status, 200);
  assert.equal(stepAt(sent.html), 'Verify your address');
  assert.match(sent.html, /<li>Account<span class="visually-hidden"> \(done\)<\/span><\/li>/);
  const link = new URL(await t.mail.linkTo('ana@example.org'));
  assert.equal(link.searchParams.get('next'), '/initiatives/new');
  // Opened in the browser that signed up: verified, signed in, and on the form.
  const verified = await ana.get(link.pathname + link.search);
  assert.equal(verified.location, '/initiatives/new');
  const form = await ana.get('/initiatives/new');
  assert.equal(form.status, 200);
  assert.ok(stepsOf(form.html));
  assert.equal(stepAt(form.html), 'Initiative');
  assert.match(form.html, /<li>Verify your address<span class="visually-hidden"> \(done\)<\/span><\/li>/);
  const created = await ana.post('/initiatives', initiativeFields);
  assert.equal(created.status, 303);
  const page = await ana.get(created.location!);
  assert.equal(stepAt(page.html), 'Committee', 'next: seat a committee');
  assert.doesNotMatch((await t.client().get(created.location!.split('?')[0]!)).html, /aria-current="step"/, 'visitors see no steps');
  assert.doesNotMatch((await t.client().get('/signup')).html, /aria-current="step"/, 'a plain sign-up shows no steps');
}, { postgres: true });

eachApp('an existing account: "Register your initiative" → log in → the initiative form, the steps shown on the way', async (t) => {
  await insertPerson(t, { email: 'ana@example.org' });
  const ana = t.client();
  ana.language = 'en';
  const asked = await ana.get('/initiatives/new');
  assert.equal(asked.location, '/login?next=%2Finitiatives%2Fnew');
  const login = await ana.get(asked.location!);
  assert.equal(stepAt(login.html), 'Account');
  assert.match(login.html, /href="\/signup\?next=%2Finitiatives%2Fnew"/, 'the sign-up link keeps the way');
  assert.equal((await ana.post('/login?next=%2Finitiatives%2Fnew', { email: 'ana@example.org', password })).location, '/initiatives/new');
  assert.equal(stepAt((await ana.get('/initiatives/new')).html), 'Initiative');
}, { postgres: true });

eachApp('the mailed link opened in another browser verifies the address but signs nobody in: the person logs in there and goes on', async (t) => {
  const desk = t.client();
  await desk.post('/signup?next=%2Finitiatives%2Fnew', {
    email: 'ana@example.org', password, name: 'Ana', locale: 'en', stakeholder_group: 'civil_society', capacity: 'personal',
  });
  const link = new URL(await t.mail.linkTo('ana@example.org'));
  const phone = t.client();
  const verified = await phone.get(link.pathname + link.search);
  assert.equal(verified.location, '/login?notice=verified&next=%2Finitiatives%2Fnew');
  assert.equal(phone.cookie('cabildo_session'), undefined);
  assert.equal(stepAt((await phone.get(verified.location!)).html), 'Account');
  assert.equal((await phone.post('/login?next=%2Finitiatives%2Fnew', { email: 'ana@example.org', password })).location, '/initiatives/new');
});

eachApp('a journey is only ever an address on this site: a next that leaves it shows no steps and leads home', async (t) => {
  const client = t.client();
  for (const next of ['//evil.example/initiatives/new', 'https://evil.example/initiatives/new', '/\\evil.example/initiatives/new', '/initiatives/new\u007F']) {
    const page = await client.get(`/signup?next=${encodeURIComponent(next)}`);
    assert.doesNotMatch(page.html, /aria-current="step"/, next);
    assert.match(page.html, /action="\/signup" /, `${next}: the form carries no next`);
  }
});

eachApp('an unverified person asking for the initiative form is at the verify step, and a new link brings them back to it', async (t) => {
  const ana = await loggedIn(t, await insertPerson(t, { email: 'ana@example.org', verified: false }));
  const page = await ana.get('/initiatives/new');
  assert.equal(page.status, 403);
  assert.equal(stepAt(page.html), 'Verify your address');
  const resent = await ana.post('/account/verification?next=%2Finitiatives%2Fnew', {});
  assert.equal(resent.location, '/initiatives/new?notice=check_email');
  const link = new URL(await t.mail.linkTo('ana@example.org'));
  assert.equal((await ana.get(link.pathname + link.search)).location, '/initiatives/new');
  assert.equal((await ana.get('/initiatives/new')).status, 200);
});

eachApp('a likely duplicate (same country and type, similar name) is said before creating, and can be created anyway', async (t) => {
  const first = await loggedIn(t, await insertPerson(t, { email: 'first@example.org' }));
  assert.equal((await first.post('/initiatives', { ...initiativeFields, name: 'IGF Uruguay', acronym: '', countries: ['UY'] })).status, 303);
  const ana = await loggedIn(t, await insertPerson(t, { email: 'ana@example.org' }));
  const second = { ...initiativeFields, name: 'Foro de Gobernanza de Internet de Uruguay', acronym: 'FGI-UY', countries: ['UY'] };
  const warned = await ana.post('/initiatives', second);
  assert.equal(warned.status, 409);
  assert.match(warned.html, /id="error-name"[^>]*>[^<]*Similar initiatives of the same type and country are already here: IGF Uruguay\./);
  assert.match(warned.html, /name="create_anyway"/);
  assert.match(warned.html, /value="Foro de Gobernanza de Internet de Uruguay"/, 'what was typed is kept');
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 1, 'nothing created yet');
  // Another country, or another type, is not a duplicate.
  assert.equal((await ana.post('/initiatives', { ...second, countries: ['PY'], name: 'Foro de Gobernanza de Internet de Paraguay' })).status, 303);
  assert.equal((await ana.post('/initiatives', { ...second, create_anyway: 'on' })).status, 303);
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 3);
}, { postgres: true });

eachApp('the API says likely duplicates too: 409 listing them (address, demo or not), nothing created, until create_anyway is true', async (t) => {
  const first = await loggedIn(t, await insertPerson(t, { email: 'first@example.org' }));
  assert.equal((await first.post('/initiatives', { ...initiativeFields, name: 'IGF Uruguay', acronym: '', countries: ['UY'] })).status, 303);
  const ana = await loggedIn(t, await insertPerson(t, { email: 'ana@example.org' }));
  ana.language = 'en';
  const second = { ...initiativeFields, name: 'Foro de Gobernanza de Internet de Uruguay', acronym: undefined, countries: ['UY'], year_established: 2014 };
  const warned = await ana.json('POST', '/api/initiatives', second);
  assert.equal(warned.status, 409);
  assert.match(warned.response.headers.get('content-type')!, /^application\/problem\+json/);
  assert.match(warned.body.detail, /Similar initiatives of the same type and country are already here: IGF Uruguay\./);
  assert.deepEqual(warned.body.duplicates, [{ slug: 'igf-uruguay', name: 'IGF Uruguay', acronym: null, demo: false, url: 'http://cabildo.test/initiatives/igf-uruguay' }]);
  assert.deepEqual(warned.body.errors.map((e: { pointer: string }) => e.pointer), ['#/name']);
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 1, 'nothing created');
  assert.equal((await ana.json('POST', '/api/initiatives', { ...second, create_anyway: 'yes' })).status, 422, 'an explicit true, nothing else');
  const created = await ana.json('POST', '/api/initiatives', { ...second, create_anyway: true });
  assert.equal(created.status, 201);
  assert.equal(created.body.name, 'Foro de Gobernanza de Internet de Uruguay');
  const spec = (await t.client().json('GET', '/api/openapi.json', undefined)).body;
  const post = spec.paths['/initiatives'].post;
  assert.ok(post.responses['409'], 'the 409 is documented');
  assert.match(JSON.stringify(post.requestBody), /create_anyway/);
}, { postgres: true });
