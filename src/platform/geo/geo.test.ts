import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryCodes, isCountryCode, numericToAlpha2 } from './iso3166.ts';
import { countryName } from './countryName.ts';

test('numeric → alpha-2 covers every ISO 3166-1 country', () => {
  assert.equal(numericToAlpha2.size, 249);
  assert.equal(numericToAlpha2.get('170'), 'CO');
  assert.equal(numericToAlpha2.get('076'), 'BR');
  assert.equal(numericToAlpha2.get('858'), 'UY');
  assert.equal(numericToAlpha2.get('484'), 'MX');
  assert.equal(numericToAlpha2.get('052'), 'BB');
});

test('alpha-2 list is sorted, unique and validates codes', () => {
  assert.equal(countryCodes.length, 249);
  assert.equal(new Set(countryCodes).size, 249);
  assert.deepEqual([...countryCodes].sort(), countryCodes);
  assert.ok(isCountryCode('VC'));
  assert.ok(!isCountryCode('vc'));
  assert.ok(!isCountryCode('XK'));
  assert.ok(!isCountryCode('EU'));
});

test('country names come from Intl in the reader language', () => {
  assert.equal(countryName('CO', 'es'), 'Colombia');
  assert.equal(countryName('BR', 'pt'), 'Brasil');
  assert.equal(countryName('DE', 'fr'), 'Allemagne');
  assert.equal(countryName('ZZ', 'en'), 'Unknown Region');
  assert.equal(countryName('CO', 'not a locale!'), 'Colombia');
  for (const code of countryCodes) assert.notEqual(countryName(code, 'en'), code, code);
});

test('the UN regional groups hold the 193 Member States and Palestine, each once, with the sizes the UN lists', async () => {
  const { groupedCountries, regionalGroupOf, regionalGroupOfCountries } = await import('./unRegionalGroups.ts');
  assert.equal(groupedCountries.length, 194);
  assert.equal(new Set(groupedCountries).size, 194, 'no country in two groups');
  for (const code of groupedCountries) assert.ok(isCountryCode(code), code);
  const sizes = new Map<string, number>();
  for (const code of groupedCountries) sizes.set(regionalGroupOf(code)!, (sizes.get(regionalGroupOf(code)!) ?? 0) + 1);
  // Africa 54, Asia-Pacific 54 (with Kiribati) + Palestine, Eastern Europe 23, GRULAC 33, WEOG 28 + the United States.
  assert.deepEqual(Object.fromEntries(sizes), { africa: 54, asia_pacific: 55, eastern_europe: 23, latin_america_caribbean: 33, western_europe_others: 29 });
  assert.equal(regionalGroupOf('uy'), 'latin_america_caribbean');
  assert.equal(regionalGroupOf('AU'), 'western_europe_others', 'a group of States, not a geographic region');
  assert.equal(regionalGroupOf('PR'), undefined, 'a territory belongs to no group');
  assert.equal(regionalGroupOfCountries(['AR', 'BR', 'UY', 'PY']), 'latin_america_caribbean');
  assert.equal(regionalGroupOfCountries(['MX', 'US']), undefined, 'spanning two groups');
  assert.equal(regionalGroupOfCountries([]), undefined);
});
