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
