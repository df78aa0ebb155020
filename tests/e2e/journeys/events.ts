/// <reference lib="dom" />
// Page scripts (page.evaluate) run in the browser and use its DOM types.
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { budgetSummary, checkPage, follow, newContext, say, submit, visit, type Site } from '../browser.ts';
import { newId, timestamp } from '../../../src/platform/db/index.ts';
import type { Locale } from '../../../src/platform/i18n/index.ts';
import { accountsDb } from '../../../src/modules/accounts/tables.ts';
import { registryDb } from '../../../src/modules/initiatives/tables.ts';
import { eventsDb } from '../../../src/modules/events/tables.ts';
import { toLocalInput } from '../../../src/modules/events/time.ts';
import { password } from '../../support/factories.ts';

/**
 * Issue 10, item 11: an event from its creation to a hand raised online, through the pages people
 * use, in Spanish; then the public program and registration in English, Portuguese and French
 * with scripts off. Run on each database by its own file (events-journey*.test.ts).
 */
export const eventsJourneyName = 'in Spanish: create an event, open the call, two proposals (one fails the screening and is fixed), a committee with a conflict of interest, reviews, decisions, a clash flagged and fixed, publish, register until the waitlist, a cancellation promotes, the floor taken online; then the program and registration in English, Portuguese and French without JavaScript';

/** argon2id of the factories' password (as tests/support/factories.ts inserts people). */
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$rj4EvDYW+5Ug6qOXDKIxkQ$pOJ0HrFDH8sNSzugerFvH0ny//OBV6b5tvt2vh072G8';

interface Person { name: string; email: string; group: string; locale?: Locale }

const carla: Person = { name: 'Carla Rodríguez', email: 'carla@mesa.example', group: 'civil_society' };
// Proposers.
const ana: Person = { name: 'Ana Torres', email: 'ana@karisma.example', group: 'civil_society' };
const jorge: Person = { name: 'Jorge Vélez', email: 'jorge@isoc.example', group: 'technical_community' };
// The programme committee: Tatiana chairs; Lucía's organisation, Karisma, speaks in Ana's proposal.
const tatiana: Person = { name: 'Tatiana Ruiz', email: 'tatiana@lacnic.example', group: 'technical_community' };
const gustavo: Person = { name: 'Gustavo Méndez', email: 'gustavo@antioquia.example', group: 'government' };
const pedro: Person = { name: 'Pedro Salas', email: 'pedro@empresa.example', group: 'private_sector' };
const lucia: Person = { name: 'Lucía Pérez', email: 'lucia@karisma.example', group: 'civil_society' };
// The online moderator Ana's proposal names, and people who register.
const pablo: Person = { name: 'Pablo Díaz', email: 'pablo@colnodo.example', group: 'civil_society' };
const rosa: Person = { name: 'Rosa Jiménez', email: 'rosa@example.org', group: 'academia' };
const mateo: Person = { name: 'Mateo Rojas', email: 'mateo@example.org', group: 'private_sector' };
const elena: Person = { name: 'Elena Castro', email: 'elena@example.org', group: 'government' };
const readers: Person[] = [
  { name: 'Emily Carter', email: 'emily@example.net', group: 'technical_community', locale: 'en' },
  { name: 'João Silva', email: 'joao@example.com.br', group: 'civil_society', locale: 'pt' },
  { name: 'Camille Martin', email: 'camille@example.fr', group: 'intergovernmental', locale: 'fr' },
];

/** The accounts and the initiative the registry journey would leave (walked there); everything else happens in the pages. */
async function accountsAndInitiative(site: Site): Promise<void> {
  const db = site.database.db;
  const now = timestamp(new Date());
  const ids = new Map<string, string>();
  for (const person of [carla, ana, jorge, tatiana, gustavo, pedro, lucia, pablo, rosa, mateo, elena, ...readers]) {
    const id = newId();
    ids.set(person.email, id);
    await accountsDb(db).insertInto('users').values({
      id, email: person.email, name: person.name, password_hash: passwordHash, locale: person.locale ?? 'es', country: 'CO', stakeholder_group: person.group,
      affiliation: null, capacity: 'personal', email_verified_at: now, is_secretariat: 0, created_at: now, updated_at: now,
    }).execute();
  }
  const initiativeId = newId();
  await registryDb(db).insertInto('initiatives').values({
    id: initiativeId, slug: 'mcgi', name: 'Mesa Colombiana de Gobernanza de Internet', acronym: 'MCGI', type: 'national', region: 'latin_america_caribbean',
    year_established: 2014, website: null, contact_email: 'mesa@example.org', original_locale: 'es', status: 'listed', principles_accepted_at: now, is_demo: 0,
    search_name: 'mesa colombiana de gobernanza de internet mcgi', created_by: ids.get(carla.email)!, created_at: now, updated_at: now,
  }).execute();
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiativeId, user_id: ids.get(carla.email)!, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: now }).execute();
}

