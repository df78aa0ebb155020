import assert from 'node:assert/strict';
import { checkPage, journey, newContext, say, type Site } from './browser.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { demoSlug, seedDemoConsultation } from '../../src/modules/consultations/seeds.ts';
import { seedDemoOpinion } from '../../src/modules/consultations/opinion/seeds.ts';
import { consultationsDb } from '../../src/modules/consultations/tables.ts';

/** A signed-in context, in English, with scripts off. */
async function signedIn(site: Site, userId: string) {
  const context = await newContext(site, 'en', { javaScriptEnabled: false });
  await context.addCookies([{ name: sessionCookie, value: await startSession(site.database.db, userId, new Date()), url: site.baseUrl }]);
  return context;
}

journey('in English without JavaScript: a visitor reads the demo consultation’s opinion map; a participant votes, changes a vote and proposes a statement; the chair redraws the map', async (site) => {
  const db = site.database.db;
  const now = new Date();
  await seedDemoInitiatives({ db, now, onlyIfEmpty: false });
  await seedDemoConsultation({ db, now, onlyIfEmpty: false });
  await seedDemoOpinion({ db, now, onlyIfEmpty: false }, demoSlug);
  const map = `/consultations/${demoSlug}/opinions`;

  // A visitor reads the map: groups, common ground, live counts, and is asked to sign in to vote.
  const visitor = await newContext(site, 'en', { javaScriptEnabled: false });
  const reading = await visitor.newPage();
  const shown = await reading.goto(map);
  assert.equal(shown?.status(), 200);
  await checkPage(site, reading, shown, { javaScript: false });
  const text = (await reading.locator('main').textContent())!;
  assert.match(text, /Group A: \d+ people/);
  assert.match(text, /Group B: \d+ people/);
  assert.ok(text.includes(say('en', 'consultations.opinion.bridging_title')));
  assert.ok(await reading.getByRole('img').first().isVisible(), 'the map is drawn');
  assert.ok(await reading.getByRole('link', { name: say('en', 'consultations.opinion.sign_in') }).isVisible());
  assert.equal(await reading.getByRole('button', { name: say('en', 'consultations.opinion.vote.agree'), exact: true }).count(), 0);
  await visitor.close();

  // A participant signs in (scripts off), agrees, changes their mind, proposes a statement.
  const id = newId();
  const stamp = timestamp(now);
  await accountsDb(db).insertInto('users').values({
    id, email: 'votante@example.org', name: 'Votante', password_hash: 'x', locale: 'en', country: 'UY', stakeholder_group: 'civil_society', affiliation: null,
    capacity: 'personal', email_verified_at: stamp, is_secretariat: 0, created_at: stamp, updated_at: stamp,
  }).execute();
  const participant = await signedIn(site, id);
  const page = await participant.newPage();
  await checkPage(site, page, await page.goto(map), { javaScript: false });
  const first = page.locator('form#statement-0');
  const [agreed] = await Promise.all([page.waitForNavigation(), first.getByRole('button', { name: say('en', 'consultations.opinion.vote.agree'), exact: true }).click()]);
  await checkPage(site, page, agreed, { javaScript: false });
  assert.ok((await page.locator('.notice').textContent())!.includes(say('en', 'consultations.opinion.notice.voted')));
  assert.equal(await page.locator('form#statement-0 button[aria-pressed="true"]').textContent(), say('en', 'consultations.opinion.vote.agree'));
  const [changed] = await Promise.all([page.waitForNavigation(), page.locator('form#statement-0').getByRole('button', { name: say('en', 'consultations.opinion.vote.disagree'), exact: true }).click()]);
  assert.equal(changed?.status(), 200);
  assert.ok((await page.locator('form#statement-0').textContent())!.includes(say('en', 'consultations.opinion.your_vote', { vote: say('en', 'consultations.opinion.vote.disagree') })));

  const propose = page.locator('form#propose');
  await propose.getByLabel(say('en', 'consultations.opinion.field.statement'), { exact: true }).fill('No');
  const [refused] = await Promise.all([page.waitForNavigation(), propose.getByRole('button', { name: say('en', 'consultations.opinion.propose') }).click()]);
  assert.equal(refused?.status(), 422);
  await checkPage(site, page, refused, { javaScript: false });
  assert.ok(await page.locator('#error-statement').isVisible(), 'the error sits beside the field');
  await page.locator('form#propose').getByLabel(say('en', 'consultations.opinion.field.statement'), { exact: true }).fill('Public libraries should offer free <b>Wi-Fi</b>.');
  const [proposed] = await Promise.all([page.waitForNavigation(), page.locator('form#propose').getByRole('button', { name: say('en', 'consultations.opinion.propose') }).click()]);
  assert.equal(proposed?.status(), 200);
  assert.ok((await page.locator('.notice').textContent())!.includes(say('en', 'consultations.opinion.notice.proposed')));
  await participant.close();

  // The chair (a demo account whose language is Spanish) sees it waiting, approves it, and redraws the map.
  const consultation = await consultationsDb(db).selectFrom('consultations').select('id').where('slug', '=', demoSlug).executeTakeFirstOrThrow();
  const { user_id: chairId } = await consultationsDb(db).selectFrom('consultation_people').select('user_id').where('consultation_id', '=', consultation.id).where('role', '=', 'chair').executeTakeFirstOrThrow();
  const chair = await signedIn(site, chairId);
  const chairing = await chair.newPage();
  await checkPage(site, chairing, await chairing.goto(map), { javaScript: false });
  assert.ok(await chairing.getByRole('heading', { name: say('es', 'consultations.opinion.moderation_title') }).isVisible());
  const waiting = chairing.locator('form', { hasText: 'Public libraries should offer free <b>Wi-Fi</b>.' });
  const [approved] = await Promise.all([chairing.waitForNavigation(), waiting.getByRole('button', { name: say('es', 'consultations.opinion.approve') }).click()]);
  await checkPage(site, chairing, approved, { javaScript: false });
  const [redrawn] = await Promise.all([chairing.waitForNavigation(), chairing.getByRole('button', { name: say('es', 'consultations.opinion.recompute') }).click()]);
  await checkPage(site, chairing, redrawn, { javaScript: false });
  assert.ok((await chairing.locator('.notice').textContent())!.includes(say('es', 'consultations.opinion.notice.recomputed')));
  await chair.close();
}, { kinds: ['sqlite'] });
