import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachApp } from '../../../../tests/support/app.ts';
import { seatMember } from '../../../../tests/support/factories.ts';
import { content, sessionWithRapporteur, startReport } from '../../../../tests/support/reports.ts';
import { verifyLog } from '../../../platform/log/verify.ts';
import { logKinds } from '../../../platform/manifests.ts';
import { modules } from '../../index.ts';
import { reportsDb } from '../tables.ts';

eachApp('the committee writes the annual report from the year’s events and session reports; the coordinator publishes it, it is logged and the registry’s criterion is met', async (t) => {
  const { coordinator, initiative, slug, session, rapporteur } = await sessionWithRapporteur(t);
  const anonymous = t.client();
  const member = await seatMember(t, initiative, { email: 'vocal@example.org', name: 'Vocal', group: 'academia' });
  const page = `/initiatives/${initiative}/annual-reports/2026`;

  // A published session report of the year's event, and a draft one that must not show.
  const report = await startReport(rapporteur, session);
  assert.equal((await rapporteur.post(`/reports/${report}/edit`, content)).status, 303);
  assert.equal((await rapporteur.post(`/reports/${report}/submit`, {})).status, 303);
  assert.equal((await coordinator.post(`/reports/${report}/publish`, {})).status, 303);

  // Before anything is written: nobody outside the committee sees the year; the list says there is none.
  assert.equal((await anonymous.get(page)).status, 404);
  const list = await anonymous.get(`/initiatives/${initiative}/annual-reports`);
  assert.match(list.html, /No annual report has been published yet/);
  assert.doesNotMatch(list.html, /Start the 2026 report/);
  assert.match((await coordinator.get(`/initiatives/${initiative}/annual-reports`)).html, new RegExp(`href="${page}">Start the 2026 report`));

  // The draft's preview is assembled from the year's public event and its published report.
  const preview = await member.get(page);
  assert.equal(preview.status, 200);
  assert.match(preview.html, /Draft: only the committee and the secretariat see it/);
  assert.match(preview.html, new RegExp(`<a href="/events/${slug}">`));
  assert.match(preview.html, /<th scope="row">Total<\/th><td>39<\/td>/, 'participants counted by the reports, on site and online: 12 + 20 + 7');
  assert.match(preview.html, new RegExp(`Las redes comunitarias necesitan espectro</p>\n</div> <a href="/reports/${report}#takeaway-[0-9a-f]{8}">Read it in its report</a>`));
  assert.match(preview.html, /<strong>Gobierno<\/strong>: /, 'calls to action say who should act');

  // Publishing needs a saved draft with an introduction, and is the coordinator's.
  assert.equal((await coordinator.post(`${page}/publish`, {})).status, 403, 'no draft to publish yet');
  const saved = await member.post(page, { introduction: 'Un año de **diálogo**. <script>alert(1)</script>', preparation: 'Comité abierto y convocatoria pública.', outcomes: '' });
  assert.equal(saved.status, 303, saved.html.slice(0, 2000));
  assert.equal((await member.post(`${page}/publish`, {})).status, 403, 'a member drafts, the coordinator publishes');
  const tooLong = await member.post(page, { introduction: 'x'.repeat(20_001) });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.html, /id="error-introduction"/);
  assert.equal((await member.post(page, { introduction: '', preparation: 'Comité abierto.' })).status, 303);
  const refused = await coordinator.post(`${page}/publish`, {});
  assert.equal(refused.status, 422);
  assert.match(refused.html, /<p class="error" id="error-introduction">Write the introduction before publishing/);
  assert.equal((await member.post(page, { introduction: 'Un año de **diálogo**. <script>alert(1)</script>', preparation: 'Comité abierto.' })).status, 303);

  assert.doesNotMatch((await coordinator.get('/search?q=dialogo')).html, new RegExp(`href="${page}"`), 'a draft is not indexed');
  const published = await coordinator.post(`${page}/publish`, {});
  assert.equal(published.status, 303, published.html.slice(0, 2000));
  assert.equal(published.location, `${page}?notice=published`);

  const shown = await anonymous.get(page);
  assert.equal(shown.status, 200);
  assert.match(shown.html, /Published on November 23, 2026/);
  assert.match(shown.html, /Un año de <strong>diálogo<\/strong>/);
  assert.doesNotMatch(shown.html, /<script>alert/);
  assert.match(shown.html, /Total<\/th><td>39/);
  assert.doesNotMatch(shown.html, /<form method="post"/, 'a published annual report is final');
  assert.match((await anonymous.get(`/initiatives/${initiative}/annual-reports`)).html, new RegExp(`href="${page}">Annual report 2026</a> Published on November 23, 2026`));

  // Published, it is found by search, with or without accents.
  const found = await anonymous.get('/search?q=dialogo');
  assert.match(found.html, new RegExp(`href="${page}"`));

  // Later changes to the session report do not rewrite the published annual report.
  assert.equal((await rapporteur.post(`/reports/${report}/edit`, { ...content, takeaways_0_text: 'Otra conclusión', reason: 'Corrección' })).status, 303);
  assert.match((await anonymous.get(page)).html, /Las redes comunitarias necesitan espectro/);
  assert.equal((await member.post(page, { introduction: 'Otra' })).status, 403);

  // The registry's criterion is met, with the date; the log holds the publication and verifies.
  const initiativePage = await anonymous.get(`/initiatives/${initiative}`);
  assert.match(initiativePage.html, /Annual report 2026 published on November 23, 2026/);
  assert.match(initiativePage.html, new RegExp(`<a href="/initiatives/${initiative}/annual-reports">Annual reports of `));
  const row = await reportsDb(t.database.db).selectFrom('annual_reports').selectAll().executeTakeFirstOrThrow();
  const log = await anonymous.get('/log');
  assert.match(log.html, /Annual report published/);
  const verified = await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer);
  assert.equal(verified.failure, null);
  assert.equal(row.status, 'published');

  // The IGF asks for one a year: in 2028 the 2026 report no longer meets the criterion.
  t.clock.now = new Date('2028-02-01T12:00:00Z');
  // (Signed in: an anonymous page is shared from the response cache until the data next changes.)
  const later = await coordinator.get(`/initiatives/${initiative}`);
  assert.match(later.html, /<li class="pending">The last annual report covers 2026, published on November 23, 2026: a newer one is due /);
  t.clock.now = new Date('2026-11-23T10:00:00Z');

  // Years that cannot have a report are not there.
  for (const year of ['2005', '2027', 'abcd', '02026']) assert.equal((await coordinator.get(`/initiatives/${initiative}/annual-reports/${year}`)).status, 404, year);
  assert.equal((await coordinator.get('/initiatives/nadie/annual-reports/2026')).status, 404);
}, { postgres: true });

eachApp('two coordinators publishing the same annual report at once publish it once', async (t) => {
  const { coordinator, initiative } = await sessionWithRapporteur(t);
  const second = await seatMember(t, initiative, { email: 'co2@example.org', name: 'Co Dos', group: 'government', role: 'coordinator' });
  const page = `/initiatives/${initiative}/annual-reports/2026`;
  assert.equal((await coordinator.post(page, { introduction: 'Un año.' })).status, 303);
  const answers = await Promise.all([coordinator.post(`${page}/publish`, {}), second.post(`${page}/publish`, {})]);
  const statuses = answers.map((a) => a.status).sort();
  assert.equal(statuses[0], 303, 'one publishes');
  assert.ok([403, 409].includes(statuses[1]!), `the other finds it published (${statuses[1]})`);
  assert.deepEqual(await reportsDb(t.database.db).selectFrom('annual_reports').select('status').execute(), [{ status: 'published' }]);
  const logged = await sql<{ n: number }>`select count(*) as n from log_entries where kind = ${'reports.annual_published'}`.execute(t.database.db);
  assert.equal(Number(logged.rows[0]!.n), 1, 'one log entry');
}, { postgres: true });