/** A browser of one person, signed in through the log-in page. */
async function signedIn(site: Site, person: Person, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const locale = person.locale ?? 'es';
  const context = await newContext(site, locale, options);
  const page = await context.newPage();
  const noScript = options.javaScriptEnabled === false;
  const opened = await page.goto('/login');
  await checkPage(site, page, opened, { javaScript: !noScript });
  await page.getByLabel(say(locale, 'accounts.fields.email')).fill(person.email);
  await page.getByLabel(say(locale, 'accounts.fields.password')).fill(password);
  await press(site, page, say(locale, 'accounts.login.submit'), { javaScript: !noScript });
  return { context, page };
}

/** Submits the form a button belongs to (any answer status) and checks the page, saying whether scripts run. */
async function press(site: Site, page: Page, buttonName: string, options: { javaScript?: boolean; status?: number } = {}): Promise<Response | null> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  if (options.status) assert.equal(response?.status(), options.status, `${buttonName} answered ${response?.status()}`);
  else assert.ok(response && response.status() < 400, `${buttonName} led to ${response?.status()}: ${await page.title()}`);
  await checkPage(site, page, response, { javaScript: options.javaScript });
  return response;
}

async function visitWithoutScript(site: Site, page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  await checkPage(site, page, response, { javaScript: false });
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

/** The program's link to a session's live queue (its title is hidden text after the link's words). */
async function openLiveQueue(site: Site, page: Page, session: string): Promise<void> {
  const link = page.locator('a[href$="/live"]', { hasText: session });
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.ok((await link.count()) === 0 && (await page.locator('h1').textContent())!.includes(session));
  await checkPage(site, page, response);
}

interface Speaker { name: string; organisation: string; group: string; gender: string; presence: 'onsite' | 'online' }

async function fillSpeaker(page: Page, i: number, s: Speaker): Promise<void> {
  await page.locator(`#field-speaker_${i}_name`).fill(s.name);
  await page.locator(`#field-speaker_${i}_organisation`).fill(s.organisation);
  await page.locator(`#field-speaker_${i}_stakeholder_group`).selectOption(s.group);
  await page.locator(`#field-speaker_${i}_country`).selectOption('CO');
  await page.locator(`#field-speaker_${i}_gender`).fill(s.gender);
  await page.locator(`#field-speaker_${i}_presence`).selectOption(s.presence);
  await page.locator(`#field-speaker_${i}_confirmed`).check();
}

async function fillPerson(page: Page, role: 'moderator' | 'online_moderator' | 'rapporteur', name: string, organisation: string): Promise<void> {
  await page.locator(`#field-${role}_name`).fill(name);
  await page.locator(`#field-${role}_organisation`).fill(organisation);
}

export const eventsJourney = async (site: Site): Promise<void> => {
  const began = Date.now();
  // JOURNEY_STEPS=1 logs when each numbered step starts (where the time goes on a busy machine).
  const step = (n: string) => { if (process.env.JOURNEY_STEPS) console.log(`step ${n} at ${Math.round((Date.now() - began) / 1000)} s`); };
  await accountsAndInitiative(site);
  const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);
  const zone = 'America/Bogota';
  // The event takes place in six weeks, on two days (as wall-clock times in Bogotá).
  const day1 = toLocalInput(new Date(Date.now() + 42 * 86_400_000).toISOString(), zone).slice(0, 10);
  const day2 = toLocalInput(new Date(Date.now() + 43 * 86_400_000).toISOString(), zone).slice(0, 10);
  const title = 'Foro Colombiano de Gobernanza de Internet';
  const contexts: BrowserContext[] = [];
  const as = async (person: Person, options: { javaScriptEnabled?: boolean } = {}) => {
    const opened = await signedIn(site, person, options);
    contexts.push(opened.context);
    return opened.page;
  };

  try {
    step('1');
    // 1. The committee creates the event, with its rooms, and publishes it.
    const organiser = await as(carla);
    await visit(site, organiser, '/events');
    await follow(site, organiser, es('events.list.mine'));
    await follow(site, organiser, es('events.mine.new_for', { name: 'Mesa Colombiana de Gobernanza de Internet' }));
    await organiser.getByRole('radio', { name: es('events.kind.annual_forum') }).check();
    await organiser.getByRole('radio', { name: es('events.format.hybrid') }).check();
    await organiser.getByLabel(es('events.fields.title'), { exact: true }).fill(title);
    await organiser.getByLabel(es('events.fields.description'), { exact: true }).fill('Dos días de diálogo multisectorial sobre el futuro de Internet en Colombia.');
    await organiser.getByLabel(es('events.fields.venue_name'), { exact: true }).fill('Biblioteca Virgilio Barco');
    await organiser.getByLabel(es('events.fields.venue_city'), { exact: true }).fill('Bogotá');
    await organiser.getByLabel(es('events.fields.venue_country'), { exact: true }).selectOption('CO');
    await organiser.getByLabel(es('events.fields.time_zone'), { exact: true }).fill(zone);
    await organiser.getByLabel(es('events.fields.start'), { exact: true }).fill(`${day1}T09:00`);
    // A mistake first: the end before the start, said beside the field, with what was typed kept.
    await organiser.getByLabel(es('events.fields.end'), { exact: true }).fill(`${day1}T08:00`);
    await organiser.getByRole('checkbox', { name: 'español', exact: true }).check();
    await organiser.getByRole('checkbox', { name: 'inglés', exact: true }).check();
    await organiser.getByRole('checkbox', { name: 'inglés ↔ español' }).check();
    await submit(site, organiser, es('events.form.create'), 422);
    assert.equal(await organiser.locator('#error-end').textContent(), es('events.errors.end_before_start'));
    assert.equal(await organiser.getByLabel(es('events.fields.title'), { exact: true }).inputValue(), title);
    await organiser.getByLabel(es('events.fields.end'), { exact: true }).fill(`${day2}T18:00`);
    await submit(site, organiser, es('events.form.create'));
    await organiser.getByText(es('events.notice.created')).waitFor();
    const eventPath = new URL(organiser.url()).pathname;

    await follow(site, organiser, es('events.rooms.manage'));
    for (const room of [{ name: 'Auditorio principal', capacity: '250', link: 'meet.example.org/auditorio' }, { name: 'Sala Rogelio Salmona', capacity: '60', link: '' }]) {
      const form = organiser.locator('#add-room');
      await form.getByLabel(es('events.rooms.name')).fill(room.name);
      await form.getByLabel(es('events.rooms.capacity')).fill(room.capacity);
      await form.getByLabel(es('events.rooms.online_link')).fill(room.link);
      await submit(site, organiser, es('events.rooms.add'));
      await organiser.getByText(es('events.notice.room_added')).waitFor();
    }
    await follow(site, organiser, es('events.rooms.back', { title }));
    await submit(site, organiser, es('events.page.publish'));
    await organiser.getByText(es('events.notice.published')).waitFor();
    assert.ok((await mainText(organiser)).includes('Auditorio principal'));
    // The public calendar has it, in its zone.
    const feed = await organiser.request.get('/events.ics');
    assert.equal(feed.status(), 200);
    assert.match(await feed.text(), /BEGIN:VTIMEZONE\r\nTZID:America\/Bogota/);

    step('2');
    // 2. The call opens today and closes in ten days (the default tracks and formats kept).
    await follow(site, organiser, es('events.call.open_one'));
    await organiser.getByLabel(es('events.call.opens'), { exact: true }).fill(toLocalInput(new Date(Date.now() - 3_600_000).toISOString(), zone));
    await organiser.getByLabel(es('events.call.closes'), { exact: true }).fill(toLocalInput(new Date(Date.now() + 10 * 86_400_000).toISOString(), zone));
    await submit(site, organiser, es('events.call.save'));
    await organiser.getByText(es('events.call.saved')).waitFor();

    step('3');
    // 3. Ana proposes from the event page; the rules, checked before sending, fail; she keeps a draft.
    const proposer = await as(ana);
    await visit(site, proposer, eventPath);
    await follow(site, proposer, es('events.call.propose'));
    const first = 'Redes comunitarias para la ruralidad';
    await proposer.getByLabel(es('events.proposals.fields.title'), { exact: true }).fill(first);
    await proposer.getByLabel(es('events.proposals.fields.description'), { exact: true }).fill('Cómo las redes comunitarias conectan a las veredas que el mercado no alcanza.');
    await proposer.getByRole('radio', { name: es('events.session_format.panel') }).check();
    await proposer.getByRole('radio', { name: es('events.tracks.universal_access_rights') }).check();
    await fillSpeaker(proposer, 0, { name: 'Luisa Gómez', organisation: 'MinTIC', group: 'government', gender: 'mujer', presence: 'onsite' });
    await fillSpeaker(proposer, 1, { name: 'Beto Ruiz', organisation: 'Karisma', group: 'civil_society', gender: 'hombre', presence: 'online' });
    await fillPerson(proposer, 'moderator', 'Ana Torres', 'Karisma');
    await fillPerson(proposer, 'online_moderator', pablo.name, 'Colnodo');
    await submit(site, proposer, es('events.proposals.check'));
    const failing = (await proposer.locator('#screening').textContent())!;
    assert.ok(failing.includes(es('events.screening.outcome.failed')), failing);
    await submit(site, proposer, es('events.proposals.save_draft'));
    await proposer.getByText(es('events.proposals.notice.created')).waitFor();
    // She comes back to it from her proposals, adds a third speaker and a rapporteur: every rule passes; she sends it.
    await follow(site, proposer, es('events.proposals.mine_title'));
    await follow(site, proposer, first);
    await follow(site, proposer, es('events.proposals.edit'));
    await fillSpeaker(proposer, 2, { name: 'Sofía Herrera', organisation: 'RENATA', group: 'technical_community', gender: 'mujer', presence: 'onsite' });
    await fillPerson(proposer, 'rapporteur', 'Diana Cruz', 'Universidad de los Andes');
    await submit(site, proposer, es('events.proposals.check'));
    const passing = (await proposer.locator('#screening').textContent())!;
    assert.ok(!passing.includes(es('events.screening.outcome.failed')), passing);
    await submit(site, proposer, es('events.proposals.submit'));
    await proposer.getByText(es('events.proposals.notice.submitted')).waitFor();

    // Jorge's proposal passes the first time.
    const second = 'Inteligencia artificial y elecciones';
    const otherProposer = await as(jorge);
    await visit(site, otherProposer, `${eventPath}/call`);
    await follow(site, otherProposer, es('events.call.propose'));
    await otherProposer.getByLabel(es('events.proposals.fields.title'), { exact: true }).fill(second);
    await otherProposer.getByLabel(es('events.proposals.fields.description'), { exact: true }).fill('Desinformación, moderación de contenidos y autoridades electorales.');
    await otherProposer.getByRole('radio', { name: `${es('events.session_format.roundtable')} (${es('events.call.minutes', { count: 90 })})` }).check();
    await otherProposer.getByRole('radio', { name: es('events.tracks.digital_trust_resilience') }).check();
    await fillSpeaker(otherProposer, 0, { name: 'María López', organisation: 'Registraduría Nacional', group: 'government', gender: 'mujer', presence: 'onsite' });
    await fillSpeaker(otherProposer, 1, { name: 'Andrés Mejía', organisation: 'ISOC Colombia', group: 'technical_community', gender: 'hombre', presence: 'onsite' });
    await fillSpeaker(otherProposer, 2, { name: 'Camila Ortiz', organisation: 'Medios Libres S.A.S.', group: 'private_sector', gender: 'mujer', presence: 'online' });
    await fillPerson(otherProposer, 'moderator', jorge.name, 'ISOC Colombia');
    await fillPerson(otherProposer, 'online_moderator', 'Laura Gil', 'ISOC Colombia');
    await fillPerson(otherProposer, 'rapporteur', 'Iván Prada', 'ISOC Colombia');
    await submit(site, otherProposer, es('events.proposals.submit'));
    await otherProposer.getByText(es('events.proposals.notice.submitted')).waitFor();

    step('4');
    // 4. The organisers see both, then seat a programme committee (review anonymised).
    await visit(site, organiser, eventPath);
    await follow(site, organiser, es('events.proposals.list_title'));
    assert.ok((await mainText(organiser)).includes(first) && (await mainText(organiser)).includes(second));
    await visit(site, organiser, eventPath);
    await follow(site, organiser, es('events.committee.link'));
    for (const [member, organisations, chair] of [[tatiana, 'LACNIC', true], [gustavo, 'Gobernación de Antioquia', false], [pedro, 'Empresa de Telecomunicaciones', false], [lucia, 'Karisma', false]] as const) {
      await organiser.getByLabel(es('events.committee.email'), { exact: true }).fill(member.email);
      await organiser.getByLabel(es('events.committee.group'), { exact: true }).selectOption(member.group);
      await organiser.getByLabel(es('events.committee.organisations'), { exact: true }).fill(organisations);
      if (chair) await organiser.getByLabel(es('events.committee.make_chair')).check();
      await submit(site, organiser, es('events.committee.add'));
      await organiser.getByText(es('events.committee.notice.member_added')).waitFor();
    }
    await organiser.getByLabel(es('events.committee.anonymous')).check();
    await submit(site, organiser, es('events.committee.save_criteria'));
    await organiser.getByText(es('events.committee.notice.criteria_saved')).waitFor();

    step('5');
    // 5. The chair finds the review from the event page and assigns: Lucía (Karisma) is kept off Ana's proposal, which names Karisma.
    const chair = await as(tatiana);
    await visit(site, chair, eventPath);
    await follow(site, chair, es('events.review.assignments_title'));
    await submit(site, chair, es('events.review.assign'));
    await chair.getByText(es('events.review.notice.assigned')).waitFor();
    const firstRow = chair.locator('tbody tr', { hasText: first });
    const reviewersOfFirst = (await firstRow.locator(`td[data-label="${es('events.review.reviewers')}"]`).textContent())!;
    assert.ok(!reviewersOfFirst.includes(lucia.name), reviewersOfFirst);
    assert.equal((await firstRow.locator(`td[data-label="${es('events.review.conflicts')}"]`).textContent())!.trim(), `${lucia.name}: ${es('events.review.coi.own_organisation')}`);
    assert.ok((await firstRow.textContent())!.includes(es('events.review.group_count', { count: 3 })));

    step('6');
    // 6. Each member reviews what they were given, from the event page; the names are withheld.
    const scores = { relevance: '5', content: '4', diversity: '4', format: '4' };
    for (const [member, page] of [[tatiana, chair], [gustavo, null], [pedro, null], [lucia, null]] as const) {
      const reviewer = page ?? (await as(member));
      await visit(site, reviewer, eventPath);
      await follow(site, reviewer, es('events.review.mine'));
      const mine = reviewer.locator('main ul').last();
      const titles = await mine.getByRole('link').allTextContents();
      if (member === lucia) assert.deepEqual(titles, [second], 'the conflict took Ana’s proposal from Lucía');
      for (const proposal of titles) {
        await follow(site, reviewer, proposal);
        assert.ok(!(await mainText(reviewer)).includes('Beto Ruiz') && !(await mainText(reviewer)).includes('Karisma'), 'names and organisations withheld');
        if (member === gustavo && proposal === first) {
          // A score missing: refused beside its field, nothing saved.
          await reviewer.getByLabel(es('events.review.criteria.relevance'), { exact: true }).selectOption('5');
          await submit(site, reviewer, es('events.review.save'), 422);
          await reviewer.locator('#error-score_content').waitFor();
        }
        for (const [key, score] of Object.entries(scores)) await reviewer.getByLabel(es(`events.review.criteria.${key}`), { exact: true }).selectOption(score);
        await reviewer.getByLabel(es('events.review.comment'), { exact: true }).fill(`Sólida y pertinente (${member.name.split(' ')[0]}).`);
        await submit(site, reviewer, es('events.review.save'));
        await reviewer.getByText(es('events.review.notice.saved')).waitFor();
        await follow(site, reviewer, es('events.review.desk_title'));
      }
    }

    step('7');
    // 7. The chair reads the overview and accepts both, with a published reason; the proposers are mailed.
    await follow(site, chair, es('events.review.overview_title'));
    for (const proposal of [first, second]) {
      await follow(site, chair, proposal);
      await chair.getByLabel(es('events.decision.decision'), { exact: true }).selectOption('accepted');
      await chair.getByLabel(es('events.decision.reason'), { exact: true }).fill(`Aceptada: la mejor valorada por los cuatro grupos (${proposal}).`);
      await submit(site, chair, es('events.decision.submit'));
      await chair.getByText(es('events.decision.notice.decided')).waitFor();
      await follow(site, chair, es('events.review.desk_title'));
      await follow(site, chair, es('events.review.overview_title'));
    }
    const decided = await site.mail.withSubject(ana.email, /aceptada/);
    assert.ok(decided.text.includes('Aceptada: la mejor valorada'), decided.text);
    await site.mail.withSubject(jorge.email, /aceptada/);
    // Ana reads the decision and the reviewers' comments, never their names.
    await visit(site, proposer, '/my/proposals');
    await follow(site, proposer, first);
    await follow(site, proposer, es('events.decision.see_outcome'));
    const outcome = await mainText(proposer);
    assert.ok(outcome.includes('Sólida y pertinente') && !outcome.includes(gustavo.name), outcome);
    await visit(site, proposer, eventPath);
    await follow(site, proposer, es('events.decision.public_link'));

    step('8');
    // 8. The organisers place the sessions: both in the auditorium at overlapping times, which the program flags.
    const place = async (session: string, room: string, start: string, end: string, status?: number) => {
      await follow(site, organiser, es('events.sessions.edit_link', { title: session }));
      await organiser.getByLabel(es('events.sessions.field.room'), { exact: true }).selectOption({ label: room });
      await organiser.getByLabel(es('events.sessions.field.start'), { exact: true }).fill(start);
      await organiser.getByLabel(es('events.sessions.field.end'), { exact: true }).fill(end);
      await submit(site, organiser, es('events.sessions.schedule'), status);
    };
    const auditorium = `Auditorio principal (${es('events.rooms.capacity_of', { count: 250 })})`;
    const salmona = `Sala Rogelio Salmona (${es('events.rooms.capacity_of', { count: 60 })})`;
    await visit(site, organiser, eventPath);
    await follow(site, organiser, es('events.program.link'));
    await place(first, auditorium, `${day1}T10:00`, `${day1}T11:30`);
    await organiser.getByText(es('events.program.notice.session_scheduled')).waitFor();
    // Pablo, its online moderator, has an account: his address links him, so the live queue opens to him (step 11).
    const pabloRow = organiser.locator('fieldset.person-row').filter({ has: organiser.locator(`input[value="${pablo.name}"]`) });
    await pabloRow.getByLabel(es('events.sessions.person.email'), { exact: true }).fill(pablo.email);
    await submit(site, organiser, es('events.sessions.save'));
    await organiser.getByText(es('events.program.notice.session_saved')).waitFor();
    await follow(site, organiser, es('events.sessions.back'));
    // A slip: the end typed before the start is refused beside the field.
    await place(second, auditorium, `${day1}T11:00`, `${day1}T10:00`, 422);
    assert.equal(await organiser.locator('#error-end').textContent(), es('events.errors.end_before_start'));
    await organiser.getByLabel(es('events.sessions.field.end'), { exact: true }).fill(`${day1}T12:30`);
    await submit(site, organiser, es('events.sessions.schedule'));
    await organiser.locator('#session-conflicts-title').waitFor();
    await follow(site, organiser, es('events.sessions.back'));
    assert.equal(await organiser.locator('#conflicts-title').textContent(), es('events.program.conflicts_title', { count: 1 }));
    const clash = (await organiser.locator('section[aria-labelledby="conflicts-title"] li').textContent())!;
    assert.ok(clash.startsWith('Auditorio principal') && clash.includes(first) && clash.includes(second), clash);
    // The form for a session of the organisers' own (a plenary, a break) is one link away.
    await follow(site, organiser, es('events.sessions.add'));
    await follow(site, organiser, es('events.sessions.back'));
    // Publishing with the clash open needs the box ticked: refused beside it.
    await submit(site, organiser, es('events.program.publish'), 422);
    assert.equal(await organiser.locator('#error-confirm').textContent(), es('events.program.confirm_needed', { count: 1 }));
    // Fixed: the second session moves to the other room; nothing clashes; published.
    await place(second, salmona, `${day1}T11:00`, `${day1}T12:30`);
    // The second session takes registrations of its own: 40 seats (decision 023).
    await organiser.getByLabel(es('events.sessions.field.capacity'), { exact: true }).fill('40');
    await submit(site, organiser, es('events.sessions.save'));
    await follow(site, organiser, es('events.sessions.back'));
    assert.equal(await organiser.locator('#conflicts-title').textContent(), es('events.program.conflicts_title', { count: 0 }));
    await submit(site, organiser, es('events.program.publish'));
    await organiser.getByText(es('events.program.notice.program_published')).waitFor();
    await follow(site, organiser, es('events.program.see_published'));
    assert.ok((await mainText(organiser)).includes(es('events.program.current_version', { version: 1 })));

    step('9');
    // 9. One online seat: Rosa gets it, Mateo and Elena wait, in order.
    await visit(site, organiser, eventPath);
    await follow(site, organiser, es('events.registration.manage'));
    await organiser.getByLabel(es('events.checkin.online_capacity'), { exact: true }).fill('1');
    await submit(site, organiser, es('events.checkin.save'));
    await organiser.getByText(es('events.checkin.saved')).waitFor();
    const registrant = new Map<Person, Page>();
    for (const [person, expected] of [[rosa, 'confirmed'], [mateo, 'waitlisted'], [elena, 'waitlisted']] as const) {
      const page = await as(person);
      registrant.set(person, page);
      await visit(site, page, eventPath);
      await page.getByRole('radio', { name: es('events.registration.presence.online') }).check();
      await submit(site, page, es('events.registration.submit'));
      await page.getByText(es(`events.registration.notice.${expected}`)).waitFor();
    }
    const presence = es('events.registration.presence.online');
    assert.ok((await mainText(registrant.get(elena)!)).includes(es('events.registration.status.waitlisted', { presence, position: 2 })));
    assert.ok((await mainText(registrant.get(elena)!)).includes(es('events.registration.seats_full', { presence, waiting: 2 })));
    // Rosa finds her registrations on her page; the online link is hers now, not Mateo's.
    await visit(site, registrant.get(rosa)!, '/my/events');
    await visit(site, registrant.get(rosa)!, eventPath);
    await registrant.get(rosa)!.getByRole('link', { name: es('events.rooms.online_link') }).waitFor();
    assert.equal(await registrant.get(mateo)!.getByRole('link', { name: es('events.rooms.online_link') }).count(), 0);

    step('10');
    // 10. Rosa cancels with the link in her confirmation, elsewhere and without script: Mateo, first in line, gets the seat and a mail.
    const confirmation = await site.mail.withSubject(rosa.email, /Inscripción confirmada/);
    const cancelLink = new URL(confirmation.text.match(/https?:\/\/\S+\/registration\/cancel\/\S+/)![0]);
    const elsewhere = await newContext(site, 'es', { javaScriptEnabled: false });
    contexts.push(elsewhere);
    const linkPage = await elsewhere.newPage();
    await visitWithoutScript(site, linkPage, cancelLink.pathname);
    // The answer is a page at the form's own address (plus its anchor), which waitForNavigation does not see as a navigation.
    const [cancelled] = await Promise.all([
      linkPage.waitForResponse((r) => r.request().method() === 'POST'),
      linkPage.getByRole('button', { name: es('events.registration.link.confirm'), exact: true }).click(),
    ]);
    assert.equal(cancelled.status(), 200);
    await linkPage.getByRole('heading', { name: es('events.registration.link.done_title') }).waitFor();
    await checkPage(site, linkPage, cancelled, { javaScript: false });
    const promoted = await site.mail.withSubject(mateo.email, /Tiene una plaza/);
    assert.ok(promoted.attachments?.some((a) => a.filename.endsWith('.ics')), 'the seat comes with the event for the calendar');
    await visit(site, registrant.get(mateo)!, eventPath);
    assert.ok((await mainText(registrant.get(mateo)!)).includes(es('events.registration.status.confirmed', { presence })));
    await visit(site, registrant.get(elena)!, eventPath);
    assert.ok((await mainText(registrant.get(elena)!)).includes(es('events.registration.status.waitlisted', { presence, position: 1 })));
    await visit(site, organiser, `${eventPath}/registrations`);
    // Elena, still waiting for the event, takes a seat in the second session from the published program.
    await visit(site, registrant.get(elena)!, `${eventPath}/program?view=published`);
    // The button's name ends with the session's title, visually hidden; the only session with seats of its own.
    const [registered] = await Promise.all([registrant.get(elena)!.waitForNavigation(), registrant.get(elena)!.getByRole('button', { name: es('events.session_registration.submit') }).click()]);
    assert.ok(registered && registered.status() < 400);
    await checkPage(site, registrant.get(elena)!, registered);
    await registrant.get(elena)!.getByText(es('events.session_registration.notice.confirmed')).waitFor();

    step('11');
    // 11. In the session, Mateo asks for the floor online; Pablo, its online moderator, gives it.
    const participant = registrant.get(mateo)!;
    await follow(site, participant, es('events.program.link'));
    await openLiveQueue(site, participant, first);
    await submit(site, participant, es('events.floor.ask_floor'));
    await participant.getByText(es('events.floor.notice.asked')).waitFor();
    const moderator = await as(pablo);
    await visit(site, moderator, `${eventPath}/program`);
    await openLiveQueue(site, moderator, first);
    assert.ok((await moderator.getByRole('table', { name: es('events.floor.queue_title') }).textContent())!.includes(mateo.name));
    await submit(site, moderator, `${es('events.floor.mark.took_floor')} ${mateo.name}`);
    await moderator.getByText(es('events.floor.notice.marked')).waitFor();
    const handled = es('events.floor.handled_line', { who: mateo.name, group: es('common.stakeholder.private_sector'), presence: es('events.floor.presence.online'), status: es('events.floor.status.took_floor') });
    assert.ok((await mainText(moderator)).includes(handled), await mainText(moderator));
    assert.equal(await moderator.locator('#live-queue > [role="status"]').textContent(), es('events.floor.waiting_count', { count: 0 }));
  } finally {
    for (const context of contexts) await context.close();
  }

  step('12');
  // 12. In English, Portuguese and French, scripts off: the list (English), the public program, and registering in person.
  const slug = (await eventsDb(site.database.db).selectFrom('events').select('slug').executeTakeFirstOrThrow()).slug;
  for (const reader of readers) {
    const locale = reader.locale!;
    const { context, page } = await signedIn(site, reader, { javaScriptEnabled: false });
    try {
      if (locale === 'en') {
        await visitWithoutScript(site, page, '/events?format=hybrid&language=es');
        assert.equal(await page.locator('h2#results').textContent(), say('en', 'events.list.results_upcoming', { count: 1 }));
      }
      await visitWithoutScript(site, page, `/events/${slug}/program${locale === 'fr' ? '?zone=Asia/Tokyo' : ''}`);
      const program = await mainText(page);
      assert.ok(program.includes('Redes comunitarias para la ruralidad') && program.includes('Inteligencia artificial y elecciones'), program);
      assert.ok(program.includes(say(locale, 'events.program.current_version', { version: 1 })));
      if (locale === 'fr') assert.ok(program.includes('Asia/Tokyo'), 'the reader’s zone beside the event’s');
      const [opened] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: say(locale, 'events.program.back', { title }), exact: true }).click()]);
      await checkPage(site, page, opened, { javaScript: false });
      await page.getByRole('radio', { name: say(locale, 'events.registration.presence.onsite') }).check();
      await press(site, page, say(locale, 'events.registration.submit'), { javaScript: false });
      await page.getByText(say(locale, 'events.registration.notice.confirmed')).waitFor();
      await site.mail.withSubject(reader.email, new RegExp(title));
    } finally {
      await context.close();
    }
  }
  console.log(budgetSummary(site, 'events journey'));
};
