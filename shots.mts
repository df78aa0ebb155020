import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const base = 'http://127.0.0.1:4501';
const html = await (await fetch(`${base}/consultations/demo-declaracion-igf-uruguay`)).text();
const anchor = [...html.matchAll(/paragraphs\/([a-z0-9]+)"/g)].map((m) => m[1])[1];
const pages = [['list', '/consultations'], ['text', '/consultations/demo-declaracion-igf-uruguay'], ['paragraph', `/consultations/demo-declaracion-igf-uruguay/paragraphs/${anchor}`], ['diff', '/consultations/demo-declaracion-igf-uruguay/versions/2/diff']];
for (const width of [375, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'es', extraHTTPHeaders: { 'Accept-Language': 'es' } });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(`${base}${path}`);
    await page.screenshot({ path: `/tmp/cons-${name}-${width}.png`, fullPage: true });
  }
  await context.close();
}
await browser.close();
