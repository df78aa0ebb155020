/// <reference lib="dom" />
// Page scripts (page.evaluate) run in the browser and use its DOM types.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { budgetSummary, checkPage, fillSignUp, follow, newContext, openMailedLink, password, say, submit, visit, type Site } from '../browser.ts';
import { createAdmin } from '../../../src/modules/accounts/index.ts';
import { demoInitiativesFile, importInitiatives } from '../../../src/modules/initiatives/index.ts';

/** The registry, as a coordinator, invitees, the secretariat and visitors walk it (run on each database by its own file, so both run at once). */
export const registryJourneyName = 'in Spanish: sign up, register an initiative, seat a committee, get it recognised, find it in the directory and on the map; then the directory in English, Portuguese and French with JavaScript disabled';

/** Logs in on the log-in page the browser shows (Spanish). */
async function logIn(site: Site, page: Page, email: string): Promise<void> {
  await page.getByLabel(say('es', 'accounts.fields.email')).fill(email);
  await page.getByLabel(say('es', 'accounts.fields.password')).fill(password);
  await submit(site, page, say('es', 'accounts.login.submit'));
}

export const registryJourney = async (site: Site): Promise<void> => {
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const coordinatorContext = await newContext(site, 'es');
  const page = await coordinatorContext.newPage();

  await visit(site, page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await follow(site, page, es('common.layout.signup'));
  await fillSignUp(page, 'es', { name: 'Carla Rodríguez', email: 'carla@mesa.example', group: 'civil_society' });
  await submit(site, page, es('accounts.signup.submit'));
  await page.getByText(es('accounts.notice.check_email')).waitFor();
  // The link, in the browser that signed up, verifies the address and signs Carla in.
  await openMailedLink(site, page, 'carla@mesa.example');
  await page.getByText(es('accounts.notice.verified')).waitFor();

  await follow(site, page, es('accounts.account.my_initiatives'));
  await follow(site, page, es('initiatives.mine.register'));
  await page.getByLabel(es('initiatives.fields.name')).fill('Mesa Colombiana de Gobernanza de Internet');
  await page.getByLabel(es('initiatives.fields.acronym')).fill('MCGI');
  await page.getByRole('radio', { name: es('initiatives.type.national') }).check();
  // Several countries without Ctrl-click: a filter narrows the checkbox list, a click ticks one.
  const filter = page.getByLabel(es('initiatives.form.filter_countries'));
  await filter.fill('colom');
  assert.deepEqual(await page.locator('#options-countries label:not([hidden])').allInnerTexts(), ['Colombia']);
  await page.getByRole('checkbox', { name: 'Colombia', exact: true }).check();
  await filter.press('Enter'); // narrows, never sends the form
  await filter.fill('');
  assert.ok((await page.locator('#options-countries label:not([hidden])').count()) > 200);
  // The UN regional group is left for Cabildo to work out from the countries.
  await page.getByLabel(es('initiatives.fields.description'), { exact: true }).fill('Espacio multisectorial abierto para dialogar sobre la gobernanza de Internet en Colombia.');
  // A mistake first: the form keeps what was typed and says what to fix.
  await page.getByLabel(es('initiatives.fields.website')).fill('gobernanza');
  await submit(site, page, es('initiatives.form.create'), 422);
  await page.locator('#error-website').waitFor();
  const border = await page.locator('#field-website').evaluate((input) => {
    const style = getComputedStyle(input);
    return `${style.borderTopWidth} ${style.borderTopColor}`;
  });
  assert.equal(border, '2px rgb(164, 22, 26)', 'an invalid field has a red 2 px border');
  assert.equal(await page.getByLabel(es('initiatives.fields.name')).inputValue(), 'Mesa Colombiana de Gobernanza de Internet');
  assert.ok(await page.getByRole('checkbox', { name: 'Colombia', exact: true }).isChecked(), 'the chosen country is kept');
  // Typed as people type it, without https://.
  await page.getByLabel(es('initiatives.fields.website')).fill('gobernanzainternet.co/mesa-colombiana-de-gobernanza/documentos/terminos-de-referencia-del-comite-2026');
  await submit(site, page, es('initiatives.form.create'));
  await page.getByRole('heading', { level: 1, name: 'Mesa Colombiana de Gobernanza de Internet (MCGI)' }).waitFor();
  const initiativePath = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'https://gobernanzainternet.co/mesa-colombiana-de-gobernanza/documentos/terminos-de-referencia-del-comite-2026' }).waitFor();
  await page.getByText(es('initiatives.region.latin_america_caribbean')).first().waitFor();

  const members = [
    { name: 'Gustavo Méndez', email: 'gustavo@mintic.example', group: 'government' },
    { name: 'Tatiana Ruiz', email: 'tatiana@lacnic.example', group: 'technical_community' },
    { name: 'Pedro Salas', email: 'pedro@empresa.example', group: 'private_sector' },
  ];
  for (const member of members) {
    await page.getByLabel(es('initiatives.committee.invite_email')).fill(member.email);
    await submit(site, page, es('initiatives.committee.invite_submit'));
    await page.getByText(es('initiatives.notice.invited')).waitFor();
  }
  const memberContexts: BrowserContext[] = [];
  for (const member of members) {
    const context = await newContext(site, 'es');
    memberContexts.push(context);
    const invitee = await context.newPage();
    // Not signed in: the invitation says who invited whom, where, in which role, and how to answer.
    await openMailedLink(site, invitee, member.email);
    await invitee.getByText(es('initiatives.invitation.who', {
      inviter: 'Carla Rodríguez', email: member.email, name: 'Mesa Colombiana de Gobernanza de Internet', role: es('initiatives.role.member'),
    })).waitFor();
    await follow(site, invitee, es('initiatives.invitation.signup', { email: member.email }));
    assert.equal(await invitee.getByLabel(es('accounts.fields.email')).inputValue(), member.email, 'the invited address is filled in');
    await fillSignUp(invitee, 'es', member);
    await submit(site, invitee, es('accounts.signup.submit'));
    await invitee.getByRole('heading', { level: 1, name: es('accounts.signup.sent_title') }).waitFor();
    await site.mail.nthTo(member.email, 2); // the verification link, which leads back to the invitation
    // In the browser that signed up, the link signs the invitee in and leads back to the invitation.
    await openMailedLink(site, invitee, member.email);
    await invitee.getByRole('heading', { level: 1, name: es('initiatives.invitation.title', { name: 'Mesa Colombiana de Gobernanza de Internet' }) }).waitFor();
    await invitee.getByRole('radio', { name: es(`common.stakeholder.${member.group}`) }).check();
    await submit(site, invitee, es('initiatives.invitation.accept'));
    await invitee.getByText(es('initiatives.notice.joined')).waitFor();
  }

  await visit(site, page, initiativePath);
  const balance = await page.locator('svg[role="img"]').first().getAttribute('aria-labelledby');
  assert.ok(balance, 'the balance chart is named');
  await page.getByText(es('initiatives.criteria.stakeholder_groups', { minimum: 3, count: 4 })).waitFor();
  // Forgetting the box: the page comes back at the form, its error summary in view, not at the top.
  await submit(site, page, es('initiatives.recognition.principles_submit'), 422);
  assert.match(page.url(), /\/principles#principles$/);
  const summaryBox = await page.locator('#principles [role="alert"]').evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, viewport: window.innerHeight };
  });
  assert.ok(summaryBox.top >= 0 && summaryBox.bottom <= summaryBox.viewport, `the error summary is in view: ${JSON.stringify(summaryBox)}`);
  await page.getByLabel(es('initiatives.recognition.principles_label')).check();
  await submit(site, page, es('initiatives.recognition.principles_submit'));
  await submit(site, page, es('initiatives.recognition.request'));
  await page.getByText(es('initiatives.notice.requested')).waitFor();

  await createAdmin(
    { db: site.database.db, actor: { user: null }, now: new Date() },
    { email: 'secretaria@igf.example', name: 'Secretaría IGF', password, locale: 'es' },
  );
  const secretariatContext = await newContext(site, 'es');
  const secretariat = await secretariatContext.newPage();
  await visit(site, secretariat, '/login');
  await logIn(site, secretariat, 'secretaria@igf.example');
  await follow(site, secretariat, es('initiatives.nav.queue'));
  await follow(site, secretariat, 'Mesa Colombiana de Gobernanza de Internet');
  await submit(site, secretariat, es('initiatives.queue.approve'));
  await secretariat.getByText(es('initiatives.queue.notice_approved')).waitFor();
  const approved = es('initiatives.notifications.recognition_decided.title', { initiative: 'Mesa Colombiana de Gobernanza de Internet', decision: 'approved' });
  await site.mail.withSubject('carla@mesa.example', new RegExp(`^${approved}$`));

  const visitorContext = await newContext(site, 'es');
  const visitor = await visitorContext.newPage();
  await visit(site, visitor, '/initiatives');
  await visitor.getByLabel(es('initiatives.directory.search')).fill('gobernanza colombiana');
  await submit(site, visitor, es('initiatives.directory.apply'));
  await visitor.getByRole('link', { name: 'Mesa Colombiana de Gobernanza de Internet' }).waitFor();
  await visit(site, visitor, '/');
  const mapLink = visitor.getByRole('link', { name: es('initiatives.map.country', { country: 'Colombia', count: 1 }) });
  await mapLink.waitFor();
  const [response] = await Promise.all([visitor.waitForNavigation(), mapLink.click()]);
  await checkPage(site, visitor, response);
  assert.match(visitor.url(), /\/initiatives\?country=CO$/);
  await visitor.getByRole('link', { name: 'Mesa Colombiana de Gobernanza de Internet' }).waitFor();

  for (const context of [coordinatorContext, secretariatContext, visitorContext, ...memberContexts]) await context.close();

  // The directory, with the demo initiatives, read without JavaScript in three more languages.

  await importInitiatives(site.database.db, readFileSync(demoInitiativesFile, 'utf8'), { demo: true, now: new Date(), source: 'nris.csv' });
  for (const locale of ['en', 'pt', 'fr'] as const) {
    const context = await newContext(site, locale, { javaScriptEnabled: false });
    const page = await context.newPage();
    const check = (response: Awaited<ReturnType<Page['goto']>>) => checkPage(site, page, response, { javaScript: false });
    let response = await page.goto('/initiatives');
    assert.equal(await page.getAttribute('html', 'lang'), locale);
    await page.getByRole('heading', { level: 1, name: say(locale, 'initiatives.directory.title') }).waitFor();
    await check(response);
    await page.getByLabel(say(locale, 'initiatives.fields.type'), { exact: true }).selectOption('youth');
    await page.getByLabel(say(locale, 'initiatives.fields.region'), { exact: true }).selectOption('latin_america_caribbean');
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: say(locale, 'initiatives.directory.apply') }).click()]);
    await check(response);
    assert.match(page.url(), /type=youth/);
    const cards = page.locator('.cards > li');
    assert.ok((await cards.count()) > 0);
    for (const text of await cards.allInnerTexts()) assert.match(text, new RegExp(say(locale, 'initiatives.type.youth')));
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Youth IGF Panamá' }).click()]);
    await check(response);
    await page.getByText(say(locale, 'initiatives.page.demo')).waitFor();
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: say(locale, 'initiatives.page.back') }).click()]);
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: say(locale, 'common.pagination.next') }).click()]);
    await check(response);
    await page.getByText(say(locale, 'common.pagination.page_of', { page: 2, pages: 6 })).waitFor();
    // The switcher remembers another language.
    const other = locale === 'en' ? 'Français' : 'English';
    await page.locator('.language-menu summary').click(); // one compact menu, opened without script
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: other }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), locale === 'en' ? 'fr' : 'en');
    assert.match(page.url(), /page=2/, 'the switcher keeps the page');
    await context.close();
  }
  console.log(budgetSummary(site, 'initiatives'));
};
