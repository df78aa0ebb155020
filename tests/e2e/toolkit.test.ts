import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { checkPage, journey, newContext, say, type Site } from './browser.ts';
import { importInitiatives } from '../../src/modules/initiatives/index.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';

/** A verified person, signed in in this browser context (the accounts journey tests signing in itself). */
async function signedIn(site: Site, context: BrowserContext, person: { email: string; name: string; secretariat?: boolean }): Promise<string> {
  const id = newId();
  const now = timestamp(new Date());
  await accountsDb(site.database.db).insertInto('users').values({
    id, email: person.email, name: person.name, password_hash: 'not used: the session is made here', locale: 'es', country: 'CO', stakeholder_group: 'civil_society',
    affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: person.secretariat ? 1 : 0, created_at: now, updated_at: now,
  }).execute();
  await context.addCookies([{ name: sessionCookie, value: await startSession(site.database.db, id, new Date()), url: site.baseUrl }]);
  return id;
}

journey('in Spanish without JavaScript at 375 px: read the toolkit, follow an initiative’s progress, tick a step with evidence; the secretariat sees where initiatives get stuck', async (site) => {
  const db = site.database.db;
  await importInitiatives(db, 'name,acronym,type,countries,region,year_established,website,languages,source_url\nMesa de Gobernanza de Internet de Colombia,MGIC,national,CO,,2014,https://mgic.example,es,https://example.org/mgic\n', { demo: false, now: new Date(), source: 'test.csv' });
  const initiative = await registryDb(db).selectFrom('initiatives').select(['id', 'slug']).executeTakeFirstOrThrow();
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);

  // Anyone reads the guidance, each step's advice folded in a <details>.
  const visitor = await newContext(site, 'es', { javaScriptEnabled: false });
  const guide = await visitor.newPage();
  await guide.setViewportSize({ width: 375, height: 700 });
  let response = await guide.goto('/toolkit');
  assert.equal(response?.status(), 200);
  await checkPage(site, guide, response, { javaScript: false });
  assert.equal(await guide.locator('h1').textContent(), es('toolkit.guide.title'));
  assert.equal(await guide.locator('main details').count(), 12);
  await visitor.close();

  // A coordinator follows (an imported entry has no contact address yet, so nothing is done) the initiative's progress and ticks the logistics with evidence, without script.
  const context = await newContext(site, 'es', { javaScriptEnabled: false });
  const coordinator = await signedIn(site, context, { email: 'ana@example.org', name: 'Ana Pérez' });
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiative.id, user_id: coordinator, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: timestamp(new Date()) }).execute();
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 700 });
  response = await page.goto(`/initiatives/${initiative.slug}/toolkit`);
  assert.equal(response?.status(), 200);
  await checkPage(site, page, response, { javaScript: false });
  assert.ok((await page.locator('main').textContent())!.includes(es('toolkit.progress.summary', { done: 0, total: 12 })));
  assert.equal(await page.locator('li[aria-current="step"] h2').textContent(), `${es('toolkit.steps.principles.title')} (${es('toolkit.progress.next_short')})`);

  // Each manual step has a page with its form, reached from the step.
  const tick = es('toolkit.tick.submit', { title: es('toolkit.steps.logistics.title') });
  let [answer] = await Promise.all([page.waitForNavigation(), page.locator('#step-logistics').getByRole('link', { name: tick }).click()]);
  await checkPage(site, page, answer, { javaScript: false });
  // Nothing typed: the form comes back with the error beside the note.
  [answer] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: tick }).click()]);
  assert.equal(answer?.status(), 422);
  await checkPage(site, page, answer, { javaScript: false });
  assert.equal(await page.locator('#error-note').textContent(), es('toolkit.errors.evidence_needed'));
  await page.getByLabel(es('toolkit.field.note')).fill('Sede en la Biblioteca Virgilio Barco, con rampa y subtítulos.');
  await page.getByLabel(es('toolkit.field.link')).fill('https://mgic.example/sede');
  [answer] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: tick }).click()]);
  assert.equal(answer?.status(), 200);
  await checkPage(site, page, answer, { javaScript: false });
  assert.equal(await page.getByRole('status').textContent(), es('toolkit.notice.ticked'));
  assert.ok((await page.locator('#step-logistics').textContent())!.includes('Ana Pérez'));
  assert.ok((await page.locator('main').textContent())!.includes(es('toolkit.progress.summary', { done: 1, total: 12 })));
  await context.close();

  // The secretariat sees, per step, how many are done and who is stuck where.
  const office = await newContext(site, 'es', { javaScriptEnabled: false });
  await signedIn(site, office, { email: 'sec@igf.example', name: 'Secretaría', secretariat: true });
  const stuck = await office.newPage();
  await stuck.setViewportSize({ width: 375, height: 700 });
  response = await stuck.goto('/secretariat/toolkit');
  assert.equal(response?.status(), 200);
  await checkPage(site, stuck, response, { javaScript: false });
  assert.equal(await stuck.locator(`a[href="/initiatives/${initiative.slug}/toolkit"]`).count(), 1);
  await office.close();
}, { kinds: ['sqlite'] });
