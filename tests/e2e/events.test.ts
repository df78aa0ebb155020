/// <reference lib="dom" />
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { budgetSummary, checkPage, follow, journey, newContext, say, submit, visit, type Site } from './browser.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { password as factoryPassword } from '../support/factories.ts';
import { eventsDb } from '../../src/modules/events/tables.ts';
import { toLocalInput } from '../../src/modules/events/time.ts';

/** argon2id of the factories' password (as tests/support/factories.ts inserts people). */
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$rj4EvDYW+5Ug6qOXDKIxkQ$pOJ0HrFDH8sNSzugerFvH0ny//OBV6b5tvt2vh072G8';

/** A coordinator of a national initiative, inserted as the registry journey would leave them. */
async function coordinatorOfInitiative(site: Site): Promise<void> {
  const db = site.database.db;
  const now = timestamp(new Date());
  const userId = newId();
  await accountsDb(db).insertInto('users').values({
    id: userId, email: 'carla@mesa.example', name: 'Carla Rodríguez', password_hash: passwordHash, locale: 'es', country: 'CO',
    stakeholder_group: 'civil_society', affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: 0, created_at: now, updated_at: now,
  }).execute();
  const initiativeId = newId();
  await registryDb(db).insertInto('initiatives').values({
    id: initiativeId, slug: 'mcgi', name: 'Mesa Colombiana de Gobernanza de Internet', acronym: 'MCGI', type: 'national', region: 'latin_america_caribbean',
    year_established: 2014, website: null, contact_email: 'mesa@example.org', original_locale: 'es', status: 'listed', principles_accepted_at: now, is_demo: 0,
    search_name: 'mesa colombiana de gobernanza de internet mcgi', created_by: userId, created_at: now, updated_at: now,
  }).execute();
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiativeId, user_id: userId, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: now }).execute();
}

async function addRoom(site: Site, page: Page, room: { name: string; capacity: string; link: string }): Promise<void> {
  const es = (key: string) => say('es', key);
  const form = page.locator('#add-room');
  await form.getByLabel(es('events.rooms.name')).fill(room.name);
  await form.getByLabel(es('events.rooms.capacity')).fill(room.capacity);
  await form.getByLabel(es('events.rooms.online_link')).fill(room.link);
  await submit(site, page, es('events.rooms.add'));
  await page.getByText(es('events.notice.room_added')).waitFor();
}

const title = 'Foro Colombiano de Gobernanza de Internet 2027';

