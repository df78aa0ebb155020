/// <reference lib="dom" />
// Page scripts (page.evaluate) run in the browser and use its DOM types.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { budgetSummary, follow, newContext, openMailedLink, say, submit, visit, type Site } from '../browser.ts';
import { newId, timestamp } from '../../../src/platform/db/index.ts';
import { modules } from '../../../src/modules/index.ts';
import { accountsDb } from '../../../src/modules/accounts/tables.ts';
import { registryDb } from '../../../src/modules/initiatives/tables.ts';
import { eventsDb } from '../../../src/modules/events/tables.ts';
import { demoForum } from '../../../src/modules/reports/seeds.ts';
import { password } from '../../support/factories.ts';

/**
 * Issue 11, item 8: a session report from the first line to the annual report, through the pages
 * people use, in Portuguese, on the demo data (`cabildo seed demo`). Run on each database by its
 * own file (reports-journey*.test.ts).
 */
export const reportsJourneyName = 'in Portuguese, on the demo forum: the rapporteur linked to a session writes its report, misses the deadline (reminders mailed, overdue for the organisers), it is published, corrected with a reason (diff and log), and the annual report meets the registry criterion';

/** argon2id of the factories' password (as tests/support/factories.ts inserts people). */
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$rj4EvDYW+5Ug6qOXDKIxkQ$pOJ0HrFDH8sNSzugerFvH0ny//OBV6b5tvt2vh072G8';

interface Person { name: string; email: string; group: string }

/** LACIGF's coordinator, who claimed the demo entry, and the rapporteur the demo program names for its rural access panel. */
const beatriz: Person = { name: 'Beatriz Almeida', email: 'beatriz@lacigf.example', group: 'civil_society' };
const luis: Person = { name: 'Luis Acosta', email: 'luis@universidade.example', group: 'academia' };
const session = 'Acceso significativo en zonas rurales';

const pt = (key: string, values?: Record<string, string | number | Date>) => say('pt', key, values);

/**
 * The demo data as `cabildo seed demo` loads it, and the state the claims journey leaves (walked
 * there): the demo LACIGF entry handed over to Beatriz, its coordinator. Both accounts speak Portuguese.
 */
async function demoDataClaimed(site: Site): Promise<{ forum: { slug: string; title: string }; initiative: { slug: string; name: string }; year: number }> {
  const db = site.database.db;
  for (const module of modules) await module.seedDemo?.({ db, now: new Date(), onlyIfEmpty: false });
  const now = timestamp(new Date());
  const ids = new Map<string, string>();
  for (const person of [beatriz, luis]) {
    const id = newId();
    ids.set(person.email, id);
    await accountsDb(db).insertInto('users').values({
      id, email: person.email, name: person.name, password_hash: passwordHash, locale: 'pt', country: 'BR', stakeholder_group: person.group,
      affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: 0, created_at: now, updated_at: now,
    }).execute();
  }
  const forum = await eventsDb(db).selectFrom('events').select(['initiative_id', 'title', 'starts_at']).where('slug', '=', demoForum).executeTakeFirstOrThrow();
  await registryDb(db).updateTable('initiatives').set({ is_demo: 0, created_by: ids.get(beatriz.email)!, updated_at: now }).where('id', '=', forum.initiative_id!).execute();
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: forum.initiative_id!, user_id: ids.get(beatriz.email)!, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: now }).execute();
  const initiative = await registryDb(db).selectFrom('initiatives').select(['slug', 'name']).where('id', '=', forum.initiative_id!).executeTakeFirstOrThrow();
  // The forum opens at 09:00 in Montevideo: its UTC year is its year.
  return { forum: { slug: demoForum, title: forum.title }, initiative, year: new Date(forum.starts_at).getUTCFullYear() };
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

/** What a report's page says beside "Due". */
async function dueOn(page: Page): Promise<string> {
  return (await page.locator('dl.facts dt', { hasText: pt('reports.page.due') }).locator('xpath=following-sibling::dd[1]').textContent())!;
}

