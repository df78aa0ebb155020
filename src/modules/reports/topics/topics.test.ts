import assert from 'node:assert/strict';
import { eachApp } from '../../../../tests/support/app.ts';
import { registerInitiative, secretariat, verifiedPerson } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { reportsDb } from '../tables.ts';
import { readContent } from '../content.ts';
import { importReport } from '../import/store.ts';
import { HtmlValidate } from 'html-validate';

/** A standalone report through the forms: started, written, tagged, and published unless it stays a draft. */
async function report(client: TestClient, initiative: string, fields: Record<string, string>, topics: string[], publish = true): Promise<string> {
  const started = await client.post('/reports/new', { initiative, title: fields.title!, held_on: fields.held_on!, language: 'es' });
  assert.equal(started.status, 303, started.html.slice(0, 2000));
  const id = started.location!.split('?')[0]!.split('/')[2]!;
  const saved = await client.post(`/reports/${id}/edit`, { language: 'es', ...fields });
  assert.equal(saved.status, 303, saved.html.slice(0, 2000));
  const tagged = await client.post(`/reports/${id}/topics`, { topics });
  assert.equal(tagged.status, 303, tagged.html.slice(0, 2000));
  assert.equal(tagged.location, `/reports/${id}/edit?notice=topics_saved#topics`);
  if (publish) { const published = await client.post(`/reports/${id}/publish`, {}); assert.equal(published.status, 303, published.html.slice(0, 3000)); }
  return id;
}

const anchorsOf = async (t: Parameters<Parameters<typeof eachApp>[1]>[0], id: string) => {
  const row = await reportsDb(t.database.db).selectFrom('reports').select('content').where('id', '=', id).executeTakeFirstOrThrow();
  return readContent(row.content);
};

