import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { organiser } from '../../../tests/support/events.ts';
import { fundingModule } from './module.ts';

const roles = ['anonymous', 'unverified', 'participant', 'committee', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, only } = outcomes(roles);

/**
 * Every route of the module and what each role gets. `draft` is an income entry the committee has
 * not published; `published` one it has. Writes carry empty bodies, so the committee gets a
 * validation answer, or a refusal of the step (publishing what is published, correcting a draft).
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/initiatives/:initiative/funding', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/nadie/funding', expect: everyone(404) },
  { method: 'GET', path: '/initiatives/:initiative/funding.csv', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:initiative/funding.json', expect: everyone(200) },
  { method: 'GET', path: '/api/initiatives/:initiative/funding', expect: everyone(200) },
  { method: 'POST', path: '/initiatives/:initiative/funding/income', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/expense', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/budgets', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/threshold', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:published/publish', body: 'form', expect: only({ committee: 409 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:published/discard', body: 'form', expect: only({ committee: 409 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/nothing/publish', body: 'form', expect: { ...everyone(404) } },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:published/correct', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:draft/correct', expect: only({ committee: 409 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:published/correct', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:draft/correct', body: 'form', expect: only({ committee: 422 }) },
  // The committee's forms are pages of their own; the others' addresses show the ledger at the form.
  { method: 'GET', path: '/initiatives/:initiative/funding/income', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/initiatives/:initiative/funding/expense', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/initiatives/:initiative/funding/budgets', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/initiatives/:initiative/funding/threshold', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:draft/publish', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:draft/discard', expect: everyone(303) },
  // Receipts: `kept` is a published entry whose receipt the committee keeps private.
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:kept/receipt', expect: only({ committee: 200, secretariat: 200 }) },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:draft/receipt', expect: everyone(404) },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:draft/receipt/attach', expect: only({ committee: 200 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:draft/receipt/attach', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:kept/receipt/remove', body: 'form', expect: only({ committee: 409 }) },
  { method: 'POST', path: '/initiatives/:initiative/funding/entries/:draft/receipt/remove', body: 'form', expect: only({ committee: 303 }) },
  { method: 'GET', path: '/initiatives/:initiative/funding/entries/:draft/receipt/remove', expect: everyone(303) },
];

eachApp('every funding route answers every role as its policy says', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const ledger = `/initiatives/${initiative}/funding`;
  const fields = { sponsor: 'Colnodo', stakeholder_group: 'civil_society', support: 'cash', currency: 'USD', amount: '100', occurred_on: '2026-09-01' };
  const published = (await coordinator.post(`${ledger}/income`, fields)).location!.split('#entry-')[1]!;
  assert.equal((await coordinator.post(`${ledger}/entries/${published}/publish`, {})).status, 303);
  const draft = (await coordinator.post(`${ledger}/income`, { ...fields, sponsor: 'MinTIC' })).location!.split('#entry-')[1]!;
  const kept = (await coordinator.post(`${ledger}/income`, { ...fields, sponsor: 'ISOC' })).location!.split('#entry-')[1]!;
  const receipt = new FormData();
  receipt.append('_csrf', await coordinator.csrfToken());
  receipt.append('receipt', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'recibo.pdf');
  assert.equal((await coordinator.request(`${ledger}/entries/${kept}/receipt/attach`, { method: 'POST', body: receipt })).status, 303);
  assert.equal((await coordinator.post(`${ledger}/entries/${kept}/publish`, {})).status, 303);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org' }),
    committee: coordinator,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: fundingModule, clients, cases, params: { initiative, draft, published, kept } });
}, { postgres: true });
