import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { createEvent } from '../../../tests/support/events.ts';
import { callFields, goodProposal } from '../../../tests/support/eventsCall.ts';
import { content, person, sessionWithRapporteur, settleJobs, startReport } from '../../../tests/support/reports.ts';
import { eventsDb } from '../events/tables.ts';
import { reportsDb } from './tables.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';

eachApp('the rapporteur drafts, the organisers send it back and publish; a later change is a new version with its reason and a word diff, all in the public log', async (t) => {
  const { coordinator, session, rapporteur } = await sessionWithRapporteur(t);
  const anonymous = t.client();

  // The rapporteur finds the session among theirs and starts its report, prefilled from the session.
  const mine = await rapporteur.get('/my/reports');
  assert.match(mine.html, /Sessions you are rapporteur of/);
  assert.match(mine.html, /Acceso significativo/);
  const id = await startReport(rapporteur, session);
  assert.equal(await startReport(coordinator, session), id, 'one report per session: starting it again opens it');
  const form = await rapporteur.get(`/reports/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, /value="Luisa Gómez"/, 'participants come from the session’s people');
  assert.match(form.html, /value="2026-12-01"/, 'the day, in the event’s zone');
  assert.doesNotMatch(form.html, /value="Ana Pérez"/, 'organisers are not among the report’s roles');

  const saved = await rapporteur.post(`/reports/${id}/edit`, content);
  assert.equal(saved.status, 303, saved.html.slice(0, 3000));
  assert.equal((await anonymous.get(`/reports/${id}`)).status, 404, 'a draft is not public');
  const draft = await rapporteur.get(`/reports/${id}`);
  assert.match(draft.html, /<strong>el acceso<\/strong>/, 'Markdown is rendered');
  assert.match(draft.html, /Gobierno<\/strong>: <div class="prose"><p>Abrir una consulta sobre espectro/);
  assert.match(draft.html, /href="https:\/\/slides.example.org\/acceso"/);
  assert.doesNotMatch(draft.html, /action="\/reports\/[^"]+\/publish/, 'publishing is the organisers’');

  assert.equal((await rapporteur.post(`/reports/${id}/submit`, {})).status, 303);
  assert.equal((await rapporteur.post(`/reports/${id}/submit`, {})).status, 409, 'already waiting for review');
  // Each step is mailed to the other side: the organisers that it waits for them.
  await t.mail.withSubject('coord@example.org', /^Acceso significativo: waiting for your review$/);
  const noNote = await coordinator.post(`/reports/${id}/request-changes`, { note: '' });
  assert.equal(noNote.status, 422);
  assert.match(noNote.html, /<p class="error" id="error-note">/);
  assert.equal((await coordinator.post(`/reports/${id}/request-changes`, { note: 'Añadan las cifras en línea.' })).status, 303);
  assert.match((await t.mail.withSubject('relatora@example.org', /^Acceso significativo: changes asked$/)).text, /What to change: Añadan las cifras en línea\./);
  const sentBack = await rapporteur.get(`/reports/${id}`);
  assert.match(sentBack.html, /Changes requested by the organisers/);
  assert.match(sentBack.html, /Añadan las cifras en línea\./);
  assert.equal((await rapporteur.post(`/reports/${id}/publish`, {})).status, 403);
  assert.equal((await rapporteur.post(`/reports/${id}/submit`, {})).status, 303);
  assert.equal((await coordinator.post(`/reports/${id}/publish`, {})).status, 303);
  await t.mail.withSubject('relatora@example.org', /^Acceso significativo: published$/);

  // Public now, on the page and through the API, and in the log.
  const published = await anonymous.get(`/reports/${id}`);
  assert.equal(published.status, 200);
  assert.match(published.html, /Published · Version 1/);
  const api = await anonymous.json('GET', `/api/reports/${id}`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.status, 'published');
  assert.equal(api.body.takeaways.length, 2);
  assert.deepEqual(api.body.participation.onsite.groups, { civil_society: 20, government: 12 });
  const anchors = api.body.takeaways.map((x: { id: string }) => x.id);
  assert.match(published.html, new RegExp(`<li id="${anchors[0]}">`), 'each takeaway has its anchor');
  assert.match((await anonymous.get('/log')).html, /Session report published/);

  // A change after publication needs a reason, keeps the anchors, and becomes version 2.
  const values = { ...content, takeaways_0_id: anchors[0], takeaways_1_id: anchors[1], takeaways_1_text: 'Hace falta medir la calidad del servicio' };
  const noReason = await rapporteur.post(`/reports/${id}/edit`, values);
  assert.equal(noReason.status, 422);
  assert.match(noReason.html, /<p class="error" id="error-reason">Say why the published report changes\.<\/p>/);
  assert.equal((await rapporteur.post(`/reports/${id}/edit`, { ...values, reason: 'Precisión de la relatora' })).status, 303);
  const amended = await anonymous.json('GET', `/api/reports/${id}`, undefined);
  assert.equal(amended.body.version, 2);
  assert.deepEqual(amended.body.takeaways.map((x: { id: string }) => x.id), anchors, 'anchors are stable across versions');
  const history = await anonymous.get(`/reports/${id}/history`);
  assert.equal(history.status, 200);
  assert.match(history.html, /Why it changed: Precisión de la relatora/);
  assert.match(history.html, /<ins>(?:(?!<\/ins>).)*servicio/s, 'the added words are marked');
  assert.match(history.html, /Version 2/);
  const entries = await t.database.db.selectFrom('log_entries').select(['kind', 'record']).where('kind', '=', 'reports.published').execute();
  assert.deepEqual(entries.map((e) => e.record), [`report/${id}`, `report/${id}`]);
  const verified = await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer);
  assert.equal(verified.failure, null, 'cabildo log verify rebuilds both versions from their rows');
  const again = await rapporteur.post(`/reports/${id}/edit`, { ...values, reason: 'Sin cambios' });
  assert.equal(again.status, 409, 'nothing changed: no empty version');
}, { postgres: true });

eachApp('deadlines: reminders before and at the deadline in the rapporteur’s language, the overdue list, and the call’s screening rule', async (t) => {
  // A past forum (2–3 November) whose session ended long enough ago to be overdue on 23 November.
  const { coordinator, initiative, slug, session, rapporteur } = await sessionWithRapporteur(t, {
    eventFields: { title: 'Foro de noviembre', start: '2026-11-02T09:00', end: '2026-11-03T18:00' }, start: '2026-11-02T09:00', end: '2026-11-02T10:30', rapporteurLocale: 'es',
  });
  const overdue = await coordinator.get(`/events/${slug}/reports`);
  assert.equal(overdue.status, 200);
  assert.match(overdue.html, /One report is late/);
  assert.match(overdue.html, /<td data-label="Status">Not started<\/td><td data-label="Due">2026-11-16<\/td>/);
  assert.equal((await rapporteur.get(`/events/${slug}/reports`)).status, 403);

  // The organiser of that session proposes to an open call: the rule names her until the report is published.
  const call = await createEvent(coordinator, initiative, { title: 'Foro con convocatoria' });
  assert.equal((await coordinator.post(`/events/${call}/publish`, {})).status, 303);
  assert.equal((await coordinator.post(`/events/${call}/call/edit`, callFields)).status, 303);
  const events = eventsDb(t.database.db);
  const track = (await events.selectFrom('event_tracks').select('id').executeTakeFirstOrThrow()).id;
  const question = (await events.selectFrom('event_call_questions').select('id').executeTakeFirstOrThrow()).id;
  const check = () => coordinator.post(`/events/${call}/proposals/new`, { ...goodProposal(track, question), intent: 'check' });
  assert.match((await check()).html, /Fails: Earlier session reports\.<\/strong> These organisers have not filed the reports of earlier sessions: Ana Pérez\./);

  const id = await startReport(rapporteur, session);
  assert.equal((await rapporteur.post(`/reports/${id}/edit`, content)).status, 303);
  assert.equal((await coordinator.post(`/reports/${id}/publish`, {})).status, 303);
  assert.match((await check()).html, /Passes: Earlier session reports\.<\/strong> No organiser has an overdue session report/);
  assert.match((await coordinator.get(`/events/${slug}/reports`)).html, /No report is late/);

  // A December session: due 14 days after it ends, then 10 once the organisers say so.
  const december = await createEvent(coordinator, initiative, { title: 'Foro de diciembre' });
  assert.equal((await coordinator.post(`/events/${december}/publish`, {})).status, 303);
  const added = await coordinator.post(`/events/${december}/sessions`, { title: 'Ciberseguridad', original_locale: 'es', modality: 'online', ...person(0, { name: 'Julia Mora', role: 'rapporteur', email: 'relatora@example.org' }) });
  const decSession = added.location!.split('?')[0]!.split('/').pop()!;
  assert.equal((await coordinator.post(`/events/${december}/sessions/${decSession}/schedule`, { start: '2026-12-01T09:00', end: '2026-12-01T10:30' })).status, 303);
  const decReport = await startReport(rapporteur, decSession);
  assert.match((await rapporteur.get(`/reports/${decReport}`)).html, /<dt>Plazo<\/dt><dd>2026-12-15<\/dd>/);
  const badDays = await coordinator.post(`/events/${december}/reports/deadline`, { days: '0' });
  assert.equal(badDays.status, 422);
  assert.match(badDays.html, /id="error-days"/);
  assert.equal((await coordinator.post(`/events/${december}/reports/deadline`, { days: '10' })).status, 303);
  assert.match((await rapporteur.get(`/reports/${decReport}`)).html, /<dt>Plazo<\/dt><dd>2026-12-11<\/dd>/);

  const settle = () => settleJobs(t);
  // The reminders about the December report (she was also told the first one was published).
  const toRapporteur = () => t.mail.received.filter((m) => m.to.includes('relatora@example.org') && m.subject.includes('Ciberseguridad')).map((m) => m.subject);
  await settle();
  t.clock.now = new Date('2026-12-08T16:00:00Z');
  await settle();
  // Waited for by subject: mail goes through the queue, and "the last mail" may be another one still on its way.
  await t.mail.withSubject('relatora@example.org', /^Relatoría para el 2026-12-11: Ciberseguridad$/);
  assert.deepEqual(toRapporteur(), ['Relatoría para el 2026-12-11: Ciberseguridad'], 'three days before, in Spanish');
  t.clock.now = new Date('2026-12-11T16:00:00Z');
  await settle();
  await t.mail.withSubject('relatora@example.org', /^La relatoría vence hoy: Ciberseguridad$/);
  t.clock.now = new Date('2026-12-16T00:00:00Z');
  await settle();
  assert.deepEqual(toRapporteur(), ['Relatoría para el 2026-12-11: Ciberseguridad', 'La relatoría vence hoy: Ciberseguridad'], 'the reminders queued for the old deadline send nothing');
  assert.match((await coordinator.get(`/events/${december}/reports`)).html, /One report is late/);
  assert.match((await rapporteur.get(`/reports/${decReport}`)).html, /<dd>2026-12-11 <span class="badge">atrasada<\/span><\/dd>/, 'the writer sees it late too');
}, { postgres: true });

eachApp('bad input: oversized Markdown and wrong values refused beside their fields, script sanitised in every field, unknown sessions and initiatives', async (t) => {
  const { coordinator, initiative, session, rapporteur } = await sessionWithRapporteur(t);
  const id = await startReport(rapporteur, session);
  const before = await reportsDb(t.database.db).selectFrom('reports').select(['content', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const bad: Array<[Record<string, string>, string]> = [
    [{ summary: 'x'.repeat(20_001) }, 'summary'],
    [{ takeaways_0_text: 'y'.repeat(2_001) }, 'takeaways_0_text'],
    [{ held_on: '2026-02-30' }, 'held_on'],
    [{ onsite_group_government: '-3' }, 'onsite_group_government'],
    [{ link_recording: 'javascript:alert(1)' }, 'link_recording'],
    [{ participants_0_name: '', participants_0_organisation: 'ACME' }, 'participants_0_name'],
    [{ calls_to_action_0_who: '', calls_to_action_0_what: 'Algo' }, 'calls_to_action_0_who'],
  ];
  for (const [fields, field] of bad) {
    const page = await rapporteur.post(`/reports/${id}/edit`, { ...content, ...fields });
    assert.equal(page.status, 422, field);
    assert.match(page.html, new RegExp(`<p class="error" id="error-${field}">`), `an error beside ${field}`);
  }
  assert.deepEqual(await reportsDb(t.database.db).selectFrom('reports').select(['content', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow(), before, 'nothing written');

  // A script in every field: stored as typed, never run.
  const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const hostile = Object.fromEntries(Object.entries(content).map(([k, v]) => [k, k.startsWith('link_') || k.includes('_group_') || k.includes('_gender_') || k === 'held_on' || k === 'language' || k.endsWith('_role') || k.endsWith('stakeholder_group') ? v : `${v} ${script}`]));
  assert.equal((await rapporteur.post(`/reports/${id}/edit`, hostile)).status, 303);
  for (const path of [`/reports/${id}`, `/reports/${id}/edit`]) {
    const page = await rapporteur.get(path);
    assert.doesNotMatch(page.html, /<script>alert|<img src=x/, path);
    assert.match(page.html, /&lt;script&gt;alert/, `${path}: a single-line field shows what was typed, as text`);
  }
  const json = await rapporteur.json('GET', `/api/reports/${id}`, undefined);
  assert.doesNotMatch(json.body.summary_html, /<script|onerror/);

  // Through the API with a personal token: unknown session 404, unknown initiative 422, a report on nothing refused.
  const tokenPage = await coordinator.post('/account/tokens', { token_name: 'script' });
  const bearer = { Authorization: `Bearer ${tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!}` };
  const api = t.client();
  assert.equal((await api.json('POST', '/api/reports', { session: 'no-such-session' }, bearer)).status, 404);
  assert.equal((await api.json('POST', '/api/reports', { initiative: 'nope', title: 'Sesión', held_on: '2026-11-02', language: 'es' }, bearer)).status, 422);
  assert.equal((await api.json('POST', '/api/reports', { initiative, title: 'Sesión', held_on: 'ayer', language: 'es' }, bearer)).status, 422);
  const standalone = await api.json('POST', '/api/reports', { initiative, title: 'Sesión en el IGF global', held_on: '2026-06-24', place: 'Oslo', language: 'en' }, bearer);
  assert.equal(standalone.status, 201, JSON.stringify(standalone.body));
  assert.equal(standalone.body.session, null);
  const patched = await api.json('PATCH', `/api/reports/${standalone.body.id}`, { summary: 'We met.', takeaways: [{ text: 'One' }] }, bearer);
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.match(patched.body.takeaways[0].id, /^takeaway-/);
  const huge = await api.json('PATCH', `/api/reports/${standalone.body.id}`, { summary: 'z'.repeat(20_001) }, bearer);
  assert.equal(huge.status, 422);
  assert.deepEqual(huge.body.errors.map((e: { pointer: string }) => e.pointer), ['#/summary']);
  const refusedChanges = await api.json('POST', `/api/reports/${standalone.body.id}/transitions`, { action: 'request_changes' }, bearer);
  assert.equal(refusedChanges.status, 422);
  const publishedApi = await api.json('POST', `/api/reports/${standalone.body.id}/transitions`, { action: 'publish' }, bearer);
  assert.equal(publishedApi.status, 200);
  assert.equal(publishedApi.body.version, 1);
  const noReason = await api.json('PATCH', `/api/reports/${standalone.body.id}`, { summary: 'We met twice.' }, bearer);
  assert.equal(noReason.status, 422);

  // The standalone form: an initiative the visitor does not sit on is refused beside the field.
  const form = await coordinator.post('/reports/new', { initiative: 'nope', title: 'Otra', held_on: '2026-06-24', language: 'es' });
  assert.equal(form.status, 422);
  assert.match(form.html, /id="error-initiative">There is no such initiative/);
});

eachApp('a report nobody started: its rapporteur is reminded three days before and on the day, the organisers when it has none', async (t) => {
  const { coordinator, slug } = await sessionWithRapporteur(t);
  const added = await coordinator.post(`/events/${slug}/sessions`, { title: 'Ciberseguridad', original_locale: 'es', modality: 'online', ...person(0, { name: 'Sin Cuenta', role: 'rapporteur' }) });
  const other = added.location!.split('?')[0]!.split('/').pop()!;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${other}/schedule`, { start: '2026-12-01T09:00', end: '2026-12-01T10:30' })).status, 303);
  const subjects = (to: string) => t.mail.received.filter((m) => m.to.includes(to)).map((m) => m.subject).sort();

  // Both sessions end on 1 December at 10:30 in Bogotá: due on the 15th at 15:30 UTC. The daily job finds them from the 12th.
  await settleJobs(t);
  t.clock.now = new Date('2026-12-11T16:00:00Z');
  await settleJobs(t);
  assert.deepEqual(subjects('relatora@example.org'), [], 'four days before: nothing yet');
  t.clock.now = new Date('2026-12-12T16:00:00Z');
  await settleJobs(t);
  await t.mail.withSubject('relatora@example.org', /^Session report due on 2026-12-15: Acceso significativo$/);
  const toOrganiser = await t.mail.withSubject('coord@example.org', /^A session report of Foro Colombiano de Gobernanza de Internet is not started$/);
  assert.match(toOrganiser.text, new RegExp(`/events/${slug}/reports`), 'the organisers are sent to the event’s reports');
  t.clock.now = new Date('2026-12-13T16:00:00Z');
  await settleJobs(t);
  t.clock.now = new Date('2026-12-15T16:00:00Z');
  await settleJobs(t);
  await t.mail.withSubject('relatora@example.org', /^Session report due today, not started: Acceso significativo$/);
  assert.deepEqual(subjects('relatora@example.org'), ['Session report due on 2026-12-15: Acceso significativo', 'Session report due today, not started: Acceso significativo'], 'each reminder once, though the job ran on several days');
  t.clock.now = new Date('2026-12-20T16:00:00Z');
  await settleJobs(t);
  assert.equal(subjects('relatora@example.org').length, 2, 'after the day, the overdue list says it, not the mail');
  assert.equal(subjects('coord@example.org').filter((s) => s.includes('not started')).length, 2, 'the organisers: once before and once on the day, for the event');
}, { postgres: true });
