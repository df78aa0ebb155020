/// <reference lib="dom" />
// Page scripts (page.evaluate) run in the browser and use its DOM types.
import assert from 'node:assert/strict';
import { checkPage, journey, newContext, openMailedLink, password, say, tabTo, visit, budgetSummary } from './browser.ts';

journey('sign-up and log-in with the keyboard alone', async (site) => {
  const context = await newContext(site, 'en');
  const page = await context.newPage();
  const en = (key: string) => say('en', key);
  await visit(site, page, '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), en('common.layout.skip'));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await tabTo(page, (el) => el.tag === 'a' && el.text === en('common.layout.signup'));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await checkPage(site, page);

  await tabTo(page, (el) => el.label === en('accounts.fields.email'));
  await page.keyboard.type('kim@example.org');
  await page.keyboard.press('Tab'); // password
  await page.keyboard.type(password);
  await page.keyboard.press('Tab'); // name
  await page.keyboard.type('Kim Keyboard');
  await tabTo(page, (el) => el.type === 'radio' && el.label === en('common.stakeholder.government'));
  await page.keyboard.press('ArrowDown'); // moves to and selects the next group
  await tabTo(page, (el) => el.tag === 'button' && el.text === en('accounts.signup.submit'));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await checkPage(site, page);
  await page.getByText(en('accounts.notice.check_email')).waitFor();
  const kim = await site.database.db.selectFrom('users').select('stakeholder_group').where('email', '=', 'kim@example.org').executeTakeFirstOrThrow();
  assert.equal(kim.stakeholder_group, 'intergovernmental', 'the arrow key chose the group');

  // The mailed link, opened on another device, verifies the address and leads to the log-in page.
  const phone = await newContext(site, 'en');
  const other = await phone.newPage();
  await openMailedLink(site, other, 'kim@example.org');
  await other.getByText(en('accounts.notice.verified')).waitFor();
  await phone.close();
  await visit(site, page, '/login');
  await tabTo(page, (el) => el.label === en('accounts.fields.email'));
  await page.keyboard.type('kim@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await checkPage(site, page);
  await page.getByRole('link', { name: 'Kim Keyboard' }).waitFor();
  await context.close();
  console.log(budgetSummary(site, 'accounts'));
}, { kinds: ['sqlite'] });
