import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { HtmlValidate } from 'html-validate';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { registerInitiative, secretariat, verifiedPerson } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import type { TestClient } from '../../../../tests/support/client.ts';
import { newId } from '../../../platform/db/index.ts';
import { canonicalJson } from '../../../platform/log/index.ts';
import { eventsDb } from '../../events/tables.ts';
import { emptyContent } from '../content.ts';
import { reportsDb } from '../tables.ts';
import { archivePages } from './query.ts';
import * as archiveMigration from '../migrations/202611290600_reports_archive.ts';
import { checkWellFormedXml } from '../../../../tests/support/xml.ts';

const script = '<script>alert("archivo")</script>';

/** A standalone report through the forms, published unless said: answers its id. */
async function standalone(client: TestClient, initiative: string, fields: Record<string, string>, publish = true): Promise<string> {
  const base = { title: fields.title!, held_on: fields.held_on!, language: fields.language! };
  const started = await client.post('/reports/new', { initiative, ...base });
  assert.equal(started.status, 303, started.html.slice(0, 2000));
  const id = started.location!.split('?')[0]!.split('/')[2]!;
  const saved = await client.post(`/reports/${id}/edit`, { ...base, ...fields });
  assert.equal(saved.status, 303, saved.html.slice(0, 3000));
  if (publish) assert.equal((await client.post(`/reports/${id}/publish`, {})).status, 303);
  return id;
}

/** The reports a page of the archive links to, in order. */
const listed = (html: string) => [...html.matchAll(/<h3 lang="[a-z]+"><a href="\/reports\/([^"#]+)">/g)].map((m) => m[1]!);

/**
 * Two initiatives (Colombia, Uruguay): a session's report in Spanish on the track "Inclusión
 * digital", a standalone one in English from 2025 naming governments, a Portuguese one from
 * Uruguay naming academia, and a draft nobody outside its writers may find.
 */
async function archiveWorld(t: TestApp) {
  const { coordinator, initiative } = await organiser(t);
  const uruguayan = await verifiedPerson(t, { email: 'uy@example.org', group: 'academia' });
  const uruguay = await registerInitiative(uruguayan, { name: 'Foro de Gobernanza de Internet Uruguay', acronym: 'FGIUY', countries: ['UY'], contact_email: 'foro@example.org' });

  const slug = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const event = await eventsDb(t.database.db).selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  await eventsDb(t.database.db).insertInto('event_tracks').values({ id: 'track-inclusion', event_id: event.id, name: 'Inclusión digital', description: null, position: 0 }).execute();
  const added = await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Redes comunitarias', original_locale: 'es', modality: 'hybrid', track: 'track-inclusion',
    person_0_name: 'Luisa Gómez', person_0_role: 'moderator', person_0_stakeholder_group: 'government',
  });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const sessionId = added.location!.split('?')[0]!.split('/').pop()!;
  const started = await coordinator.post(`/sessions/${sessionId}/report`, {});
  const session = started.location!.split('?')[0]!.split('/')[2]!;
  assert.equal((await coordinator.post(`/reports/${session}/edit`, {
    title: 'Redes comunitarias', held_on: '2026-12-01', language: 'es', summary: 'Hablamos del **financiamiento** de las redes comunitarias.',
    takeaways_0_text: 'El financiamiento público sostiene las redes comunitarias', calls_to_action_0_who: 'Reguladores', calls_to_action_0_what: 'Reservar espectro',
    key_issues_0_text: 'Costos de conexión', participants_0_name: 'Luisa Gómez', participants_0_role: 'moderator', participants_0_stakeholder_group: 'government',
  })).status, 303);
  assert.equal((await coordinator.post(`/reports/${session}/publish`, {})).status, 303);

  const english = await standalone(coordinator, initiative, {
    title: `=HYPERLINK("x") ${script}`, held_on: '2025-06-24', language: 'en',
    summary: `A summary with ${script} and <img src=x onerror=alert(1)>`, takeaways_0_text: `Financial sustainability matters ${script}`,
    calls_to_action_0_who: script, calls_to_action_0_what: 'Publish the budget', onsite_group_government: '4',
  });
  const portuguese = await standalone(uruguayan, uruguay, {
    title: 'Conectividade nas escolas', held_on: '2026-03-10', language: 'pt', summary: 'Conectividade e educação.', participants_0_name: 'Ana Souza',
    participants_0_role: 'speaker', participants_0_stakeholder_group: 'academia',
  });
  const draft = await standalone(coordinator, initiative, {
    title: 'Borrador reservado', held_on: '2026-11-01', language: 'es', summary: 'El financiamiento de las zanahorias todavía no es público.',
  }, false);
  return { coordinator, uruguayan, initiative, uruguay, session, english, portuguese, draft };
}

