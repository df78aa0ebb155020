import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { registerInitiative, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { createEvent } from '../../../tests/support/events.ts';
import { registryDb } from '../initiatives/tables.ts';
import { importInitiatives } from '../initiatives/index.ts';
import { toolkitDb } from './tables.ts';
import { indexShippedSources, search } from '../../platform/search/index.ts';
import { searchSources } from '../../platform/manifests.ts';
import { modules } from '../index.ts';

/** The text of a page without its tags, spaces collapsed: what a reader sees. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
/** The part of the progress page about one step. */
const stepOf = (html: string, key: string) => html.slice(html.indexOf(`id="step-${key}"`), html.indexOf('</li>', html.indexOf(`id="step-${key}"`)));

eachApp('an initiative follows the toolkit: automatic steps follow the registry, its events and reports; the committee ticks the others with evidence', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', name: 'Ana Pérez', group: 'civil_society', locale: 'es' });
  const slug = await registerInitiative(coordinator);
  const page = `/initiatives/${slug}/toolkit`;
  // The guidance leads a committee member to their initiative's progress.
  assert.match((await coordinator.get('/toolkit')).html, new RegExp(`<a href="${page}">Mesa Colombiana de Gobernanza de Internet: guía para empezar</a>`));

  // New: the coordinator (verified) and the contact address are there; the principles are next.
  let progress = await coordinator.get(page);
  assert.equal(progress.status, 200);
  assert.match(text(progress.html), /1 de 12 pasos hechos/);
  assert.match(progress.html, /<progress max="12" value="1"/);
  assert.match(text(progress.html), /Próximo paso: Adoptar los principios del IGF/);
  assert.match(text(stepOf(progress.html, 'coordinator_contact')), /Hecho \(comprobado por Cabildo\)/);
  assert.match(stepOf(progress.html, 'principles'), /aria-current="step"/);
  // Automatic steps have no tick form; manual ones do.
  assert.doesNotMatch(progress.html, /toolkit\/coordinator_contact\/tick/);
  assert.match(progress.html, new RegExp(`href="${page}/logistics/tick">Marcar «Organizar la logística» como hecho`));
  // Each manual step has a page of its own with the form; an automatic one sends back to its place on the progress page.
  const form = await coordinator.get(`${page}/logistics/tick`);
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`action="${page}/logistics/tick#tick"`));
  assert.equal((await coordinator.get(`${page}/event_held/tick`)).location, `${page}#step-event_held`);

  // The principles accepted and two more groups seated: the founding committee is there, not yet every group.
  assert.equal((await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' })).status, 303);
  await seatMember(t, slug, { email: 'gob@example.org', group: 'government' });
  const member = await seatMember(t, slug, { email: 'empresa@example.org', name: 'Beto Ruiz', group: 'private_sector' });
  progress = await coordinator.get(page);
  assert.match(text(progress.html), /3 de 12 pasos hechos/);
  assert.match(text(progress.html), /Próximo paso: Ampliar el comité a todos los grupos de partes interesadas/);

  // A member ticks a manual step with a note and a link; who and when are shown, and the step is done.
  const ticked = await member.post(`${page}/logistics/tick`, { note: 'Sede en la Biblioteca Virgilio Barco, con rampa y subtítulos.', link: 'https://example.org/sede' });
  assert.equal(ticked.status, 303);
  assert.equal(ticked.location, `${page}?notice=ticked#step-logistics`);
  progress = await member.get(ticked.location!.split('#')[0]!);
  assert.match(text(progress.html), /The step is ticked\./);
  assert.match(text(progress.html), /4 of 12 steps done/);
  const logistics = text(stepOf(progress.html, 'logistics'));
  assert.match(logistics, /Done, ticked with evidence\. Ticked by Beto Ruiz on/);
  assert.match(logistics, /Biblioteca Virgilio Barco/);
  assert.match(stepOf(progress.html, 'logistics'), /href="https:\/\/example.org\/sede"/);

  // Bad input: no evidence; a link that is not http(s); script in the note (kept as text, shown escaped); an automatic step; an unknown step.
  const empty = await member.post(`${page}/programme/tick`, { note: '  ', link: '' });
  assert.equal(empty.status, 422);
  assert.match(empty.html, /id="error-note">Give a note, a link, or both, to say what was done\./);
  const badLink = await member.post(`${page}/programme/tick`, { note: 'Programa', link: 'javascript:alert(1)' });
  assert.equal(badLink.status, 422);
  assert.match(badLink.html, /id="error-link"/);
  assert.match(badLink.html, /<h1>Tick a step: Build the programme<\/h1>/);
  assert.match(badLink.html, /value="javascript:alert\(1\)"/);
  const script = '<script>alert("x")</script>';
  assert.equal((await member.post(`${page}/programme/tick`, { note: script, link: 'https://example.org/programa' })).status, 303);
  progress = await member.get(page);
  assert.doesNotMatch(progress.html, /<script>alert/);
  assert.match(progress.html, /&lt;script&gt;alert/);
  const automatic = await member.post(`${page}/event_held/tick`, { note: 'We held it, trust us.' });
  assert.equal(automatic.status, 409);
  assert.match(text(automatic.html), /Cabildo checks this step itself: it cannot be ticked by hand\./);
  assert.equal((await member.post(`${page}/no_such_step/tick`, { note: 'x' })).status, 404);
  const stored = await toolkitDb(t.database.db).selectFrom('toolkit_ticks').select(['step', 'note']).orderBy('step').execute();
  assert.deepEqual(stored.map((r) => r.step), ['logistics', 'programme']);

  // Someone not on the committee may neither see nor tick; anonymous visitors log in; the secretariat sees without ticking.
  const outsider = await verifiedPerson(t, { email: 'outsider@example.org' });
  assert.equal((await outsider.get(page)).status, 403);
  assert.equal((await outsider.post(`${page}/outreach_sponsorship/tick`, { note: 'Presupuesto' })).status, 403);
  assert.equal((await t.client().get(page)).location, `/login?next=${encodeURIComponent(page)}`);
  const admin = await secretariat(t);
  const seen = await admin.get(page);
  assert.equal(seen.status, 200);
  assert.doesNotMatch(seen.html, /toolkit\/outreach_sponsorship\/tick/);
  assert.equal((await admin.post(`${page}/outreach_sponsorship/tick`, { note: 'Presupuesto' })).status, 403);

  // Unticking opens the step again; unticking an open step is refused.
  assert.equal((await member.post(`${page}/logistics/untick`, {})).location, `${page}?notice=unticked#step-logistics`);
  progress = await member.get(page);
  assert.match(text(stepOf(progress.html, 'logistics')), /Open/);
  assert.equal((await member.post(`${page}/logistics/untick`, {})).status, 409);

  // The event held (published, then over) and a published session report are checked automatically; so is the annual report.
  const event = await createEvent(coordinator, slug);
  assert.equal((await coordinator.post(`/events/${event}/publish`, {})).status, 303);
  assert.doesNotMatch(text(stepOf((await coordinator.get(page)).html, 'event_held')), /Hecho/);
  t.clock.now = new Date('2026-12-03T10:00:00Z');
  assert.match(text(stepOf((await coordinator.get(page)).html, 'event_held')), /Hecho \(comprobado por Cabildo\)/);
  const report = await coordinator.json('POST', '/api/reports', { initiative: slug, title: 'Apertura', held_on: '2026-12-01', place: 'Bogotá', language: 'es' });
  assert.equal(report.status, 201);
  assert.equal((await coordinator.json('PATCH', `/api/reports/${report.body.id}`, { summary: 'Hablamos de acceso.' })).status, 200);
  assert.doesNotMatch(text(stepOf((await coordinator.get(page)).html, 'session_reports')), /Hecho/);
  assert.equal((await coordinator.json('POST', `/api/reports/${report.body.id}/transitions`, { action: 'publish' })).status, 200);
  assert.match(text(stepOf((await coordinator.get(page)).html, 'session_reports')), /Hecho \(comprobado por Cabildo\)/);
  await registryDb(t.database.db).updateTable('initiatives').set({ annual_report_year: 2026, annual_report_published_at: t.clock.now.toISOString() }).where('slug', '=', slug).execute();

  // The API says the same, to the same people.
  const api = await member.json('GET', `/api/initiatives/${slug}/toolkit`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.done, 7);
  assert.equal(api.body.total, 12);
  assert.equal(api.body.next, 'committee_all_groups');
  const programme = api.body.steps.find((s: { key: string }) => s.key === 'programme');
  assert.deepEqual({ state: programme.state, kind: programme.kind, note: programme.evidence.note, by: programme.evidence.ticked_by }, { state: 'ticked', kind: 'manual', note: script, by: 'Beto Ruiz' });
  assert.equal(api.body.steps.find((s: { key: string }) => s.key === 'event_held').state, 'automatic');
  assert.equal((await outsider.json('GET', `/api/initiatives/${slug}/toolkit`, undefined)).status, 403);
  assert.equal((await t.client().json('GET', `/api/initiatives/${slug}/toolkit`, undefined)).status, 401);
  assert.equal((await member.json('GET', '/api/initiatives/nothing/toolkit', undefined)).status, 404);

  // The secretariat sees where initiatives get stuck: a second, new initiative is stuck on the principles.
  const other = await verifiedPerson(t, { email: 'otra@example.org', group: 'academia' });
  const otherSlug = await registerInitiative(other, { name: 'Foro Juvenil de Gobernanza', acronym: 'FJG', website: 'https://juvenil.example.org' });
  // A demo entry on which nothing is done is a placeholder, not an initiative stuck on step one.
  await importInitiatives(t.database.db, 'name,acronym,type,countries,region,year_established,website,languages,source_url\nIGF Uruguay,,national,UY,,,,,\n', { demo: true, now: t.clock.now, source: 'test' });
  const stuck = await admin.get('/secretariat/toolkit');
  assert.equal(stuck.status, 200);
  const row = (key: string) => text(stuck.html.slice(stuck.html.indexOf(`href="/toolkit#step-${key}"`), stuck.html.indexOf('</tr>', stuck.html.indexOf(`href="/toolkit#step-${key}"`))));
  assert.match(text(stuck.html), /2 initiatives are following the toolkit; none has finished it\./);
  assert.match(row('principles'), /1 of 2 One initiative: Foro Juvenil de Gobernanza/);
  assert.match(row('committee_all_groups'), /0 of 2 One initiative: Mesa Colombiana/);
  assert.match(row('programme'), /1 of 2 None/);
  assert.match(stuck.html, new RegExp(`href="/initiatives/${otherSlug}/toolkit"`));
  assert.equal((await member.get('/secretariat/toolkit')).status, 403);

  // The secretariat offers the stuck committee help: its members are notified, and the same offer waits a week.
  const offered = await admin.post(`/secretariat/toolkit/${otherSlug}/offer`, {});
  assert.equal(offered.location, `/secretariat/toolkit?notice=offered#offer-${otherSlug}`);
  assert.match(text((await other.get('/notifications')).html), /The IGF Secretariat offers help with the next step of Foro Juvenil de Gobernanza/);
  assert.match(await t.mail.linkTo('otra@example.org'), new RegExp(`/initiatives/${otherSlug}/toolkit`));
  const again = await admin.post(`/secretariat/toolkit/${otherSlug}/offer`, {});
  assert.equal(again.status, 409);
  assert.match(text(again.html), /Help with this step was offered on December 3, 2026; wait a week before offering it again\./);
  assert.equal((await member.post(`/secretariat/toolkit/${otherSlug}/offer`, {})).status, 403);
}, { postgres: true, timeout: 120_000 });

