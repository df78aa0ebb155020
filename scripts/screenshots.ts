/**
 * Screenshots of the pages a newcomer sees first, for docs/screenshots/: the home page, the
 * directory, a demo entry and a recognised initiative as its coordinator sees it, in Spanish and
 * English, on a desktop (1280 px) and a phone (375 px).
 *
 *   node --import tsx scripts/screenshots.ts [output folder]   (default: docs/screenshots)
 *
 * Starts Cabildo on a temporary SQLite database with the demo data and one initiative with a
 * committee, and drives Debian's Chromium (/usr/bin/chromium) through playwright-core, the
 * browser driver the page tests already use. It also says when a page scrolls sideways.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/platform/config.ts';
import { newId, openConfiguredDatabase, timestamp, type Db } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { allMigrations } from '../src/platform/manifests.ts';
import { sessionCookie } from '../src/platform/auth/identity.ts';
import { modules } from '../src/modules/index.ts';
import { startServer } from '../src/server.ts';
import { accountsDb } from '../src/modules/accounts/tables.ts';
import { startSession } from '../src/modules/accounts/sessions.ts';
import { registryDb } from '../src/modules/initiatives/tables.ts';

const output = resolve(process.argv[2] ?? 'docs/screenshots');
const port = Number(process.env.PORT ?? 7401);
const locales = ['es', 'en'] as const;
const screens = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
] as const;

/** A recognised initiative with a committee of four groups, as a coordinator would have built it. */
async function seedRecognisedInitiative(db: Db, now: Date): Promise<{ slug: string; coordinatorId: string }> {
  const at = timestamp(now);
  const people = [
    { name: 'Carla Rodríguez', email: 'carla@mesa.example', group: 'civil_society', role: 'coordinator' },
    { name: 'Gustavo Méndez', email: 'gustavo@mintic.example', group: 'government', role: 'member' },
    { name: 'Tatiana Ruiz', email: 'tatiana@lacnic.example', group: 'technical_community', role: 'focal_point' },
    { name: 'Pedro Salas', email: 'pedro@empresa.example', group: 'private_sector', role: 'member' },
  ];
  const ids = people.map(() => newId());
  await accountsDb(db).insertInto('users').values(people.map((p, i) => ({
    id: ids[i]!, email: p.email, name: p.name, password_hash: 'not-a-hash', locale: 'es', country: 'CO', stakeholder_group: p.group,
    affiliation: null, capacity: 'personal', email_verified_at: at, is_secretariat: 0, created_at: at, updated_at: at,
  }))).execute();
  const registry = registryDb(db);
  const id = newId();
  const slug = 'mcgi-mesa-colombiana-de-gobernanza-de-internet';
  await registry.insertInto('initiatives').values({
    id, slug, name: 'Mesa Colombiana de Gobernanza de Internet', acronym: 'MCGI', type: 'national', region: 'latin_america_caribbean',
    year_established: 2014, website: 'https://gobernanzainternet.co/mesa-colombiana-de-gobernanza/documentos/terminos-de-referencia-2026',
    contact_email: 'mesa@gobernanzainternet.example', original_locale: 'es', status: 'listed', principles_accepted_at: at, is_demo: 0,
    search_name: 'mcgi mesa colombiana de gobernanza de internet', created_by: ids[0]!, created_at: at, updated_at: at,
  }).execute();
  await registry.insertInto('initiative_countries').values({ initiative_id: id, country: 'CO' }).execute();
  await registry.insertInto('initiative_languages').values({ initiative_id: id, language: 'es' }).execute();
  await registry.insertInto('initiative_descriptions').values([
    { initiative_id: id, locale: 'es', body: 'Espacio multisectorial abierto para dialogar sobre la gobernanza de Internet en Colombia, en Bogotá y en las regiones.' },
    { initiative_id: id, locale: 'en', body: 'An open multistakeholder space for dialogue on Internet governance in Colombia, in Bogotá and in the regions.' },
  ]).execute();
  await registry.insertInto('committee_members').values(people.map((p, i) => ({
    id: newId(), initiative_id: id, user_id: ids[i]!, role: p.role, stakeholder_group: p.group, joined_at: at,
  }))).execute();
  await registry.insertInto('recognition_requests').values({
    id: newId(), initiative_id: id, requested_by: ids[0]!, requested_at: at, decided_by: null, decided_at: at, decision: 'approved', comments: null,
  }).execute();
  return { slug, coordinatorId: ids[0]! };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-screenshots-'));
  const config = loadConfig({ CABILDO_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
  const database = openConfiguredDatabase(config);
  await migrate(database, allMigrations(modules));
  const now = new Date();
  for (const module of modules) await module.seedDemo?.({ db: database.db, now, onlyIfEmpty: true });
  const real = await seedRecognisedInitiative(database.db, now);
  const session = await startSession(database.db, real.coordinatorId, now);
  const demo = await registryDb(database.db).selectFrom('initiatives').select('slug').where('is_demo', '=', 1).where('name', 'like', '%Uruguay%').executeTakeFirstOrThrow();

  const server = await startServer(config, { database });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const pages = [
    { name: 'home', path: '/' },
    { name: 'directory', path: '/initiatives' },
    { name: 'initiative-demo', path: `/initiatives/${demo.slug}` },
    { name: 'initiative-coordinator', path: `/initiatives/${real.slug}`, signedIn: true },
  ];
  mkdirSync(output, { recursive: true });
  let wide = 0;
  try {
    for (const locale of locales) {
      // The coordinator reads the page in the language of the shot.
      await accountsDb(database.db).updateTable('users').set({ locale }).where('id', '=', real.coordinatorId).execute();
      for (const screen of screens) {
        for (const shot of pages) {
          const context = await browser.newContext({
            viewport: { width: screen.width, height: screen.height }, locale, extraHTTPHeaders: { 'Accept-Language': locale },
            deviceScaleFactor: 1,
          });
          if (shot.signedIn) await context.addCookies([{ name: sessionCookie, value: session, url: baseUrl }]);
          const page = await context.newPage();
          await page.goto(`${baseUrl}${shot.path}`, { waitUntil: 'load' });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > screen.width) {
            wide++;
            console.error(`${shot.path} (${locale}, ${screen.name}) is ${width} px wide at ${screen.width} px`);
          }
          const file = join(output, `${shot.name}-${locale}-${screen.name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (wide) process.exitCode = 1;
}

await main();
