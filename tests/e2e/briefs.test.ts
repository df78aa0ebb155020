/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { checkPage, journey, newContext, say } from './browser.ts';
import { insertPerson } from '../support/factories.ts';
import type { TestApp } from '../support/app.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { gridItems } from '../../src/modules/briefs/grid.ts';

journey('in French without JavaScript at 320 px: write an impact brief, be told which rating is missing, publish it, and find it by its rating', async (site) => {
  const fr = (key: string, values?: Record<string, string | number>) => say('fr', key, values);
  const now = new Date();
  const authorId = await insertPerson({ database: site.database, clock: { now } } as unknown as TestApp, { email: 'claire@example.org', name: 'Claire Martin', group: 'technical_community', locale: 'fr' });
  const author = await newContext(site, 'fr', { javaScriptEnabled: false });
  await author.addCookies([{ name: sessionCookie, value: await startSession(site.database.db, authorId, now), url: site.baseUrl }]);
  const page = await author.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  const go = async (action: Promise<unknown>, status = 200) => {
    const [response] = await Promise.all([page.waitForNavigation(), action]);
    assert.equal(response?.status(), status, await page.title());
    await checkPage(site, page, response, { javaScript: false });
  };

  await go(page.goto('/briefs/new'));
  await page.getByLabel(fr('briefs.field.title')).fill('Projet de loi sur le filtrage des noms de domaine');
  await page.getByLabel(fr('briefs.field.kind')).selectOption('law');
  await page.getByLabel(fr('briefs.field.jurisdiction')).selectOption('SN');
  await page.getByLabel(fr('briefs.field.language')).selectOption('fr');
  await go(page.getByRole('button', { name: fr('briefs.new.create') }).click());

  // The grid, with each item's guidance beside it: every item rated but privacy.
  assert.ok(await page.getByText(fr('briefs.item.privacy.guidance')).isVisible());
  await page.getByLabel(fr('briefs.field.stage')).selectOption('full');
  await page.getByLabel(fr('briefs.field.summary')).fill('Le projet obligerait les fournisseurs à filtrer les noms de domaine.');
  for (const item of gridItems.filter((i) => i !== 'privacy')) await page.locator(`#field-grid_${item}_rating`).selectOption(item === 'global_identifiers' ? 'strongly_negative' : 'negative');
  await page.locator('#field-grid_global_identifiers_reasoning').fill('Les réponses DNS ne seraient plus les mêmes partout.');
  await go(page.getByRole('button', { name: fr('briefs.edit.save') }).click());
  await go(page.getByRole('button', { name: fr('briefs.publish.button', { version: 1 }) }).click(), 422);
  assert.match(await page.getByRole('alert').innerText(), new RegExp(`${fr('briefs.item.privacy.name')}`), 'the refusal names the item without a rating');

  await go(page.getByRole('link', { name: fr('briefs.page.edit') }).click());
  await page.locator('#field-grid_privacy_rating').selectOption('unknown');
  await go(page.getByRole('button', { name: fr('briefs.edit.save') }).click());
  await go(page.getByRole('button', { name: fr('briefs.publish.button', { version: 1 }) }).click());
  await page.getByText(fr('briefs.notice.published')).waitFor();
  await author.close();

  // A reader finds it by its rating on one enabler, reads the chart and its table.
  const reader = await newContext(site, 'fr', { javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  await readerPage.setViewportSize({ width: 320, height: 640 });
  let [response] = await Promise.all([readerPage.waitForNavigation(), readerPage.goto('/briefs')]);
  await checkPage(site, readerPage, response, { javaScript: false });
  await readerPage.getByLabel(fr('briefs.list.rating')).selectOption('strongly_negative');
  await readerPage.getByLabel(fr('briefs.list.item')).selectOption('global_identifiers');
  [response] = await Promise.all([readerPage.waitForNavigation(), readerPage.getByRole('button', { name: fr('briefs.list.apply') }).click()]);
  await checkPage(site, readerPage, response, { javaScript: false });
  [response] = await Promise.all([readerPage.waitForNavigation(), readerPage.getByRole('link', { name: 'Projet de loi sur le filtrage des noms de domaine' }).click()]);
  await checkPage(site, readerPage, response, { javaScript: false });
  assert.ok(await readerPage.getByRole('img', { name: new RegExp(fr('briefs.chart.title')) }).isVisible(), 'the chart is named');
  assert.match(await readerPage.getByRole('listitem').filter({ hasText: 'Claire Martin' }).innerText(), new RegExp(fr('common.stakeholder.technical_community')));
  await reader.close();
}, { kinds: ['sqlite'] });
