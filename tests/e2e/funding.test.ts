import assert from 'node:assert/strict';
import { checkPage, journey, newContext, say } from './browser.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { seedDemoEvents } from '../../src/modules/events/seeds.ts';
import { seedDemoFunding } from '../../src/modules/funding/seeds.ts';
import { fundingDb } from '../../src/modules/funding/tables.ts';

journey('a visitor reads the demo forum’s ledger in Spanish; without JavaScript, its committee drafts income with a bad amount, fixes it beside the field and publishes it', async (site) => {
  const db = site.database.db;
  const now = new Date();
  for (const seed of [seedDemoInitiatives, seedDemoEvents, seedDemoFunding]) await seed({ db, now, onlyIfEmpty: false });
  const { initiative_id } = await fundingDb(db).selectFrom('funding_entries').select('initiative_id').executeTakeFirstOrThrow();
  const { slug } = await registryDb(db).selectFrom('initiatives').select('slug').where('id', '=', initiative_id).executeTakeFirstOrThrow();
  const ledger = `/initiatives/${slug}/funding`;

  // A visitor, in Spanish: totals, the government's share flagged above the demo's 35 %, the correction marked.
  const visitor = await newContext(site, 'es', { javaScriptEnabled: false });
  const page = await visitor.newPage();
  const shown = await page.goto(ledger);
  assert.equal(shown?.status(), 200);
  await checkPage(site, page, shown, { javaScript: false });
  const main = (await page.locator('main').textContent())!;
  assert.ok(main.includes(say('es', 'funding.warning.title')));
  assert.match(main, /Los patrocinadores de Gobierno aportaron 36,8\s% de los ingresos en USD, más del 35\s%/);
  assert.match(main, /En USDIngresos43\.500,00\sUS\$/, "in the reader’s number format");
  assert.ok(main.includes(say('es', 'funding.entry.corrected_by')));
  await visitor.close();

  // A committee member of that initiative, signed in, with script off.
  const userId = newId();
  const stamp = timestamp(now);
  await accountsDb(db).insertInto('users').values({
    id: userId, email: 'tesoreria@example.org', name: 'Tesorería', password_hash: 'x', locale: 'en', country: 'UY', stakeholder_group: 'civil_society', affiliation: null,
    capacity: 'personal', email_verified_at: stamp, is_secretariat: 0, created_at: stamp, updated_at: stamp,
  }).execute();
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id, user_id: userId, role: 'member', stakeholder_group: 'civil_society', joined_at: stamp }).execute();
  const committee = await newContext(site, 'en', { javaScriptEnabled: false });
  await committee.addCookies([{ name: sessionCookie, value: await startSession(db, userId, now), url: site.baseUrl }]);
  const form = await committee.newPage();
  const opened = await form.goto(`${ledger}/income`);
  await checkPage(site, form, opened, { javaScript: false });
  const income = form.locator('form#income');
  await income.getByLabel(say('en', 'funding.field.sponsor'), { exact: true }).fill('Fundación <b>Abierta</b>');
  await income.getByLabel(say('en', 'funding.field.stakeholder_group'), { exact: true }).selectOption('civil_society');
  await income.getByLabel(say('en', 'funding.field.currency'), { exact: true }).selectOption('UYU');
  await income.getByLabel(say('en', 'funding.field.amount'), { exact: true }).fill('2500.505');
  await income.getByLabel(say('en', 'funding.field.received_on'), { exact: true }).fill('2026-10-01');
  const [refused] = await Promise.all([form.waitForNavigation(), income.getByRole('button', { name: say('en', 'funding.form.draft_income') }).click()]);
  assert.equal(refused?.status(), 422);
  await checkPage(site, form, refused, { javaScript: false });
  assert.equal(await form.locator('#error-amount').textContent(), say('en', 'funding.errors.amount_too_precise', { currency: 'UYU' }));
  assert.equal(await form.locator('#field-sponsor').inputValue(), 'Fundación <b>Abierta</b>', 'what was typed comes back');
  await income.getByLabel(say('en', 'funding.field.amount'), { exact: true }).fill('2500.50');
  const [drafted] = await Promise.all([form.waitForNavigation(), income.getByRole('button', { name: say('en', 'funding.form.draft_income') }).click()]);
  await checkPage(site, form, drafted, { javaScript: false });
  // Its receipt, a photo of the signed agreement kept private (a disguised file is refused first).
  const [receiptForm] = await Promise.all([form.waitForNavigation(), form.getByRole('link', { name: say('en', 'funding.receipt.attach_link', { what: 'Fundación <b>Abierta</b>' }) }).click()]);
  await checkPage(site, form, receiptForm, { javaScript: false });
  const attachReceipt = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await form.getByLabel(say('en', 'funding.receipt.file'), { exact: true }).setInputFiles(file);
    const [answer] = await Promise.all([form.waitForNavigation(), form.getByRole('button', { name: say('en', 'funding.receipt.submit') }).click()]);
    return answer;
  };
  const disguised = await attachReceipt({ name: 'convenio.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  assert.equal(disguised?.status(), 422);
  await checkPage(site, form, disguised, { javaScript: false });
  assert.equal(await form.locator('#error-receipt').textContent(), say('en', 'funding.errors.receipt_type'));
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const attached = await attachReceipt({ name: 'convenio.png', mimeType: 'image/png', buffer: png });
  await checkPage(site, form, attached, { javaScript: false });
  assert.ok((await form.locator('.notice').textContent())!.includes(say('en', 'funding.notice.receipt_attached')));
  assert.ok(await form.getByRole('link', { name: say('en', 'funding.receipt.link', { type: 'PNG', kb: 1 }) }).isVisible());
  const publishName = say('en', 'funding.drafts.publish', { what: 'Fundación <b>Abierta</b>' });
  await Promise.all([form.waitForNavigation(), form.getByRole('button', { name: publishName }).click()]);
  assert.ok((await form.locator('.notice').textContent())!.includes(say('en', 'funding.notice.published')));
  assert.match((await form.locator('#income-title + ul').textContent())!, /Fundación <b>Abierta<\/b>: UYU\s2,500\.50/);
  // In its own currency: the pesos are not added to the dollars.
  assert.ok((await form.locator('#totals-UYU').textContent())!.includes('In UYU'));
  const correct = await form.goto(`${ledger}/entries/${(await fundingDb(db).selectFrom('funding_entries').select('id').where('currency', '=', 'UYU').executeTakeFirstOrThrow()).id}/correct`);
  await checkPage(site, form, correct, { javaScript: false });
  await committee.close();
}, { kinds: ['sqlite'] });
