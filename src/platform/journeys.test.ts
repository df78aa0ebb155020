import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journeyTowards, setJourneys, type Journey } from './journeys.ts';

const register: Journey = {
  key: 'registry.register', label: 'registry.steps.label', destination: '/initiatives/new',
  steps: [{ key: 'account', label: 'a' }, { key: 'verify', label: 'v' }, { key: 'initiative', label: 'i' }],
};

test('a next address leads along the journey whose destination it is, and only an address the redirect guard lets through', () => {
  setJourneys([register]);
  assert.equal(journeyTowards('/initiatives/new')?.key, 'registry.register');
  assert.equal(journeyTowards('/initiatives/new?from=home#form')?.key, 'registry.register', 'a query or fragment does not matter');
  for (const next of [undefined, '', '/initiatives', '/initiatives/new/x', '//evil.example/initiatives/new', 'https://evil.example/initiatives/new', '/\\evil.example/initiatives/new', '/initiatives/new\u007F']) {
    assert.equal(journeyTowards(next), undefined, String(next));
  }
  setJourneys([]);
});

test('two journeys with one key or one destination are a programming error', () => {
  assert.throws(() => setJourneys([register, { ...register, key: 'other.register' }]), /declared twice/);
  assert.throws(() => setJourneys([register, { ...register, destination: '/elsewhere' }]), /declared twice/);
  setJourneys([]);
});
