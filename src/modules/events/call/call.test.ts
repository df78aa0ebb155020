import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { verifiedPerson } from '../../../../tests/support/factories.ts';
import { callFields, eventWithCall, goodProposal } from '../../../../tests/support/eventsCall.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { eventsDb } from '../tables.ts';

async function ids(t: TestApp, slug: string) {
  const db = eventsDb(t.database.db);
  const event = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const tracks = await db.selectFrom('event_tracks').select(['id', 'name']).where('event_id', '=', event.id).orderBy('position').execute();
  const questions = await db.selectFrom('event_call_questions').select('id').where('event_id', '=', event.id).orderBy('position').execute();
  return { event: event.id, tracks, questions };
}

const count = async (t: TestApp, table: 'event_proposals' | 'event_proposal_people' | 'event_proposal_answers') =>
  Number((await eventsDb(t.database.db).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const errorBeside = (html: string, field: string) => html.match(new RegExp(`<p class="error" id="error-${field}">([^<]*)</p>`))?.[1];

eachApp('organisers open the call in the event’s time zone; the event page and the call page show it; close before open is refused beside the field', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  const form = await coordinator.get(`/events/${slug}/call/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, /value="Digital trust and resilience"/, 'the default tracks, named in the organiser’s language');
  assert.match(form.html, /name="duration_lightning_talk"[^>]*value="20"|value="20"[^>]*name="duration_lightning_talk"/);

  const refused = await coordinator.post(`/events/${slug}/call/edit`, { ...callFields, closes: '2026-11-19T09:00' });
  assert.equal(refused.status, 422);
  assert.match(errorBeside(refused.html, 'closes') ?? '', /must close after it opens/);
  const late = await coordinator.post(`/events/${slug}/call/edit`, { ...callFields, closes: '2026-12-05T09:00' });
  assert.match(errorBeside(late.html, 'closes') ?? '', /before the event ends/);
  const noDuration = await coordinator.post(`/events/${slug}/call/edit`, { ...callFields, duration_panel: '' });
  assert.match(errorBeside(noDuration.html, 'duration_panel') ?? '', /duration/);
  const noFormat = await coordinator.post(`/events/${slug}/call/edit`, { ...callFields, formats: [] });
  assert.match(errorBeside(noFormat.html, 'formats') ?? '', /at least one session format/);
  const huge = await coordinator.post(`/events/${slug}/call/edit`, { ...callFields, track_1_name: 'x'.repeat(20_000), question_0_text: 'a\u0007b', min_speakers: '0' });
  assert.equal(huge.status, 422);
  assert.match(errorBeside(huge.html, 'track_1_name') ?? '', /at most 200 characters/);
  assert.match(errorBeside(huge.html, 'question_0_text') ?? '', /control characters/);
  assert.match(errorBeside(huge.html, 'min_speakers') ?? '', /at least 1/);
  assert.equal(await eventsDb(t.database.db).selectFrom('event_calls').select('event_id').executeTakeFirst(), undefined, 'nothing written');

  assert.equal((await coordinator.post(`/events/${slug}/call/edit`, callFields)).status, 303);
  const call = await eventsDb(t.database.db).selectFrom('event_calls').selectAll().executeTakeFirstOrThrow();
  assert.equal(call.opens_at, '2026-11-20T14:00:00.000Z', '09:00 in Bogotá');
  assert.equal(call.closes_at, '2026-11-28T23:00:00.000Z');

  // Rename one track, remove the other, add a third.
  const { tracks } = await ids(t, slug);
  const changed = await coordinator.post(`/events/${slug}/call/edit`, {
    ...callFields, track_0_id: tracks[0]!.id, track_0_name: 'Confianza y seguridad', track_1_id: tracks[1]!.id, track_1_name: '', track_2_name: 'Inteligencia artificial',
  });
  assert.equal(changed.status, 303);
  const after = await ids(t, slug);
  assert.deepEqual(after.tracks.map((tr) => tr.name), ['Confianza y seguridad', 'Inteligencia artificial']);
  assert.equal(after.tracks[0]!.id, tracks[0]!.id, 'a renamed track keeps its identity');

  await coordinator.post(`/events/${slug}/publish`, {});
  const reader = t.client();
  const event = await reader.get(`/events/${slug}?zone=Asia/Tokyo`);
  assert.match(event.html, /The call is open: propose a session/);
  assert.match(event.html, new RegExp(`href="/events/${slug}/proposals/new"`));
  assert.match(event.html, /Saturday, November 21, 2026 at 9:00\sAM \(UTC\+09:00\) in Asia\/Tokyo|in Asia\/Tokyo/);
  const page = await reader.get(`/events/${slug}/call`);
  assert.equal(page.status, 200);
  assert.match(page.html, /Lightning talk — 15 minutes/);
  assert.match(page.html, /Inteligencia artificial/);
  assert.match(page.html, /¿Qué resultado espera\? \(required\)/);
  t.clock.now = new Date('2026-11-29T00:00:00Z');
  assert.match((await reader.get(`/events/${slug}/call`)).html, /The call is closed/);
  assert.doesNotMatch((await reader.get(`/events/${slug}`)).html, /proposals\/new/);
  // Only organisers change the call.
  const stranger = await verifiedPerson(t, { email: 'stranger@example.org' });
  assert.equal((await stranger.post(`/events/${slug}/call/edit`, callFields)).status, 403);
}, { postgres: true });

eachApp('a proposer checks the rules before submitting, keeps a failing draft, fixes it, submits, and withdraws; organisers see it once submitted', async (t) => {
  const { slug, coordinator } = await eventWithCall(t);
  const { tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const good = goodProposal(tracks[0]!.id, questions[0]!.id);
  const form = await proposer.get(`/events/${slug}/proposals/new`);
  assert.equal(form.status, 200);
  assert.match(form.html, /name="speaker_5_name"/, 'six speaker rows');
  assert.doesNotMatch(form.html, /name="speaker_6_name"/);
  assert.match(form.html, /value="hybrid" checked/, 'the modality defaults to the event’s format');

  // One speaker only: checking shows what fails, without writing anything.
  const weak = { ...good, speaker_1_name: '', speaker_1_organisation: '', speaker_1_stakeholder_group: '', speaker_1_gender: '', speaker_1_presence: '', speaker_2_name: '', speaker_2_organisation: '', speaker_2_stakeholder_group: '', speaker_2_gender: '', rapporteur_name: '' };
  const checked = await proposer.post(`/events/${slug}/proposals/new`, { ...weak, intent: 'check' });
  assert.equal(checked.status, 200);
  assert.match(checked.html, /Fails: Number of speakers\.<\/strong> One speaker named; at least 3 are needed/);
  assert.match(checked.html, /Fails: Rapporteur\.<\/strong> Name the rapporteur/);
  assert.match(checked.html, /Passes: Online moderator\.<\/strong> Online moderator: Pedro Sosa/);
  assert.match(checked.html, /Does not apply: Gender diversity/);
  assert.match(checked.html, /Passes: Earlier session reports\.<\/strong> No organiser has an overdue session report/, 'session reports exist (the reports module): nobody is late');
  assert.match(checked.html, /value="Luisa Gómez"/, 'what was typed is kept');
  const more = await proposer.post(`/events/${slug}/proposals/new`, { ...weak, intent: 'more_speakers' });
  assert.match(more.html, /name="speaker_9_name"/, 'four more rows');
  assert.equal(await count(t, 'event_proposals'), 0);

  // Submitting a proposal that fails is refused with the rules; a draft is kept.
  const refused = await proposer.post(`/events/${slug}/proposals/new`, { ...weak, intent: 'submit' });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /does not pass the screening rules yet/);
  assert.match(refused.html, /Fails: Number of speakers/);
  assert.equal(await count(t, 'event_proposals'), 0);
  const draft = await proposer.post(`/events/${slug}/proposals/new`, { ...weak, intent: 'draft' });
  assert.equal(draft.status, 303, draft.html.slice(0, 2000));
  const path = draft.location!.split('?')[0]!;
  assert.match(draft.location!, /notice=created/);
  const shown = await proposer.get(path);
  assert.match(shown.html, /Draft/);
  assert.match(shown.html, /Fails: Number of speakers/);
  assert.equal((await coordinator.get(path)).status, 404, 'a draft is the proposer’s own');
  assert.match((await coordinator.get(`/events/${slug}/proposals`)).html, /No proposal submitted yet/);

  // Fixed and submitted from the edit form.
  const id = path.split('/').pop()!;
  const edit = await proposer.get(`${path}/edit`);
  assert.match(edit.html, /name="version" value="1"/);
  const submitted = await proposer.post(`${path}/edit`, { ...good, version: '1', intent: 'submit' });
  assert.equal(submitted.status, 303, submitted.html.slice(0, 3000));
  assert.match(submitted.location!, /notice=submitted/);
  const row = await eventsDb(t.database.db).selectFrom('event_proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'submitted');
  assert.equal(await count(t, 'event_proposal_people'), 7, 'one organiser, three speakers, two moderators, a rapporteur');
  assert.equal(await count(t, 'event_proposal_answers'), 1);
  const page = await coordinator.get(path);
  assert.equal(page.status, 200);
  assert.match(page.html, /Every rule that applies passes/);
  assert.match(page.html, /Luisa Gómez — MinTIC, Government, Colombia, mujer, In the room, confirmed/);
  const list = await coordinator.get(`/events/${slug}/proposals`);
  assert.match(list.html, /One proposal\./);
  assert.match(list.html, /Submitted/);
  assert.match((await proposer.get('/my/proposals')).html, /Inclusión digital en zonas rurales/);
  assert.match((await proposer.get('/my/events')).html, /href="\/my\/proposals"/);

  // Others are told it does not exist; organisers may not edit it.
  const stranger = await verifiedPerson(t, { email: 'stranger@example.org' });
  assert.equal((await stranger.get(path)).status, 404);
  assert.equal((await t.client().get(path)).status, 404);
  assert.equal((await coordinator.post(`${path}/edit`, { ...good, intent: 'submit' })).status, 403);
  assert.equal((await coordinator.post(`${path}/withdraw`, {})).status, 403);

  // Search: the proposer and the organisers find it, nobody else.
  assert.match((await proposer.get('/search?q=conectividad')).html, new RegExp(path));
  assert.match((await coordinator.get('/search?q=conectividad')).html, new RegExp(path));
  assert.doesNotMatch((await stranger.get('/search?q=conectividad')).html, new RegExp(path));

  const withdrawn = await proposer.post(`${path}/withdraw`, {});
  assert.equal(withdrawn.status, 303);
  const after = await proposer.get(path);
  assert.match(after.html, /Withdrawn/);
  assert.doesNotMatch(after.html, /Withdraw the proposal/);
  assert.equal((await proposer.post(`${path}/withdraw`, {})).status, 409);
  assert.equal((await proposer.post(`${path}/edit`, { ...good, intent: 'submit' })).status, 409);
}, { postgres: true });

eachApp('after the deadline proposals can no longer be sent or edited; before it opens neither', async (t) => {
  const { slug } = await eventWithCall(t);
  const { tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const good = goodProposal(tracks[0]!.id, questions[0]!.id);
  const created = await proposer.post(`/events/${slug}/proposals/new`, { ...good, intent: 'submit' });
  assert.equal(created.status, 303, created.html.slice(0, 3000));
  const path = created.location!.split('?')[0]!;
  t.clock.now = new Date('2026-11-28T23:00:00Z');
  const late = await proposer.post(`${path}/edit`, { ...good, title: 'Otro título', intent: 'submit' });
  assert.equal(late.status, 409);
  assert.match(late.html, /The call is closed: proposals can no longer be sent or edited/);
  assert.equal((await proposer.get(`${path}/edit`)).status, 409);
  assert.equal((await proposer.post(`/events/${slug}/proposals/new`, { ...good, intent: 'draft' })).status, 409);
  assert.doesNotMatch((await proposer.get(path)).html, /Edit the proposal/);
  assert.equal((await eventsDb(t.database.db).selectFrom('event_proposals').select('title').executeTakeFirstOrThrow()).title, good.title);
  t.clock.now = new Date('2026-11-19T00:00:00Z');
  assert.match((await proposer.get(`/events/${slug}/proposals/new`)).html, /not open yet/);
}, { postgres: true });

eachApp('bad input is refused beside its field and nothing is written: huge texts, control characters, unknown formats and tracks', async (t) => {
  const { slug } = await eventWithCall(t);
  const { tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const good = goodProposal(tracks[0]!.id, questions[0]!.id);
  const cases: Array<[Record<string, string>, string, RegExp]> = [
    [{ title: 'x'.repeat(20_000) }, 'title', /at most 200 characters/],
    [{ description: 'a\u0007b' }, 'description', /control characters/],
    [{ speaker_1_name: 'Carlos\u0000' }, 'speaker_1_name', /control characters/],
    [{ format: 'karaoke' }, 'format', /./],
    [{ format: 'debate' }, 'format', /does not offer this format/],
    [{ track: 'no-such-track' }, 'track', /./],
    [{ speaker_2_name: '', speaker_2_gender: '' }, 'speaker_2_name', /Give the person&#39;s name/],
    [{ speaker_0_stakeholder_group: 'aliens' }, 'speaker_0_stakeholder_group', /./],
    [{ [`answer_${questions[0]!.id}`]: '' }, `answer_${questions[0]!.id}`, /needs an answer/],
  ];
  for (const [fields, field, message] of cases) {
    const page = await proposer.post(`/events/${slug}/proposals/new`, { ...good, ...fields, intent: 'submit' });
    assert.equal(page.status, 422, `${field}: ${page.status}`);
    assert.match(errorBeside(page.html, field) ?? '', message, `an error beside ${field}`);
  }
  assert.equal(await count(t, 'event_proposals'), 0);
  assert.equal(await count(t, 'event_proposal_people'), 0);
}, { postgres: true });

eachApp('no speaker in more than three sessions: the event’s other proposals and sessions count', async (t) => {
  const { slug } = await eventWithCall(t);
  const { event, tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const good = goodProposal(tracks[0]!.id, questions[0]!.id);
  for (const title of ['Primera sesión', 'Segunda sesión']) {
    assert.equal((await proposer.post(`/events/${slug}/proposals/new`, { ...good, title, intent: 'submit' })).status, 303);
  }
  // A session the organisers added themselves, with Luisa as a speaker.
  const db = eventsDb(t.database.db);
  await db.insertInto('event_sessions').values({ id: 'session1', event_id: event, proposal_id: null, title: 'Apertura', description: null, original_locale: 'es', format: null, track_id: null, modality: 'hybrid', room_id: null, starts_at: null, ends_at: null, expected_attendance: null, capacity: null, created_at: t.clock.now.toISOString(), updated_at: t.clock.now.toISOString() }).execute();
  await db.insertInto('event_session_people').values({ id: 'sp1', session_id: 'session1', role: 'speaker', user_id: null, name: 'luisa gomez', organisation: 'MINTIC', stakeholder_group: null, country: null, gender: null, presence: null, confirmed: 1, position: 0 }).execute();
  const fourth = await proposer.post(`/events/${slug}/proposals/new`, { ...good, title: 'Cuarta sesión', intent: 'submit' });
  assert.equal(fourth.status, 422);
  assert.match(fourth.html, /Fails: Sessions per speaker\.<\/strong> These speakers would be in more than 3 sessions of the event: Luisa Gómez \(4\)/);
});

eachApp('through the API with a personal token: propose, read back with the screening; a failing submission is refused with the rules', async (t) => {
  const { slug, coordinator } = await eventWithCall(t);
  const { tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const tokenPage = await proposer.post('/account/tokens', { token_name: 'script' });
  const token = tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!;
  const bearer = { Authorization: `Bearer ${token}` };
  const script = t.client();
  const body = {
    title: 'Ciberseguridad regional', description: 'Un debate.', language: 'es', format: 'panel', track: tracks[1]!.id, modality: 'online',
    speakers: [{ name: 'A. Uno', stakeholder_group: 'government', gender: 'mujer' }, { name: 'B. Dos', stakeholder_group: 'private_sector', gender: 'hombre' }, { name: 'C. Tres', stakeholder_group: 'technical_community' }],
    online_moderator: { name: 'D. Cuatro' }, rapporteur: { name: 'E. Cinco' }, answers: { [questions[0]!.id]: 'Un informe.' }, intent: 'submit',
  };
  const created = await script.json('POST', `/api/events/${slug}/proposals`, body, bearer);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.status, 'submitted');
  assert.equal(created.body.screening.passed, true);
  assert.equal(created.body.track.name, 'Acceso universal');
  assert.deepEqual(created.body.screening.results.find((r: { rule: string }) => r.rule === 'onsite_moderator').outcome, 'not_applicable');
  const read = await coordinator.json('GET', `/api/events/${slug}/proposals/${created.body.id}`, undefined);
  assert.equal(read.status, 200);
  assert.equal(read.body.people.length, 5);
  assert.equal((await t.client().json('GET', `/api/events/${slug}/proposals/${created.body.id}`, undefined)).status, 404);

  // A merge patch: the title changes, the rest stays; a stale version is refused.
  const patched = await script.json('PATCH', `/api/events/${slug}/proposals/${created.body.id}`, { title: 'Ciberseguridad en la región', version: 1 }, bearer);
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.title, 'Ciberseguridad en la región');
  assert.equal(patched.body.people.length, 5);
  assert.equal(patched.body.version, 2);
  assert.equal((await script.json('PATCH', `/api/events/${slug}/proposals/${created.body.id}`, { title: 'Otra vez', version: 1 }, bearer)).status, 409);
  const emptied = await script.json('PATCH', `/api/events/${slug}/proposals/${created.body.id}`, { speakers: [] }, bearer);
  assert.equal(emptied.status, 422, 'a submitted proposal must keep passing the rules');
  assert.equal(emptied.body.screening.passed, false);
  assert.equal((await coordinator.json('PATCH', `/api/events/${slug}/proposals/${created.body.id}`, { title: 'Mío' })).status, 403);

  const failing = await script.json('POST', `/api/events/${slug}/proposals`, { ...body, speakers: body.speakers.slice(0, 1) }, bearer);
  assert.equal(failing.status, 422);
  assert.equal(failing.body.screening.passed, false);
  assert.ok(failing.body.screening.results.some((r: { rule: string; passed: boolean }) => r.rule === 'min_speakers' && !r.passed));
  const unknown = await script.json('POST', `/api/events/${slug}/proposals`, { ...body, format: 'karaoke' }, bearer);
  assert.equal(unknown.status, 422);
  assert.deepEqual(unknown.body.errors.map((e: { pointer: string }) => e.pointer), ['#/format']);
  assert.equal(await count(t, 'event_proposals'), 1);
}, { postgres: true });

/** Two saves of the same draft at once (a double click, two tabs): one writes, the other is told it changed. */
async function racingSubmits(t: TestApp, proposer: TestClient, path: string, fields: Record<string, string>) {
  const answers = await Promise.all([1, 2].map(() => proposer.post(`${path}/edit`, { ...fields, version: '1', intent: 'submit' })));
  return answers.map((a) => a.status).sort();
}

eachApp('two concurrent submissions of the same draft write once', async (t) => {
  const { slug } = await eventWithCall(t);
  const { tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const good = goodProposal(tracks[0]!.id, questions[0]!.id);
  const draft = await proposer.post(`/events/${slug}/proposals/new`, { ...good, intent: 'draft' });
  const path = draft.location!.split('?')[0]!;
  assert.deepEqual(await racingSubmits(t, proposer, path, good), [303, 409]);
  const row = await eventsDb(t.database.db).selectFrom('event_proposals').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.status, 'submitted');
  assert.equal(Number(row.version), 2);
  assert.equal(await count(t, 'event_proposal_people'), 7, 'the people written once');
  const audits = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'proposal.submitted').execute();
  assert.equal(audits.length, 1);
}, { postgres: true });

eachApp('two proposals naming the same busy speaker, submitted at once, cannot both pass the sessions-per-speaker rule', async (t) => {
  const { slug } = await eventWithCall(t);
  const { tracks, questions } = await ids(t, slug);
  const proposer = await verifiedPerson(t, { email: 'proposer@example.org' });
  const other = await verifiedPerson(t, { email: 'other@example.org' });
  const good = goodProposal(tracks[0]!.id, questions[0]!.id);
  for (const title of ['Primera sesión', 'Segunda sesión']) {
    assert.equal((await proposer.post(`/events/${slug}/proposals/new`, { ...good, title, intent: 'submit' })).status, 303);
  }
  // Luisa Gómez is in two sessions; a third is allowed, a fourth is not.
  const answers = await Promise.all([proposer, other].map((client, i) => client.post(`/events/${slug}/proposals/new`, { ...good, title: `Sesión ${i + 3}`, intent: 'submit' })));
  assert.deepEqual(answers.map((a) => a.status).sort(), [303, 422]);
  assert.equal(await count(t, 'event_proposals'), 3);
}, { postgres: true });
