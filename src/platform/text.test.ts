import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from './text.ts';

test('slugs are folded, hyphenated and cut at a word boundary', () => {
  assert.equal(slugify('Mesa Colombiana de Gobernanza'), 'mesa-colombiana-de-gobernanza');
  assert.equal(slugify('  ¡Foro de Gobernanza de Internet!  '), 'foro-de-gobernanza-de-internet');
  const long = slugify('MCGI Mesa Colombiana de Gobernanza de Internet y Sociedad de la Información Pública');
  assert.equal(long, 'mcgi-mesa-colombiana-de-gobernanza-de-internet-y-sociedad-de');
  assert.ok(long.length <= 60);
  // The old cut gave "…-republica-domi".
  assert.equal(slugify('Foro Nacional de Gobernanza de Internet de la República Dominicana y el Caribe'), 'foro-nacional-de-gobernanza-de-internet-de-la-republica');
  // Exactly at the limit, a word that ends there stays whole.
  assert.equal(slugify('a'.repeat(55) + ' bcde'), 'a'.repeat(55) + '-bcde');
  assert.equal(slugify('a'.repeat(55) + ' bcdef'), 'a'.repeat(55));
  // One word longer than the limit is cut rather than lost.
  assert.equal(slugify('x'.repeat(80)), 'x'.repeat(60));
  assert.equal(slugify('¿?'), 'initiative');
});