journey('in Spanish: a coordinator creates an event with two rooms, publishes it and finds it in /events and the calendar; then /events and the event in English without JavaScript', async (site) => {
  await coordinatorOfInitiative(site);
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const context = await newContext(site, 'es');
  const page = await context.newPage();

  await visit(site, page, '/login');
  await page.getByLabel(es('accounts.fields.email')).fill('carla@mesa.example');
  await page.getByLabel(es('accounts.fields.password')).fill(factoryPassword);
  await submit(site, page, es('accounts.login.submit'));
  await visit(site, page, '/events');
  await follow(site, page, es('events.list.mine'));
  await follow(site, page, es('events.mine.new_for', { name: 'Mesa Colombiana de Gobernanza de Internet' }));

  await page.getByRole('radio', { name: es('events.kind.annual_forum') }).check();
  await page.getByRole('radio', { name: es('events.format.hybrid') }).check();
  await page.getByLabel(es('events.fields.title'), { exact: true }).fill(title);
  await page.getByLabel(es('events.fields.description'), { exact: true }).fill('Dos días de diálogo multisectorial sobre el futuro de Internet en Colombia.');
  await page.getByLabel(es('events.fields.venue_name'), { exact: true }).fill('Biblioteca Virgilio Barco');
  await page.getByLabel(es('events.fields.venue_city'), { exact: true }).fill('Bogotá');
  await page.getByLabel(es('events.fields.venue_country'), { exact: true }).selectOption('CO');
  await page.getByLabel(es('events.fields.time_zone'), { exact: true }).fill('America/Bogota');
  await page.getByLabel(es('events.fields.start'), { exact: true }).fill('2027-03-10T09:00');
  // A mistake first: the end before the start, said beside the field, with what was typed kept.
  await page.getByLabel(es('events.fields.end'), { exact: true }).fill('2027-03-09T18:00');
  await page.getByRole('checkbox', { name: 'español', exact: true }).check();
  await page.getByRole('checkbox', { name: 'inglés', exact: true }).check();
  await page.getByRole('checkbox', { name: 'inglés ↔ español' }).check();
  await submit(site, page, es('events.form.create'), 422);
  assert.equal(await page.locator('#error-end').textContent(), es('events.errors.end_before_start'));
  assert.equal(await page.getByLabel(es('events.fields.title'), { exact: true }).inputValue(), title);
  await page.getByLabel(es('events.fields.end'), { exact: true }).fill('2027-03-11T18:00');
  await submit(site, page, es('events.form.create'));
  await page.getByText(es('events.notice.created')).waitFor();
  const eventPath = new URL(page.url()).pathname;

  await follow(site, page, es('events.rooms.manage'));
  await addRoom(site, page, { name: 'Auditorio principal', capacity: '250', link: 'meet.example.org/auditorio' });
  await addRoom(site, page, { name: 'Sala Rogelio Salmona', capacity: '60', link: '' });
  await follow(site, page, es('events.rooms.back', { title }));
  await submit(site, page, es('events.page.publish'));
  await page.getByText(es('events.notice.published')).waitFor();
  const main = await page.locator('main').textContent();
  assert.ok(main!.includes('Auditorio principal') && main!.includes('Sala Rogelio Salmona'));
  assert.ok(main!.includes('miércoles, 10 de marzo de 2027, 9:00 (UTC−05:00)'), main!);

  await follow(site, page, es('events.page.back'));
  await page.getByRole('link', { name: title }).waitFor();
  const feed = await page.request.get('/events.ics');
  assert.equal(feed.status(), 200);
  const ics = await feed.text();
  assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:America\/Bogota/);
  assert.match(ics, /DTSTART;TZID=America\/Bogota:20270310T090000\r\n/);
  assert.match(ics, new RegExp(`SUMMARY:${title}\\r\\n`));
  await context.close();

  // A reader in English, scripts off: the list, its filters, the event and a way back.
  const reader = await newContext(site, 'en', { javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  const list = await readerPage.goto('/events?format=hybrid&language=es');
  assert.equal(list?.status(), 200);
  await checkPage(site, readerPage, list, { javaScript: false });
  assert.equal(await readerPage.locator('h2#results').textContent(), say('en', 'events.list.results_upcoming', { count: 1 }));
  const [opened] = await Promise.all([readerPage.waitForNavigation(), readerPage.getByRole('link', { name: title }).click()]);
  assert.equal(new URL(readerPage.url()).pathname, eventPath);
  await checkPage(site, readerPage, opened, { javaScript: false });
  assert.ok((await readerPage.locator('main').textContent())!.includes('Wednesday, March 10, 2027'));
  await readerPage.getByRole('link', { name: say('en', 'events.page.back') }).waitFor();
  await reader.close();
  console.log(budgetSummary(site, 'events'));
}, { kinds: ['sqlite'] });

journey('in Spanish: the organiser opens the call; a proposer checks the screening rules and keeps a draft (the call pages checked: axe, HTML, budget, 320 px)', async (site) => {
  await coordinatorOfInitiative(site);
  const db = site.database.db;
  const now = Date.now();
  const initiative = await registryDb(db).selectFrom('initiatives').select('id').executeTakeFirstOrThrow();
  const stamp = timestamp(new Date(now));
  await eventsDb(db).insertInto('events').values({
    id: newId(), slug: 'dialogo-ciberseguridad', initiative_id: initiative.id, kind: 'dialogue', format: 'hybrid', title: 'Diálogo sobre ciberseguridad', description: null,
    original_locale: 'es', venue_name: null, venue_city: 'Bogotá', venue_country: 'CO', time_zone: 'America/Bogota', starts_at: timestamp(new Date(now + 30 * 86_400_000)),
    ends_at: timestamp(new Date(now + 31 * 86_400_000)), status: 'published', is_demo: 0, created_by: null, created_at: stamp, updated_at: stamp,
  }).execute();
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const context = await newContext(site, 'es');
  const page = await context.newPage();
  await visit(site, page, '/login');
  await page.getByLabel(es('accounts.fields.email')).fill('carla@mesa.example');
  await page.getByLabel(es('accounts.fields.password')).fill(factoryPassword);
  await submit(site, page, es('accounts.login.submit'));

  await visit(site, page, '/events/dialogo-ciberseguridad/call/edit');
  await page.getByLabel(es('events.call.opens'), { exact: true }).fill(toLocalInput(new Date(now - 86_400_000).toISOString(), 'America/Bogota'));
  await page.getByLabel(es('events.call.closes'), { exact: true }).fill(toLocalInput(new Date(now + 10 * 86_400_000).toISOString(), 'America/Bogota'));
  await submit(site, page, es('events.call.save'));
  await page.getByText(es('events.call.saved')).waitFor();

  await follow(site, page, es('events.call.propose'));
  await page.getByLabel(es('events.proposals.fields.title'), { exact: true }).fill('Respuesta a incidentes en la región');
  await page.getByLabel(es('events.proposals.fields.description'), { exact: true }).fill('Una mesa redonda sobre CSIRT nacionales.');
  await page.getByRole('radio', { name: `${es('events.session_format.roundtable')} (${es('events.call.minutes', { count: 90 })})` }).check();
  await page.getByRole('radio', { name: es('events.tracks.digital_trust_resilience') }).check();
  await page.locator('#field-speaker_0_name').fill('Luisa Gómez');
  await submit(site, page, es('events.proposals.check'));
  assert.ok((await page.locator('#screening').textContent())!.includes(es('events.screening.outcome.failed')));
  await submit(site, page, es('events.proposals.save_draft'));
  await page.getByText(es('events.proposals.notice.created')).waitFor();
  await follow(site, page, es('events.proposals.mine_title'));
  await visit(site, page, '/events/dialogo-ciberseguridad/proposals');
  await context.close();
  console.log(budgetSummary(site, 'events call'));
}, { kinds: ['sqlite'] });

journey('the program (events/program): the organisers’ working copy with a clash, a session’s page, a bad placement, publishing with the clash confirmed; the public program in French without JavaScript', async (site) => {
  await coordinatorOfInitiative(site);
  const db = site.database.db;
  const now = timestamp(new Date());
  const eventId = newId();
  const initiative = await registryDb(db).selectFrom('initiatives').select('id').where('slug', '=', 'mcgi').executeTakeFirstOrThrow();
  await db.insertInto('events').values({
    id: eventId, slug: 'foro-programa', initiative_id: initiative.id, kind: 'annual_forum', format: 'hybrid', title: 'Foro con programa', description: null, original_locale: 'es',
    venue_name: null, venue_city: 'Bogotá', venue_country: 'CO', time_zone: 'America/Bogota', starts_at: '2027-03-10T14:00:00.000Z', ends_at: '2027-03-11T23:00:00.000Z',
    status: 'published', is_demo: 0, created_by: null, created_at: now, updated_at: now,
  }).execute();
  const rooms = [newId(), newId()];
  await db.insertInto('event_rooms').values([
    { id: rooms[0], event_id: eventId, name: 'Auditorio', capacity: 200, online_link: null, position: 0 },
    { id: rooms[1], event_id: eventId, name: 'Sala 2', capacity: 40, online_link: null, position: 1 },
  ]).execute();
  const sessions = [newId(), newId()];
  for (const [i, id] of sessions.entries()) {
    await db.insertInto('event_sessions').values({
      id, event_id: eventId, proposal_id: null, title: i === 0 ? 'Acceso significativo' : 'Ciberseguridad', description: null, original_locale: 'es', format: 'panel', track_id: null,
      modality: 'hybrid', room_id: rooms[i], starts_at: i === 0 ? '2027-03-10T14:00:00.000Z' : '2027-03-10T15:00:00.000Z', ends_at: '2027-03-10T16:00:00.000Z',
      expected_attendance: null, capacity: i === 0 ? 30 : null, created_at: now, updated_at: now,
    }).execute();
    await db.insertInto('event_session_people').values({
      id: newId(), session_id: id, role: 'speaker', user_id: null, name: 'Beto Ruiz', organisation: 'Karisma', stakeholder_group: 'civil_society', country: 'CO', gender: null,
      presence: 'onsite', confirmed: 1, position: 0,
    }).execute();
  }
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const context = await newContext(site, 'es');
  const page = await context.newPage();
  await visit(site, page, '/login');
  await page.getByLabel(es('accounts.fields.email')).fill('carla@mesa.example');
  await page.getByLabel(es('accounts.fields.password')).fill(factoryPassword);
  await submit(site, page, es('accounts.login.submit'));

  await visit(site, page, '/events/foro-programa/program');
  assert.ok((await page.locator('#conflicts-title').textContent())!.includes(es('events.program.conflicts_title', { count: 1 })));
  await follow(site, page, es('events.sessions.edit_link', { title: 'Ciberseguridad' }));
  await page.getByLabel(es('events.sessions.field.end'), { exact: true }).fill('2027-03-10T08:00');
  await submit(site, page, es('events.sessions.schedule'), 422);
  assert.equal(await page.locator('#error-end').textContent(), es('events.errors.end_before_start'));
  await visit(site, page, '/events/foro-programa/sessions/new');
  await visit(site, page, '/events/foro-programa/program');
  await page.getByLabel(es('events.program.confirm_label', { count: 1 })).check();
  await submit(site, page, es('events.program.publish'));
  await page.getByText(es('events.program.notice.program_published')).waitFor();
  // A session with seats of its own (decision 023): registering from the published program, then the status there.
  await visit(site, page, '/events/foro-programa/program?view=published');
  // The button's name ends with the session's title (visually hidden): the only such button on the page.
  const [registered] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: es('events.session_registration.submit') }).click()]);
  assert.ok(registered && registered.status() < 400);
  await checkPage(site, page, registered);
  await page.getByText(es('events.session_registration.notice.confirmed')).waitFor();
  await page.getByRole('button', { name: es('events.session_registration.cancel') }).waitFor();
  await context.close();

  const reader = await newContext(site, 'fr', { javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  const program = await readerPage.goto('/events/foro-programa/program?zone=Asia/Tokyo');
  assert.equal(program?.status(), 200);
  await checkPage(site, readerPage, program, { javaScript: false });
  assert.ok((await readerPage.locator('main').textContent())!.includes(say('fr', 'events.program.current_version', { version: 1 })));
  await readerPage.getByRole('link', { name: say('fr', 'events.program.back', { title: 'Foro con programa' }) }).waitFor();
  await readerPage.getByRole('link', { name: say('fr', 'events.session_registration.login') }).waitFor();
  await reader.close();
  console.log(budgetSummary(site, 'events program'));
}, { kinds: ['sqlite'] });

