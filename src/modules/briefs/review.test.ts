import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, verifiedPerson } from '../../../tests/support/factories.ts';
import { gridItems } from './grid.ts';
import { briefsDb } from './tables.ts';
import { fillLogIndexes } from './migrations/202612030001_briefs_review.ts';

const script = '<script>alert("x")</script>';
const start = { title: 'Proyecto de ley de filtrado de DNS', kind: 'law', jurisdiction: 'UY', language: 'es' };
const rated = (rating = 'negative') => Object.fromEntries(gridItems.map((item) => [`grid_${item}_rating`, rating]));

/** Ana (civil society) starts a brief and adds Bruno (private sector); Carla (academia) is not yet involved. */
async function writers(t: TestApp) {
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Civil', group: 'civil_society' });
  const bruno = await verifiedPerson(t, { email: 'bruno@example.org', name: 'Bruno Empresa', group: 'private_sector' });
  const carlaId = await insertPerson(t, { email: 'carla@example.org', name: 'Carla Academia', group: 'academia' });
  const carla = await loggedIn(t, carlaId);
  const id = (await ana.post('/briefs/new', start)).location!.split('?')[0]!.split('/')[2]!;
  assert.equal((await ana.post(`/briefs/${id}/authors`, { email: 'bruno@example.org' })).status, 303);
  return { ana, bruno, carla, carlaId, id };
}

/** The part of a page from one item's heading to the next item's section. */
const itemSection = (html: string, item: string) => html.slice(html.indexOf(`<h4 id="item-${item}">`), html.indexOf('<section', html.indexOf(`<h4 id="item-${item}">`)));

