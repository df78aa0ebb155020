/// <reference lib="dom" />
// Page scripts (page.evaluate) run in the browser and use its DOM types.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { budgetSummary, fillSignUp, follow, newContext, openMailedLink, password, say, submit, visit, type Site } from '../browser.ts';
import { createAdmin } from '../../../src/modules/accounts/index.ts';
import { importInitiatives } from '../../../src/modules/initiatives/index.ts';

const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);

/** The step the page's registration steps mark as current, if it shows them. */
async function currentStep(page: Page): Promise<string | null> {
  const steps = page.getByRole('navigation', { name: es('initiatives.steps.label') });
  if ((await steps.count()) === 0) return null;
  return steps.locator('[aria-current="step"]').textContent();
}

/** Run on each database by its own file, so both run at once. */
export const claimsJourneyName = 'in Spanish: "Register your initiative" → sign up → the mailed link → the form, the steps shown all the way; the likely duplicate is a demo entry, claimed and handed over by the secretariat';

export const claimsJourney = async (site: Site): Promise<void> => {
  await importInitiatives(site.database.db, 'name,acronym,type,countries,region,year_established,website,languages,source_url\nIGF Uruguay,,national,UY,,,,,\n', { demo: true, now: new Date(), source: 'nris.csv' });
  const context = await newContext(site, 'es');
  const page = await context.newPage();

  await visit(site, page, '/');
  await follow(site, page, es('initiatives.home.register'));
  assert.equal(await currentStep(page), es('initiatives.steps.account'), 'the sign-up page is the first step');
  await fillSignUp(page, 'es', { name: 'Lucía Pereira', email: 'lucia@igf.uy', group: 'civil_society' });
  await submit(site, page, es('accounts.signup.submit'));
  assert.equal(await currentStep(page), es('initiatives.steps.verify'));
  await openMailedLink(site, page, 'lucia@igf.uy');
  assert.equal(new URL(page.url()).pathname, '/initiatives/new', 'the link leads to the form, signed in');
  assert.equal(await currentStep(page), es('initiatives.steps.initiative'));

  // Her initiative is already here as a demo entry under another name: the form says so before creating.
  await page.getByLabel(es('initiatives.fields.name')).fill('Foro de Gobernanza de Internet de Uruguay');
  await page.getByRole('radio', { name: es('initiatives.type.national') }).check();
  await page.getByRole('checkbox', { name: 'Colombia', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Uruguay', exact: true }).check();
  await page.getByLabel(es('initiatives.fields.description'), { exact: true }).fill('Espacio multisectorial sobre la gobernanza de Internet en Uruguay, abierto a todas las partes.');
  await submit(site, page, es('initiatives.form.create'), 409);
  await follow(site, page, es('initiatives.claim.claim_it', { name: 'IGF Uruguay' }));
  await page.getByLabel(es('initiatives.claim.justification')).fill('Coordino el comité organizador del IGF Uruguay; el sitio del foro me nombra.');
  await submit(site, page, es('initiatives.claim.submit'));
  await page.getByText(es('initiatives.notice.claimed')).waitFor();

  await createAdmin({ db: site.database.db, actor: { user: null }, now: new Date() }, { email: 'secretaria@igf.example', name: 'Secretaría IGF', password, locale: 'es' });
  const secretariatContext = await newContext(site, 'es');
  const secretariat = await secretariatContext.newPage();
  await visit(site, secretariat, '/login');
  await secretariat.getByLabel(es('accounts.fields.email')).fill('secretaria@igf.example');
  await secretariat.getByLabel(es('accounts.fields.password')).fill(password);
  await submit(site, secretariat, es('accounts.login.submit'));
  await follow(site, secretariat, es('initiatives.nav.queue'));
  await follow(site, secretariat, 'IGF Uruguay');
  await secretariat.getByText('Coordino el comité organizador del IGF Uruguay').waitFor();
  await submit(site, secretariat, es('initiatives.claim.approve'));
  await secretariat.getByText(es('initiatives.queue.notice_claim_approved')).waitFor();
  await site.mail.withSubject('lucia@igf.uy', /^IGF Uruguay: tu reclamo fue aprobado$/);

  // Hers now: no longer a demo entry, and she may edit it.
  await visit(site, page, new URL(page.url()).pathname);
  await page.getByRole('link', { name: es('initiatives.page.edit') }).waitFor();
  assert.equal(await page.locator('#demo-title').count(), 0);
  await page.getByText(es('initiatives.history.initiative_claim_approved')).waitFor();
  for (const c of [context, secretariatContext]) await c.close();
  console.log(budgetSummary(site, 'claims'));
};
