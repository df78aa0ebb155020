/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { checkPage, journey, newContext, say } from './browser.ts';
import { importInitiatives } from '../../src/modules/initiatives/index.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { canonicalJson } from '../../src/platform/log/index.ts';
import { indexRecords } from '../../src/platform/search/index.ts';
import { emptyContent, type ReportContent } from '../../src/modules/reports/content.ts';
import { refreshArchive } from '../../src/modules/reports/archive/refresh.ts';
import { reportSearch } from '../../src/modules/reports/search.ts';
import { reportsDb } from '../../src/modules/reports/tables.ts';

const header = 'name,acronym,type,countries,region,year_established,website,languages,source_url\n';

/** A published standalone report, as the publish command leaves it: its row, its archive row, its search document. */
async function published(db: Parameters<typeof reportsDb>[0], initiativeId: string, fields: { title: string; held_on: string; language: string; content: Partial<ReportContent> }) {
  const id = newId();
  const now = new Date();
  await reportsDb(db).insertInto('reports').values({
    id, session_id: null, event_id: null, initiative_id: initiativeId, title: fields.title, held_on: fields.held_on, place: null, language: fields.language, status: 'published',
    rapporteur_id: null, content: canonicalJson({ ...emptyContent(), ...fields.content }), review_note: null, version: 1, created_by: null, created_at: timestamp(now), updated_at: timestamp(now),
  }).execute();
  await refreshArchive(db, id, now);
  await indexRecords(db, reportSearch, [id]);
  return id;
}

journey('in Spanish without JavaScript at 320 px: narrow the reports archive, search it without accents, cite a takeaway', async (site) => {
  const db = site.database.db;
  await importInitiatives(db, `${header}Mesa de Gobernanza de Internet de Colombia,MGIC,national,CO,,2014,https://mgic.example,es,https://example.org/mgic\n`
    + 'Uruguay IGF,UYIGF,national,UY,,2016,https://uy.example,es,https://example.org/uy\n', { demo: false, now: new Date(), source: 'test.csv' });
  const initiatives = await db.selectFrom('initiatives').select(['id', 'name']).execute();
  const colombia = initiatives.find((i) => i.name.includes('Colombia'))!.id;
  const uruguay = initiatives.find((i) => i.name.includes('Uruguay'))!.id;
  await published(db, colombia, {
    title: 'Financiación de las redes comunitarias', held_on: '2026-10-02', language: 'es', content: {
      summary: 'La sesión trató cómo sostener las redes comunitarias.',
      takeaways: [{ id: 'takeaway-0a1b2c3d', text: 'El financiamiento público sostiene las redes comunitarias.' }],
      calls_to_action: [{ id: 'action-4e5f6a7b', who: 'Reguladores', what: 'Reservar espectro para redes comunitarias.' }],
      participants: [{ name: 'Luisa Gómez', role: 'moderator', organisation: 'MinTIC', stakeholder_group: 'government' }],
    },
  });
  await published(db, uruguay, {
    title: 'Youth and digital rights', held_on: '2025-05-20', language: 'en', content: {
      summary: 'Young people on their rights online.', takeaways: [{ id: 'takeaway-9a8b7c6d', text: 'Schools need digital rights education.' }],
      participants: [{ name: 'Ana Souza', role: 'speaker', organisation: null, stakeholder_group: 'civil_society' }],
    },
  });
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const context = await newContext(site, 'es', { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });

  let response = await page.goto('/reports');
  assert.equal(response?.status(), 200);
  await checkPage(site, page, response, { javaScript: false });
  await page.getByRole('heading', { level: 2, name: es('reports.archive.results', { count: 2 }) }).waitFor();

  // Narrow by year and by a group present, with the plain form.
  const filters = page.getByRole('search', { name: es('reports.archive.filters') });
  await filters.getByLabel(es('reports.archive.year')).selectOption('2026');
  await filters.getByRole('checkbox', { name: es('common.stakeholder.government') }).check();
  [response] = await Promise.all([page.waitForNavigation(), filters.getByRole('button', { name: es('reports.archive.apply') }).click()]);
  assert.equal(response?.status(), 200);
  assert.match(page.url(), /year=2026/);
  await checkPage(site, page, response, { javaScript: false });
  await page.getByRole('heading', { level: 2, name: es('reports.archive.results', { count: 1 }) }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Youth and digital rights' }).count(), 0);

  // Typed as on a phone: no accents. The search box of the archive searches reports only.
  const search = page.getByRole('search', { name: es('reports.archive.search') });
  await search.getByLabel(es('reports.archive.search')).fill('financiacion comunitaria');
  [response] = await Promise.all([page.waitForNavigation(), search.getByRole('button', { name: es('reports.archive.search_button') }).click()]);
  assert.equal(response?.status(), 200);
  await checkPage(site, page, response, { javaScript: false });
  [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Financiación de las redes comunitarias' }).click()]);
  await checkPage(site, page, response, { javaScript: false });

  // Cite the takeaway: its link is its permalink, and following it lands on it.
  const takeaway = page.locator('#takeaway-0a1b2c3d');
  await takeaway.getByRole('link', { name: es('reports.page.link_here') }).click();
  assert.match(page.url(), /\/reports\/[^/#]+#takeaway-0a1b2c3d$/);
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'takeaway-0a1b2c3d');
  assert.match(await page.locator('#action-4e5f6a7b').innerText(), /Reguladores/);
  assert.equal(await page.locator('#action-4e5f6a7b').getByRole('link', { name: es('reports.page.link_here') }).count(), 1, 'calls to action too');

  const feed = await page.request.get('/reports.atom');
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /<entry>[\s\S]*Financiación de las redes comunitarias/);
  await context.close();
}, { kinds: ['sqlite'] });