eachApp('authors and the reviewer they ask discuss the draft beside each item, the review is told to the authors, and none of it is published', async (t) => {
  const { ana, bruno, carla, id } = await writers(t);
  const outsider = await verifiedPerson(t, { email: 'otro@example.org', group: 'government' });

  // Asking for a review: an existing account, not an author, once.
  assert.match((await ana.post(`/briefs/${id}/reviewers`, { reviewer_email: 'nadie@example.org' })).html, /<p class="error" id="error-reviewer_email">No account with a confirmed address uses this email\.<\/p>/);
  assert.match((await ana.post(`/briefs/${id}/reviewers`, { reviewer_email: 'bruno@example.org' })).html, /This person is an author of the brief/);
  assert.equal((await outsider.get(`/briefs/${id}`)).status, 404, 'a draft is not theirs to read');
  assert.equal((await bruno.post(`/briefs/${id}/reviewers`, { reviewer_email: 'carla@example.org' })).status, 303, 'any author may ask');
  assert.equal((await ana.post(`/briefs/${id}/reviewers`, { reviewer_email: 'carla@example.org' })).status, 409);
  assert.match((await t.mail.withSubject('carla@example.org', /: will you review it\?$/)).text, /Bruno Empresa asked you to review the Internet impact brief “Proyecto de ley de filtrado de DNS”/);

  // The reviewer reads the draft and the authors' groups, but cannot change or publish it.
  const asReviewer = await carla.get(`/briefs/${id}`);
  assert.equal(asReviewer.status, 200);
  assert.match(asReviewer.html, /Ana Civil \(Civil society\)/);
  assert.match(asReviewer.html, /Bruno Empresa \(Private sector\)/);
  assert.match(asReviewer.html, /Nobody has reviewed this brief yet/);
  assert.match(asReviewer.html, /<li>Carla Academia \(Academia\)<\/li>/, 'who was asked');
  assert.equal((await carla.get(`/briefs/${id}/edit`)).status, 403);
  assert.equal((await carla.post(`/briefs/${id}/publish`, {})).status, 403);
  assert.equal((await carla.post(`/briefs/${id}/reviewers`, { reviewer_email: 'otro@example.org' })).status, 403);
  assert.match((await carla.get('/my/briefs')).html, new RegExp(`<a href="/briefs/${id}\\?view=draft#reviews-title">Proyecto de ley de filtrado de DNS</a> \\(waiting for your review\\)`));

  // A co-author comments on one item: bad input is told beside its field, script stays text.
  const badAnchor = await bruno.post(`/briefs/${id}/comments`, { anchor: 'everything', comment: '' });
  assert.equal(badAnchor.status, 422);
  assert.match(badAnchor.html, /<p class="error" id="error-anchor">/);
  assert.match(badAnchor.html, /<p class="error" id="error-comment">/);
  assert.equal((await outsider.post(`/briefs/${id}/comments`, { anchor: 'privacy', comment: 'Hola' })).status, 404);
  const commented = await bruno.post(`/briefs/${id}/comments`, { anchor: 'privacy', comment: `¿Qué datos guarda el filtro? ${script}` });
  assert.equal(commented.status, 303);
  const thread = commented.location!.split('#comment-')[1]!;
  assert.match((await t.mail.withSubject('ana@example.org', /: a new comment$/)).text, /Bruno Empresa commented on the working copy/);
  const draft = await ana.get(`/briefs/${id}?view=draft`);
  assert.ok(!draft.html.includes(script), 'script in a comment is escaped');
  assert.match(itemSection(draft.html, 'privacy'), /¿Qué datos guarda el filtro\? &lt;script&gt;/, 'shown beside the item it is about');
  assert.doesNotMatch(itemSection(draft.html, 'integrity'), /¿Qué datos guarda/);
  assert.match(itemSection(draft.html, 'integrity'), new RegExp(`href="/briefs/${id}\\?view=draft&amp;on=integrity#comment"`), 'a way to comment on any item, without script');
  assert.match((await ana.get(`/briefs/${id}?view=draft&on=integrity`)).html, /<option value="integrity" selected="">/);

  // The reviewer replies in the thread: the authors and the thread's starter are told.
  const emptyReply = await carla.post(`/briefs/${id}/comments/${thread}/replies`, { [`reply_${thread}`]: ' ' });
  assert.equal(emptyReply.status, 422);
  assert.match(emptyReply.html, new RegExp(`<p class="error" id="error-reply_${thread}">`));
  assert.match(emptyReply.html, /<details open="">/, 'the failed reply form is open');
  assert.equal((await carla.post(`/briefs/${id}/comments/nope/replies`, { reply_nope: 'Hola' })).status, 404);
  assert.equal((await carla.post(`/briefs/${id}/comments/${thread}/replies`, { [`reply_${thread}`]: `La lista de dominios bloqueados. ${script}` })).status, 303);
  await t.mail.withSubject('bruno@example.org', /: a new comment$/);
  assert.match(itemSection((await bruno.get(`/briefs/${id}?view=draft`)).html, 'privacy'), /<ul class="replies"><li id="comment-[^"]+"><p class="meta">Carla Academia \(Academia\)[^]*La lista de dominios bloqueados\. &lt;script&gt;/);
  const general = await ana.post(`/briefs/${id}/comments`, { comment: 'Falta el resumen.' });
  assert.equal(general.status, 303);

  // The review: a verdict and a text, told to every author.
  const badReview = await carla.post(`/briefs/${id}/reviews`, { verdict: 'maybe', review: '' });
  assert.equal(badReview.status, 422);
  assert.match(badReview.html, /<p class="error" id="error-verdict">/);
  assert.match(badReview.html, /<p class="error" id="error-review">/);
  assert.equal((await bruno.post(`/briefs/${id}/reviews`, { verdict: 'ready', review: 'Yo mismo' })).status, 403, 'an author does not review');
  assert.equal((await carla.post(`/briefs/${id}/reviews`, { verdict: 'changes', review: `Faltan fuentes sobre privacidad. ${script}` })).status, 303);
  for (const address of ['ana@example.org', 'bruno@example.org']) {
    assert.match((await t.mail.withSubject(address, /: reviewed, needs changes$/)).text, /Carla Academia reviewed “Proyecto de ley de filtrado de DNS”: it needs changes/);
  }
  assert.equal((await carla.post(`/briefs/${id}/reviews`, { verdict: 'ready', review: 'Otra vez' })).status, 409, 'one review of the same text');
  let page = await ana.get(`/briefs/${id}?view=draft`);
  assert.match(page.html, /One review\. Latest, by Carla Academia: needs changes\./);
  assert.match(page.html, /<h3 id="review-[^"]+-title">Needs changes<\/h3>/);
  assert.match(page.html, /Faltan fuentes sobre privacidad\. &lt;script&gt;/);
  assert.ok(!page.html.includes(script));

  // A saved change makes that review an older text's; the reviewer may review again.
  assert.equal((await ana.post(`/briefs/${id}/edit`, { ...start, stage: 'full', summary: 'Resumen.', ...rated(), grid_privacy_evidence: 'Informe de la autoridad de datos, 2025.' })).status, 303);
  page = await ana.get(`/briefs/${id}?view=draft`);
  assert.match(page.html, /The working copy has been saved since this review\./);
  assert.equal((await carla.post(`/briefs/${id}/reviews`, { verdict: 'ready', review: 'Ahora sí.' })).status, 303);
  assert.match((await ana.get(`/briefs/${id}?view=draft`)).html, /2 reviews\. Latest, by Carla Academia: ready to publish\./);
  assert.match((await carla.get('/my/briefs')).html, /\(you reviewed it\)/);

  // Published: the public page and the print page carry neither comments nor reviews.
  assert.equal((await bruno.post(`/briefs/${id}/publish`, {})).status, 303);
  const anonymous = t.client();
  const published = await anonymous.get(`/briefs/${id}`);
  assert.doesNotMatch(published.html, /Faltan fuentes|¿Qué datos guarda|Peer review/);
  assert.match(published.html, new RegExp(`<a href="/briefs/${id}/print">A printable page`));
  const authorView = await ana.get(`/briefs/${id}?view=draft`);
  assert.match(authorView.html, /¿Qué datos guarda/, 'the discussion stays with the working copy');

  // A rating taken out after publication: the draft may lack it, the next version may not; readers keep version 1.
  assert.equal((await ana.post(`/briefs/${id}/edit`, { ...start, stage: 'full', summary: 'Resumen.', ...rated(), grid_privacy_rating: '' })).status, 303);
  const refused = await ana.post(`/briefs/${id}/publish`, {});
  assert.equal(refused.status, 422);
  assert.match(refused.html, /One is still without a rating: Privacy\./);
  assert.match((await anonymous.get(`/briefs/${id}`)).html, /<h4 id="item-privacy">Privacy<\/h4><p><strong>Impact:<\/strong> Negative<\/p>/);
  assert.equal((await anonymous.json('GET', `/api/briefs/${id}`, undefined)).body.grid.find((e: { item: string }) => e.item === 'privacy').rating, 'negative');
}, { postgres: true });

