import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakdown, genderCategory, regionCategory, statisticsOf } from './counts.ts';

test('self-described genders are counted in four languages; anything else stated is "another", blank is unknown', () => {
  assert.deepEqual(['Mujer', 'woman', ' FEMME ', 'mulher', 'Féminin'].map(genderCategory), ['woman', 'woman', 'woman', 'woman', 'woman']);
  assert.deepEqual(['hombre', 'Homem', 'homme', 'Male'].map(genderCategory), ['man', 'man', 'man', 'man']);
  assert.deepEqual(['no binario', 'agender'].map(genderCategory), ['another', 'another']);
  assert.deepEqual(['', '   ', null, undefined].map(genderCategory), ['unknown', 'unknown', 'unknown', 'unknown']);
});

test('regions are the UN regional groups; no country or a territory is unknown', () => {
  assert.equal(regionCategory('co'), 'latin_america_caribbean');
  assert.equal(regionCategory('KE'), 'africa');
  assert.equal(regionCategory('PR'), 'unknown');
  assert.equal(regionCategory(null), 'unknown');
});

test('counts from 1 to 4 are hidden, zeros and counts of 5 or more shown', () => {
  const { cells, total } = breakdown(['a', 'b', 'c', 'd'], ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c']);
  assert.deepEqual(cells.map((c) => [c.key, c.count, c.hidden]), [['a', 5, false], ['b', 2, true], ['c', 3, true], ['d', 0, false]]);
  assert.deepEqual([total.count, total.hidden], [10, false]);
});

test('a single hidden cell would follow from the total: the next smallest is hidden too', () => {
  const { cells } = breakdown(['a', 'b', 'c'], [...Array(9).fill('a'), ...Array(6).fill('b'), 'c']);
  assert.deepEqual(cells.map((c) => c.hidden), [false, true, true]);
  // With only one non-zero cell there is nothing else to hide: that cell is the total, hidden as small.
  const alone = breakdown(['a', 'b'], ['a', 'a']);
  assert.deepEqual([alone.cells[0]!.hidden, alone.total.hidden], [true, true]);
});

test('statistics break a group of people down every way asked, unknown apart', () => {
  const people = [{ stakeholder_group: 'government', presence: 'online', gender: 'mujer', country: 'CO' }, { stakeholder_group: null, presence: null }];
  const s = statisticsOf(people, ['government', 'civil_society'], ['stakeholder_group', 'presence']);
  assert.deepEqual(Object.keys(s.by), ['stakeholder_group', 'presence']);
  assert.deepEqual(s.by.stakeholder_group!.map((c) => [c.key, c.count]), [['government', 1], ['civil_society', 0], ['unknown', 1]]);
  assert.deepEqual(s.by.presence!.map((c) => [c.key, c.count]), [['onsite', 0], ['online', 1], ['unknown', 1]]);
});