eachApp('the archive lists published reports newest first and filters them by initiative, country, year, track, language and groups present, without script', async (t) => {
  const w = await archiveWorld(t);
  const anonymous = t.client();

  const all = await anonymous.get('/reports');
  assert.equal(all.status, 200);
  assert.deepEqual(listed(all.html), [w.session, w.portuguese, w.english], 'published reports only, newest session first');
  assert.doesNotMatch(all.html, /Borrador reservado/);
  assert.match(all.html, /3 reports/);
  assert.match(all.html, /Mesa Colombiana de Gobernanza de Internet/, 'each result names its initiative');
  assert.match(all.html, /Held on 2026-12-01/);
  assert.match(all.html, /Written in Portuguese/);
  assert.ok(!all.html.includes(script), 'a title’s script is shown as text');
  assert.match(all.html, /&lt;script&gt;alert/);

  const only = async (query: string) => listed((await anonymous.get(`/reports?${query}`)).html);
  assert.deepEqual(await only(`initiative=${w.uruguay}`), [w.portuguese]);
  assert.deepEqual(await only('country=uy'), [w.portuguese], 'the initiative’s country (any case)');
  assert.deepEqual(await only('country=CO&year=2026'), [w.session]);
  assert.deepEqual(await only('year=2025'), [w.english]);
  assert.deepEqual(await only(`track=${encodeURIComponent('Inclusión digital')}`), [w.session], 'the session’s track');
  assert.deepEqual(await only('language=pt'), [w.portuguese]);
  assert.deepEqual(await only('group=government'), [w.session, w.english], 'named among participants or counted');
  assert.deepEqual(await only('group=government&group=academia'), []);
  assert.deepEqual(await only('group=academia'), [w.portuguese]);

  // Nonsense in the query string is ignored, never an error.
  for (const query of ['year=abc', 'year=99999', 'page=abc', 'page=-1', 'page=99999999999', 'group=nobody', 'country=ZZZ', 'language=xx', 'initiative=%3Cscript%3E', 'group[]=x']) {
    const page = await anonymous.get(`/reports?${query}`);
    assert.equal(page.status, 200, query);
    assert.equal(listed(page.html).length, 3, query);
  }
  const past = await anonymous.get('/reports?page=7&language=pt');
  assert.equal(past.status, 302, 'a page past the end goes to the last one');
  assert.equal(past.location, '/reports?language=pt');

  const none = await anonymous.get('/reports?year=1999');
  assert.match(none.html, /No published report matches these filters\./);
  assert.match(none.html, /<a href="\/reports">Show every published report\.<\/a>/);
  anonymous.language = 'es';
  const spanish = await anonymous.get('/reports?year=1999');
  assert.match(spanish.html, /Ninguna relatoría publicada coincide con estos filtros/);
  assert.match(spanish.html, /Volver a las iniciativas/);

  // Every takeaway and call to action has its anchor and a visible link to cite it by.
  const report = await anonymous.get(`/reports/${w.english}`);
  const anchors = [...report.html.matchAll(/<li id="((?:takeaway|action)-[a-z0-9-]+)">/g)].map((m) => m[1]!);
  assert.equal(anchors.length, 2, 'a takeaway and a call to action');
  for (const anchor of anchors) assert.ok(report.html.includes(`href="/reports/${w.english}#${anchor}" class="anchor">Enlace a esto</a>`), anchor);
  assert.ok(!report.html.includes(script));
  assert.doesNotMatch(report.html, /<img/);

  // Valid HTML: the list, its empty state, a report with its permalinks.
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  for (const [name, html] of [['list', all.html], ['empty', spanish.html], ['report', report.html], ['filtered', (await anonymous.get('/reports?group=government&year=2026&language=es')).html]]) {
    const result = await validator.validateString(html!);
    assert.ok(result.valid, `${name}: ${JSON.stringify(result.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.message}`)))}`);
  }
}, { postgres: true });

eachApp('feeds, exports and the API list published reports only, escaped; a change after publication reaches them and search', async (t) => {
  const w = await archiveWorld(t);
  const anonymous = t.client();

  // Atom 1.0: well-formed, with the elements a reader needs.
  const feed = await anonymous.get('/reports.atom');
  assert.equal(feed.status, 200);
  assert.match(feed.response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  checkWellFormedXml(feed.html);
  assert.match(feed.html, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  for (const element of ['<id>http', '<title>', '<updated>20', '<author><name>', 'rel="self"', 'rel="alternate"']) assert.ok(feed.html.includes(element), element);
  const entries = feed.html.split('<entry>').slice(1);
  assert.equal(entries.length, 3);
  for (const entry of entries) for (const element of ['<id>', '<title', '<updated>', '<link rel="alternate"', '<summary type="text"']) assert.ok(entry.includes(element), element);
  assert.ok(!feed.html.includes('<script'), 'script is escaped in the feed');
  assert.match(feed.html, /&lt;script&gt;/);
  assert.doesNotMatch(feed.html, /Borrador reservado/);

  const perInitiative = await anonymous.get(`/initiatives/${w.uruguay}/reports.atom`);
  checkWellFormedXml(perInitiative.html);
  assert.equal(perInitiative.html.split('<entry>').length - 1, 1);
  assert.match(perInitiative.html, /Conectividade nas escolas/);
  assert.equal((await anonymous.get('/initiatives/nothing-here/reports.atom')).status, 404);

  // CSV: its columns, formulas defused, drafts absent; the filters apply.
  const csv = await anonymous.get('/reports.csv');
  assert.equal(csv.status, 200);
  const lines = csv.html.trim().split('\r\n');
  assert.equal(lines[0], 'id,title,initiative,initiative_name,held_on,language,track,stakeholder_groups,version,published_at,updated_at,url');
  assert.equal(lines.length, 4);
  // (An id that starts with "-" is defused too, as any cell is: the match leaves the id column aside.)
  assert.ok(lines.some((l) => l.includes(`${w.english},"'=HYPERLINK(""x"")`)), 'a formula is defused');
  assert.ok(lines.some((l) => l.includes(',Inclusión digital,government,1,')), 'track and groups');
  assert.doesNotMatch(csv.html, /Borrador/);
  assert.equal((await anonymous.get('/reports.csv?language=pt')).html.trim().split('\r\n').length, 2);

  // JSON: the same list; markup characters are escapes, so the text reads back the same.
  const json = await anonymous.get('/reports.json?year=2025');
  assert.equal(json.status, 200);
  assert.ok(!json.html.includes('<'), 'no raw markup in the JSON');
  const exported = JSON.parse(json.html) as { items: Array<Record<string, unknown>> };
  assert.deepEqual(exported.items.map((i) => i.id), [w.english]);
  assert.deepEqual(Object.keys(exported.items[0]!), ['id', 'title', 'initiative', 'held_on', 'language', 'track', 'stakeholder_groups', 'version', 'published_at', 'updated_at', 'url']);
  assert.equal(exported.items[0]!.title, `=HYPERLINK("x") ${script}`);
  const everything = JSON.parse((await anonymous.get('/reports.json')).html) as { items: Array<{ id: string }> };
  assert.deepEqual(everything.items.map((i) => i.id), [w.session, w.portuguese, w.english], 'no draft in the export');

  // The API: filters, pages, full text, validation.
  const api = await anonymous.json('GET', '/api/reports', undefined);
  assert.equal(api.status, 200);
  // Script in a title travels as JSON text, which no browser runs as a page.
  assert.match(api.response.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(api.response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(api.body.total, 3);
  assert.deepEqual(api.body.items.map((i: { id: string }) => i.id), [w.session, w.portuguese, w.english]);
  assert.equal((await anonymous.json('GET', `/api/reports?initiative=${w.uruguay}`, undefined)).body.items[0].id, w.portuguese);
  const paged = await anonymous.json('GET', '/api/reports?limit=1&offset=1', undefined);
  assert.deepEqual([paged.body.total, paged.body.items.map((i: { id: string }) => i.id)], [3, [w.portuguese]]);
  assert.deepEqual((await anonymous.json('GET', '/api/reports?year=2025', undefined)).body.items.map((i: { id: string }) => i.id), [w.english]);
  const text = await anonymous.json('GET', '/api/reports?q=financiamiento', undefined);
  assert.deepEqual(text.body.items.map((i: { id: string }) => i.id).sort(), [w.english, w.session].sort(), 'Spanish finds the English "financial" by its stem, never the draft');
  assert.deepEqual((await anonymous.json('GET', `/api/reports?q=financiamiento&initiative=${w.uruguay}`, undefined)).body.items, []);
  assert.deepEqual((await anonymous.json('GET', '/api/reports?q=financiamiento&initiative=nobody', undefined)).body, { total: 0, more: false, items: [] });
  for (const query of ['year=abc', 'limit=0', 'limit=1000', 'offset=-1', 'offset=99999999', 'initiative=%3Cb%3E', `q=${'a'.repeat(300)}`]) {
    assert.equal((await anonymous.json('GET', `/api/reports?${query}`, undefined)).status, 422, query);
  }
  const openapi = (await anonymous.json('GET', '/api/openapi.json', undefined)).body;
  const validation = await new Validator().validate(openapi);
  assert.equal(validation.valid, true, JSON.stringify(validation.errors, null, 2));
  assert.deepEqual(openapi.paths['/reports'].get.parameters.map((p: { name: string }) => p.name), ['initiative', 'year', 'q', 'limit', 'offset'], 'the list is described');
  assert.ok(openapi.paths['/reports/{id}'].get);

  // The search page: an English query finds the Spanish report by its stem; the draft only for those who may open it.
  const found = await anonymous.get('/search?q=financial');
  assert.ok(found.html.includes(`/reports/${w.session}`), 'English "financial" finds Spanish "financiamiento"');
  assert.ok(!found.html.includes(script));
  const accentless = await anonymous.get('/search?q=financiacion&kind=report');
  assert.ok(accentless.html.includes(`/reports/${w.session}`));
  assert.ok(!accentless.html.includes(`/reports/${w.draft}`), 'a draft is not public in search');
  assert.ok((await w.coordinator.get('/search?q=zanahorias')).html.includes(`/reports/${w.draft}`), 'its organisers find it');
  assert.ok((await (await secretariat(t)).get('/search?q=zanahorias')).html.includes(`/reports/${w.draft}`), 'the secretariat finds it');
  assert.ok(!(await w.uruguayan.get('/search?q=zanahorias')).html.includes(`/reports/${w.draft}`), 'another initiative’s coordinator does not');
  const hidden = await anonymous.json('GET', '/api/search?q=zanahorias', undefined);
  assert.equal(hidden.body.total, 0, JSON.stringify(hidden.body));

  // An amendment, a day later, reaches the archive, the feed and the index in its own transaction.
  t.clock.now = new Date('2026-11-24T10:00:00Z');
  const amended = await w.uruguayan.post(`/reports/${w.portuguese}/edit`, {
    title: 'Conectividade nas escolas rurais', held_on: '2026-03-10', language: 'pt', summary: 'Conectividade, educação e cooperativas.',
    participants_0_name: 'Ana Souza', participants_0_role: 'speaker', participants_0_stakeholder_group: 'academia', reason: 'Título completo',
  });
  assert.equal(amended.status, 303, amended.html.slice(0, 2000));
  assert.match((await anonymous.get('/reports?language=pt')).html, /Conectividade nas escolas rurais/);
  assert.ok((await anonymous.get('/search?q=cooperativas')).html.includes(`/reports/${w.portuguese}`));
  const after = await anonymous.get('/reports.atom');
  assert.match(after.html.split('<entry>')[1]!, /Conectividade nas escolas rurais/, 'the feed puts the latest change first');
  assert.match(after.html.split('<entry>')[1]!, /<published>2026-11-23T10:00:00.000Z<\/published>\s*<updated>2026-11-24T10:00:00.000Z<\/updated>/);
}, { postgres: true });