eachApp('the printable page holds the published version: facts, authors and groups, the chart, the grid as a table and its log entry', async (t) => {
  const { ana, bruno, id } = await writers(t);
  const anonymous = t.client();
  assert.equal((await anonymous.get(`/briefs/${id}/print`)).status, 404, 'nothing published, nothing to print');
  assert.equal((await ana.get(`/briefs/${id}/print`)).status, 404, 'not even a draft for its authors: the page prints versions');
  assert.equal((await bruno.post(`/briefs/${id}/edit`, { ...start, stage: 'full', summary: `Resumen ${script}`, links: 'https://example.org/ley', ...rated(), grid_privacy_rating: 'strongly_negative', grid_privacy_reasoning: `Registra las consultas. ${script}`, grid_privacy_users: 'Pierden privacidad.' })).status, 303);
  assert.equal((await bruno.post(`/briefs/${id}/publish`, {})).status, 303);
  const print = await anonymous.get(`/briefs/${id}/print`);
  assert.equal(print.status, 200);
  assert.ok(!print.html.includes(script));
  assert.match(print.html, /<h1 lang="es">Proyecto de ley de filtrado de DNS<\/h1>/);
  assert.match(print.html, /Version 1 · Full brief · Published/);
  assert.match(print.html, /Ana Civil \(Civil society\); Bruno Empresa \(Private sector\)/);
  assert.match(print.html, /<svg[^>]*role="img"/, 'the chart');
  assert.match(print.html, /<td data-label="Item">Privacy <span class="meta">\(Enabler\)<\/span><\/td><td data-label="Impact"><strong>Strongly negative<\/strong><\/td><td data-label="Reasoning and evidence" lang="es"><p class="prose">Registra las consultas\. &lt;script&gt;/);
  assert.match(print.html, /<strong lang="en">Users:<\/strong> Pierden privacidad\./);
  assert.match(print.html, /class="no-print"><p><a href="\/briefs\/[^"]+">Back to/, 'a way back on screen, left out on paper');
  const entry = /\/api\/log\/entries\?start=(\d+)&amp;end=\1/.exec(print.html);
  assert.ok(entry, 'the version’s log entry');
  const logged = await anonymous.json('GET', `/api/log/entries?start=${entry[1]}&end=${entry[1]}`, undefined);
  const logEntry = JSON.parse(logged.body.entries[0].entry) as { kind: string; record: string; version: number };
  assert.deepEqual([logEntry.kind, logEntry.record, logEntry.version], ['briefs.published', `brief/${id}`, 1]);

  // Versions published before the column existed find their entry again.
  await briefsDb(t.database.db).updateTable('brief_versions').set({ log_index: null }).execute();
  await fillLogIndexes(t.database.db as unknown as Kysely<unknown>);
  assert.match((await anonymous.get(`/briefs/${id}/print`)).html, new RegExp(`/api/log/entries\\?start=${entry[1]}&amp;end=${entry[1]}`));
}, { postgres: true });

eachApp('two authors asking the same reviewer at once make one request; a reviewer sending twice at once makes one review', async (t) => {
  const { ana, bruno, carla, carlaId, id } = await writers(t);
  // The reviewer's second session (another tab): one client's requests share one CSRF token.
  const carlaAgain = await loggedIn(t, carlaId);
  const asked = await Promise.all([ana.post(`/briefs/${id}/reviewers`, { reviewer_email: 'carla@example.org' }), bruno.post(`/briefs/${id}/reviewers`, { reviewer_email: 'carla@example.org' })]);
  assert.deepEqual(asked.map((r) => r.status).sort(), [303, 409]);
  assert.equal((await briefsDb(t.database.db).selectFrom('brief_reviewers').select('user_id').where('brief_id', '=', id).execute()).length, 1);
  const sent = await Promise.all([carla.post(`/briefs/${id}/reviews`, { verdict: 'ready', review: 'Bien.' }), carlaAgain.post(`/briefs/${id}/reviews`, { verdict: 'ready', review: 'Bien.' })]);
  assert.deepEqual(sent.map((r) => r.status).sort(), [303, 409]);
  assert.equal((await briefsDb(t.database.db).selectFrom('brief_reviews').select('id').where('brief_id', '=', id).execute()).length, 1);
}, { postgres: true });
