import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { verifiedPerson } from '../../../../tests/support/factories.ts';
import { reviewSetup } from '../../../../tests/support/eventsReview.ts';
import { atOnce, served } from '../../../../tests/support/served.ts';
import { sessionCookie } from '../../../platform/auth/identity.ts';
import { startSession } from '../../accounts/sessions.ts';
import { eventsDb } from '../tables.ts';

const errorBeside = (html: string, field: string) => html.match(new RegExp(`<p class="error" id="error-${field}">([^<]*)</p>`))?.[1];
const scores = (n: number) => ({ score_relevance: String(n), score_content: String(n), score_diversity: String(n), score_format: String(n) });

async function assignmentsOf(t: TestApp, proposalId: string) {
  return eventsDb(t.database.db).selectFrom('event_review_assignments').innerJoin('event_review_members', 'event_review_members.id', 'event_review_assignments.member_id')
    .select(['event_review_members.id', 'event_review_members.stakeholder_group']).where('proposal_id', '=', proposalId).execute();
}

const logCount = async (t: TestApp, kind: string) =>
  Number(((await t.database.db.selectFrom('log_entries').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow()) as { n: number | string }).n);

eachApp('organisers seat a programme committee; the chair assigns reviewers from three groups with conflicts of interest left out, and adjusts it', async (t) => {
  const s = await reviewSetup(t);
  const committee = await s.coordinator.get(`/events/${s.slug}/committee`);
  assert.equal(committee.status, 200);
  assert.match(committee.html, /Clara Chair <span class="badge">chair<\/span>/);
  assert.match(committee.html, /Universidad Nacional, Colnodo/);
  const unknown = await s.coordinator.post(`/events/${s.slug}/committee`, { email: 'nobody@example.org', stakeholder_group: 'academia' });
  assert.equal(unknown.status, 422);
  assert.equal(errorBeside(unknown.html, 'email'), 'No account has this email address.');
  const twice = await s.coordinator.post(`/events/${s.slug}/committee`, { email: 'civil@example.org', stakeholder_group: 'academia' });
  assert.equal(errorBeside(twice.html, 'email'), 'This person already sits on the committee.');
  // Only the chair assigns.
  assert.equal((await s.civil.post(`/events/${s.slug}/review/assign`, {})).status, 403);
  assert.equal((await s.coordinator.get(`/events/${s.slug}/review/assignments`)).status, 403);

  assert.equal((await s.chair.post(`/events/${s.slug}/review/assign`, {})).status, 303);
  const onA = await assignmentsOf(t, s.proposals.a);
  const onB = await assignmentsOf(t, s.proposals.b);
  assert.equal(new Set(onA.map((r) => r.stakeholder_group)).size, 3, 'A: three groups');
  assert.equal(new Set(onB.map((r) => r.stakeholder_group)).size, 3, 'B: three groups');
  assert.ok(!onA.some((r) => r.id === s.memberIds.academic), 'the academic declared Colnodo, A’s organisation');
  assert.ok(!onB.some((r) => r.id === s.memberIds.civil), 'the civil society member proposed B');

  const table = await s.chair.get(`/events/${s.slug}/review/assignments`);
  assert.equal(table.status, 200);
  assert.match(table.html, /Abel Academic: a declared organisation|Abel Academic: their own organisation/);
  assert.match(table.html, /Cora Civil: their own proposal/);
  assert.doesNotMatch(table.html, /<script/);

  const refused = await s.chair.post(`/events/${s.slug}/review/assignments`, { proposal: s.proposals.b, member: s.memberIds.civil });
  assert.equal(refused.status, 422);
  assert.equal(errorBeside(refused.html, 'member'), 'their own proposal');
  assert.equal((await s.chair.post(`/events/${s.slug}/review/assignments/remove`, { proposal: s.proposals.a, member: onA[0]!.id })).status, 303);
  assert.equal((await assignmentsOf(t, s.proposals.a)).length, 2);
  assert.equal((await s.chair.post(`/events/${s.slug}/review/assignments`, { proposal: s.proposals.a, member: onA[0]!.id })).status, 303);
  assert.equal((await assignmentsOf(t, s.proposals.a)).length, 3);
}, { postgres: true });

