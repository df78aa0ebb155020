import assert from 'node:assert/strict';
import { checkPage, journey, say } from './browser.ts';
import { person, submit } from './consultationsPeople.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { seedDemoEvents } from '../../src/modules/events/seeds.ts';

const forum = 'demo-lacigf-foro-regional';

journey('in Portuguese without JavaScript: a member of a forum’s organising committee opens a consultation on its declaration from the event’s page, and the event lists it', async (site) => {
  const db = site.database.db;
  await seedDemoInitiatives({ db, now: new Date(), onlyIfEmpty: false });
  await seedDemoEvents({ db, now: new Date(), onlyIfEmpty: false });
  const event = await db.selectFrom('events').select(['initiative_id', 'title']).where('slug', '=', forum).executeTakeFirstOrThrow();
  // A committee member who does not coordinate: one of the event's organisers.
  const member = await person(site, 'membro@example.org', 'Marta Membro', 'government');
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: event.initiative_id, user_id: member.id, role: 'member', stakeholder_group: 'government', joined_at: timestamp(new Date()) }).execute();

  const page = await member.context.newPage();
  const eventPage = await page.goto(`/events/${forum}`);
  await checkPage(site, page, eventPage, { javaScript: false });
  assert.ok((await page.locator('#consultations-title').textContent())!.includes(say('pt', 'consultations.event.title')));

  const [form] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: say('pt', 'consultations.event.open'), exact: true }).click()]);
  await checkPage(site, page, form, { javaScript: false });
  assert.equal(await page.locator('h1').textContent(), say('pt', 'consultations.new.event_title', { event: event.title }));
  const fields = page.locator('form#new-consultation');
  await fields.getByLabel(say('pt', 'consultations.field.title'), { exact: true }).fill('Declaração do Foro Regional');
  await fields.getByLabel(say('pt', 'consultations.field.markdown'), { exact: true }).fill('# Acesso\n\nPedimos metas públicas de conectividade nas zonas rurais.\n');
  const opened = await submit(page, say('pt', 'consultations.new.submit'));
  assert.equal(opened?.status(), 200);
  await checkPage(site, page, opened, { javaScript: false });
  assert.ok((await page.locator('.notice').textContent())!.includes(say('pt', 'consultations.notice.opened')));
  // The organiser chairs it, and its page names the event.
  assert.ok((await page.locator('main').textContent())!.includes('Marta Membro'));
  assert.equal(await page.getByRole('link', { name: event.title, exact: true }).getAttribute('href'), `/events/${forum}`);
  assert.equal(await page.getByRole('link', { name: say('pt', 'consultations.manage.settings'), exact: true }).count(), 1);

  const listed = await page.goto(`/events/${forum}`);
  await checkPage(site, page, listed, { javaScript: false });
  assert.equal(await page.locator('section[aria-labelledby="consultations-title"] li a').textContent(), 'Declaração do Foro Regional');
}, { kinds: ['sqlite'] });
