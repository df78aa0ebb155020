import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { checkPage, journey, newContext, say, type Site } from './browser.ts';
import { importInitiatives } from '../../src/modules/initiatives/index.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { mentoringDb } from '../../src/modules/mentoring/tables.ts';
import { eventsDb } from '../../src/modules/events/tables.ts';

/** A verified person, signed in in this browser context, seated as coordinator of an initiative. */
async function coordinatorOf(site: Site, context: BrowserContext, initiativeId: string, person: { email: string; name: string }): Promise<void> {
  const id = newId();
  const now = timestamp(new Date());
  await accountsDb(site.database.db).insertInto('users').values({
    id, email: person.email, name: person.name, password_hash: 'not used: the session is made here', locale: 'es', country: 'AR', stakeholder_group: 'civil_society',
    affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: 0, created_at: now, updated_at: now,
  }).execute();
  await registryDb(site.database.db).insertInto('committee_members').values({ id: newId(), initiative_id: initiativeId, user_id: id, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: now }).execute();
  await context.addCookies([{ name: sessionCookie, value: await startSession(site.database.db, id, new Date()), url: site.baseUrl }]);
}

async function go(site: Site, page: Page, path: string) {
  const response = await page.goto(path);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  await checkPage(site, page, response);
}

async function click(site: Site, page: Page, role: 'button' | 'link', name: string, status = 200) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole(role, { name, exact: true }).first().click()]);
  assert.equal(response?.status(), status, `${name} led to ${response?.status()}`);
  await checkPage(site, page, response);
}