eachApp('reviewers score 1–5 what they were given, anonymised when the call says so; the chair sees the aggregate with the spread and the divided flag', async (t) => {
  const s = await reviewSetup(t);
  assert.equal((await s.coordinator.post(`/events/${s.slug}/committee/criteria`, { weight_relevance: '2', weight_content: '1', weight_diversity: '1', weight_format: '1', anonymous: 'on' })).status, 303);
  const noWeight = await s.coordinator.post(`/events/${s.slug}/committee/criteria`, { weight_relevance: '0', weight_content: '0', weight_diversity: '0', weight_format: '0' });
  assert.equal(noWeight.status, 422);
  assert.match(errorBeside(noWeight.html, 'weight_relevance') ?? '', /At least one criterion/);
  await s.chair.post(`/events/${s.slug}/review/assign`, {});
  const onA = await assignmentsOf(t, s.proposals.a);
  const client = { [s.memberIds.chair]: s.chair, [s.memberIds.civil]: s.civil, [s.memberIds.business]: s.business };
  assert.deepEqual(onA.map((r) => r.id).sort(), Object.keys(client).sort());

  const form = await s.business.get(`/events/${s.slug}/proposals/${s.proposals.a}/review`);
  assert.equal(form.status, 200);
  for (const name of ['Luisa Gómez', 'MinTIC', 'Colnodo', 'Ana Pérez']) assert.ok(!form.html.includes(name), `${name} is withheld`);
  assert.match(form.html, /names and organisations are withheld/);
  const desk = await s.business.get(`/events/${s.slug}/review`);
  assert.match(desk.html, /to review/);
  // Someone not assigned cannot review it.
  assert.equal((await s.academic.get(`/events/${s.slug}/proposals/${s.proposals.a}/review`)).status, 403);

  const outOfRange = await s.business.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, { ...scores(3), score_relevance: '6' });
  assert.equal(outOfRange.status, 422);
  assert.ok(errorBeside(outOfRange.html, 'score_relevance'));
  const unknownCriterion = await s.business.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, { ...scores(3), score_charisma: '4' });
  assert.equal(unknownCriterion.status, 422);
  assert.equal(errorBeside(unknownCriterion.html, 'score_charisma'), 'This event does not score this criterion.');
  const api = await s.business.json('PUT', `/api/events/${s.slug}/proposals/${s.proposals.a}/review`, { scores: { relevance: 3, content: 3, diversity: 3, format: 3, charisma: 2 } });
  assert.equal(api.status, 422);
  assert.ok(api.body.errors?.['scores.charisma'] ?? JSON.stringify(api.body).includes('charisma'), JSON.stringify(api.body));
  assert.equal(await eventsDb(t.database.db).selectFrom('event_reviews').select('member_id').executeTakeFirst(), undefined, 'nothing written');

  // Government and civil society love it, the private sector rejects it.
  assert.equal((await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, { ...scores(5), comment: 'Muy pertinente.', private_note: 'NOTA-PRIVADA-1' })).status, 303);
  assert.equal((await s.civil.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, { ...scores(5) })).status, 303);
  const put = await s.business.json('PUT', `/api/events/${s.slug}/proposals/${s.proposals.a}/review`, { scores: { relevance: 1, content: 1, diversity: 1, format: 1 }, comment: 'Falta foco.' });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.scores.relevance, 1);

  const overview = await s.chair.get(`/events/${s.slug}/review/overview`);
  assert.equal(overview.status, 200);
  // Mean of the groups' means: (5 + 5 + 1) / 3.
  assert.match(overview.html, /<strong>3\.67<\/strong> \(groups from 1 to 5\)/);
  assert.match(overview.html, /divided/);
  assert.equal((await s.civil.get(`/events/${s.slug}/review/overview`)).status, 403);
  const json = await s.chair.json('GET', `/api/events/${s.slug}/review`, undefined);
  assert.equal(json.status, 200);
  const a = json.body.proposals.find((p: { id: string }) => p.id === s.proposals.a);
  assert.equal(a.aggregate.divided, true);
  assert.deepEqual(a.aggregate.spread, { min: 1, max: 5 });
  assert.equal(json.body.proposals[0].id, s.proposals.a, 'sorted by aggregate');
}, { postgres: true });

