import assert from 'node:assert/strict';
import { pino } from 'pino';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { secretariat, seatMember } from '../../../tests/support/factories.ts';
import { initiative, offer, offerFields, type Side } from '../../../tests/support/mentoring.ts';
import { unansweredHandler } from './expiry.ts';
import { mentoringDb } from './tables.ts';

const script = '<script>alert("x")</script>';

/** The request (newest) of a newcomer, as stored. */
async function requestOf(t: TestApp, newcomer: Side) {
  return mentoringDb(t.database.db).selectFrom('mentoring_requests').selectAll().where('initiative_id', '=', newcomer.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
}

async function offerRow(t: TestApp, mentor: Side) {
  return mentoringDb(t.database.db).selectFrom('mentor_offers').selectAll().where('initiative_id', '=', mentor.id).executeTakeFirstOrThrow();
}

/** No offer above its capacity: active and awaiting mentorships plus requests waiting on its answer. */
async function assertNoneAboveCapacity(t: TestApp) {
  const m = mentoringDb(t.database.db);
  for (const o of await m.selectFrom('mentor_offers').selectAll().execute()) {
    const ships = await m.selectFrom('mentorships').select('id').where('offer_id', '=', o.id).where('status', 'in', ['approval', 'active']).execute();
    const asked = await m.selectFrom('mentoring_requests').select('id').where('offer_id', '=', o.id).where('status', '=', 'offered').execute();
    assert.ok(ships.length + asked.length <= Number(o.capacity), `offer of ${o.initiative_id} above capacity`);
  }
}

async function ask(newcomer: Side, preferences: string[], expect = 303) {
  const fields: Record<string, string> = { message: 'Queremos organizar nuestro primer foro.' };
  preferences.forEach((id, i) => { fields[`choice_${i + 1}`] = id; });
  const page = await newcomer.client.post(`/initiatives/${newcomer.slug}/mentoring/requests`, fields);
  assert.equal(page.status, expect, page.html.slice(0, 3000));
  return page;
}

async function answer(mentor: Side, requestId: string, fields: Record<string, string>) {
  return mentor.client.post(`/initiatives/${mentor.slug}/mentoring/requests/${requestId}/answer`, fields);
}

eachApp('requests go to the first preferred mentor with room, move on when declined, wait when all are full and are offered as soon as a place frees; the mentor then sees the toolkit', async (t) => {
  const a = await initiative(t, 'Foro Andino', { languages: ['es'], type: 'regional' });
  const b = await initiative(t, 'Fórum Lusófono', { languages: ['pt'], countries: ['BR'], region: 'latin_america_caribbean' });
  const draft = await initiative(t, 'Foro Nuevo Sin Reconocer', {}, false);
  const n1 = await initiative(t, 'IGF Bolivia', { countries: ['BO'] }, false);
  const n2 = await initiative(t, 'IGF Paraguay', { countries: ['PY'] }, false);
  const n3 = await initiative(t, 'IGF Ecuador', { countries: ['EC'] }, false);

  // Offers: only a recognised initiative makes one; bad input comes back beside its field.
  const refused = await draft.client.post(`/initiatives/${draft.slug}/mentoring/offer`, offerFields);
  assert.equal(refused.status, 409);
  assert.match(refused.html, /Only initiatives recognised by the IGF Secretariat offer to mentor\./);
  for (const [field, value, error] of [['capacity', '0', 'capacity'], ['capacity', '-1', 'capacity'], ['capacity', '1.5', 'capacity'], ['languages', 'xx', 'languages'], ['regions', 'mars', 'regions'], ['steps', '', 'steps']] as const) {
    const bad = await a.client.post(`/initiatives/${a.slug}/mentoring/offer`, { ...offerFields, [field]: value });
    assert.equal(bad.status, 422, `${field}=${value}`);
    assert.match(bad.html, new RegExp(`id="error-${error}"`), `${field}=${value}`);
  }
  await offer(a, { note: `Acompañamos ${script}` });
  await offer(b, { languages: ['pt'], regions: ['latin_america_caribbean', 'africa'], steps: ['programme'] });
  const offerA = (await offerRow(t, a)).id;
  const offerB = (await offerRow(t, b)).id;

  // The newcomer's suggestions, each explained in words, best fit first.
  const find = await n1.client.get(`/initiatives/${n1.slug}/mentoring/find`);
  assert.equal(find.status, 200);
  assert.ok(find.html.indexOf('Foro Andino') < find.html.indexOf('Fórum Lusófono'), 'the better fit first');
  assert.match(find.html, /Shares Spanish; same region \(Latin America and the Caribbean\); can help with 3 of your 11 open steps: Build the programme, Plan the logistics, and Plan and publish your finances\./);
  assert.match(find.html, /Same region \(Latin America and the Caribbean\); can help with 1 of your 11 open steps: Build the programme; same kind of initiative \(National\)\./);
  assert.ok(!find.html.includes(script), 'an offer’s note is escaped');
  assert.equal((await a.client.get(`/initiatives/${n1.slug}/mentoring/find`)).status, 403, 'only its coordinators ask for an initiative');

  // Bad preferences: none, the same twice, an unknown offer, its own.
  assert.match((await ask(n1, [], 422)).html, /id="error-choice_1">Choose at least your first choice\./);
  assert.match((await ask(n1, [offerA, offerA], 422)).html, /Choose each mentor only once\./);
  assert.match((await ask(n1, ['nothing'], 422)).html, /id="error-choice_1">Choose a mentor from the suggestions\./);
  assert.match((await ask(n1, ['<b>'], 422)).html, /id="error-choice_1"/);

  // Routing over capacity: A takes one at a time.
  assert.match((await ask(n1, [offerA, offerB])).location!, /notice=requested/);
  assert.equal((await requestOf(t, n1)).offer_id, offerA);
  assert.match((await ask(n2, [offerA, offerB])).location!, /notice=requested/);
  assert.equal((await requestOf(t, n2)).offer_id, offerB, 'A is full: the request goes to the next preference with room');
  assert.match((await ask(n3, [offerA])).location!, /notice=request_waiting/);
  assert.equal((await requestOf(t, n3)).status, 'waiting', 'every preferred mentor is full: it waits');
  await ask(n1, [offerB], 409);
  await assertNoneAboveCapacity(t);
  const received = await t.database.db.selectFrom('notifications').select('user_id').where('kind', '=', 'mentoring.request_received').execute();
  assert.equal(received.length, 2, 'each mentor asked hears of it once');

  // A declines N1 with a note: N1 moves on (B is full, so it waits), and A's freed place goes to N3, which was waiting for it.
  const incoming = await a.client.get(`/initiatives/${a.slug}/mentoring`);
  assert.match(incoming.html, /IGF Bolivia/);
  assert.equal((await answer(a, (await requestOf(t, n2)).id, { answer: 'accept' })).status, 409, 'a request offered to someone else');
  assert.equal((await answer(a, (await requestOf(t, n1)).id, { answer: 'maybe' })).status, 422);
  assert.equal((await b.client.post(`/initiatives/${a.slug}/mentoring/requests/${(await requestOf(t, n1)).id}/answer`, { answer: 'accept' })).status, 403, 'only the mentor’s coordinators answer');
  assert.equal((await answer(a, (await requestOf(t, n1)).id, { answer: 'decline', note: `Este año no podemos ${script}` })).status, 303);
  assert.equal((await requestOf(t, n1)).status, 'waiting');
  assert.equal((await requestOf(t, n3)).offer_id, offerA, 'the waiting request is offered the freed place');
  const n1Hub = await n1.client.get(`/initiatives/${n1.slug}/mentoring`);
  assert.match(n1Hub.html, /Foro Andino: declined <q>Este año no podemos &lt;script&gt;/);
  assert.match(n1Hub.html, /Fórum Lusófono: to be asked when a place frees/);
  const declined = await t.database.db.selectFrom('notifications').select('message_values').where('kind', '=', 'mentoring.request_declined').execute();
  assert.deepEqual(declined.map((n) => JSON.parse(n.message_values)), [{ mentor: 'Foro Andino', reason: 'declined', next: 'waiting' }]);

  // B accepts N2; the mentorship starts at once (no approval asked).
  const accepted = await answer(b, (await requestOf(t, n2)).id, { answer: 'accept' });
  assert.equal(accepted.status, 303);
  const mentorshipB = accepted.location!.split('?')[0]!;
  assert.match((await n2.client.get(mentorshipB)).html, /Fórum Lusófono mentors IGF Paraguay/);
  assert.equal((await t.client().get(mentorshipB)).status, 404, 'not listed: the public does not see it');
  await assertNoneAboveCapacity(t);

  // Before accepting, B does not see N1's toolkit; ending B's mentorship frees its place, which goes to N1.
  assert.equal((await b.client.get(`/initiatives/${n1.slug}/toolkit`)).status, 403);
  const ended = await n2.client.post(`${mentorshipB}/feedback`, { feedback: 'Nos ayudaron mucho con el programa.', rating: '5' });
  assert.equal(ended.status, 303, ended.html.slice(0, 2000));
  assert.equal((await requestOf(t, n1)).offer_id, offerB, 'the freed place is offered to the waiting request');
  assert.equal((await answer(b, (await requestOf(t, n1)).id, { answer: 'accept' })).status, 303);
  const toolkit = await b.client.get(`/initiatives/${n1.slug}/toolkit`);
  assert.equal(toolkit.status, 200, 'the active mentor’s coordinator sees the newcomer’s progress');
  assert.doesNotMatch(toolkit.html, /\/tick"/, 'but ticks nothing');
  assert.equal((await a.client.get(`/initiatives/${n1.slug}/toolkit`)).status, 403, 'a mentor that declined does not');
  await assertNoneAboveCapacity(t);

  // The other side's feedback after the end; a side gives it once; ratings outside 1–5 are refused.
  assert.equal((await b.client.post(`${mentorshipB}/feedback`, { feedback: 'Un equipo muy comprometido.', rating: '6' })).status, 422);
  assert.equal((await b.client.post(`${mentorshipB}/feedback`, { feedback: 'Un equipo muy comprometido.', rating: '4' })).status, 303);
  assert.equal((await b.client.post(`${mentorshipB}/feedback`, { feedback: 'Otra vez.', rating: '4' })).status, 409);
  const page = await n2.client.get(mentorshipB);
  assert.match(page.html, /Nos ayudaron mucho con el programa\./);
  assert.match(page.html, /Un equipo muy comprometido\./);
}, { postgres: true, timeout: 120_000 });

eachApp('a mentorship: goals, meetings the other side hears of, a public listing with both consents, and the public page and API', async (t) => {
  const mentor = await initiative(t, 'Foro Andino', { languages: ['es'] });
  const newcomer = await initiative(t, 'IGF Bolivia', { countries: ['BO'] }, false);
  const member = await seatMember(t, newcomer.slug, { email: 'miembro@example.org', group: 'government' });
  await offer(mentor, { capacity: '2' });
  const offerId = (await offerRow(t, mentor)).id;
  await ask(newcomer, [offerId]);
  const path = (await answer(mentor, (await requestOf(t, newcomer)).id, { answer: 'accept', note: 'Con gusto.' })).location!.split('?')[0]!;

  assert.equal((await member.post(`${path}/goals`, { goals: `Formar el comité\nPublicar el presupuesto ${script}` })).status, 303);
  const future = await member.post(`${path}/meetings`, { held_on: '2026-12-01', notes: 'Todavía no.' });
  assert.match(future.html, /Log a meeting on the day it was held or later\./);
  assert.match((await member.post(`${path}/meetings`, { held_on: '2026-02-30', notes: 'Fecha imposible.' })).html, /id="error-held_on"/);
  assert.equal((await member.post(`${path}/meetings`, { held_on: '2026-11-20', notes: `Repasamos el comité ${script}` })).status, 303);
  const heard = await t.database.db.selectFrom('notifications').select(['user_id', 'path']).where('kind', '=', 'mentoring.meeting_logged').execute();
  const mentorCoordinator = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'foro.andino@example.org').executeTakeFirstOrThrow()).id;
  assert.deepEqual(heard.map((n) => n.user_id), [mentorCoordinator], 'the other side’s coordinators hear of it');
  assert.equal((await member.post(`${path}/consent`, { consent: 'on' })).status, 403, 'consent speaks for the initiative: its coordinators');

  // Listed only once both agree; meeting notes stay private.
  assert.equal((await newcomer.client.post(`${path}/consent`, { consent: 'on' })).status, 303);
  assert.equal((await t.client().get(path)).status, 404);
  assert.equal((await mentor.client.post(`${path}/consent`, { consent: 'on' })).status, 303);
  const visitor = t.client();
  const publicPage = await visitor.get(path);
  assert.equal(publicPage.status, 200);
  assert.match(publicPage.html, /Publicar el presupuesto &lt;script&gt;/);
  assert.doesNotMatch(publicPage.html, /Repasamos el comité/, 'meeting notes are not public');
  assert.match((await visitor.get('/mentoring')).html, new RegExp(`href="${path}">Foro Andino mentors IGF Bolivia`));
  const api = await visitor.json('GET', `/api/initiatives/${mentor.slug}/mentoring`, undefined);
  assert.equal(api.status, 200);
  assert.deepEqual(api.body.mentorships.map((m: { mentee: { name: string }; listed: boolean }) => [m.mentee.name, m.listed]), [['IGF Bolivia', true]]);
  assert.equal(api.body.offer.free, 1);
  const offers = await visitor.json('GET', '/api/mentoring/offers', undefined);
  assert.deepEqual(offers.body.items.map((o: { initiative: { name: string }; capacity: number; free: number }) => [o.initiative.name, o.capacity, o.free]), [['Foro Andino', 2, 1]]);
  // Taking consent back unlists it.
  assert.equal((await mentor.client.post(`${path}/consent`, {})).status, 303);
  assert.equal((await visitor.get(path)).status, 404);

  // Search finds the open offer by its languages in another language's words; a paused offer leaves the index.
  const search = await visitor.json('GET', '/api/search?q=Foro%20Andino', undefined);
  assert.ok(search.body.items.some((r: { kind: string }) => r.kind === 'mentor_offer'), JSON.stringify(search.body).slice(0, 500));
  for (const words of ['Spanish', 'español', 'inglés', 'comunitarias']) {
    const found = await visitor.json('GET', `/api/search?q=${encodeURIComponent(words)}`, undefined);
    assert.ok(found.body.items.some((r: { kind: string; title: string }) => r.kind === 'mentor_offer' && r.title === 'Foro Andino'), `an offer found by “${words}”`);
  }
  assert.equal((await mentor.client.post(`/initiatives/${mentor.slug}/mentoring/offer/status`, { status: 'paused' })).status, 303);
  const after = await visitor.json('GET', '/api/search?q=Foro%20Andino', undefined);
  assert.ok(!after.body.items.some((r: { kind: string }) => r.kind === 'mentor_offer'));
  assert.equal((await mentor.client.post(`/initiatives/${mentor.slug}/mentoring/offer`, { ...offerFields, capacity: '0' })).status, 422);
  const lower = await mentor.client.post(`/initiatives/${mentor.slug}/mentoring/offer`, { ...offerFields, capacity: '1' });
  assert.equal(lower.status, 303, 'one place taken: capacity 1 still holds it');
}, { postgres: true, timeout: 120_000 });