eachApp('the archive pages through many reports by twenties, and the exports carry them all', async (t) => {
  const { initiative } = await organiser(t);
  const { id: initiativeId } = await t.database.db.selectFrom('initiatives').select('id').where('slug', '=', initiative).executeTakeFirstOrThrow();
  const reports = reportsDb(t.database.db);
  const ids: string[] = [];
  for (let i = 0; i < 45; i++) {
    const id = newId();
    // A day each: the order does not rest on how the database collates ids.
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const now = t.clock.now.toISOString();
    await reports.insertInto('reports').values({
      id, session_id: null, event_id: null, initiative_id: initiativeId, title: `Sesión ${i}`, held_on: day, place: null, language: 'es', status: 'published',
      rapporteur_id: null, content: canonicalJson(emptyContent()), review_note: null, version: 1, created_by: null, created_at: now, updated_at: now,
    }).execute();
    await reports.insertInto('report_archive').values({ report_id: id, initiative_id: initiativeId, title: `Sesión ${i}`, held_on: day, language: 'es', track: null, stakeholder_groups: 0, version: 1, published_at: now, updated_at: now }).execute();
    ids.push(id);
  }
  const expected = [...ids].reverse();
  const anonymous = t.client();
  const pages = [];
  for (const n of [1, 2, 3]) pages.push(listed((await anonymous.get(`/reports${n > 1 ? `?page=${n}` : ''}`)).html));
  assert.deepEqual(pages.map((p) => p.length), [20, 20, 5]);
  assert.deepEqual(pages.flat(), expected, 'newest first, no report twice');
  const second = await anonymous.get('/reports?page=2');
  assert.match(second.html, /rel="prev"/);
  assert.match(second.html, /rel="next"/);
  assert.match(second.html, /Page 2 of 3/);
  assert.equal((await anonymous.get('/reports?page=4')).location, '/reports?page=3');
  // The exports page through the whole list by keyset (in 1,000s; here in one).
  assert.equal((await anonymous.get('/reports.csv')).html.trim().split('\r\n').length, 46);
  assert.deepEqual((JSON.parse((await anonymous.get('/reports.json')).html) as { items: Array<{ id: string }> }).items.map((i) => i.id), expected);
  const api = await anonymous.json('GET', '/api/reports?limit=100', undefined);
  assert.deepEqual(api.body.items.map((i: { id: string }) => i.id), expected);
  // By sevens, each page starting after the last one's (day, id): every report once, in order.
  const bySevens: string[][] = [];
  for await (const items of archivePages(t.database.db, { group: [] }, t.services.config.stakeholders, 7)) bySevens.push(items.map((i) => i.report_id));
  assert.deepEqual(bySevens.map((p) => p.length), [7, 7, 7, 7, 7, 7, 3]);
  assert.deepEqual(bySevens.flat(), expected);
}, { postgres: true });

