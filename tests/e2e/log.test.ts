import assert from 'node:assert/strict';
import { checkPage, journey, newContext, say } from './browser.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { locales } from '../../src/platform/i18n/index.ts';

journey('the public log page explains what it proves in four languages, with the latest checkpoint and entries, without JavaScript', async (site) => {
  await seedDemoInitiatives({ db: site.database.db, now: new Date('2026-11-26T09:00:00Z'), onlyIfEmpty: true });
  for (const locale of locales) {
    const context = await newContext(site, locale, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/');
    // From any page, through the footer.
    assert.equal(await page.locator('footer a', { hasText: say(locale, 'common.log.footer_link') }).getAttribute('href'), '/log');
    const response = await page.goto('/log');
    assert.equal(response?.status(), 200);
    await checkPage(site, page, response, { javaScript: false });
    assert.equal(await page.locator('h1').textContent(), say(locale, 'common.log.title'));
    const body = await page.locator('main').textContent();
    for (const key of ['common.log.proves_title', 'common.log.not_proves_title', 'common.log.recent_title']) assert.ok(body!.includes(say(locale, key)), `${locale}: ${key}`);
    assert.ok(body!.includes(say(locale, 'common.log.checkpoint_size', { size: 103 })));
    const checkpoint = await page.locator('pre').textContent();
    assert.match(checkpoint!, /^cabildo\.test\/log\n103\n[A-Za-z0-9+/]{43}=\n\n\u2014 /);
    assert.equal(await page.locator('.log-entries li').count(), 20);
    assert.ok((await page.locator('.log-entries li').first().textContent())!.includes(say(locale, 'initiatives.log.imported')));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 320, `${locale}: ${scrollWidth}px wide at 320`);
    // An entry leads to the initiative it is about, and back.
    assert.match((await page.locator('.log-entries li a').first().getAttribute('href'))!, /^\/initiatives\//);
    assert.match((await page.locator('main code').first().textContent())!, /^cabildo\.test\/log\+[0-9a-f]{8}\+/);
    await context.close();
  }
}, { kinds: ['sqlite'] });
