import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [name, path] of [['positions', '/consultations/demo-declaracion-igf-uruguay/positions'], ['record', '/consultations/demo-declaracion-igf-uruguay/record'], ['text', '/consultations/demo-declaracion-igf-uruguay']]) {
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'es' });
    await page.goto(`http://127.0.0.1:4505${path}`);
    await page.screenshot({ path: `/tmp/h5/${name}-${width}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