journey('registration pages (decision 018): register, the organisers list, my events, the cancellation link without JavaScript', async (site) => {
  await coordinatorOfInitiative(site);
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const db = site.database.db;
  const now = timestamp(new Date());
  const initiative = await registryDb(db).selectFrom('initiatives').select('id').where('slug', '=', 'mcgi').executeTakeFirstOrThrow();
  // A published hybrid webinar with one seat in person, straight into the database (its creation is walked above).
  await db.insertInto('events').values({
    id: newId(), slug: 'dialogo-abierto-2027', initiative_id: initiative.id, kind: 'dialogue', format: 'hybrid', title: 'Diálogo abierto 2027', description: null,
    original_locale: 'es', venue_name: null, venue_city: 'Bogotá', venue_country: 'CO', time_zone: 'America/Bogota', starts_at: '2027-03-10T14:00:00.000Z',
    ends_at: '2027-03-10T22:00:00.000Z', status: 'published', is_demo: 0, created_by: null, created_at: now, updated_at: now, onsite_capacity: 1, online_capacity: null,
  }).execute();
  const context = await newContext(site, 'es');
  const page = await context.newPage();
  await visit(site, page, '/login');
  await page.getByLabel(es('accounts.fields.email')).fill('carla@mesa.example');
  await page.getByLabel(es('accounts.fields.password')).fill(factoryPassword);
  await submit(site, page, es('accounts.login.submit'));

  await visit(site, page, '/events/dialogo-abierto-2027');
  await page.getByRole('radio', { name: es('events.registration.presence.onsite') }).check();
  await submit(site, page, es('events.registration.submit'));
  await page.getByText(es('events.registration.notice.confirmed')).waitFor();
  await visit(site, page, '/events/dialogo-abierto-2027/registrations');
  await visit(site, page, '/my/events');
  await context.close();

  // The link in the confirmation, opened elsewhere with scripts off: no session needed.
  const elsewhere = await newContext(site, 'es', { javaScriptEnabled: false });
  const linkPage = await elsewhere.newPage();
  const mail = await site.mail.lastTo('carla@mesa.example');
  const link = new URL(mail.text.match(/https?:\/\/\S+\/registration\/cancel\/\S+/)![0]);
  const opened = await linkPage.goto(link.pathname);
  await checkPage(site, linkPage, opened, { javaScript: false });
  // The answer is a page at the form's own address (plus its anchor), which waitForNavigation does not see as a navigation.
  const [done] = await Promise.all([
    linkPage.waitForResponse((r) => r.request().method() === 'POST'),
    linkPage.getByRole('button', { name: es('events.registration.link.confirm'), exact: true }).click(),
  ]);
  assert.equal(done.status(), 200);
  await linkPage.getByRole('heading', { name: es('events.registration.link.done_title') }).waitFor();
  // Checked as a first visit would see it again: the spent link's page.
  await checkPage(site, linkPage, done, { javaScript: false });
  await elsewhere.close();
}, { kinds: ['sqlite'] });

