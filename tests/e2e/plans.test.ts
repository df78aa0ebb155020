/// <reference lib="dom" />
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkPage, journey, newContext, say, type Site } from './browser.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { modules } from '../../src/modules/index.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { fundingDb } from '../../src/modules/funding/tables.ts';
import { password } from '../support/factories.ts';

/** argon2id of the factories' password (as tests/support/factories.ts inserts people). */
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$rj4EvDYW+5Ug6qOXDKIxkQ$pOJ0HrFDH8sNSzugerFvH0ny//OBV6b5tvt2vh072G8';

/** Without JavaScript axe runs on the page loaded again with it (checkPage's `javaScript: false`). */
async function visit(site: Site, page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  await checkPage(site, page, response, { javaScript: false });
}

/** Submits a form as a browser without script does: a POST, then the page it answers (or redirects to). */
async function submit(site: Site, page: Page, buttonName: string, expectStatus?: number): Promise<void> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  if (expectStatus) assert.equal(response?.status(), expectStatus);
  else assert.ok(response && response.status() < 400, `${buttonName} led to ${response?.status()}`);
  await checkPage(site, page, response, { javaScript: false });
}

/**
 * Action plans (docs/decisions/030) in a browser: the demo plan read in English without
 * JavaScript at 320 px (axe, reflow, page budget on its page, an item's page and the topic view),
 * and a committee member adding an action through the plain form, refused first for its past due date.
 */
journey('in English without JavaScript: from an initiative’s page, read the demo action plan’s progress and timeline and the demo forum’s ledger, then add an action to the plan as its committee', async (site) => {
  const db = site.database.db;
  for (const module of modules) if (['initiatives', 'plans', 'events', 'funding'].includes(module.name)) await module.seedDemo?.({ db, now: new Date(), onlyIfEmpty: false });
  const initiative = await registryDb(db).selectFrom('initiatives').select(['id', 'slug']).where('name', '=', 'Colombian Internet Governance Forum').executeTakeFirstOrThrow();
  const now = timestamp(new Date());
  const userId = newId();
  await accountsDb(db).insertInto('users').values({
    id: userId, email: 'andres@mesa.example', name: 'Andrés Rojas', password_hash: passwordHash, locale: 'en', country: 'CO', stakeholder_group: 'technical_community',
    affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: 0, created_at: now, updated_at: now,
  }).execute();
  const en = (key: string, values?: Record<string, string | number>) => say('en', key, values);

  const context = await newContext(site, 'en', { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  // A visitor finds the plans from the initiative's page, and reads the plan's progress.
  let response = await page.goto(`/initiatives/${initiative.slug}`);
  await checkPage(site, page, response, { javaScript: false });
  const [plans] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: en('plans.initiative_link') }).click()]);
  await checkPage(site, page, plans, { javaScript: false });
  const [opened] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Plan de acción de la Mesa/ }).click()]);
  await checkPage(site, page, opened, { javaScript: false });
  const planUrl = new URL(page.url()).pathname;
  await page.getByRole('heading', { level: 2, name: en('plans.progress.title') }).waitFor();
  assert.equal(await page.locator('p.meta', { hasText: en('plans.progress.counts', { done: 1, in_progress: 0, planned: 0, dropped: 0, total: 1 }) }).count(), 1, 'community networks: one done, written out');
  const timeline = page.getByRole('img', { name: en('plans.timeline.title') });
  assert.ok(await timeline.isVisible());
  assert.match((await page.locator('#timeline-desc').textContent())!, /7 actions due between .*; 1 overdue\./);
  const overdueRow = page.locator('tr', { hasText: en('plans.overdue') });
  assert.equal(await overdueRow.count(), 1, 'the overdue action is marked in words in the table');
  assert.match((await overdueRow.textContent())!, /acceso significativo/);

  // An action's page, and every initiative's actions on its topic.
  response = await page.goto(`${planUrl}/items/${new URL(await overdueRow.getByRole('link').getAttribute('href') ?? '', site.baseUrl).pathname.split('/').pop()}`);
  await checkPage(site, page, response, { javaScript: false });
  await page.getByRole('heading', { level: 2, name: en('plans.update.title') }).waitFor();
  response = await page.goto('/action-plans?topic=cybersecurity_safety');
  await checkPage(site, page, response, { javaScript: false });
  assert.equal(await page.locator('tbody tr').count(), 2);

  // The demo forum's ledger, from its initiative's page: totals in the reader's format, the share warning in words.
  const { initiative_id } = await fundingDb(db).selectFrom('funding_entries').select('initiative_id').executeTakeFirstOrThrow();
  const forum = await registryDb(db).selectFrom('initiatives').select('slug').where('id', '=', initiative_id).executeTakeFirstOrThrow();
  await visit(site, page, `/initiatives/${forum.slug}`);
  const [ledger] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: en('funding.initiative_link') }).click()]);
  await checkPage(site, page, ledger, { javaScript: false });
  const ledgerText = (await page.locator('main').textContent())!;
  assert.match(ledgerText, /In USDIncome\$43,500\.00/);
  assert.match(ledgerText, /Sponsors from Government gave 36\.8% of the income in USD, more than the 35% this forum set/);

  // A member of its committee logs in and adds an action with the plain form: a past due date is refused beside the field.
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiative.id, user_id: userId, role: 'member', stakeholder_group: 'technical_community', joined_at: now }).execute();
  await visit(site, page, '/login');
  await page.getByLabel(en('accounts.fields.email'), { exact: true }).fill('andres@mesa.example');
  await page.getByLabel(en('accounts.fields.password'), { exact: true }).fill(password);
  await submit(site, page, en('accounts.login.submit'));
  await visit(site, page, planUrl);
  await page.getByLabel(en('plans.field.topic'), { exact: true }).selectOption('data_governance');
  await page.getByLabel(en('plans.field.action'), { exact: true }).fill('Guía de anonimización de datos abiertos para municipios');
  await page.getByLabel(en('plans.responsible.organisation'), { exact: true }).check();
  await page.getByLabel(en('plans.field.responsible_name'), { exact: true }).fill('Universidad de los Andes');
  await page.getByLabel(en('plans.field.mechanism'), { exact: true }).selectOption('research');
  await page.getByLabel(en('plans.field.due_on'), { exact: true }).fill('2020-01-31');
  await submit(site, page, en('plans.item.add'), 422);
  assert.equal(await page.locator('#error-due_on').textContent(), en('plans.errors.due_past'));
  assert.equal(await page.getByLabel(en('plans.field.responsible_name'), { exact: true }).inputValue(), 'Universidad de los Andes', 'what was typed comes back');
  await page.getByLabel(en('plans.field.due_on'), { exact: true }).fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
  await submit(site, page, en('plans.item.add'));
  await page.getByText(en('plans.notice.item_added')).waitFor();
  assert.match((await page.locator('#timeline-desc').textContent())!, /^8 actions/);
  await context.close();
}, { kinds: ['sqlite'] });