eachApp('with the secretariat’s approval on, an accepted match waits, keeps its place, and starts when approved or moves on when not; unanswered requests move on after two weeks', async (t) => {
  const admin = await secretariat(t);
  const a = await initiative(t, 'Foro Andino');
  const b = await initiative(t, 'Foro Caribe');
  const n1 = await initiative(t, 'IGF Bolivia', {}, false);
  const n2 = await initiative(t, 'IGF Chile', {}, false);
  await offer(a);
  await offer(b);
  const offerA = (await offerRow(t, a)).id;
  const offerB = (await offerRow(t, b)).id;

  assert.equal((await a.client.post('/secretariat/mentoring/settings', { approval_required: 'on' })).status, 403);
  assert.equal((await admin.post('/secretariat/mentoring/settings', { approval_required: 'on' })).status, 303);
  assert.match((await admin.get('/secretariat/mentoring')).html, /name="approval_required" checked/);

  await ask(n1, [offerA, offerB]);
  const ship = (await answer(a, (await requestOf(t, n1)).id, { answer: 'accept' })).location!.split('?')[0]!;
  assert.match((await n1.client.get(ship)).html, /Waiting for the secretariat(’|'|&#39;)s approval/);
  assert.equal((await t.database.db.selectFrom('notifications').select('id').where('kind', '=', 'mentoring.approval_needed').execute()).length, 1);
  // The place stays taken while it waits.
  await ask(n2, [offerA, offerB]);
  assert.equal((await requestOf(t, n2)).offer_id, offerB);
  const id = ship.split('/').pop()!;
  assert.match((await admin.get('/secretariat/mentoring')).html, /Foro Andino mentors IGF Bolivia/);
  assert.equal((await a.client.post(`/secretariat/mentoring/${id}/decision`, { decision: 'approve' })).status, 403);

  // Not approved: the request moves on to B, which is full (N2 waits on its answer), so it waits.
  assert.equal((await admin.post(`/secretariat/mentoring/${id}/decision`, { decision: 'reject' })).status, 303);
  assert.equal((await admin.post(`/secretariat/mentoring/${id}/decision`, { decision: 'approve' })).status, 409, 'decided already');
  assert.equal((await requestOf(t, n1)).status, 'waiting');

  // B does not answer N2 for two weeks: the daily job moves N2 on to A (free again), and B's freed place goes to N1.
  t.clock.now = new Date(t.clock.now.getTime() + 15 * 86_400_000);
  await unansweredHandler({}, { db: t.database.db, now: t.clock.now, jobs: t.services.jobs, log: pino({ level: 'silent' }) });
  assert.equal((await requestOf(t, n2)).offer_id, offerA);
  assert.equal((await requestOf(t, n1)).offer_id, offerB);
  await assertNoneAboveCapacity(t);

  // Approved: it starts.
  const acceptedAgain = await answer(b, (await requestOf(t, n1)).id, { answer: 'accept' });
  assert.equal(acceptedAgain.status, 303, acceptedAgain.html.slice(-3000));
  const second = acceptedAgain.location!.split('?')[0]!.split('/').pop()!;
  assert.equal((await admin.post(`/secretariat/mentoring/${second}/decision`, { decision: 'approve' })).status, 303);
  assert.equal((await mentoringDb(t.database.db).selectFrom('mentorships').select('status').where('id', '=', second).executeTakeFirstOrThrow()).status, 'active');
}, { postgres: true, timeout: 120_000 });
