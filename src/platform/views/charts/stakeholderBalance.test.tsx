import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StakeholderBalance, groupColour, groupColours } from './stakeholderBalance.tsx';

const groups = [
  { key: 'government', label: 'Government', count: 2 },
  { key: 'intergovernmental', label: 'Intergovernmental organisations', count: 0 },
  { key: 'civil_society', label: 'Civil society', count: 4 },
  { key: 'private_sector', label: 'Private sector', count: 1 },
  { key: 'technical_community', label: 'Technical community', count: 3 },
  { key: 'academia', label: 'Academia', count: 1 },
];

async function render(extra: Partial<Parameters<typeof StakeholderBalance>[0]> = {}): Promise<string> {
  return String(await StakeholderBalance({ groups, title: 'Committee', totalLabel: (n) => `${n} members`, ...extra }));
}

test('shows each group with its name and number as text', async () => {
  const html = await render();
  for (const g of groups) {
    assert.ok(html.includes(`>${g.label}</text>`), g.label);
    assert.match(html, new RegExp(`font-weight="bold">${g.count}</text>`));
  }
  assert.ok(html.includes('>11 members</text>'));
});

test('bar lengths are proportional, the longest bar for the largest group', async () => {
  const html = await render();
  const widths = [...html.matchAll(/<rect [^>]*width="(\d+)"[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => [m[2], Number(m[1])]);
  assert.equal(widths.length, 5, 'no bar for an empty group');
  const byColour = new Map(widths as Array<[string, number]>);
  assert.equal(byColour.get(groupColours.civil_society!), 424);
  assert.equal(byColour.get(groupColours.government!), 212);
  assert.equal(byColour.get(groupColours.private_sector!), 106);
});

test('is an image named by its caption and described by its values', async () => {
  const html = await render();
  assert.match(html, /<svg [^>]*role="img" aria-labelledby="stakeholder-balance-title stakeholder-balance-desc"/);
  assert.ok(html.includes('<figcaption id="stakeholder-balance-title">Committee</figcaption>'));
  assert.ok(
    html.includes(
      '<desc id="stakeholder-balance-desc">Government: 2; Intergovernmental organisations: 0; Civil society: 4; ' +
        'Private sector: 1; Technical community: 3; Academia: 1. 11 members</desc>',
    ),
  );
  assert.ok(!html.includes('style='));
});

test('formats numbers for the locale and takes a plain total label', async () => {
  const fr = new Intl.NumberFormat('fr');
  const html = await render({
    groups: [{ key: 'academia', label: 'Académie', count: 1200 }],
    totalLabel: 'Total',
    formatNumber: (n) => fr.format(n),
  });
  assert.ok(html.includes(`>${fr.format(1200)}</text>`));
  assert.ok(html.includes('>Total</text>'));
});

test('escapes labels', async () => {
  const html = await render({ groups: [{ key: 'x', label: '<script>alert(1)</script>', count: 1 }], title: '<i>' });
  assert.ok(!html.includes('<script>') && !html.includes('<i>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('colours are fixed for the default groups and stable for others', () => {
  assert.equal(groupColour('government'), '#1d5fa6');
  assert.equal(groupColour('youth'), groupColour('youth'));
  assert.match(groupColour('youth'), /^#[0-9a-f]{6}$/);
});

test('handles no members without dividing by zero', async () => {
  const html = await render({ groups: groups.map((g) => ({ ...g, count: 0 })) });
  assert.ok(!html.includes('<rect'));
  assert.ok(html.includes('>0 members</text>'));
});
