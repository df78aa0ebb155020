import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { reviewSetup } from '../../../../tests/support/eventsReview.ts';
import { eventsDb } from '../tables.ts';

const errorBeside = (html: string, field: string) => html.match(new RegExp(`<p class="error" id="error-${field}">([^<]*)</p>`))?.[1];
const defaults = (n: number) => ({ relevance: n, content: n, diversity: n, format: n });

/** The event's criteria rows, in order. */
const stored = (t: TestApp) => eventsDb(t.database.db).selectFrom('event_review_criteria').select(['criterion', 'weight', 'labels']).orderBy('position').execute();

/** The mail to an address whose subject matches, waiting for it. */
async function mailTo(t: TestApp, email: string, subject: RegExp) {
  for (let n = 1; ; n++) {
    const mail = await t.mail.nthTo(email, n);
    if (subject.test(mail.subject)) return mail;
  }
}

eachApp('organisers add a criterion of their own, shown as typed; reviews score it through the form and the API, the aggregate weighs it, and removing it keeps the scores but stops counting them', async (t) => {
  const s = await reviewSetup(t);
  const committee = `/events/${s.slug}/committee`;

  // Refused beside the field, nothing written: no label in any of the event's languages (French is not one of them).
  const noLabel = await s.coordinator.post(`${committee}/criteria/new`, { label_es: '  ', label_fr: 'Impact régional', weight: '2' });
  assert.equal(noLabel.status, 422);
  assert.equal(errorBeside(noLabel.html, 'label_en'), 'Type the label in at least one of the event&#39;s languages.');
  const heavy = await s.coordinator.post(`${committee}/criteria/new`, { label_en: 'Regional impact', weight: '11' });
  assert.equal(heavy.status, 422);
  assert.ok(errorBeside(heavy.html, 'weight'));
  assert.deepEqual(await stored(t), [], 'still the defaults, unstored');

  const added = await s.coordinator.post(`${committee}/criteria/new`, { label_es: 'Impacto regional <b>', label_en: 'Regional impact', weight: '2' });
  assert.equal(added.location, `${committee}?notice=criterion_added#own-criteria-title`);
  const rows = await stored(t);
  assert.deepEqual(rows.map((r) => [r.criterion.startsWith('own_') ? 'own' : r.criterion, Number(r.weight)]), [['relevance', 1], ['content', 1], ['diversity', 1], ['format', 1], ['own', 2]]);
  const key = rows[4]!.criterion;
  assert.match(key, /^own_[0-9a-f]{12}$/, 'a generated key');
  assert.deepEqual(JSON.parse(rows[4]!.labels!), { es: 'Impacto regional <b>', en: 'Regional impact' });

  const page = await s.coordinator.get(committee);
  assert.match(page.html, /<span lang="en">Regional impact<\/span> \/ <span lang="es">Impacto regional &lt;b&gt;<\/span>/, 'as typed, escaped');
  assert.match(page.html, new RegExp(`<label for="field-weight_${key}">Regional impact</label>`));
  assert.match(page.html, /<label for="field-weight_relevance">Relevance<\/label>/, 'the defaults still translated');
  // Weights of every criterion, own ones included, in one form.
  assert.equal((await s.coordinator.post(`${committee}/criteria`, { weight_relevance: '1', weight_content: '1', weight_diversity: '1', weight_format: '1', [`weight_${key}`]: '2' })).status, 303);
  const missing = await s.coordinator.post(`${committee}/criteria`, { weight_relevance: '1', weight_content: '1', weight_diversity: '1', weight_format: '1' });
  assert.equal(missing.status, 422);
  assert.ok(errorBeside(missing.html, `weight_${key}`), 'every criterion needs its weight');

  await s.chair.post(`/events/${s.slug}/review/assign`, {});
  // A Spanish-speaking reviewer sees the label in Spanish; the defaults in Spanish from the catalog.
  await t.database.db.updateTable('users').set({ locale: 'es' }).where('email', '=', 'civil@example.org').execute();
  const form = await s.civil.get(`/events/${s.slug}/proposals/${s.proposals.a}/review`);
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`<label for="field-score_${key}">Impacto regional &lt;b&gt;</label>`));
  assert.match(form.html, /<label for="field-score_relevance">Relevancia<\/label>/);

  // A review without the new criterion is refused on its field; with it, saved.
  const without = await s.business.json('PUT', `/api/events/${s.slug}/proposals/${s.proposals.a}/review`, { scores: defaults(3) });
  assert.equal(without.status, 422);
  assert.ok(JSON.stringify(without.body).includes(`scores/${key}`) || JSON.stringify(without.body).includes(`scores.${key}`), JSON.stringify(without.body));
  for (const [client, own] of [[s.business, 5], [s.chair, 5], [s.civil, 5]] as const) {
    const put = await client.json('PUT', `/api/events/${s.slug}/proposals/${s.proposals.a}/review`, { scores: { ...defaults(3), [key]: own } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
  }
  const civilForm = await s.civil.post(`/events/${s.slug}/proposals/${s.proposals.a}/review`, { score_relevance: '3', score_content: '3', score_diversity: '3', score_format: '3', [`score_${key}`]: '5' });
  assert.equal(civilForm.status, 303);

  // (3 × 4 + 5 × 2) / 6 = 3.67 for every group.
  const overview = async () => (await s.chair.json('GET', `/api/events/${s.slug}/review`, undefined)).body;
  let json = await overview();
  assert.deepEqual(json.criteria.map((c: { label: string; own: boolean; weight: number }) => [c.label, c.own, c.weight]),
    [['Relevance', false, 1], ['Content', false, 1], ['Diversity', false, 1], ['Format', false, 1], ['Regional impact', true, 2]]);
  const scoreOf = (body: typeof json) => body.proposals.find((p: { id: string }) => p.id === s.proposals.a).aggregate.score;
  assert.equal(Math.round(scoreOf(json) * 100) / 100, 3.67);
  assert.match((await s.chair.get(`/events/${s.slug}/proposals/${s.proposals.a}/decision`)).html, /Regional impact 5/);

  // The four defaults cannot be removed; the committee's own can.
  assert.equal((await s.coordinator.post(`${committee}/criteria/relevance/remove`, {})).status, 409);
  assert.equal((await s.chair.post(`${committee}/criteria/${key}/remove`, {})).status, 403, 'the organisers manage the criteria');
  const removed = await s.coordinator.post(`${committee}/criteria/${key}/remove`, {});
  assert.equal(removed.location, `${committee}?notice=criterion_removed#own-criteria-title`);
  assert.equal((await s.coordinator.post(`${committee}/criteria/${key}/remove`, {})).status, 404);
  json = await overview();
  assert.equal(scoreOf(json), 3, 'the removed criterion no longer counts');
  assert.equal(json.criteria.length, 4);
  // Its scores are kept, also through a later edit of the review.
  assert.equal((await s.business.json('PUT', `/api/events/${s.slug}/proposals/${s.proposals.a}/review`, { scores: defaults(4) })).status, 200);
  const kept = await eventsDb(t.database.db).selectFrom('event_reviews').select(['member_id', 'scores']).where('proposal_id', '=', s.proposals.a).execute();
  assert.equal(kept.length, 3);
  for (const r of kept) assert.equal(JSON.parse(r.scores)[key], 5, 'not deleted');
  assert.equal((await s.business.json('PUT', `/api/events/${s.slug}/proposals/${s.proposals.a}/review`, { scores: { ...defaults(4), [key]: 2 } })).status, 422, 'no longer scored');
}, { postgres: true });

