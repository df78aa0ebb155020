import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameWords, similarNames } from './duplicates.ts';

test('the forum is one word in four languages and three acronyms', () => {
  assert.deepEqual([...nameWords('Foro de Gobernanza de Internet de Uruguay')], ['igf', 'uruguay']);
  assert.deepEqual([...nameWords('IGF Uruguay')], ['igf', 'uruguay']);
  assert.deepEqual([...nameWords('Fórum da Internet no Brasil')], ['forum', 'internet', 'no', 'brasil']);
  assert.deepEqual([...nameWords('Fórum de Governança da Internet — Brasil')], ['igf', 'brasil']);
  assert.deepEqual([...nameWords("Forum sur la Gouvernance de l'Internet au Bénin")], ['igf', 'au', 'benin']);
  assert.deepEqual([...nameWords('FGI Bénin')], ['igf', 'benin']);
});

test('similar names: same words or most of them; different places or subjects are not', () => {
  assert.ok(similarNames('Foro de Gobernanza de Internet de Uruguay', 'IGF Uruguay'));
  assert.ok(similarNames('Internet Governance Forum Uruguay', 'igf-uruguay'));
  assert.ok(similarNames("Forum sur la Gouvernance de l'Internet au Bénin", 'FGI Bénin'));
  assert.ok(!similarNames('IGF Uruguay', 'IGF Paraguay'));
  assert.ok(!similarNames('Youth IGF Uruguay', 'Mesa de Ciberseguridad de Uruguay'));
});