eachApp('a topic page gathers the published takeaways and calls to action of every initiative, with counts, filters and no drafts', async (t) => {
  const { coordinator, initiative: mesa } = await organiser(t);
  const other = await verifiedPerson(t, { email: 'cgi@example.org', group: 'technical_community' });
  const forum = await registerInitiative(other, { name: 'Fórum da Internet no Brasil', acronym: 'FIB', countries: ['BR'], languages: ['pt'], description_locale: 'pt' });
  const anonymous = t.client();

  const colombia = await report(coordinator, mesa, {
    title: 'Redes comunitarias en la Orinoquía', held_on: '2025-11-10', summary: 'Conectividad rural.',
    takeaways_0_text: 'Las redes comunitarias necesitan **espectro**', takeaways_1_text: '<script>alert("x")</script>Medir la calidad',
    calls_to_action_0_who: 'Gobierno <b>nacional</b>', calls_to_action_0_what: 'Abrir una consulta sobre espectro',
    onsite_group_government: '12', onsite_group_civil_society: '20', online_group_civil_society: '5',
  }, ['community_networks', 'data_governance']);
  const brazil = await report(other, forum, {
    title: 'Redes comunitárias no Norte', held_on: '2026-06-24', summary: 'Financiamento.',
    takeaways_0_text: 'As redes comunitárias precisam de fundos',
    participants_0_name: 'Ana', participants_0_role: 'speaker', participants_0_stakeholder_group: 'civil_society',
    participants_1_name: 'Rui', participants_1_role: 'moderator', participants_1_stakeholder_group: 'academia',
  }, ['community_networks']);
  const draft = await report(coordinator, mesa, { title: 'Borrador', held_on: '2026-02-01', takeaways_0_text: 'Secreto del borrador' }, ['community_networks'], false);

  // The writers' form shows the topics as checkboxes, the chosen ones checked, and says they were saved.
  const form = await coordinator.get(`/reports/${colombia}/edit?notice=topics_saved`);
  assert.match(form.html, /Topics saved\./);
  assert.doesNotMatch(form.html, /reports\.notice\./, 'the edit page leaves that notice to the topics form');
  assert.match(form.html, /<input type="checkbox" id="field-topics-\d+" name="topics" value="community_networks" checked=""/);
  assert.match(form.html, /<input type="checkbox" id="field-topics-\d+" name="topics" value="human_rights"\s*\/?>/);
  // The report page links to its topics.
  const shown = await anonymous.get(`/reports/${colombia}`);
  assert.match(shown.html, /<a href="\/topics\/community_networks">Community networks<\/a>/);

  // A key not in the taxonomy, or not a key at all, is refused beside the field; the topics stay.
  for (const bad of [['no_such_topic'], ['<script>'], Array.from({ length: 21 }, (_, i) => `topic_${i}`)]) {
    const refused = await coordinator.post(`/reports/${colombia}/topics`, { topics: bad });
    assert.equal(refused.status, 422, refused.html.slice(0, 1000));
    assert.doesNotMatch(refused.html, /<script>/);
  }
  assert.match((await coordinator.post(`/reports/${colombia}/topics`, { topics: ['nope'] })).html, /Choose topics from the list\./);
  // Someone who does not write the report cannot tag it; a draft is not theirs to see.
  assert.equal((await other.post(`/reports/${colombia}/topics`, { topics: ['human_rights'] })).status, 403);
  assert.equal((await other.post(`/reports/${draft}/topics`, { topics: ['human_rights'] })).status, 404);
  const tagged = await reportsDb(t.database.db).selectFrom('report_topics').select(['report_id', 'topic_key']).orderBy('report_id').orderBy('topic_key').execute();
  assert.deepEqual(tagged.filter((r) => r.report_id === colombia).map((r) => r.topic_key), ['community_networks', 'data_governance']);

  // The list of topics counts published reports only.
  const list = await anonymous.get('/topics');
  assert.equal(list.status, 200);
  assert.match(list.html, /<a href="\/topics\/community_networks">Community networks<\/a> — 2 published reports, 3 takeaways, 1 call to action/);
  assert.match(list.html, /<a href="\/topics\/data_governance">Data governance and trust<\/a> — 1 published report, 2 takeaways, 1 call to action/);
  assert.match(list.html, /<a href="\/topics\/human_rights">Human rights and freedoms online<\/a> — 0 published reports/);

  // The topic's page: both initiatives' takeaways and calls, each quoting its report and linking to its anchor.
  const page = await anonymous.get('/topics/community_networks');
  assert.equal(page.status, 200);
  const col = await anchorsOf(t, colombia);
  const bra = await anchorsOf(t, brazil);
  assert.match(page.html, /2 published reports, 3 takeaways, 1 call to action/);
  assert.match(page.html, new RegExp(`<p>Las redes comunitarias necesitan <strong>espectro</strong></p>\\s*</blockquote> <a href="/reports/${colombia}#${col.takeaways[0]!.id}">Cite</a>`));
  assert.match(page.html, new RegExp(`As redes comunitárias precisam de fundos</p>\\s*</blockquote> <a href="/reports/${brazil}#${bra.takeaways[0]!.id}">Cite</a>`));
  assert.match(page.html, new RegExp(`<a href="/reports/${colombia}#${col.calls_to_action[0]!.id}">Cite</a>`));
  assert.match(page.html, /<strong>Gobierno &lt;b&gt;nacional&lt;\/b&gt;<\/strong>/, 'one-line fields are escaped');
  assert.doesNotMatch(page.html, /<script>alert/, 'script in an item never reaches the page');
  assert.match(page.html, /Mesa Colombiana de Gobernanza de Internet · <time datetime="2025-11-10">November 10, 2025<\/time>/);
  assert.match(page.html, /Fórum da Internet no Brasil · <time datetime="2026-06-24">June 24, 2026<\/time>/);
  assert.ok(page.html.indexOf('Redes comunitárias no Norte') < page.html.indexOf('Redes comunitarias en la Orinoquía'), 'newest first');
  assert.doesNotMatch(page.html, /Secreto del borrador|Borrador/, 'drafts are never shown');
  // Counts by initiative and by stakeholder group (counts when given, else the list of people).
  assert.match(page.html, new RegExp(`<th scope="row"><a href="/topics/community_networks\\?initiative=${mesa}">Mesa Colombiana de Gobernanza de Internet</a></th><td>1</td><td>2</td><td>1</td>`));
  assert.match(page.html, new RegExp(`<th scope="row"><a href="/topics/community_networks\\?initiative=${forum}">Fórum da Internet no Brasil</a></th><td>1</td><td>1</td><td>0</td>`));
  assert.match(page.html, /<th scope="row">Government<\/th><td>12<\/td><td>1<\/td>/);
  assert.match(page.html, /<th scope="row">Civil society<\/th><td>26<\/td><td>2<\/td>/);
  assert.match(page.html, /<th scope="row">Academia<\/th><td>1<\/td><td>1<\/td>/);

  // Filters, as a GET form: a year, an initiative.
  assert.match(page.html, /<form method="get" action="\/topics\/community_networks"/);
  const year = await anonymous.get('/topics/community_networks?year=2026&initiative=');
  assert.equal(year.status, 200);
  assert.match(year.html, /1 published report, 1 takeaway, 0 calls to action/);
  assert.doesNotMatch(year.html, /Orinoquía/);
  assert.match(year.html, /<option value="2026" selected="">2026<\/option>/);
  const byInitiative = await anonymous.get(`/topics/community_networks?initiative=${mesa}`);
  assert.match(byInitiative.html, /Orinoquía/);
  assert.doesNotMatch(byInitiative.html, /Norte/);

  // Once published, a change to the report moves the counts with it (a new takeaway, with its reason).
  const amended = await coordinator.post(`/reports/${colombia}/edit`, {
    title: 'Redes comunitarias en la Orinoquía', held_on: '2025-11-10', language: 'es', summary: 'Conectividad rural.', reason: 'Faltaba una conclusión',
    takeaways_0_id: col.takeaways[0]!.id, takeaways_0_text: 'Las redes comunitarias necesitan **espectro**', takeaways_1_id: col.takeaways[1]!.id, takeaways_1_text: '<script>alert("x")</script>Medir la calidad',
    takeaways_2_text: 'Las alcaldías pueden ayudar', calls_to_action_0_id: col.calls_to_action[0]!.id, calls_to_action_0_who: 'Gobierno <b>nacional</b>', calls_to_action_0_what: 'Abrir una consulta sobre espectro',
    onsite_group_government: '12', onsite_group_civil_society: '20', online_group_civil_society: '5',
  });
  assert.equal(amended.status, 303, amended.html.slice(0, 2000));
  assert.match((await anonymous.get('/topics/community_networks')).html, /2 published reports, 4 takeaways, 1 call to action/);

  // Bad input: an unknown topic is not found; filters that cannot be read are named beside themselves.
  assert.equal((await anonymous.get('/topics/no_such_topic')).status, 404);
  assert.equal((await anonymous.get('/topics/%3Cscript%3E')).status, 404);
  for (const query of ['year=abc', 'year=99999', 'page=0', 'initiative=%3Cscript%3E', 'initiative=nadie']) {
    const bad = await anonymous.get(`/topics/community_networks?${query}`);
    assert.equal(bad.status, 422, query);
    assert.doesNotMatch(bad.html, /<script>/);
    assert.doesNotMatch(bad.html, /Orinoquía/, 'nothing counted under a filter that cannot be read');
  }
  assert.match((await anonymous.get('/topics/community_networks?initiative=nadie')).html, /No initiative has that address\./);

  // The same through the JSON API, with each item's permalink to cite.
  const topics = await anonymous.json('GET', '/api/topics', undefined);
  assert.equal(topics.status, 200);
  assert.deepEqual(topics.body.find((x: { key: string }) => x.key === 'community_networks'),
    { key: 'community_networks', label: 'Community networks', retired: false, reports: 2, takeaways: 4, calls_to_action: 1, url: 'http://cabildo.test/topics/community_networks' });
  const json = await anonymous.json('GET', '/api/topics/community_networks?year=2025', undefined);
  assert.equal(json.status, 200, JSON.stringify(json.body));
  assert.equal(json.body.reports.length, 1);
  assert.equal(json.body.reports[0].takeaways[0].url, `http://cabildo.test/reports/${colombia}#${col.takeaways[0]!.id}`);
  assert.deepEqual(json.body.by_initiative.map((i: { slug: string; reports: number }) => [i.slug, i.reports]), [[mesa, 1]]);
  assert.deepEqual(json.body.by_stakeholder_group.map((g: { group: string; people: number }) => [g.group, g.people]), [['government', 12], ['civil_society', 25]]);
  assert.equal((await anonymous.json('GET', '/api/topics/nope', undefined)).status, 404);
  const badFilter = await anonymous.json('GET', '/api/topics/community_networks?year=abc', undefined);
  assert.equal(badFilter.status, 422);
  assert.deepEqual(badFilter.body.errors.map((e: { pointer: string }) => e.pointer), ['#/year']);
  // Setting a report's topics with a token: the keys given replace the current ones; an unknown key is refused.
  const tokenPage = await coordinator.post('/account/tokens', { token_name: 'script' });
  const bearer = { Authorization: `Bearer ${tokenPage.html.match(/<code>(cab_[^<]+)<\/code>/)![1]!}` };
  const api = t.client();
  assert.equal((await api.json('PUT', `/api/reports/${colombia}/topics`, { topics: ['no_such_topic'] }, bearer)).status, 422);
  const put = await api.json('PUT', `/api/reports/${colombia}/topics`, { topics: ['human_rights', 'community_networks'] }, bearer);
  assert.deepEqual(put.body, { topics: ['community_networks', 'human_rights'] });
  const after = (await anonymous.get('/topics')).html;
  assert.match(after, /Human rights and freedoms online<\/a> — 1 published report, 3 takeaways, 1 call to action/);
  assert.match(after, /Data governance and trust<\/a> — 0 published reports, 0 takeaways, 0 calls to action/, 'the topic it left no longer counts it');
  assert.equal((await api.json('PUT', `/api/reports/${draft}/topics`, { topics: [] })).status, 404, 'a draft does not exist for an anonymous caller');
  assert.equal((await api.json('PUT', `/api/reports/${brazil}/topics`, { topics: [] })).status, 401);
}, { postgres: true });