eachApp('the guidance is public, in four languages, and found by search; two members ticking at once leave one tick', async (t) => {
  for (const [language, title] of [['es', 'Organizar la logística'], ['en', 'Plan the logistics'], ['pt', 'Planejar a logística'], ['fr', 'Organiser la logistique']] as const) {
    const visitor = t.client();
    visitor.language = language;
    const guide = await visitor.get('/toolkit');
    assert.equal(guide.status, 200);
    assert.match(guide.html, new RegExp(`<li id="step-logistics">\\s*<h2>${title}</h2>`));
    assert.match(guide.html, /<details>/);
  }
  // The guidance comes with the release: start-up indexes it (a test app starts without it).
  const guidance = () => search(t.database.db, searchSources(modules), { user: null }, { q: 'logística', kind: 'toolkit_step', limit: 10, offset: 0, locale: 'es' });
  assert.equal((await guidance()).total, 0);
  assert.equal(await indexShippedSources(t.database.db, searchSources(modules)), 48);
  assert.ok((await guidance()).total > 0);
  const found = await t.client().get(`/search?q=${encodeURIComponent('logística')}`);
  assert.match(found.html, /href="\/toolkit#step-logistics"/);
  assert.match(text(found.html), /Organizar la logística/);

  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  const member = await seatMember(t, slug, { email: 'gob@example.org', group: 'government' });
  await coordinator.csrfToken();
  await member.csrfToken();
  const answers = await Promise.all([
    coordinator.post(`/initiatives/${slug}/toolkit/outreach_sponsorship/tick`, { note: 'Presupuesto aprobado' }),
    member.post(`/initiatives/${slug}/toolkit/outreach_sponsorship/tick`, { link: 'https://example.org/cuentas' }),
  ]);
  assert.deepEqual(answers.map((a) => a.status), [303, 303]);
  const rows = await toolkitDb(t.database.db).selectFrom('toolkit_ticks').selectAll().execute();
  assert.equal(rows.length, 1);
}, { postgres: true });
