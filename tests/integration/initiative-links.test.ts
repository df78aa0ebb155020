import assert from 'node:assert/strict';
import { eachApp } from '../support/app.ts';
import { organiser } from '../support/events.ts';
import { verifiedPerson } from '../support/factories.ts';

const section = (html: string) => /<section aria-labelledby="more-title">([\s\S]*?)<\/section>/.exec(html)?.[1];

eachApp('an initiative’s page links to the modules’ pages about it: its committee to where it works, a visitor only to what was published', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const page = `/initiatives/${initiative}`;
  const visitor = t.client();
  const outsider = await verifiedPerson(t, { email: 'outsider@example.org' });

  // Nothing published yet: visitors and other people see no such section.
  assert.equal(section((await visitor.get(page)).html), undefined);
  assert.equal(section((await outsider.get(page)).html), undefined);

  // The committee finds its ledger, its action plans and its toolkit checklist.
  const committee = section((await coordinator.get(page)).html) ?? '';
  assert.match(committee, /More about this initiative/);
  for (const [href, text] of [['funding', 'Funding: its open ledger'], ['action-plans', 'Action plans and their progress'], ['toolkit', 'Setup toolkit: steps done and the next one'], ['consultations/new', 'Open a consultation on a text'], ['mentoring', 'Mentoring: find a mentor, or offer to mentor']]) {
    assert.ok(committee.includes(`<a href="${page}/${href}">${text}</a>`), `${href} is linked for the committee`);
  }

  // Once an income is published, visitors find the ledger (in their language), and only that.
  const drafted = await coordinator.post(`${page}/funding/income`, {
    sponsor: 'Colnodo', stakeholder_group: 'civil_society', support: 'cash', currency: 'USD', amount: '1500', occurred_on: '2026-09-01', conditions: '', description: '',
  });
  assert.equal(drafted.status, 303, drafted.html.slice(0, 2000));
  const entry = drafted.location!.split('#entry-')[1]!;
  assert.equal((await coordinator.post(`${page}/funding/entries/${entry}/publish`, {})).status, 303);
  const shown = section((await visitor.request(page, { headers: { 'Accept-Language': 'es' } })).html) ?? '';
  assert.ok(shown.includes(`<a href="${page}/funding">Financiamiento: su libro de cuentas abierto</a>`));
  assert.doesNotMatch(shown, /action-plans|toolkit|consultations|mentoring/);
});
