import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { registerInitiative, seatMember, verifiedPerson } from '../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../tests/support/events.ts';
import type { TestClient } from '../../../tests/support/client.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { fundingDb } from './tables.ts';
import { hasPublishedFunding } from './index.ts';

const script = '<script>alert("x")</script>';
const income = (fields: Record<string, string> = {}) => ({
  sponsor: 'Colnodo', stakeholder_group: 'civil_society', support: 'cash', currency: 'USD', amount: '1500.50', occurred_on: '2026-09-01', conditions: '', description: '', ...fields,
});

/** Drafts an entry through the form and answers its id (from the redirect's anchor). */
async function draft(client: TestClient, path: string, fields: Record<string, string>): Promise<string> {
  const page = await client.post(path, fields);
  assert.equal(page.status, 303, page.html.slice(0, 3000));
  return page.location!.split('#entry-')[1]!;
}

async function ledgerWorld(t: TestApp) {
  const { coordinator, initiative } = await organiser(t);
  const event = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${event}/publish`, {})).status, 303);
  const eventId = (await t.database.db.selectFrom('events').select('id').where('slug', '=', event).executeTakeFirstOrThrow()).id as string;
  return { coordinator, initiative, event, eventId, ledger: `/initiatives/${initiative}/funding` };
}

const logged = async (t: TestApp) => Number((await sql<{ n: number }>`select count(*) as n from log_entries where kind = ${'funding.entry_published'}`.execute(t.database.db)).rows[0]!.n);

eachApp('the committee drafts, publishes and corrects its ledger; the public sees totals per currency, shares by stakeholder group, warnings, budgets against spending, exports and the log', async (t) => {
  const { coordinator, initiative, event, eventId, ledger } = await ledgerWorld(t);
  const anonymous = t.client();
  const outsider = await verifiedPerson(t, { email: 'outsider@example.org' });
  const member = await seatMember(t, initiative, { email: 'vocal@example.org', name: 'Vocal', group: 'government' });

  const empty = await anonymous.get(ledger);
  assert.equal(empty.status, 200);
  assert.match(empty.html, /Nothing has been published yet/);
  assert.doesNotMatch(empty.html, /<form method="post"/, 'visitors get no forms');

  // Only the committee drafts; anonymous visitors are sent to log in.
  assert.equal((await outsider.post(`${ledger}/income`, income())).status, 403);
  assert.match((await anonymous.post(`${ledger}/income`, income())).location ?? '', /^\/login/);

  // Bad amounts and currencies come back beside their field, in the reader's language.
  const refusals: Array<[Record<string, string>, string, RegExp]> = [
    [{ amount: '-5' }, 'amount', /Enter an amount of zero or more/],
    [{ amount: '10.005' }, 'amount', /USD does not have that many decimals/],
    [{ amount: '1.5', currency: 'JPY' }, 'amount', /JPY does not have that many decimals/],
    [{ amount: '1e3' }, 'amount', /Enter the amount as a number/],
    [{ currency: 'XYZ' }, 'currency', /Choose a currency from the list/],
    [{ currency: 'XAU' }, 'currency', /Choose a currency from the list/],
    [{ occurred_on: '2026-02-30' }, 'occurred_on', /Enter a real date/],
    [{ stakeholder_group: 'donors' }, 'stakeholder_group', /Choose one of the options/],
  ];
  for (const [fields, field, message] of refusals) {
    const refused = await coordinator.post(`${ledger}/income`, income(fields));
    assert.equal(refused.status, 422, JSON.stringify(fields));
    assert.match(refused.html, new RegExp(`<p class="error" id="error-${field}">${message.source}`), JSON.stringify(fields));
  }
  const spanish = await seatMember(t, initiative, { email: 'es@example.org', group: 'academia', locale: 'es' });
  spanish.language = 'es';
  assert.match((await spanish.post(`${ledger}/income`, income({ amount: '10.005' }))).html, /USD no tiene tantos decimales/);
  assert.equal(await fundingDb(t.database.db).selectFrom('funding_entries').select('id').executeTakeFirst(), undefined, 'nothing refused was stored');

  // A draft is the committee's until published; script in every field is shown as text.
  const colnodo = await draft(coordinator, `${ledger}/income`, income({ sponsor: `Colnodo ${script}`, conditions: `Logo ${script}`, description: `Apoyo ${script}` }));
  assert.doesNotMatch((await anonymous.get(ledger)).html, /Colnodo/);
  const drafts = await member.get(ledger);
  assert.match(drafts.html, /Income: Colnodo &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;, \$1,500\.50/);
  assert.doesNotMatch(drafts.html, /<script>alert/);
  assert.equal((await outsider.post(`${ledger}/entries/${colnodo}/publish`, {})).status, 403);
  const initiativeId = (await t.database.db.selectFrom('initiatives').select('id').where('slug', '=', initiative).executeTakeFirstOrThrow()).id as string;
  assert.equal(await hasPublishedFunding(t.database.db, initiativeId), false, 'a draft is not published funding (the toolkit’s step)');
  assert.equal((await coordinator.post(`${ledger}/entries/${colnodo}/publish`, {})).status, 303);
  assert.equal(await hasPublishedFunding(t.database.db, initiativeId), true);
  assert.equal((await coordinator.post(`${ledger}/entries/${colnodo}/publish`, {})).status, 409, 'published once');
  assert.equal((await coordinator.post(`${ledger}/entries/${colnodo}/discard`, {})).status, 409, 'a published entry stays');

  const mintic = await draft(member, `${ledger}/income`, income({ sponsor: 'MinTIC', stakeholder_group: 'government', amount: '500' }));
  assert.equal((await member.post(`${ledger}/entries/${mintic}/publish`, {})).status, 303);
  const euros = await draft(member, `${ledger}/income`, income({ sponsor: 'Fundación Europea', stakeholder_group: 'civil_society', support: 'in_kind', currency: 'eur', amount: '1000,5' }));
  assert.equal((await member.post(`${ledger}/entries/${euros}/publish`, {})).status, 303);
  const venue = await draft(coordinator, `${ledger}/expense`, { category: 'venue', currency: 'USD', amount: '300', occurred_on: '2026-12-01', event: eventId, description: `Sala ${script}` });
  assert.equal((await coordinator.post(`${ledger}/entries/${venue}/publish`, {})).status, 303);
  assert.equal((await coordinator.post(`${ledger}/expense`, { category: 'venue', currency: 'USD', amount: '1', occurred_on: '2026-12-01', event: 'not-an-event' })).status, 422);
  assert.equal((await coordinator.post(`${ledger}/budgets`, { event: eventId, currency: 'USD', amount: '1000' })).status, 303);
  const unwanted = await draft(coordinator, `${ledger}/expense`, { category: 'other', currency: 'USD', amount: '5', occurred_on: '2026-12-01' });
  assert.equal((await coordinator.post(`${ledger}/entries/${unwanted}/discard`, {})).status, 303);

  let page = (await anonymous.get(ledger)).html;
  assert.match(page, /<h3 id="totals-USD">In USD<\/h3>/);
  assert.match(page, /<dt>Income<\/dt><dd>\$2,000\.50<\/dd>/, 'USD income alone: the euros are not added');
  assert.match(page, /<h3 id="totals-EUR">In EUR<\/h3>[\s\S]*<dt>Income<\/dt><dd>€1,000\.50<\/dd>/);
  assert.match(page, /<dt>Balance<\/dt><dd>\$1,700\.50<\/dd>/);
  assert.match(page, /Civil society: \$1,500\.50 \(75%\)/, 'the bar chart names each group with its amount and share');
  assert.match(page, /Colnodo &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; gave 75% of the income in USD, more than the 50% this forum set/);
  assert.match(page, /Sponsors from Civil society gave 75% of the income in USD/);
  assert.match(page, /<a href="\/events\/[^"]+">Foro Colombiano de Gobernanza de Internet<\/a> \(USD\): planned \$1,000\.00; spent \$300\.00 \(30% of the budget\)/);
  assert.doesNotMatch(page, /<script>alert/);
  assert.doesNotMatch(page, /Sala de prueba|\$5\.00/, 'a discarded draft is gone');

  // A correction: a new entry pointing at the published one, which stays, marked; totals count the correction.
  const form = await coordinator.get(`${ledger}/entries/${colnodo}/correct`);
  assert.equal(form.status, 200);
  assert.match(form.html, /id="field-amount" name="amount" type="text" value="1500.50"/);
  assert.equal((await outsider.get(`${ledger}/entries/${colnodo}/correct`)).status, 403);
  const correction = await draft(coordinator, `${ledger}/entries/${colnodo}/correct`, income({ sponsor: 'Colnodo', amount: '1200' }));
  assert.equal((await coordinator.post(`${ledger}/entries/${correction}/correct`, income())).status, 409, 'a draft is not corrected');
  assert.equal((await coordinator.post(`${ledger}/entries/${correction}/publish`, {})).status, 303);
  const again = await coordinator.post(`${ledger}/entries/${colnodo}/correct`, income({ amount: '1' }));
  assert.equal(again.status, 409);
  assert.match(again.html, /This entry has already been corrected/);
  page = (await anonymous.get(ledger)).html;
  assert.match(page, new RegExp(`<li id="entry-${colnodo}" class="superseded">[\\s\\S]*?<strong>Corrected by</strong> <a href="#entry-${correction}">Colnodo, September 1, 2026</a>`));
  assert.match(page, new RegExp(`<li id="entry-${correction}">[\\s\\S]*?This is a correction of <a href="#entry-${colnodo}">`));
  assert.match(page, /<dt>Income<\/dt><dd>\$1,700\.00<\/dd>/);
  assert.match(page, /gave 70\.6% of the income in USD/);

  // The threshold is the committee's: above 70.6 %, no warning.
  assert.equal((await coordinator.post(`${ledger}/threshold`, { max_share: '0' })).status, 422);
  assert.equal((await outsider.post(`${ledger}/threshold`, { max_share: '80' })).status, 403);
  assert.equal((await coordinator.post(`${ledger}/threshold`, { max_share: '80' })).status, 303);
  const calmer = (await anonymous.get(ledger)).html;
  assert.doesNotMatch(calmer, /of the income in USD/);
  assert.match(calmer, /Fundación Europea gave 100% of the income in EUR, more than the 80%/, 'each currency is judged on its own');

  // Exports and the API: published entries only, in integer minor units; the corrected one not counted.
  const csv = await anonymous.get(`${ledger}.csv`);
  assert.equal(csv.response.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
  const lines = csv.html.trim().split('\r\n');
  assert.equal(lines[0], 'id,kind,occurred_on,currency,amount_minor,amount,sponsor,stakeholder_group,support,conditions,category,event,description,corrects,corrected_by,counted,published_at,receipt_sha256');
  assert.equal(lines.length, 6, 'five published entries');
  assert.match(csv.html, new RegExp(`${colnodo},income,2026-09-01,USD,150050,1500.50,"Colnodo <script>alert\\(""x""\\)</script>",civil_society,cash,.*,${correction},no,`));
  const api = await anonymous.json('GET', `/api/initiatives/${initiative}/funding`, undefined);
  assert.equal(api.status, 200);
  const usd = api.body.totals.find((x: { currency: string }) => x.currency === 'USD');
  assert.deepEqual({ income: usd.income_minor, expenses: usd.expenses_minor, exponent: usd.exponent }, { income: 170000, expenses: 30000, exponent: 2 });
  assert.equal(api.body.entries.find((e: { id: string }) => e.id === colnodo).counted, false);
  assert.deepEqual(api.body.budgets, [{ event: { slug: event, title: 'Foro Colombiano de Gobernanza de Internet' }, currency: 'USD', planned_minor: 100000, actual_minor: 30000 }]);
  const json = await anonymous.get(`${ledger}.json`);
  assert.equal(JSON.parse(json.html).entries.length, 5);
  assert.equal((await anonymous.json('GET', '/api/initiatives/nadie/funding', undefined)).status, 404);
  assert.match((await anonymous.get('/api/openapi.json')).html, /\/initiatives\/\{slug\}\/funding/);

  // Each publication is in the public log, which verifies; published entries are found by search.
  assert.equal(await logged(t), 5);
  assert.match((await anonymous.get('/log')).html, /Funding entry published/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null);
  assert.match((await anonymous.get('/search?q=Colnodo')).html, new RegExp(`href="${ledger}#entry-`));
  assert.match((await anonymous.get('/search?q=sala')).html, new RegExp(`href="${ledger}#entry-${venue}"`), 'an expense by its description');
}, { postgres: true });