/** The app's runner polls: the clock moves only while no job is running, or a job claimed under the old clock would see its lease expire and run twice. */
async function moveClockTo(site: Site, at: Date): Promise<void> {
  for (;;) {
    const running = await site.database.db.selectFrom('jobs').select('id').where('status', '=', 'running').execute();
    if (running.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  site.clock.aheadMs = at.getTime() - Date.now();
}

export const reportsJourney = async (site: Site): Promise<void> => {
  const began = Date.now();
  // JOURNEY_STEPS=1 logs when each numbered step starts (where the time goes on a busy machine).
  const step = (n: string) => { if (process.env.JOURNEY_STEPS) console.log(`step ${n} at ${Math.round((Date.now() - began) / 1000)} s`); };
  step('0');
  const { forum, initiative, year } = await demoDataClaimed(site);
  const slug = forum.slug;
  const contexts: BrowserContext[] = [];
  const as = async (person: Person) => {
    const context = await newContext(site, 'pt');
    contexts.push(context);
    const page = await context.newPage();
    await visit(site, page, '/login');
    await page.getByLabel(pt('accounts.fields.email')).fill(person.email);
    await page.getByLabel(pt('accounts.fields.password')).fill(password);
    await submit(site, page, pt('accounts.login.submit'));
    return page;
  };

  try {
    step('1');
    // 1. Beatriz finds the forum's reports from its page. Two months on, every report is late by the
    //    default fortnight; the committee gives its rapporteurs 70 days, and none is late any more.
    const coordinator = await as(beatriz);
    await visit(site, coordinator, `/events/${slug}`);
    await follow(site, coordinator, pt('events.page.session_reports'));
    const overdueTitle = coordinator.locator('#overdue-title');
    // The demo program has twenty sessions (events/program/seeds.ts), the imported relatoría a draft.
    assert.equal(await overdueTitle.textContent(), pt('reports.event.overdue', { count: 20 }), 'the demo forum’s reports are late by default');
    await coordinator.getByLabel(pt('reports.field.days'), { exact: true }).fill('70');
    await submit(site, coordinator, pt('reports.event.save_deadline'));
    await coordinator.getByText(pt('reports.notice.deadline_saved')).waitFor();
    assert.equal(await overdueTitle.textContent(), pt('reports.event.overdue', { count: 0 }));

    step('2');
    // 2. In the session's form, she links its rapporteur to his account.
    await follow(site, coordinator, pt('reports.page.back_event', { title: forum.title }));
    await follow(site, coordinator, pt('events.program.link'));
    await follow(site, coordinator, pt('events.sessions.edit_link', { title: session }));
    const row = coordinator.locator('fieldset.person-row').filter({ has: coordinator.locator('input[value="Luis Acosta (demo)"]') });
    await row.getByLabel(pt('events.sessions.person.email'), { exact: true }).fill(luis.email);
    await submit(site, coordinator, pt('events.sessions.save'));
    await coordinator.getByText(pt('events.program.notice.session_saved')).waitFor();

    step('3');
    // 3. Luis finds the session among his, starts its report (prefilled with the session's people) and writes it.
    const rapporteur = await as(luis);
    await follow(site, rapporteur, pt('reports.nav.mine'));
    await submit(site, rapporteur, pt('reports.event.start', { title: session }));
    await rapporteur.getByText(pt('reports.notice.started')).waitFor();
    assert.equal(await rapporteur.locator('#field-participants_0_name').inputValue(), 'Rosa Quispe (demo)');
    // He writes in Portuguese, at a Spanish-speaking forum: the report says so (its text is marked with that language).
    await rapporteur.locator('#field-language').selectOption('pt');
    await rapporteur.locator('#field-onsite_group_civil_society').fill('18');
    await rapporteur.locator('#field-onsite_group_government').fill('7');
    await rapporteur.locator('#field-online_group_academia').fill('5');
    await rapporteur.locator('#field-summary').fill('O painel tratou de como levar **conectividade significativa** às zonas rurais da região.');
    await rapporteur.locator('#field-takeaways_0_text').fill('As redes comunitárias chegam aonde o mercado não chega.');
    await rapporteur.locator('#field-calls_to_action_0_who').fill('Reguladores');
    await rapporteur.locator('#field-calls_to_action_0_what').fill('Reservar espectro para redes comunitárias.');
    await submit(site, rapporteur, pt('reports.form.save'));
    await rapporteur.getByText(pt('reports.notice.saved')).waitFor();
    const reportPath = new URL(rapporteur.url()).pathname;
    const due = await dueOn(rapporteur);
    assert.match(due, /^\d{4}-\d{2}-\d{2}$/, 'a day, not yet late');

    step('4');
    // 4. The deadline passes with the report still a draft: two reminders in Portuguese, through the
    //    job queue, the second one's link back to the form; the organisers see it late.
    await moveClockTo(site, new Date(`${due}T23:59:00Z`));
    await site.mail.withSubject(luis.email, new RegExp(`^${pt('reports.mail.reminder_before.subject', { due, title: session })}$`));
    await site.mail.withSubject(luis.email, new RegExp(`^${pt('reports.mail.reminder_due.subject', { title: session })}$`));
    await openMailedLink(site, rapporteur, luis.email);
    assert.equal(await rapporteur.locator('h1').textContent(), pt('reports.form.edit_title', { title: session }));
    await visit(site, coordinator, `/events/${slug}/reports`);
    const late = coordinator.getByRole('table', { name: pt('reports.event.overdue_caption') }).getByRole('row').filter({ hasText: session });
    assert.ok((await late.textContent())!.includes(due), await late.textContent() ?? '');

    step('5');
    // 5. Luis sends it for review; Beatriz opens it from the late ones and publishes it.
    await follow(site, rapporteur, pt('reports.form.back', { title: session }));
    assert.equal(await dueOn(rapporteur), `${due} ${pt('reports.page.late')}`, 'late, beside the deadline');
    await submit(site, rapporteur, pt('reports.page.submit'));
    await rapporteur.getByText(pt('reports.notice.submitted')).waitFor();
    await follow(site, coordinator, pt('reports.event.open', { title: session }));
    await submit(site, coordinator, pt('reports.page.publish'));
    await coordinator.getByText(pt('reports.notice.published')).waitFor();

    step('6');
    // 6. A correction after publication: refused without a reason (said beside the field), then a
    //    second version with its reason, a word diff and a second entry in the public log.
    await visit(site, rapporteur, reportPath);
    await follow(site, rapporteur, pt('reports.page.amend'));
    await rapporteur.locator('#field-takeaways_0_text').fill('As redes comunitárias chegam aonde o mercado não chega, com financiamento público.');
    await submit(site, rapporteur, pt('reports.form.save_version'), 422);
    assert.equal(await rapporteur.locator('#error-reason').textContent(), pt('reports.errors.reason_needed'));
    const reason = 'Faltava a condição que o painel destacou';
    await rapporteur.locator('#field-reason').fill(reason);
    await submit(site, rapporteur, pt('reports.form.save_version'));
    await rapporteur.getByText(pt('reports.notice.amended')).waitFor();
    await follow(site, rapporteur, pt('reports.page.history'));
    await rapporteur.getByText(pt('reports.history.reason', { reason })).waitFor();
    assert.match((await rapporteur.locator('.word-diff ins').allTextContents()).join(' '), /financiamento público/);
    await visit(site, rapporteur, '/log');
    const entries = rapporteur.locator('.log-entries li').filter({ hasText: pt('reports.log.published') }).filter({ hasText: session });
    assert.equal(await entries.count(), 2, 'each version in the log');

    step('7');
    // 7. The annual report: the criterion pending, the year assembled from the published report, written, published: met, with the date.
    await visit(site, coordinator, `/initiatives/${initiative.slug}`);
    assert.equal(await coordinator.locator('ul.criteria li.pending').textContent(), `${pt('initiatives.criteria.annual_report', { year: 'none' })} (${pt('initiatives.criteria.state.pending')})`);
    await follow(site, coordinator, pt('reports.nav.mine'));
    await follow(site, coordinator, pt('reports.annual.list_title', { name: initiative.name }));
    await follow(site, coordinator, pt('reports.annual.write_year', { year }));
    const draft = await mainText(coordinator);
    assert.ok(draft.includes('com financiamento público') && draft.includes('Reservar espectro'), 'the takeaway and the call to action, as amended');
    // Participation by group, on site and online added: 18 + 7 + 5.
    assert.match((await coordinator.locator('main table').first().textContent())!, /Total\s*30/);
    await coordinator.locator('#field-introduction').fill('Em seu ano, o LACIGF reuniu a região em Montevidéu e acompanhou as iniciativas nacionais.');
    await coordinator.locator('#field-preparation').fill('Chamada aberta de propostas e um comitê de programa com os quatro setores.');
    await coordinator.locator('#field-outcomes').fill('Levar as conclusões sobre redes comunitárias ao IGF global.');
    await submit(site, coordinator, pt('reports.annual.save'));
    await coordinator.getByText(pt('reports.annual.notice.saved')).waitFor();
    await submit(site, coordinator, pt('reports.annual.publish', { year }));
    await coordinator.getByText(pt('reports.annual.notice.published')).waitFor();
    await follow(site, coordinator, pt('reports.annual.back_list', { name: initiative.name }));
    await follow(site, coordinator, pt('reports.annual.back_initiative', { name: initiative.name }));
    const published = (await registryDb(site.database.db).selectFrom('initiatives').select('annual_report_published_at').where('slug', '=', initiative.slug).executeTakeFirstOrThrow()).annual_report_published_at!;
    assert.equal(await coordinator.locator('ul.criteria li.met', { hasText: String(year) }).textContent(),
      `${pt('initiatives.criteria.annual_report', { year: String(year), published: new Date(published) })} (${pt('initiatives.criteria.state.met')})`);
  } finally {
    for (const context of contexts) await context.close();
  }
  console.log(budgetSummary(site, 'reports journey'));
};
