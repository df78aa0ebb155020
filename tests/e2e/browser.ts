import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { startServer, type RunningServer } from '../../src/server.ts';
import { translate, type Locale, type Values } from '../../src/platform/i18n/index.ts';
import { freshDatabase, perDatabase, type Kind } from '../support/databases.ts';
import { TestMailServer } from '../support/mail.ts';
import { testConfig } from '../support/app.ts';
import type { Database } from '../../src/platform/db/index.ts';

export const chromiumPath = '/usr/bin/chromium';

/** WCAG 1.4.10 (reflow): every page fits this width without scrolling sideways. */
export const narrowestWidth = 320;

/** DESIGN §6: per page, first visit, compressed. */
export const budget = { totalBytes: 50 * 1024, scriptBytes: 10 * 1024 };

export interface Site {
  baseUrl: string;
  mail: TestMailServer;
  database: Database;
  browser: Browser;
  server: RunningServer;
  /** Pages checked so far, with their measured weight. */
  report: Array<{ url: string; bytes: number; scripts: number }>;
  /** The shapes of the pages axe and the first-visit measures have seen (see `pageShape`). */
  checkedShapes: Set<string>;
  /** False on a journey whose twin on SQLite checks the same pages: here only the HTML is validated. */
  checksPages: boolean;
  /** How far ahead of the real time the app's clock runs: a journey moves it to see a deadline pass. */
  clock: { aheadMs: number };
}

/**
 * Declares a browser journey on each database: a real server on a free port, mail over SMTP to a
 * test server, Debian's Chromium. Without Chromium the journey is skipped, or fails in CI.
 * `pagesCheckedBy: 'sqlite twin'` marks a PostgreSQL copy of a journey whose SQLite copy runs
 * axe, reflow and the budget on the same pages (the database changes the data, not the markup).
 */
export function journey(name: string, body: (site: Site) => Promise<void>, options: { kinds: readonly Kind[]; pagesCheckedBy?: 'sqlite twin' }): void {
  const missing = existsSync(chromiumPath) ? null : `Chromium not found at ${chromiumPath}`;
  // JOURNEY_TIMEOUT_MS: more time on a machine busy with other work.
  perDatabase(name, { timeout: Number(process.env.JOURNEY_TIMEOUT_MS) || 1_200_000, missing, kinds: options.kinds }, async (kind) => {
    const database = await freshDatabase(kind);
    const clock = { aheadMs: 0 };
    const mail = await new TestMailServer().start();
    const config = testConfig({ smtpUrl: mail.url, dataDir: mkdtempSync(join(tmpdir(), 'cabildo-e2e-')), trustProxy: false });
    // A real server over the test's own database (a PostgreSQL schema of its own).
    const server = await startServer(
      kind === 'postgres' ? { ...config, databaseUrl: `${process.env.TEST_DATABASE_URL}` } : config,
      { database, clock: () => new Date(Date.now() + clock.aheadMs) },
    );
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const site: Site = { baseUrl, mail, database, browser, server, report: [], checkedShapes: new Set(), checksPages: options.pagesCheckedBy === undefined, clock };
    try {
      await body(site);
    } finally {
      await browser.close();
      await server.stop();
      await mail.stop();
      await database.close();
    }
  });
}

/** One line for the log: how many pages were checked and the heaviest first visit. */
export function budgetSummary(site: Site, journeyName: string): string {
  const heaviest = [...site.report].sort((a, b) => b.bytes - a.bytes)[0];
  const scripts = Math.max(0, ...site.report.map((p) => p.scripts));
  return JSON.stringify({ journey: journeyName, pages: site.report.length, heaviest_bytes: heaviest?.bytes, heaviest_path: heaviest && new URL(heaviest.url).pathname, max_script_bytes: scripts, budget });
}

export function newContext(site: Site, locale: Locale, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return site.browser.newContext({ baseURL: site.baseUrl, locale, extraHTTPHeaders: { 'Accept-Language': locale }, ...options });
}

/** The message a person sees, from the same catalogs the app uses. */
export function say(locale: Locale, key: string, values?: Values): string {
  return translate(locale, key, values);
}

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/**
 * What axe and the reflow and weight checks depend on in a page, without the words: each element
 * with its attribute names and the values of class, id, for, role, type, lang, dir and hidden,
 * and whether text (or a long unbroken word) stands between tags, with repeated blocks counted once. Two pages of one shape
 * (the same form with other values, the same initiative page with one more member) are the same
 * page for those checks.
 */