eachApp('the chair decides with a published reason: logged, the proposer mailed in Spanish with the comments on their page, an accepted proposal a session', async (t) => {
  const s = await reviewSetup(t);
  await s.chair.post(`/events/${s.slug}/review/assign`, {});
  await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, { ...scores(4), comment: 'Buen equilibrio de voces.', private_note: 'NOTA-PRIVADA' });
  const before = await logCount(t, 'events.proposal_decided');
  // A member who is not the chair may not decide; nor may the proposer.
  assert.equal((await s.business.post(`/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'accepted', reason: 'x' })).status, 403);
  assert.equal((await s.proposer.json('POST', `/api/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'accepted', reason: 'x' })).status, 403);
  const noReason = await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'accepted', reason: '' });
  assert.equal(noReason.status, 422);
  assert.ok(errorBeside(noReason.html, 'reason'));
  const noOther = await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.b}/decision`, { decision: 'merge_suggested', reason: 'Se parecen.' });
  assert.equal(noOther.status, 422);
  assert.equal(errorBeside(noOther.html, 'merge_with'), 'Choose the proposal to merge with.');

  const page = await s.chair.get(`/events/${s.slug}/proposals/${s.proposals.a}/decision`);
  assert.match(page.html, /NOTA-PRIVADA/, 'the chair reads the private notes');
  const decided = await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'accepted', reason: 'Tres grupos la apoyan.' });
  assert.equal(decided.status, 303, decided.html.slice(0, 2000));
  assert.equal(await logCount(t, 'events.proposal_decided'), before + 1);
  const db = eventsDb(t.database.db);
  const session = await db.selectFrom('event_sessions').selectAll().where('proposal_id', '=', s.proposals.a).executeTakeFirstOrThrow();
  assert.equal(session.title, 'Inclusión digital en zonas rurales');
  assert.equal(session.starts_at, null, 'unscheduled');
  const people = await db.selectFrom('event_session_people').select(['name', 'role']).where('session_id', '=', session.id).execute();
  assert.ok(people.some((p) => p.name === 'Luisa Gómez' && p.role === 'speaker'));
  assert.equal(people.length, (await db.selectFrom('event_proposal_people').select('id').where('proposal_id', '=', s.proposals.a).execute()).length);

  const mail = await t.mail.lastTo('proponente@example.org');
  assert.match(mail.subject, /Inclusión digital en zonas rurales: aceptada/);
  assert.match(mail.text, /Tres grupos la apoyan\./);
  const outcome = await s.proposer.get(`/events/${s.slug}/proposals/${s.proposals.a}/outcome`);
  assert.equal(outcome.status, 200);
  assert.match(outcome.html, /Buen equilibrio de voces\./);
  assert.doesNotMatch(outcome.html, /NOTA-PRIVADA/);
  assert.doesNotMatch(outcome.html, /Clara Chair/);
  assert.match((await s.proposer.get(`/events/${s.slug}/proposals/${s.proposals.a}`)).html, new RegExp(`href="/events/${s.slug}/proposals/${s.proposals.a}/outcome"`), 'the proposal page leads to the decision');
  const published = await t.client().get(`/events/${s.slug}/decisions`);
  assert.match(published.html, /Tres grupos la apoyan\./);
  const log = await t.client().get('/log');
  assert.match(log.html, /Session proposal decided/);

  // Decided once: again is refused, and the review can no longer change.
  assert.equal((await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'rejected', reason: 'No.' })).status, 409);
  assert.equal((await s.chair.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, scores(1))).status, 409);
  const merge = await s.chair.json('POST', `/api/events/${s.slug}/proposals/${s.proposals.b}/decision`, { decision: 'merge_suggested', reason: 'Temas muy cercanos.', merge_with: s.proposals.a });
  assert.equal(merge.status, 201, JSON.stringify(merge.body));
  assert.equal(merge.body.merge_with, s.proposals.a);
  assert.equal(merge.body.session, null);
}, { postgres: true });

eachApp('two presses of the chair’s decision at the same instant decide once: one log entry, one session, one mail', async (t) => {
  const s = await reviewSetup(t);
  const server = await served(t);
  try {
    const chairId = (await eventsDb(t.database.db).selectFrom('event_review_members').select('user_id').where('id', '=', s.memberIds.chair).executeTakeFirstOrThrow()).user_id;
    const presses: Array<ReturnType<typeof server.client>> = [];
    for (let i = 0; i < 2; i++) {
      const client = server.client();
      client.setCookie(sessionCookie, await startSession(t.database.db, chairId, t.clock.now));
      await client.csrfToken();
      presses.push(client);
    }
    const statuses = await atOnce([
      () => presses[0]!.post(`/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'accepted', reason: 'Sí.' }),
      () => presses[1]!.post(`/events/${s.slug}/proposals/${s.proposals.a}/decision`, { decision: 'rejected', reason: 'No.' }),
    ]);
    assert.deepEqual(statuses.sort(), [303, 409]);
    assert.equal(await logCount(t, 'events.proposal_decided'), 1);
    const db = eventsDb(t.database.db);
    const decision = await db.selectFrom('event_proposal_decisions').select('decision').where('proposal_id', '=', s.proposals.a).executeTakeFirstOrThrow();
    const sessions = await db.selectFrom('event_sessions').select('id').where('proposal_id', '=', s.proposals.a).execute();
    assert.equal(sessions.length, decision.decision === 'accepted' ? 1 : 0);
    await t.mail.lastTo('proponente@example.org');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(t.mail.received.filter((m) => m.to.includes('proponente@example.org')).length, 1);
  } finally {
    await server.close();
  }
}, { postgres: true, timeout: 60_000 });

eachApp('the committee’s pages are for the committee and the organisers', async (t) => {
  const s = await reviewSetup(t);
  const stranger = await verifiedPerson(t, { email: 'stranger@example.org' });
  assert.equal((await stranger.get(`/events/${s.slug}/committee`)).status, 403);
  assert.equal((await stranger.post(`/events/${s.slug}/committee`, { email: 'stranger@example.org', stakeholder_group: 'academia' })).status, 403);
  assert.equal((await s.civil.post(`/events/${s.slug}/committee`, { email: 'stranger@example.org', stakeholder_group: 'academia' })).status, 403, 'members do not seat members');
  assert.equal((await s.civil.get(`/events/${s.slug}/committee`)).status, 200);
  assert.equal((await t.client().get(`/events/${s.slug}/review`)).status, 303, 'to the login page');
  assert.equal((await s.proposer.get(`/events/${s.slug}/proposals/${s.proposals.a}/outcome`)).status, 200);
  assert.equal((await stranger.get(`/events/${s.slug}/proposals/${s.proposals.a}/outcome`)).status, 404);
}, { postgres: true });
