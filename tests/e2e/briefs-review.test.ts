/// <reference lib="dom" />
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import { checkPage, journey, newContext, say, type Site } from './browser.ts';
import { insertPerson } from '../support/factories.ts';
import type { TestApp } from '../support/app.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { gridItems } from '../../src/modules/briefs/grid.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { demoSlug as consultation, seedDemoConsultation } from '../../src/modules/consultations/seeds.ts';

const fr = (key: string, values?: Record<string, string | number>) => say('fr', key, values);
const title = 'Projet de loi sur la conservation des données de connexion';

/** A French-speaking person with an account, browsing without JavaScript at 320 px. */
async function person(site: Site, who: { email: string; name: string; group: string }) {
  const now = new Date();
  const id = await insertPerson({ database: site.database, clock: { now } } as unknown as TestApp, { ...who, locale: 'fr' });
  const context = await newContext(site, 'fr', { javaScriptEnabled: false });
  await context.addCookies([{ name: sessionCookie, value: await startSession(site.database.db, id, now), url: site.baseUrl }]);
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  /** Waits for the page an action leads to, checks its status, its HTML, axe, reflow and weight. */
  const go = async (action: Promise<unknown>, status = 200): Promise<Response | null> => {
    const [response] = await Promise.all([page.waitForNavigation(), action]);
    assert.equal(response?.status(), status, await page.title());
    await checkPage(site, page, response, { javaScript: false });
    return response;
  };
  return { page, go, close: () => context.close() };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

journey('in French without JavaScript at 320 px: two authors from different groups write a brief, a third person reviews it, the authors answer a comment, publish and attach it to a consultation; readers see both groups, the chart, the print page and the brief on the consultation', async (site) => {
  // The demo consultation (a national forum's declaration, open for comments) is where the brief will be attached.
  for (const seed of [seedDemoInitiatives, seedDemoConsultation]) await seed({ db: site.database.db, now: new Date(), onlyIfEmpty: false });
  const claire = await person(site, { email: 'claire@example.org', name: 'Claire Martin', group: 'technical_community' });
  const moussa = await person(site, { email: 'moussa@example.org', name: 'Moussa Diop', group: 'civil_society' });
  const awa = await person(site, { email: 'awa@example.org', name: 'Awa Ndiaye', group: 'academia' });

  // Claire starts the brief, rates every item, and invites Moussa as co-author and Awa as reviewer.
  await claire.go(claire.page.goto('/briefs/new'));
  await claire.page.getByLabel(fr('briefs.field.title')).fill(title);
  await claire.page.getByLabel(fr('briefs.field.kind')).selectOption('law');
  await claire.page.getByLabel(fr('briefs.field.jurisdiction')).selectOption('SN');
  await claire.page.getByLabel(fr('briefs.field.language')).selectOption('fr');
  await claire.go(button(claire.page, fr('briefs.new.create')));
  const id = new URL(claire.page.url()).pathname.split('/')[2]!;
  await claire.page.getByLabel(fr('briefs.field.stage')).selectOption('full');
  await claire.page.getByLabel(fr('briefs.field.summary')).fill('Le projet obligerait les fournisseurs à conserver deux ans les journaux de connexion.');
  for (const item of gridItems) await claire.page.locator(`#field-grid_${item}_rating`).selectOption(item === 'privacy' ? 'strongly_negative' : 'negative');
  await claire.page.locator('#field-grid_privacy_reasoning').fill('Des données sur chaque connexion seraient gardées sans contrôle d’un juge.');
  await claire.go(button(claire.page, fr('briefs.edit.save')));
  await claire.page.getByLabel(fr('briefs.author.email')).fill('moussa@example.org');
  await claire.go(button(claire.page, fr('briefs.author.button')));
  await claire.page.getByLabel(fr('briefs.review.email')).fill('awa@example.org');
  await claire.go(button(claire.page, fr('briefs.review.request_button')));
  await claire.page.getByText(fr('briefs.notice.review_requested')).waitFor();
  await claire.close();

  // Awa is told, reads the draft, comments beside the privacy item and asks for changes.
  await site.mail.withSubject('awa@example.org', new RegExp(fr('briefs.notifications.review_requested.title', { title }).replace(/[?]/g, '\\?')));
  await awa.go(awa.page.goto(`/briefs/${id}`));
  assert.match(await awa.page.getByRole('region', { name: fr('briefs.page.authors') }).innerText(), new RegExp(`Claire Martin \\(${fr('common.stakeholder.technical_community')}\\)`));
  await awa.go(awa.page.locator('#privacy').getByRole('link', { name: fr('briefs.comments.comment_here') }).click());
  assert.equal(await awa.page.getByLabel(fr('briefs.comments.about')).inputValue(), 'privacy', 'the form starts on the item');
  await awa.page.getByLabel(fr('briefs.comments.field')).fill('Quelles sources montrent que les journaux seraient consultés sans juge ?');
  await awa.go(button(awa.page, fr('briefs.comments.send')));
  await awa.page.getByRole('radio', { name: fr('briefs.verdict.changes') }).check();
  await awa.page.getByLabel(fr('briefs.review.field')).fill('L’analyse tient, mais la vie privée manque de sources.');
  await awa.go(button(awa.page, fr('briefs.review.send')));

  // Moussa sees the review and the comment beside the item, answers it, adds the evidence.
  await site.mail.withSubject('moussa@example.org', /relue, à retravailler$/);
  await moussa.go(moussa.page.goto(`/briefs/${id}?view=draft`));
  assert.match(await moussa.page.getByRole('region', { name: fr('briefs.review.title') }).innerText(), new RegExp(fr('briefs.verdict.changes')));
  const thread = moussa.page.locator('#privacy').getByRole('article');
  assert.match(await thread.innerText(), /Awa Ndiaye/);
  await thread.getByText(fr('briefs.comments.reply'), { exact: true }).click();
  await thread.getByLabel(fr('briefs.comments.reply_field')).fill('Le rapport de l’autorité de protection des données, ajouté comme preuve.');
  await moussa.go(button(moussa.page, fr('briefs.comments.send_reply')));
  await moussa.go(moussa.page.getByRole('link', { name: fr('briefs.page.edit') }).click());
  await moussa.page.locator('#field-grid_privacy_evidence').fill('Rapport annuel de l’autorité de protection des données, 2025.');
  await moussa.go(button(moussa.page, fr('briefs.edit.save')));

  // Awa reviews the changed text: ready. Moussa publishes.
  await awa.go(awa.page.goto(`/briefs/${id}`));
  assert.match(await awa.page.locator('#privacy').innerText(), /Le rapport de l’autorité/, 'the answer sits beside the item');
  await awa.page.getByRole('radio', { name: fr('briefs.verdict.ready') }).check();
  await awa.page.getByLabel(fr('briefs.review.field')).fill('Les sources sont là. Prête à publier.');
  await awa.go(button(awa.page, fr('briefs.review.send')));
  await awa.close();
  await moussa.go(moussa.page.goto(`/briefs/${id}?view=draft`));
  assert.match(await moussa.page.getByRole('region', { name: fr('briefs.review.title') }).innerText(), new RegExp(fr('briefs.verdict.ready')));
  await moussa.go(button(moussa.page, fr('briefs.publish.button', { version: 1 })));
  await moussa.page.getByText(fr('briefs.notice.published')).waitFor();
  // Set beside the declaration it concerns, so that those who comment on it read the analysis.
  await moussa.go(moussa.page.goto(`/briefs/${id}`));
  await moussa.page.getByLabel(fr('briefs.consultations.field')).selectOption(consultation);
  await moussa.go(button(moussa.page, fr('briefs.consultations.submit')));
  await moussa.page.getByText(fr('briefs.notice.attached')).waitFor();
  await moussa.close();

  // A reader sees both groups and the chart, then the print page, which prints without the site's navigation.
  const reader = await person(site, { email: 'lectrice@example.org', name: 'Fatou Sarr', group: 'government' });
  await reader.go(reader.page.goto(`/briefs/${id}`));
  const authors = await reader.page.getByRole('region', { name: fr('briefs.page.authors') }).innerText();
  assert.match(authors, new RegExp(`Claire Martin \\(${fr('common.stakeholder.technical_community')}\\)`));
  assert.match(authors, new RegExp(`Moussa Diop \\(${fr('common.stakeholder.civil_society')}\\)`));
  assert.ok(await reader.page.getByRole('img', { name: new RegExp(fr('briefs.chart.title')) }).isVisible());
  assert.equal(await reader.page.getByText('Quelles sources montrent').count(), 0, 'comments stay with the authors');
  await reader.go(reader.page.getByRole('link', { name: fr('briefs.page.print') }).click());
  assert.ok(await reader.page.getByRole('img', { name: new RegExp(fr('briefs.chart.title')) }).isVisible(), 'the chart on the print page');
  assert.match(await reader.page.getByRole('table').innerText(), new RegExp(`${fr('briefs.item.privacy.name')}[^]*${fr('briefs.rating.strongly_negative')}`));
  assert.match(await reader.page.locator('main').innerText(), new RegExp(`Moussa Diop \\(${fr('common.stakeholder.civil_society')}\\)`));
  assert.equal(await reader.page.getByRole('link', { name: /\/api\/log\/entries\?start=\d+&end=\d+/ }).count(), 1, 'its entry in the public log');
  // The consultation lists the brief; its link leads back to it.
  await reader.go(reader.page.goto(`/consultations/${consultation}`));
  const briefs = reader.page.getByRole('region', { name: fr('consultations.briefs.title') });
  await reader.go(briefs.getByRole('link', { name: title }).click());
  await reader.go(reader.page.getByRole('link', { name: fr('briefs.page.print') }).click());
  await reader.page.emulateMedia({ media: 'print' });
  assert.equal(await reader.page.locator('.site-header').isVisible(), false, 'no navigation on paper');
  assert.equal(await reader.page.getByRole('link', { name: fr('briefs.edit.back', { title }) }).isVisible(), false);
  await reader.close();
}, { kinds: ['sqlite'] });
