import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { WorldMap, mapCountryCodes, mapClass, mapShades, type WorldMapProps } from './worldMap.tsx';
import { countryCodes } from '../../geo/iso3166.ts';

const legendLabels = { zero: 'No initiative', one: '1 initiative', many: '2 or more' };

async function render(counts: Record<string, number>, extra: Partial<WorldMapProps> = {}): Promise<string> {
  const element = WorldMap({
    counts: new Map(Object.entries(counts)),
    hrefFor: (code) => `/initiatives?country=${code}`,
    labelFor: (code, n) => `${code}: ${n}`,
    title: 'Initiatives by country',
    legendLabels,
    ...extra,
  });
  return String(await element);
}

/** href → accessible name of every link in the markup. */
function links(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<a href="([^"]*)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => [m[1]!, m[2]!]));
}

test('links every counted country, shapes and small-island markers alike', async () => {
  const counts = { CO: 2, BR: 1, BB: 1, VC: 1, MT: 3, TT: 1, PA: 2, PY: 1 };
  const found = links(await render(counts));
  assert.equal(found.size, Object.keys(counts).length);
  for (const [code, n] of Object.entries(counts)) {
    assert.equal(found.get(`/initiatives?country=${code}`), `${code}: ${n}`, code);
  }
});

test('does not link countries with no initiative, nor codes it cannot place', async () => {
  const html = await render({ CO: 1, AR: 0, ZZ: 4, AQ: 2 });
  assert.deepEqual([...links(html).keys()], ['/initiatives?country=CO']);
  assert.match(html, /<path d="M[^"]+" fill="#e5e7eb" aria-hidden="true">/);
});

test('shades by class and colours each link by its count', async () => {
  assert.equal(mapClass(0), 'zero');
  assert.equal(mapClass(1), 'one');
  assert.equal(mapClass(2), 'many');
  assert.equal(mapClass(40), 'many');
  const html = await render({ CO: 1, BR: 5 });
  assert.match(html, new RegExp(`href="/initiatives\\?country=CO" fill="${mapShades.one}"`));
  assert.match(html, new RegExp(`href="/initiatives\\?country=BR" fill="${mapShades.many}"`));
});

test('names the group and shows a text legend', async () => {
  const html = await render({ CO: 1 });
  assert.match(html, /<figcaption id="world-map-title">Initiatives by country<\/figcaption>/);
  assert.match(html, /<svg viewBox="0 0 960 \d+" width="100%" role="group" aria-labelledby="world-map-title"/);
  for (const label of Object.values(legendLabels)) assert.ok(html.includes(` ${label}</li>`), label);
  assert.ok(!html.includes('style='), 'the CSP forbids style attributes');
});

test('escapes labels, titles and hrefs', async () => {
  const html = await render(
    { CO: 1 },
    { labelFor: () => '<script>alert(1)</script>', title: 'A & <b>', hrefFor: () => '/x?a=1&b="2"' },
  );
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('A &amp; &lt;b&gt;'));
  assert.ok(html.includes('href="/x?a=1&amp;b=&quot;2&quot;"'));
});

test('every ISO 3166-1 country but Antarctica can be placed, and Kosovo too', () => {
  const onMap = new Set(mapCountryCodes());
  const missing = countryCodes.filter((c) => !onMap.has(c));
  assert.deepEqual(missing, ['AQ']);
  assert.ok(onMap.has('XK'));
});

test('the map stays small: every country linked is under 25 KB gzipped', async () => {
  const all = Object.fromEntries(mapCountryCodes().map((c, i) => [c, 1 + (i % 3)]));
  const none = Buffer.byteLength(gzipSync(await render({})));
  const full = Buffer.byteLength(gzipSync(await render(all)));
  console.log(`world map gzipped: ${none} B with no links, ${full} B with ${mapCountryCodes().length} links`);
  assert.ok(none <= 25_000, `${none} B`);
  assert.ok(full <= 25_000, `${full} B`);
});

test('tiny shapes get a marker too, so they can be seen and clicked', async () => {
  const html = await render({ LU: 1, BR: 1 });
  assert.match(html, /country=LU" [^>]*><title>LU: 1<\/title><path d="[^"]+"><\/path><circle /);
  assert.match(html, /country=BR" [^>]*><title>BR: 1<\/title><path d="[^"]+"><\/path><\/a>/);
});
