import assert from 'node:assert/strict';
import { newId, timestamp } from '../../platform/db/index.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import { sessionCookie } from '../../platform/auth/identity.ts';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { initiativeFields, insertPerson, registerInitiative, seatMember, verifiedPerson, type Person } from '../../../tests/support/factories.ts';
import { atOnce, racing, type ServedApp } from '../../../tests/support/served.ts';
import { startSession } from '../accounts/sessions.ts';
import { registryDb } from './tables.ts';

/**
 * Requests that race for one invariant, sent at the same instant over real connections, many
 * times over. SQLite runs one writer at a time; on PostgreSQL the commands' locks must hold.
 */
const trials = 20;

/** A person inserted in the database and logged in through the served app's socket. */
async function personAt(t: TestApp, server: ServedApp, person: Person) {
  const id = await insertPerson(t, person);
  const client = server.client();
  client.setCookie(sessionCookie, await startSession(t.database.db, id, t.clock.now));
  await client.csrfToken();
  return { id, client };
}

async function idOf(t: TestApp, slug: string): Promise<string> {
  return (await registryDb(t.database.db).selectFrom('initiatives').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

eachApp('two coordinators leaving at the same instant: one goes, the other is told a coordinator must stay', (t) => racing(t, async (server) => {
  const registry = registryDb(t.database.db);
  for (let trial = 0; trial < trials; trial++) {
    const first = await personAt(t, server, { email: `first${trial}@example.org` });
    const second = await personAt(t, server, { email: `second${trial}@example.org` });
    const founder = await verifiedPerson(t, { email: `founder${trial}@example.org` });
    const slug = await registerInitiative(founder, { name: `Foro de salida ${trial}`, acronym: '' });
    const initiativeId = await idOf(t, slug);
    // The founder leaves the committee to the two coordinators who will race.
    await registry.deleteFrom('committee_members').where('initiative_id', '=', initiativeId).execute();
    const seat = async (userId: string) => {
      const id = newId();
      await registry.insertInto('committee_members')
        .values({ id, initiative_id: initiativeId, user_id: userId, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: timestamp(t.clock.now) })
        .execute();
      return id;
    };
    const seats = [await seat(first.id), await seat(second.id)];

    const pages = await Promise.all([
      first.client.post(`/initiatives/${slug}/committee/${seats[0]}/remove`, {}),
      second.client.post(`/initiatives/${slug}/committee/${seats[1]}/remove`, {}),
    ]);
    assert.deepEqual(pages.map((p) => p.status).sort(), [303, 409], `trial ${trial}`);
    assert.match(pages.find((p) => p.status === 409)!.html, /An initiative needs a coordinator/);
    const coordinators = await registry.selectFrom('committee_members').select('id').where('initiative_id', '=', initiativeId).where('role', '=', 'coordinator').execute();
    assert.equal(coordinators.length, 1, `trial ${trial}: one coordinator stays`);
  }
}), { postgres: true, timeout: 120_000 });

/** A pending invitation to be a member, straight into the database (the race is in answering it); answers its id. */
async function invite(t: TestApp, initiativeId: string, invitedBy: string, email: string, secret: string): Promise<string> {
  const id = newId();
  await registryDb(t.database.db).insertInto('committee_invitations').values({
    id, initiative_id: initiativeId, email, role: 'member', token_hash: hashSecret(secret), invited_by: invitedBy,
    created_at: timestamp(t.clock.now), expires_at: timestamp(new Date(t.clock.now.getTime() + 86_400_000)), answered_at: null, answer: null,
  }).execute();
  return id;
}

eachApp('an invitation answered at the same instant from two devices and by another account seats one person once', (t) => racing(t, async (server) => {
  const registry = registryDb(t.database.db);
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const slug = await registerInitiative(coordinator);
  const initiativeId = await idOf(t, slug);
  const coordinatorId = (await registry.selectFrom('committee_members').select('user_id').where('initiative_id', '=', initiativeId).executeTakeFirstOrThrow()).user_id;
  for (let trial = 0; trial < trials; trial++) {
    const email = `invitee${trial}@example.org`;
    const phone = await personAt(t, server, { email });
    // The same person on a second device: another session of the same account.
    const laptop = server.client();
    laptop.setCookie(sessionCookie, await startSession(t.database.db, phone.id, t.clock.now));
    await laptop.csrfToken();
    const other = await personAt(t, server, { email: `other${trial}@example.org` });
    const secret = newSecret();
    const invitationId = await invite(t, initiativeId, coordinatorId, email, secret);
    const seatsBefore = (await registry.selectFrom('committee_members').select('id').where('initiative_id', '=', initiativeId).execute()).length;

    const statuses = await atOnce([
      () => phone.client.post(`/invitations/${secret}`, { stakeholder_group: 'government', role: 'member', answer: 'accept' }),
      () => laptop.post(`/invitations/${secret}`, { stakeholder_group: 'academia', role: 'member', answer: 'accept' }),
      () => other.client.post(`/invitations/${secret}`, { stakeholder_group: 'government', role: 'member', answer: 'accept' }),
    ]);
    assert.equal(statuses.filter((s) => s === 303).length, 1, `trial ${trial}: one acceptance (${statuses})`);
    assert.ok(statuses.every((s) => s < 500), `trial ${trial}: ${statuses}`);
    const seats = await registry.selectFrom('committee_members').select('user_id').where('initiative_id', '=', initiativeId).execute();
    assert.equal(seats.length, seatsBefore + 1, `trial ${trial}: one seat more`);
    assert.ok(seats.some((s) => s.user_id === phone.id), `trial ${trial}: the invited person's`);
    const answered = await registry.selectFrom('committee_invitations').select('answer').where('id', '=', invitationId).executeTakeFirstOrThrow();
    assert.equal(answered.answer, 'accepted');
  }
}), { postgres: true, timeout: 120_000 });

eachApp('a person accepting two invitations to one initiative at the same instant is seated once, and told so', (t) => racing(t, async (server) => {
  const registry = registryDb(t.database.db);
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const slug = await registerInitiative(coordinator);
  const initiativeId = await idOf(t, slug);
  const coordinatorId = (await registry.selectFrom('committee_members').select('user_id').where('initiative_id', '=', initiativeId).executeTakeFirstOrThrow()).user_id;
  for (let trial = 0; trial < trials; trial++) {
    const email = `twice${trial}@example.org`;
    const invitee = await personAt(t, server, { email });
    const secrets = [newSecret(), newSecret()];
    for (const secret of secrets) {
      await invite(t, initiativeId, coordinatorId, email, secret);
    }
    const accept = { stakeholder_group: 'government', role: 'member', answer: 'accept' };
    const pages = await Promise.all(secrets.map((secret) => invitee.client.post(`/invitations/${secret}`, accept)));
    assert.deepEqual(pages.map((p) => p.status).sort(), [303, 409], `trial ${trial}`);
    assert.match(pages.find((p) => p.status === 409)!.html, /already on the committee|already a member/i);
    const seats = await registry.selectFrom('committee_members').select('id').where('initiative_id', '=', initiativeId).where('user_id', '=', invitee.id).execute();
    assert.equal(seats.length, 1, `trial ${trial}`);
  }
}), { postgres: true, timeout: 120_000 });

/** An initiative that meets the criteria, with its recognition request waiting; answers its coordinator's address. */
async function waitingRequest(t: TestApp, trial: number) {
  const email = `coord${trial}@example.org`;
  const coordinator = await verifiedPerson(t, { email, group: 'civil_society' });
  const slug = await registerInitiative(coordinator, { name: `Foro de decisión ${trial}`, acronym: '' });
  await seatMember(t, slug, { email: `gov${trial}@example.org`, group: 'government' });
  await seatMember(t, slug, { email: `tech${trial}@example.org`, group: 'technical_community' });
  assert.equal((await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' })).status, 303);
  assert.equal((await coordinator.post(`/initiatives/${slug}/recognition`, {})).status, 303);
  const initiativeId = await idOf(t, slug);
  const request = await registryDb(t.database.db).selectFrom('recognition_requests').select('id').where('initiative_id', '=', initiativeId).executeTakeFirstOrThrow();
  return { email, initiativeId, requestPath: `/secretariat/recognition/${request.id}` };
}

eachApp('"approve" and "return" sent at the same instant: one decision, one entry on the record, one mail', (t) => racing(t, async (server) => {
  const first = await personAt(t, server, { email: 'sec1@igf.test', secretariat: true, group: 'intergovernmental' });
  const second = await personAt(t, server, { email: 'sec2@igf.test', secretariat: true, group: 'intergovernmental' });
  for (let trial = 0; trial < trials; trial++) {
    const { email, initiativeId, requestPath } = await waitingRequest(t, trial);
    const statuses = await atOnce([
      () => first.client.post(requestPath, { decision: 'approve', comments: '' }),
      () => second.client.post(requestPath, { decision: 'return', comments: 'Please publish your annual report.' }),
    ]);
    // The other is told the request is decided (409), or, once the first has committed, no longer finds it queued (404).
    const [won, lost] = statuses.sort();
    assert.equal(won, 303, `trial ${trial}: ${statuses}`);
    assert.ok(lost === 409 || lost === 404, `trial ${trial}: ${statuses}`);
    const decisions = await t.database.db.selectFrom('audit_log').select('action')
      .where('subject_id', '=', initiativeId).where('action', 'in', ['recognition.approved', 'recognition.returned']).execute();
    assert.equal(decisions.length, 1, `trial ${trial}: one decision on the record`);
    const { status } = await registryDb(t.database.db).selectFrom('initiatives').select('status').where('id', '=', initiativeId).executeTakeFirstOrThrow();
    assert.equal(status, decisions[0]!.action === 'recognition.approved' ? 'listed' : 'returned');
    await t.mail.lastTo(email);
    // Any second mail would be sent as soon as the first.
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(t.mail.received.filter((m) => m.to.includes(email)).length, 1, `trial ${trial}: one mail`);
  }
}), { postgres: true, timeout: 180_000 });

eachApp('ten initiatives registered with one name at the same instant get ten addresses: name, name-2, … name-10', (t) => racing(t, async (server) => {
  for (let trial = 0; trial < trials; trial++) {
    // Ten new people each time: an account registers only a handful of initiatives an hour.
    const people = [];
    for (let i = 0; i < 10; i++) people.push(await personAt(t, server, { email: `founder${trial}-${i}@example.org` }));
    const name = `Foro simultáneo ${trial}`;
    const base = `foro-simultaneo-${trial}`;
    // Half through the form, half through the API: one command serves both.
    const answers: Array<{ status: number }> = await Promise.all(people.map(({ client }, i) =>
      i % 2 === 0
        ? client.post('/initiatives', { ...initiativeFields, name, acronym: '', create_anyway: 'on' })
        : client.json('POST', '/api/initiatives', {
          ...initiativeFields, name, acronym: undefined, year_established: 2014, region: 'latin_america_caribbean', create_anyway: true,
        }).then((r) => ({ status: r.status }))));
    assert.deepEqual(answers.map((a) => a.status), people.map((_, i) => (i % 2 === 0 ? 303 : 201)), `trial ${trial}`);
    const slugs = (await registryDb(t.database.db).selectFrom('initiatives').select('slug').where('name', '=', name).execute()).map((r) => r.slug);
    assert.deepEqual(slugs.sort(), [base, ...Array.from({ length: 9 }, (_, n) => `${base}-${n + 2}`)].sort(), `trial ${trial}`);
  }
}), { postgres: true, timeout: 180_000 });