eachApp('a correction of another initiative’s entry is not found; two corrections of one entry published at once: one stands', async (t) => {
  const { coordinator, ledger } = await ledgerWorld(t);
  const second = await seatMember(t, ledger.split('/')[2]!, { email: 'co2@example.org', group: 'government', role: 'coordinator' });
  const other = await verifiedPerson(t, { email: 'bo@example.org', group: 'government' });
  const otherSlug = await registerInitiative(other, { name: 'Foro de Gobernanza de Internet de Bolivia', acronym: 'FGI-BO', countries: ['BO'] });
  const theirs = await draft(other, `/initiatives/${otherSlug}/funding/income`, income({ sponsor: 'Entel' }));
  assert.equal((await other.post(`/initiatives/${otherSlug}/funding/entries/${theirs}/publish`, {})).status, 303);
  assert.equal((await coordinator.post(`${ledger}/entries/${theirs}/correct`, income())).status, 404, 'not an entry of this ledger');
  assert.equal((await coordinator.post(`/initiatives/${otherSlug}/funding/entries/${theirs}/correct`, income())).status, 403, 'not their committee');

  const entry = await draft(coordinator, `${ledger}/income`, income());
  assert.equal((await coordinator.post(`${ledger}/entries/${entry}/publish`, {})).status, 303);
  const a = await draft(coordinator, `${ledger}/entries/${entry}/correct`, income({ amount: '1400' }));
  const b = await draft(second, `${ledger}/entries/${entry}/correct`, income({ amount: '1300' }));
  const answers = await Promise.all([coordinator.post(`${ledger}/entries/${a}/publish`, {}), second.post(`${ledger}/entries/${b}/publish`, {})]);
  assert.deepEqual(answers.map((x) => x.status).sort(), [303, 409]);
  const published = await fundingDb(t.database.db).selectFrom('funding_entries').select('amount').where('corrects_id', '=', entry).where('status', '=', 'published').execute();
  assert.equal(published.length, 1, 'one correction stands');
  assert.equal(await logged(t), 3, 'their entry, ours and one correction');
}, { postgres: true });

