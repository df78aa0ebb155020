import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const [path, name, width] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 375)];
const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'es' });
await page.goto('http://localhost:4400' + path);
await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
await browser.close();