eachApp('a session’s report starts with the session’s topics; the secretariat’s own topics and retired ones', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const db = t.database.db;
  // The organisers tag the session; its report starts with those topics, shown checked on the report's form.
  const slug = await createEvent(coordinator, initiative);
  const session = (await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Redes comunitarias', original_locale: 'es', modality: 'hybrid', topics_shown: '1', topics: ['community_networks', 'human_rights'],
  })).location!.split('?')[0]!.split('/').pop()!;
  const started = (await coordinator.post(`/sessions/${session}/report`, {})).location!.split('?')[0]!.split('/')[2]!;
  const adopted = await reportsDb(db).selectFrom('report_topics').select('topic_key').where('report_id', '=', started).orderBy('topic_key').execute();
  assert.deepEqual(adopted.map((r) => r.topic_key), ['community_networks', 'human_rights']);
  const reportForm = await coordinator.get(`/reports/${started}/edit`);
  assert.match(reportForm.html, /name="topics" value="community_networks" checked=""/);
  assert.match(reportForm.html, /name="topics" value="human_rights" checked=""/);
  // A relatoría imported for a tagged session starts with its topics too.
  const imported = (await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Datos abiertos', original_locale: 'es', modality: 'hybrid', topics_shown: '1', topics: 'data_governance',
  })).location!.split('?')[0]!.split('/').pop()!;
  const outcome = await importReport({ db, now: t.clock.now, jobs: null }, { bytes: new TextEncoder().encode('Datos abiertos\n\nModeradora: Ana Pérez\n\nResumen de la sesión.\n'), target: { session: imported } });
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const importedTopics = await reportsDb(db).selectFrom('report_topics').innerJoin('reports', 'reports.id', 'report_topics.report_id').select('report_topics.topic_key').where('reports.session_id', '=', imported).execute();
  assert.deepEqual(importedTopics.map((r) => r.topic_key), ['data_governance']);

  // The report's writers change them; the session keeps its own.
  assert.equal((await coordinator.post(`/reports/${started}/topics`, { topics: 'data_governance' })).status, 303);
  assert.match((await coordinator.get(`/reports/${started}/edit`)).html, /name="topics" value="data_governance" checked=""/);
  assert.match((await coordinator.get(`/events/${slug}/sessions/${session}`)).html, /name="topics" value="human_rights" checked=""/);

  // A topic the secretariat added, named in four languages, and a built-in one retired.
  const desk = await secretariat(t);
  assert.equal((await desk.post('/secretariat/topics', { key: 'meaningful_access', label_es: 'Acceso significativo', label_en: 'Meaningful access', label_pt: 'Acesso significativo', label_fr: 'Accès significatif' })).status, 303);
  assert.equal((await desk.post('/secretariat/topics/internet_fragmentation', { retired: 'on' })).status, 303);
  const id = await report(coordinator, initiative, { title: 'Acceso', held_on: '2026-03-03', takeaways_0_text: 'Más acceso' }, ['meaningful_access']);
  const reader = t.client();
  reader.language = 'pt';
  const list = await reader.get('/topics');
  assert.match(list.html, /<a href="\/topics\/meaningful_access">Acesso significativo<\/a>/);
  assert.doesNotMatch(list.html, /internet_fragmentation/, 'a retired topic nobody reported on is not listed');
  const form = await coordinator.get(`/reports/${id}/edit`);
  assert.doesNotMatch(form.html, /value="internet_fragmentation"/, 'a retired topic is not offered');
  assert.equal((await coordinator.post(`/reports/${id}/topics`, { topics: ['internet_fragmentation'] })).status, 422);
  assert.equal((await t.client().get('/topics/internet_fragmentation')).status, 200, 'a retired topic keeps its page');
  // A report that carries a topic retired since keeps it: still shown checked, and saving keeps it.
  assert.equal((await coordinator.post(`/reports/${id}/topics`, { topics: ['meaningful_access', 'human_rights'] })).status, 303);
  assert.equal((await desk.post('/secretariat/topics/human_rights', { retired: 'on' })).status, 303);
  assert.match((await coordinator.get(`/reports/${id}/edit`)).html, /name="topics" value="human_rights" checked=""/);
  assert.equal((await coordinator.post(`/reports/${id}/topics`, { topics: ['meaningful_access', 'human_rights'] })).status, 303);
  assert.match((await t.client().get(`/reports/${id}`)).html, /<a href="\/topics\/human_rights">Human rights and freedoms online<\/a>/);
  // Offered again, it is a choice like any other.
  assert.equal((await desk.post('/secretariat/topics/internet_fragmentation', {})).status, 303);
  assert.match((await coordinator.get(`/reports/${id}/edit`)).html, /value="internet_fragmentation"/);
}, { postgres: true });