/** A small real PDF, as scanners write them (header, one empty page, trailer). */
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function attach(client: TestClient, path: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const body = new FormData();
  body.append('_csrf', await client.csrfToken());
  body.append('receipt', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'recibo.pdf');
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return client.request(path, { method: 'POST', body });
}

eachApp('receipts: checked by their bytes and size, private unless the committee opens them, final once published and covered by the log', async (t) => {
  const { coordinator, ledger } = await ledgerWorld(t);
  const visitor = t.client();
  const outsider = await verifiedPerson(t, { email: 'outsider@example.org' });
  const entry = await draft(coordinator, `${ledger}/income`, income({ sponsor: 'Colnodo' }));
  const form = `${ledger}/entries/${entry}/receipt/attach`;

  assert.equal((await coordinator.get(form)).status, 200);
  assert.equal((await outsider.get(form)).status, 403);
  assert.equal((await attach(outsider, form, pdf)).status, 403);
  assert.match((await visitor.get(form)).location ?? '', /^\/login/);

  // A disguised file, one too large to keep and nothing at all: refused beside the field, nothing kept.
  const disguised = await attach(coordinator, form, Buffer.from(`<html>${script}</html>`));
  assert.equal(disguised.status, 422);
  assert.match(disguised.html, /<p class="error" id="error-receipt">This file is not a PDF or a PNG, JPEG or WebP image/);
  const large = await attach(coordinator, form, Buffer.concat([pdf, Buffer.alloc(1_100_000)]));
  assert.equal(large.status, 422);
  assert.match(large.html, /larger than 1 MB/);
  assert.equal((await attach(coordinator, form, Buffer.alloc(0))).status, 422);
  assert.equal((await attach(coordinator, form, Buffer.concat([pdf, Buffer.alloc(9 * 1024 * 1024)]))).status, 413, 'beyond what the route reads at all');
  assert.equal(await fundingDb(t.database.db).selectFrom('funding_receipts').select('entry_id').executeTakeFirst(), undefined);

  // Kept private, then replaced by a public one while still a draft; then published with it.
  assert.equal((await attach(coordinator, form, pdf)).status, 303);
  let page = await coordinator.get(ledger);
  assert.match(page.html, /Receipt \(PDF, 1 KB\)<\/a> · only the committee and the secretariat can open it/);
  assert.equal((await attach(coordinator, form, pdf, { public: 'on' })).status, 303);
  assert.equal((await coordinator.post(`${ledger}/entries/${entry}/publish`, {})).status, 303);
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  const file = await visitor.get(`${ledger}/entries/${entry}/receipt`);
  assert.equal(file.status, 200);
  assert.equal(file.response.headers.get('content-type'), 'application/pdf');
  assert.match(file.response.headers.get('content-disposition') ?? '', /^attachment; filename="receipt-.+\.pdf"$/);
  assert.equal(file.html, pdf.toString(), 'the very bytes uploaded');
  const exported = (await visitor.get(`${ledger}.json`)).html;
  assert.ok(exported.includes(`"sha256":"${sha256}"`) && exported.includes(`/funding/entries/${entry}/receipt"`), 'the export names the receipt and where to get it');
  assert.ok((await visitor.get(`${ledger}.csv`)).html.includes(sha256));

  // Final with its entry: no replacing, no removing.
  const late = await attach(coordinator, form, pdf);
  assert.equal(late.status, 409);
  assert.match(late.html, /its receipt can no longer change/);
  assert.equal((await coordinator.post(`${ledger}/entries/${entry}/receipt/remove`, {})).status, 409);

  // A private receipt of a published entry: visitors learn it exists and its hash, not its bytes.
  const second = await draft(coordinator, `${ledger}/income`, income({ sponsor: 'MinTIC' }));
  assert.equal((await attach(coordinator, `${ledger}/entries/${second}/receipt/attach`, pdf)).status, 303);
  assert.equal((await coordinator.post(`${ledger}/entries/${second}/publish`, {})).status, 303);
  page = await visitor.get(ledger);
  assert.match(page.html, /The committee keeps a receipt for this entry \(PDF, 1 KB\)/);
  assert.match((await visitor.get(`${ledger}/entries/${second}/receipt`)).location ?? '', /^\/login/);
  assert.equal((await outsider.get(`${ledger}/entries/${second}/receipt`)).status, 403);
  assert.equal((await coordinator.get(`${ledger}/entries/${second}/receipt`)).status, 200);

  // A draft's receipt can be removed.
  const third = await draft(coordinator, `${ledger}/income`, income({ sponsor: 'ISOC' }));
  assert.equal((await attach(coordinator, `${ledger}/entries/${third}/receipt/attach`, pdf)).status, 303);
  assert.equal((await coordinator.post(`${ledger}/entries/${third}/receipt/remove`, {})).status, 303);
  assert.equal((await fundingDb(t.database.db).selectFrom('funding_receipts').select('entry_id').where('entry_id', '=', third).executeTakeFirst()), undefined);

  // The log covers each receipt's hash: verification recomputes it from the stored rows.
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null);
  await fundingDb(t.database.db).updateTable('funding_receipts').set({ sha256: '0'.repeat(64) }).where('entry_id', '=', entry).execute();
  assert.notEqual((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null, 'a changed receipt no longer matches the log');
}, { postgres: true });