journey('the review (events/review): the committee, the chair’s assignment table, an anonymised review form refused then saved, the overview and the decision (axe, HTML, budget, 320 px)', async (site) => {
  await coordinatorOfInitiative(site);
  const db = eventsDb(site.database.db);
  const now = Date.now();
  const stamp = timestamp(new Date(now));
  const carla = (await accountsDb(site.database.db).selectFrom('users').select('id').where('email', '=', 'carla@mesa.example').executeTakeFirstOrThrow()).id;
  const initiative = await registryDb(site.database.db).selectFrom('initiatives').select('id').executeTakeFirstOrThrow();
  const eventId = newId();
  await db.insertInto('events').values({
    id: eventId, slug: 'foro-revision', initiative_id: initiative.id, kind: 'dialogue', format: 'hybrid', title: 'Foro con revisión', description: null, original_locale: 'es',
    venue_name: null, venue_city: 'Bogotá', venue_country: 'CO', time_zone: 'America/Bogota', starts_at: timestamp(new Date(now + 30 * 86_400_000)),
    ends_at: timestamp(new Date(now + 31 * 86_400_000)), status: 'published', is_demo: 0, created_by: null, created_at: stamp, updated_at: stamp,
  }).execute();
  await db.insertInto('event_calls').values({
    event_id: eventId, opens_at: timestamp(new Date(now - 86_400_000)), closes_at: timestamp(new Date(now + 10 * 86_400_000)), min_speakers: 3, min_stakeholder_groups: 3,
    max_sessions_per_speaker: 3, anonymous_review: 1, created_at: stamp, updated_at: stamp,
  }).execute();
  const proposalId = newId();
  await db.insertInto('event_proposals').values({
    id: proposalId, event_id: eventId, proposer_id: null, title: 'Redes comunitarias', description: 'Con Luisa Gómez de MinTIC.', policy_questions: null, original_locale: 'es',
    format: 'panel', track_id: null, modality: 'hybrid', status: 'submitted', version: 1, submitted_at: stamp, withdrawn_at: null, created_at: stamp, updated_at: stamp,
  }).execute();
  await db.insertInto('event_proposal_people').values({
    id: newId(), proposal_id: proposalId, role: 'speaker', user_id: null, name: 'Luisa Gómez', organisation: 'MinTIC', stakeholder_group: 'government', country: 'CO', gender: 'mujer',
    presence: 'onsite', confirmed: 1, position: 0,
  }).execute();
  const memberId = newId();
  await db.insertInto('event_review_members').values({ id: memberId, event_id: eventId, user_id: carla, stakeholder_group: 'civil_society', is_chair: 1, organisations: null, created_at: stamp }).execute();
  await db.insertInto('event_review_assignments').values({ proposal_id: proposalId, member_id: memberId, event_id: eventId, created_at: stamp }).execute();

  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const context = await newContext(site, 'es');
  const page = await context.newPage();
  await visit(site, page, '/login');
  await page.getByLabel(es('accounts.fields.email')).fill('carla@mesa.example');
  await page.getByLabel(es('accounts.fields.password')).fill(factoryPassword);
  await submit(site, page, es('accounts.login.submit'));

  await visit(site, page, '/events/foro-revision/committee');
  await visit(site, page, '/events/foro-revision/review/assignments');
  await visit(site, page, `/events/foro-revision/proposals/${proposalId}/review`);
  assert.ok(!(await page.locator('main').textContent())!.includes('Luisa Gómez'), 'names withheld');
  await page.getByLabel(es('events.review.criteria.relevance'), { exact: true }).selectOption('5');
  await submit(site, page, es('events.review.save'), 422);
  for (const key of ['relevance', 'content', 'diversity', 'format']) await page.getByLabel(es(`events.review.criteria.${key}`), { exact: true }).selectOption('4');
  await submit(site, page, es('events.review.save'));
  await page.getByText(es('events.review.notice.saved')).waitFor();
  await visit(site, page, '/events/foro-revision/review/overview');
  await visit(site, page, `/events/foro-revision/proposals/${proposalId}/decision`);
  await page.getByLabel(es('events.decision.decision'), { exact: true }).selectOption('accepted');
  await page.getByLabel(es('events.decision.reason'), { exact: true }).fill('Pertinente y equilibrada.');
  await submit(site, page, es('events.decision.submit'));
  await page.getByText(es('events.decision.notice.decided')).waitFor();
  await visit(site, page, '/events/foro-revision/decisions');
  await context.close();
  console.log(budgetSummary(site, 'events review'));
}, { kinds: ['sqlite'] });