export function pageShape(html: string): string {
  const kept = new Set(['class', 'id', 'for', 'role', 'type', 'lang', 'dir', 'hidden', 'scope', 'headers']);
  const shape: string[] = [];
  for (const [, text, tag] of html.matchAll(/([^<]*)(<[^>]*>)/g)) {
    // A long unbroken word (an address) can push a narrow page sideways, so it counts.
    if (text!.trim()) shape.push(/\S{25}/.test(text!) ? '#long' : '#');
    const [, name = '', attributes = ''] = /^<\/?([\w-]+)([\s\S]*?)\/?>$/.exec(tag!) ?? [];
    const parts = [...attributes.matchAll(/([\w:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(([, attribute, value]) =>
      kept.has(attribute!) || attribute!.startsWith('aria-') ? `${attribute}=${value ?? ''}` : attribute!,
    );
    shape.push(`${tag!.startsWith('</') ? '/' : ''}${name} ${parts.sort().join(' ')}`);
  }
  return createHash('sha256').update(withoutRepeats(shape).join('\n')).digest('hex');
}

/** A run of identical blocks (list items, table rows) counts once: three members or four make one shape. */
function withoutRepeats(lines: string[]): string[] {
  const kept = [...lines];
  for (let size = 1; size <= 24; size++) {
    for (let i = 0; i + 2 * size <= kept.length; ) {
      let same = true;
      for (let j = 0; j < size && same; j++) same = kept[i + j] === kept[i + size + j];
      if (same) kept.splice(i + size, size);
      else i++;
    }
  }
  return kept;
}

/**
 * Checks a page as DESIGN §6 asks: the HTML is valid, axe-core finds nothing (WCAG 2.2 AA), it
 * fits 320 px, and a first visit (cold cache, same cookies) stays within the budget with no
 * third-party request. The HTML is validated every time; the other checks, which take a second or
 * more each, once per page shape and way of browsing (with or without script) in a journey.
 */
export async function checkPage(site: Site, page: Page, response?: Response | null, options: { javaScript?: boolean } = {}): Promise<void> {
  const url = page.url();
  const html = response ? await response.text() : await page.content();
  const validation = await validator.validateString(html);
  assert.ok(validation.valid, `invalid HTML on ${url}: ${JSON.stringify(validation.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message} @${m.line}:${m.column}`)))}`);
  const shape = `${options.javaScript === false ? 'no-script' : 'script'} ${pageShape(html)}`;
  if (!site.checksPages || site.checkedShapes.has(shape)) return;
  site.checkedShapes.add(shape);
  const firstVisit = await openFirstVisit(site, page.context(), url);
  await expectNoSidewaysScroll(firstVisit);
  // axe runs in the page itself; with scripts off it runs on the same page loaded with scripts on.
  await expectNoAxeViolations(options.javaScript === false ? firstVisit : page);
  await firstVisit.context().close();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode: axe.run in the page itself. The default runs each frame apart and merges the results
  // in a new blank page, which doubled the time of every check; Cabildo's pages have no frames.
  const axe = await new AxeBuilder({ page }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe violations on ${page.url()}`,
  );
}

/** The page (opened at the narrowest width) is no wider than the viewport: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const viewport = window.innerWidth;
    // Names the element that sticks out furthest, so a failure says where to look.
    let widest = '';
    let right = viewport;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right > right) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''} (${Math.round(box.right)} px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: viewport, widest };
  });
  assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth} px wide at ${innerWidth} px: it scrolls sideways; widest: ${widest}`);
}

/** Loads the URL again, at the narrowest width, in a cold-cache context with the same cookies, measuring what crosses the wire. */
async function openFirstVisit(site: Site, from: BrowserContext, url: string): Promise<Page> {
  const context = await site.browser.newContext({ storageState: await from.storageState(), viewport: { width: narrowestWidth, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  let bytes = 0;
  let scripts = 0;
  const foreign: string[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith(site.baseUrl) && !e.request.url.startsWith('data:')) foreign.push(e.request.url);
  });
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') scripts += e.encodedDataLength;
  });
  // Pages load no script, so every request a first visit makes is done by the load event.
  await page.goto(url, { waitUntil: 'load' });
  site.report.push({ url, bytes, scripts });
  assert.deepEqual(foreign, [], `third-party requests from ${url}`);
  assert.ok(bytes <= budget.totalBytes, `${url} weighs ${bytes} bytes on a first visit (budget ${budget.totalBytes})`);
  assert.ok(scripts <= budget.scriptBytes, `${url} loads ${scripts} bytes of script (budget ${budget.scriptBytes})`);
  return page;
}

export const password = 'una clave bastante larga';

/** Goes to a page and checks it (axe, HTML, budget). */
export async function visit(site: Site, page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  await checkPage(site, page, response);
}

/** Submits the form a button belongs to and checks the page it leads to. */
export async function submit(site: Site, page: Page, buttonName: string, expectStatus?: number): Promise<void> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  if (expectStatus) assert.equal(response?.status(), expectStatus);
  else assert.ok(response && response.status() < 400, `${buttonName} led to ${response?.status()}: ${await page.title()}`);
  await checkPage(site, page, response);
}

export async function follow(site: Site, page: Page, linkName: string): Promise<void> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: linkName, exact: true }).first().click()]);
  await checkPage(site, page, response);
}

export async function fillSignUp(page: Page, locale: Locale, person: { name: string; email: string; group: string }): Promise<void> {
  await page.getByLabel(say(locale, 'accounts.fields.email')).fill(person.email);
  await page.getByLabel(say(locale, 'accounts.fields.password'), { exact: true }).fill(password);
  await page.getByLabel(say(locale, 'accounts.fields.name')).fill(person.name);
  await page.getByLabel(say(locale, 'accounts.fields.country')).selectOption('CO');
  await page.getByRole('radio', { name: say(locale, `common.stakeholder.${person.group}`) }).check();
}

/** Opens the link of the newest mail to this address, in this browser. */
export async function openMailedLink(site: Site, page: Page, email: string): Promise<void> {
  const link = new URL(await site.mail.linkTo(email));
  const response = await page.goto(link.pathname + link.search);
  await checkPage(site, page, response);
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; label: string; type: string }) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return { tag: '', text: '', label: '', type: '' };
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '' : '';
      return { tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim(), label: label.trim(), type: el.type ?? '' };
    });
    if (matches(focused)) return;
  }
  throw new Error('never reached the element with the Tab key');
}
