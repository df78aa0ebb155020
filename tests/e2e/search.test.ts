/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { budgetSummary, checkPage, journey, newContext, say } from './browser.ts';
import { demoInitiativesFile, importInitiatives } from '../../src/modules/initiatives/index.ts';

const header = 'name,acronym,type,countries,region,year_established,website,languages,source_url\n';

journey('in French: search from the header without accents, narrow by country, page through, follow a result; 320 px wide, no JavaScript', async (site) => {
  await importInitiatives(site.database.db, readFileSync(demoInitiativesFile, 'utf8'), { demo: true, now: new Date(), source: 'nris.csv' });
  await importInitiatives(
    site.database.db,
    header + 'Forum de la Gouvernance Numérique du Sénégal,FGNS,national,SN,Africa,2016,https://fgns.example,fr,https://example.org/fgns\n',
    { demo: false, now: new Date(), source: 'test.csv' },
  );
  const fr = (key: string, values?: Record<string, string | number>) => say('fr', key, values);
  const context = await newContext(site, 'fr', { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  const fits = async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${page.url()} scrolls sideways by ${overflow}px at 320 px`);
  };

  let response = await page.goto('/');
  await checkPage(site, page, response, { javaScript: false });
  await fits();
  // Typed as people type on a phone: no accents, no capitals.
  await page.getByRole('search', { name: fr('common.search.label') }).getByLabel(fr('common.search.label')).fill('gouvernance numerique senegal');
  [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('search', { name: fr('common.search.label') }).getByRole('button', { name: fr('common.search.submit') }).click(),
  ]);
  assert.equal(response?.status(), 200);
  await checkPage(site, page, response, { javaScript: false });
  await fits();
  await page.getByRole('heading', { level: 2, name: fr('common.search.results', { count: 1, q: 'gouvernance numerique senegal' }) }).waitFor();
  const result = page.getByRole('link', { name: 'Forum de la Gouvernance Numérique du Sénégal (FGNS)' });
  await result.waitFor();
  assert.deepEqual(await page.locator('.results mark').allInnerTexts(), [], 'the match is in the title: the snippet opens the text');

  // A broader query and its next page.
  const ask = async (words: string) => {
    await page.getByLabel(fr('common.search.query')).fill(words);
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('search', { name: fr('common.search.title'), exact: true }).getByRole('button').click()]);
    await checkPage(site, page, response, { javaScript: false });
  };
  await ask('forum internet');
  const total = Number((await page.locator('#results').innerText()).match(/\d+/)![0]);
  assert.ok(total > 20, `a page and more of results (${total})`);
  [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: fr('common.pagination.next') }).click()]);
  await checkPage(site, page, response, { javaScript: false });
  await page.getByText(fr('common.pagination.page_of', { page: 2, pages: Math.ceil(total / 20) })).waitFor();

  // Narrowed by a country.
  await ask('gouvernance');
  [response] = await Promise.all([page.waitForNavigation(), page.getByRole('navigation', { name: fr('common.search.facets') }).getByRole('link', { name: 'Sénégal' }).click()]);
  await checkPage(site, page, response, { javaScript: false });
  await fits();
  assert.match(page.url(), /country=SN/);
  await page.getByRole('heading', { level: 2, name: fr('common.search.results', { count: 1, q: 'gouvernance' }) }).waitFor();
  await page.getByRole('link', { name: fr('common.search.remove_filter', { value: 'Sénégal' }) }).waitFor();

  // Following the result leads to the initiative, with a way back.
  [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Forum de la Gouvernance Numérique du Sénégal (FGNS)' }).click()]);
  assert.equal(response?.status(), 200);
  await checkPage(site, page, response, { javaScript: false });
  await page.getByRole('heading', { level: 1, name: 'Forum de la Gouvernance Numérique du Sénégal (FGNS)' }).waitFor();
  await context.close();
  console.log(budgetSummary(site, 'search'));
}, { kinds: ['sqlite'] });