eachApp('the archive’s migration lists the reports published before it, with the groups they name', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const id = await standalone(coordinator, initiative, {
    title: 'Publicada antes del archivo', held_on: '2026-02-02', language: 'es', summary: 'Texto.', participants_0_name: 'Ana', participants_0_role: 'speaker',
    participants_0_stakeholder_group: 'academia', online_group_private_sector: '3',
  });
  await standalone(coordinator, initiative, { title: 'Borrador anterior', held_on: '2026-02-03', language: 'es', summary: 'Texto.' }, false);
  const before = await reportsDb(t.database.db).selectFrom('report_archive').selectAll().executeTakeFirstOrThrow();
  await archiveMigration.down(t.database.db as never);
  await archiveMigration.up(t.database.db as never);
  const rows = await reportsDb(t.database.db).selectFrom('report_archive').selectAll().execute();
  assert.deepEqual(rows.map((r) => ({ ...r, version: Number(r.version), stakeholder_groups: Number(r.stakeholder_groups) })), [{ ...before, version: 1, stakeholder_groups: 8 + 32, track: null }]);
  assert.equal(rows[0]!.report_id, id);
  const csv = await t.client().get('/reports.csv');
  assert.match(csv.html, /,private_sector\|academia,1,/);
}, { postgres: true });