journey('in Spanish at 375 px: a recognised initiative offers to mentor; a new initiative finds a mentor, reads why each is suggested, ranks them and asks; the mentor accepts and follows the newcomer’s toolkit, which the newcomer follows to its event, its report and its published funding', async (site) => {
  const db = site.database.db;
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  await importInitiatives(db, [
    'name,acronym,type,countries,region,year_established,website,languages,source_url',
    'Foro de Gobernanza de Internet de Argentina,IGF AR,national,AR,Latin America and Caribbean,2016,https://igf.ar.example,es,https://example.org/ar',
    'Fórum Lusófono de Governança da Internet,,regional,PT,,2019,https://lusofono.example,pt,https://example.org/pt',
    'Mesa de Gobernanza de Internet de Bolivia,,national,BO,Latin America and Caribbean,,https://bo.example,es,https://example.org/bo',
  ].join('\n') + '\n', { demo: false, now: new Date(), source: 'test.csv' });
  const bySlug = async (name: string) => registryDb(db).selectFrom('initiatives').select(['id', 'slug', 'name']).where('name', '=', name).executeTakeFirstOrThrow();
  const mentor = await bySlug('Foro de Gobernanza de Internet de Argentina');
  const other = await bySlug('Fórum Lusófono de Governança da Internet');
  const newcomer = await bySlug('Mesa de Gobernanza de Internet de Bolivia');
  // A second offer, in Portuguese only, so the suggestions have an order to explain.
  const now = timestamp(new Date());
  await mentoringDb(db).insertInto('mentor_offers').values({
    id: newId(), initiative_id: other.id, languages: '["pt"]', regions: '["western_europe_others"]', topics: '[]', steps: '["logistics"]', capacity: 1, note: null,
    status: 'open', created_by: null, created_at: now, updated_at: now,
  }).execute();

  // The experienced initiative's coordinator offers to mentor.
  const mentorContext = await newContext(site, 'es');
  await coordinatorOf(site, mentorContext, mentor.id, { email: 'lucia@igf-ar.example', name: 'Lucía Fernández' });
  const mentorPage = await mentorContext.newPage();
  await mentorPage.setViewportSize({ width: 375, height: 800 });
  await go(site, mentorPage, `/initiatives/${mentor.slug}/mentoring`);
  await mentorPage.getByLabel('español', { exact: true }).check();
  await mentorPage.getByLabel(es('initiatives.region.latin_america_caribbean'), { exact: true }).check();
  for (const step of ['programme', 'logistics', 'finances']) await mentorPage.getByLabel(es(`toolkit.steps.${step}.title`), { exact: true }).check();
  await mentorPage.getByLabel(es('mentoring.field.capacity')).fill('0');
  await click(site, mentorPage, 'button', es('mentoring.offer.submit'), 422);
  assert.ok(await mentorPage.locator('#error-capacity').isVisible(), 'a capacity of 0 is refused beside its field');
  await mentorPage.getByLabel(es('mentoring.field.capacity')).fill('2');
  await click(site, mentorPage, 'button', es('mentoring.offer.submit'));
  assert.equal(await mentorPage.getByRole('status').textContent(), es('mentoring.notice.offer_saved'));

  // The newcomer finds a mentor: suggestions explained in words, the best fit first.
  const context = await newContext(site, 'es');
  await coordinatorOf(site, context, newcomer.id, { email: 'ana@mesa-bo.example', name: 'Ana Quispe' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await go(site, page, `/initiatives/${newcomer.slug}/mentoring`);
  await click(site, page, 'link', es('mentoring.hub.find'));
  assert.equal(await page.locator('h1').textContent(), es('mentoring.find.title'));
  const first = page.locator('main ol.cards > li').first();
  assert.equal(await first.locator('h3').textContent(), mentor.name);
  const why = (await first.locator('.why').textContent())!;
  assert.match(why, /^Comparte español; misma región \(América Latina y el Caribe\); puede ayudar en 3 de sus \d+ pasos pendientes: Construir el programa, Organizar la logística y Planificar y publicar las finanzas; mismo tipo de iniciativa \(Nacional\)\.$/);
  assert.match((await page.locator('main ol.cards > li').nth(1).locator('.why').textContent())!, /^Puede ayudar en 1 de sus \d+ pasos pendientes: Organizar la logística\.$/);

  // Ranks: the Argentine forum first, the Lusophone one second; and asks.
  await page.getByLabel(es('mentoring.find.choice', { n: 1 })).selectOption({ label: mentor.name });
  await page.getByLabel(es('mentoring.find.choice', { n: 2 })).selectOption({ label: other.name });
  await page.getByLabel(es('mentoring.find.message')).fill('Queremos ayuda para armar el comité y el programa de nuestro primer foro.');
  await click(site, page, 'button', es('mentoring.find.submit'));
  assert.equal(await page.getByRole('status').textContent(), es('mentoring.notice.requested'));
  assert.ok((await page.locator('#requests').locator('..').textContent())!.includes(`${mentor.name}: ${es('mentoring.request.asked')}`));

  // The mentor answers from its page: it accepts.
  await go(site, mentorPage, `/initiatives/${mentor.slug}/mentoring`);
  await click(site, mentorPage, 'link', es('mentoring.answer.link', { name: newcomer.name }));
  assert.ok((await mentorPage.locator('main').textContent())!.includes('Queremos ayuda para armar el comité'));
  await mentorPage.getByLabel(es('mentoring.answer.accept')).check();
  await click(site, mentorPage, 'button', es('mentoring.answer.submit'));
  assert.equal(await mentorPage.locator('h1').textContent(), es('mentoring.mentorship.pair', { mentor: mentor.name, mentee: newcomer.name }));
  assert.equal(await mentorPage.getByRole('status').textContent(), es('mentoring.notice.accepted'));

  // And follows the newcomer's progress through the toolkit.
  await click(site, mentorPage, 'link', es('mentoring.mentorship.progress', { name: newcomer.name }));
  assert.equal(await mentorPage.locator('h1').textContent(), es('toolkit.progress.title', { name: newcomer.name }));

  // The newcomer sees its mentorship; the public page lists the offer's remaining place.
  await go(site, page, `/initiatives/${newcomer.slug}/mentoring`);
  assert.ok((await page.locator('main').textContent())!.includes(es('mentoring.mentorship.pair', { mentor: mentor.name, mentee: newcomer.name })));
  const visitor = await newContext(site, 'es', { javaScriptEnabled: false });
  const publicPage = await visitor.newPage();
  await publicPage.setViewportSize({ width: 375, height: 800 });
  const response = await publicPage.goto('/mentoring');
  assert.equal(response?.status(), 200);
  await checkPage(site, publicPage, response, { javaScript: false });
  assert.ok((await publicPage.locator(`#offers-title`).locator('..').textContent())!.includes(es('mentoring.places.free', { free: 1, capacity: 2 })));

  // The newcomer follows its toolkit, found from its initiative's page: the next step is named, and
  // its event, its report and its ledger check their steps by themselves as they happen.
  await go(site, page, `/initiatives/${newcomer.slug}`);
  await click(site, page, 'link', es('toolkit.initiative_link'));
  const toolkit = new URL(page.url()).pathname;
  const checked = es('toolkit.state.automatic');
  const stepText = async (key: string) => (await page.locator(`#step-${key}`).textContent()) ?? '';
  for (const key of ['event_held', 'session_reports', 'finances']) assert.ok(!(await stepText(key)).includes(checked), `${key} is still open`);
  assert.ok((await page.locator('main').textContent())!.includes(es('toolkit.progress.next')), 'the next step is named');

  // Its first forum, created and published through the events pages...
  await go(site, page, '/my/events');
  await click(site, page, 'link', es('events.mine.new_for', { name: newcomer.name }));
  await page.getByRole('radio', { name: es('events.kind.annual_forum') }).check();
  await page.getByRole('radio', { name: es('events.format.in_person'), exact: true }).check();
  await page.getByLabel(es('events.fields.title'), { exact: true }).fill('Primer Foro de Gobernanza de Internet de Bolivia');
  await page.getByLabel(es('events.fields.description'), { exact: true }).fill('Un día de diálogo entre gobierno, sociedad civil, empresas, academia y comunidad técnica.');
  await page.getByLabel(es('events.fields.venue_name'), { exact: true }).fill('Centro Cultural');
  await page.getByLabel(es('events.fields.venue_city'), { exact: true }).fill('La Paz');
  await page.getByLabel(es('events.fields.venue_country'), { exact: true }).selectOption('BO');
  await page.getByLabel(es('events.fields.time_zone'), { exact: true }).fill('America/La_Paz');
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel(es('events.fields.start'), { exact: true }).fill(`${day}T09:00`);
  await page.getByLabel(es('events.fields.end'), { exact: true }).fill(`${day}T18:00`);
  await page.getByRole('checkbox', { name: 'español', exact: true }).check();
  await click(site, page, 'button', es('events.form.create'));
  await click(site, page, 'button', es('events.page.publish'));
  await page.getByText(es('events.notice.published')).waitFor();
  // ...and held: the day comes and goes (the test moves it into the past).
  const eventSlug = new URL(page.url()).pathname.split('/')[2]!;
  const held = new Date(Date.now() - 86_400_000);
  await eventsDb(db).updateTable('events').set({ starts_at: new Date(held.getTime() - 9 * 3_600_000).toISOString(), ends_at: held.toISOString() }).where('slug', '=', eventSlug).execute();

  // The report of its opening session, written and published by the committee.
  await go(site, page, '/reports/new');
  await page.getByLabel(es('reports.field.initiative'), { exact: true }).selectOption(newcomer.slug);
  await page.getByLabel(es('reports.field.title'), { exact: true }).fill('Apertura: por qué un foro nacional');
  await page.getByLabel(es('reports.field.held_on'), { exact: true }).fill(held.toISOString().slice(0, 10));
  await page.getByLabel(es('reports.field.language'), { exact: true }).selectOption('es');
  await click(site, page, 'button', es('reports.new.create'));
  await page.getByLabel(es('reports.field.summary'), { exact: true }).fill('Las cinco partes interesadas acordaron reunirse cada trimestre.');
  await click(site, page, 'button', es('reports.form.save'));
  await click(site, page, 'button', es('reports.page.publish'));

  // Its funding: the first sponsor's contribution, drafted and published in the open ledger.
  await go(site, page, `/initiatives/${newcomer.slug}/funding/income`);
  await page.getByLabel(es('funding.field.sponsor'), { exact: true }).fill('Cooperativa de telecomunicaciones');
  await page.getByLabel(es('funding.field.stakeholder_group'), { exact: true }).selectOption('private_sector');
  await page.getByRole('radio', { name: es('funding.support.cash') }).check();
  await page.getByLabel(es('funding.field.currency'), { exact: true }).selectOption('BOB');
  await page.getByLabel(es('funding.field.amount'), { exact: true }).fill('3500');
  await page.getByLabel(es('funding.field.received_on'), { exact: true }).fill(held.toISOString().slice(0, 10));
  await click(site, page, 'button', es('funding.form.draft_income'));
  await click(site, page, 'button', es('funding.drafts.publish', { what: 'Cooperativa de telecomunicaciones' }));
  assert.ok((await page.locator('.notice').textContent())!.includes(es('funding.notice.published')));

  // Back in the toolkit, Cabildo has checked those three steps; the mentor sees the same.
  await go(site, page, toolkit);
  for (const key of ['event_held', 'session_reports', 'finances']) assert.ok((await stepText(key)).includes(checked), `${key} is checked by Cabildo`);
  await go(site, mentorPage, toolkit);
  assert.ok(((await mentorPage.locator('#step-finances').textContent()) ?? '').includes(checked));
  await Promise.all([mentorContext.close(), context.close(), visitor.close()]);
}, { kinds: ['sqlite'] });
