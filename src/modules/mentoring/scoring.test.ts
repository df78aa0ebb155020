import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitOf, ranked, weights } from './scoring.ts';

const newcomer = { languages: ['es', 'en'], region: 'latin_america_caribbean', type: 'national', openSteps: ['programme', 'logistics', 'finances', 'event_held', 'annual_report'] };
const mentor = { languages: ['es', 'pt'], regions: ['latin_america_caribbean'], type: 'national', steps: ['programme', 'logistics', 'finances', 'principles'] };

test('a mentor sharing a language, the region, the type and three of five open steps: each reason named, points added up', () => {
  const fit = fitOf(newcomer, mentor);
  assert.deepEqual(fit.reasons, [
    { kind: 'languages', shared: ['es'] },
    { kind: 'region', region: 'latin_america_caribbean' },
    { kind: 'steps', helped: ['programme', 'logistics', 'finances'], open: 5 },
    { kind: 'type', type: 'national' },
  ]);
  assert.equal(fit.score, weights.language + weights.region + (weights.steps * 3) / 5 + weights.type);
});

test('nothing in common gives no reasons and no points; steps already done do not count', () => {
  const fit = fitOf({ ...newcomer, openSteps: ['event_held'] }, { languages: ['fr'], regions: ['africa'], type: 'youth', steps: ['programme'] });
  assert.deepEqual(fit, { score: 0, reasons: [] });
  assert.deepEqual(fitOf({ ...newcomer, openSteps: [] }, mentor).reasons.map((r) => r.kind), ['languages', 'region', 'type'], 'a newcomer with every step done is helped with none');
});

test('a newcomer without a region is never matched on one; more shared languages count a little more', () => {
  assert.ok(!fitOf({ ...newcomer, region: null }, mentor).reasons.some((r) => r.kind === 'region'));
  const two = fitOf(newcomer, { ...mentor, languages: ['es', 'en'] });
  assert.equal(two.score - fitOf(newcomer, mentor).score, weights.extraLanguage);
});

test('ranking puts the best fit first and keeps ties in the order given', () => {
  const a = { name: 'a', fit: { score: 2, reasons: [] } };
  const b = { name: 'b', fit: { score: 5, reasons: [] } };
  const c = { name: 'c', fit: { score: 2, reasons: [] } };
  assert.deepEqual(ranked([a, b, c]).map((s) => s.name), ['b', 'a', 'c']);
});