eachApp('the topics API is in the OpenAPI description, which still passes a standard validator', async (t) => {
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  const page = await t.client().json('GET', '/api/openapi.json', undefined);
  const result = await new Validator().validate(page.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.ok(page.body.paths['/topics']?.get);
  assert.ok(page.body.paths['/topics/{key}']?.get);
  assert.ok(page.body.paths['/reports/{id}/topics']?.put);
  assert.ok(page.body.paths['/events/{slug}/sessions']?.post.requestBody.content['application/json'].schema, 'the session schema, with its topics, still documents');
});

eachApp('the topic pages, the report’s and the session’s topic forms and the secretariat’s page are valid HTML', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const id = await report(coordinator, initiative, {
    title: 'Redes', held_on: '2026-03-03', takeaways_0_text: 'Una **conclusión**', calls_to_action_0_who: 'Todos', calls_to_action_0_what: 'Actuar',
    participants_0_name: 'Ana', participants_0_role: 'speaker', participants_0_stakeholder_group: 'government',
  }, ['community_networks']);
  const slug = await createEvent(coordinator, initiative);
  const desk = await secretariat(t);
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const pages = [
    [t.client(), '/topics'], [t.client(), '/topics/community_networks'], [t.client(), '/topics/community_networks?year=abc'], [t.client(), `/reports/${id}`],
    [coordinator, `/reports/${id}/edit`], [coordinator, `/events/${slug}/sessions/new`], [desk, '/secretariat/topics'], [desk, '/secretariat/topics/community_networks'],
  ] as const;
  for (const [client, path] of pages) {
    const page = await client.get(path);
    const result = await validator.validateString(page.html);
    assert.ok(result.valid, `${path}: ${JSON.stringify(result.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.message}`)))}`);
  }
  const failed = await coordinator.post(`/reports/${id}/topics`, { topics: 'nope' });
  assert.ok((await validator.validateString(failed.html)).valid, 'the failed topics form');
});