eachApp('the last criterion that counts cannot be removed, and an event has at most twelve criteria', async (t) => {
  const s = await reviewSetup(t);
  const committee = `/events/${s.slug}/committee`;
  assert.equal((await s.coordinator.post(`${committee}/criteria/new`, { label_en: 'Feasibility', weight: '3' })).status, 303);
  const key = (await stored(t))[4]!.criterion;
  assert.equal((await s.coordinator.post(`${committee}/criteria`, { weight_relevance: '0', weight_content: '0', weight_diversity: '0', weight_format: '0', [`weight_${key}`]: '3' })).status, 303);
  const last = await s.coordinator.post(`${committee}/criteria/${key}/remove`, {});
  assert.equal(last.status, 409);
  assert.match(last.html, /At least one criterion must count/);
  assert.equal((await stored(t)).length, 5, 'nothing removed');
  for (let i = 2; i <= 8; i++) assert.equal((await s.coordinator.post(`${committee}/criteria/new`, { label_es: `Criterio ${i}`, weight: '1' })).status, 303);
  const tooMany = await s.coordinator.post(`${committee}/criteria/new`, { label_es: 'Uno más', weight: '1' });
  assert.equal(tooMany.status, 409);
  assert.equal(errorBeside(tooMany.html, 'label_en'), 'An event has at most 12 criteria.');
  assert.equal((await stored(t)).length, 12);
}, { postgres: true });

eachApp('each committee member is mailed once per assignment run, in their language, with how many proposals and the link to their list, which the event page also gives them', async (t) => {
  const s = await reviewSetup(t);
  await t.database.db.updateTable('users').set({ locale: 'fr' }).where('email', '=', 'business@example.org').execute();
  await t.database.db.updateTable('users').set({ locale: 'es' }).where('email', '=', 'civil@example.org').execute();
  assert.equal((await s.chair.post(`/events/${s.slug}/review/assign`, {})).status, 303);
  const load = async (email: string) => {
    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow() as { id: string };
    const member = await eventsDb(t.database.db).selectFrom('event_review_members').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    return (await eventsDb(t.database.db).selectFrom('event_review_assignments').select('proposal_id').where('member_id', '=', member.id).execute()).length;
  };
  const french = await mailTo(t, 'business@example.org', /à évaluer/);
  const count = await load('business@example.org');
  assert.ok(count > 0);
  assert.match(french.subject, new RegExp(`: ${count} propositions? à évaluer$`));
  assert.match(french.text, new RegExp(`vous a confié ${count} propositions? à évaluer`));
  assert.match(french.text, new RegExp(`/events/${s.slug}/review\\b`), 'the link to their list');
  const spanish = await mailTo(t, 'civil@example.org', /por evaluar/);
  assert.match(spanish.subject, new RegExp(`${await load('civil@example.org')} propuestas? por evaluar`));
  // Each member once per run: wait a moment for any extra mail.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(t.mail.received.filter((m) => m.to.includes('business@example.org')).length, 1);

  // The member reaches the list from the event page; a visitor does not see the link.
  const eventPage = await s.business.get(`/events/${s.slug}`);
  assert.match(eventPage.html, new RegExp(`<a href="/events/${s.slug}/review">`));
  const desk = await s.business.get(`/events/${s.slug}/review`);
  assert.equal(desk.status, 200);
  assert.doesNotMatch((await t.client().get(`/events/${s.slug}`)).html, new RegExp(`/events/${s.slug}/review"`));
  assert.doesNotMatch((await s.proposer.get(`/events/${s.slug}`)).html, new RegExp(`/events/${s.slug}/committee"`));
}, { postgres: true });
