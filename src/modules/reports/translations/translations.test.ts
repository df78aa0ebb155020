import assert from 'node:assert/strict';
import { eachApp } from '../../../../tests/support/app.ts';
import { content, sessionWithRapporteur, startReport } from '../../../../tests/support/reports.ts';
import { reportsDb } from '../tables.ts';

eachApp('a published report is translated by its writers, item by item under the original’s anchors; readers are offered it and sent to the original for the rest', async (t) => {
  const { coordinator, session, rapporteur } = await sessionWithRapporteur(t);
  const anonymous = t.client();
  const id = await startReport(rapporteur, session);
  assert.equal((await rapporteur.post(`/reports/${id}/edit`, content)).status, 303);
  assert.equal((await rapporteur.post(`/reports/${id}/submit`, {})).status, 303);
  assert.equal((await coordinator.post(`/reports/${id}/publish`, {})).status, 303);
  const stored = JSON.parse((await reportsDb(t.database.db).selectFrom('reports').select('content').executeTakeFirstOrThrow()).content) as { takeaways: Array<{ id: string }>; calls_to_action: Array<{ id: string }> };
  const [first, second] = stored.takeaways.map((i) => i.id);
  const call = stored.calls_to_action[0]!.id;

  // Its writers are offered the three other languages; the public, nothing yet.
  const mine = await rapporteur.get(`/reports/${id}`);
  assert.match(mine.html, /Translate it into: <a href="[^"]+\/translations\/en\/edit" hreflang="en" lang="en">English<\/a> · <a[^>]+>Português<\/a> · <a[^>]+>Français<\/a>/);
  assert.doesNotMatch((await anonymous.get(`/reports/${id}`)).html, /Translate it into|Also in:/);
  for (const path of [`/reports/${id}/translations/es`, `/reports/${id}/translations/de`, `/reports/${id}/translations/pt`]) assert.equal((await anonymous.get(path)).status, 404, path);

  // The form quotes each original text (in Spanish) above its field (in Portuguese).
  const form = await rapporteur.get(`/reports/${id}/translations/pt/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, /<blockquote lang="es">Las redes comunitarias necesitan espectro<\/blockquote>/);
  assert.match(form.html, new RegExp(`name="text_${first}" lang="pt"`));

  const short = await rapporteur.post(`/reports/${id}/translations/pt/edit`, { title: 'A', [`text_${first}`]: 'x' });
  assert.equal(short.status, 422);
  assert.match(short.html, /<p class="error" id="error-title">/);
  const halfCall = await rapporteur.post(`/reports/${id}/translations/pt/edit`, { title: 'Acesso significativo', [`who_${call}`]: 'Governo' });
  assert.equal(halfCall.status, 422);
  assert.match(halfCall.html, new RegExp(`<p class="error" id="error-what_${call}">`), 'an error beside the part left out');
  assert.equal(await reportsDb(t.database.db).selectFrom('report_translations').select('language').executeTakeFirst(), undefined, 'nothing written');

  const saved = await rapporteur.post(`/reports/${id}/translations/pt/edit`, {
    title: 'Acesso significativo', [`text_${first}`]: 'As redes comunitárias precisam de **espectro** <script>alert(1)</script>',
    [`who_${call}`]: 'Governo', [`what_${call}`]: 'Abrir uma consulta sobre espectro', 'text_no-such-item': 'ignorado',
  });
  assert.equal(saved.status, 303, saved.html.slice(0, 2000));
  assert.equal(saved.location, `/reports/${id}/translations/pt?notice=saved`);

  const page = await anonymous.get(`/reports/${id}/translations/pt`);
  assert.equal(page.status, 200);
  assert.match(page.html, /<h1 lang="pt">Acesso significativo<\/h1>/);
  assert.match(page.html, /Translation into Portuguese of a report written in Spanish\. The original is the record\./);
  assert.match(page.html, /As redes comunitárias precisam de <strong>espectro<\/strong>/);
  assert.doesNotMatch(page.html, /<script>alert|ignorado/);
  assert.match(page.html, new RegExp(`href="/reports/${id}/translations/pt#${first}"`), 'a translated takeaway is cited at the translation, by the original’s anchor');
  assert.doesNotMatch(page.html, new RegExp(`id="${second}"`), 'the takeaway left untranslated is not shown in Spanish as if it were Portuguese');
  assert.match(page.html, /Some parts are not translated yet\. <a href="\/reports\/[^"]+" hreflang="es">Read them in the original\.<\/a>/);
  assert.match((await anonymous.get(`/reports/${id}`)).html, /Also in: <a href="[^"]+\/translations\/pt" hreflang="pt" lang="pt">Português<\/a>/);

  // Translated again, it is replaced; the form shows what was saved.
  assert.match((await rapporteur.get(`/reports/${id}/translations/pt/edit`)).html, /value="Acesso significativo"/);
  assert.equal((await coordinator.post(`/reports/${id}/translations/pt/edit`, { title: 'Acesso significativo à Internet' })).status, 303);
  assert.match((await anonymous.get(`/reports/${id}/translations/pt`)).html, /<h1 lang="pt">Acesso significativo à Internet<\/h1>/);
  assert.equal((await reportsDb(t.database.db).selectFrom('report_translations').select('language').execute()).length, 1);
  assert.equal((await anonymous.post(`/reports/${id}/translations/pt/edit`, { title: 'Vandalismo' })).status, 303, 'anonymous visitors are sent to log in');
  assert.match((await anonymous.get(`/reports/${id}/translations/pt`)).html, /Acesso significativo à Internet/);

  // The original amended: the translation says which version it was made from, and where to see what changed.
  assert.doesNotMatch((await anonymous.get(`/reports/${id}/translations/pt`)).html, /Translated from version/);
  assert.equal((await rapporteur.post(`/reports/${id}/edit`, { ...content, takeaways_1_text: 'Hace falta medir la calidad del servicio', reason: 'Precisión' })).status, 303);
  const stale = await anonymous.get(`/reports/${id}/translations/pt`);
  assert.match(stale.html, /Translated from version 1; the original is now at version 2, so parts may have changed\. <a href="\/reports\/[^"]+\/history">See what changed<\/a>/);
}, { postgres: true });
