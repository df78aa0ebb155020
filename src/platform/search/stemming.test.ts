import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Stemmer, stemmedColumns } from './stemming.ts';
import type { IndexRow } from './index.ts';

const row = (weighted: IndexRow['weighted']): IndexRow => ({
  kind: 'note', recordId: 'r', language: 'es', title: '', url: '/', visibility: 'public', updatedAt: '2026-01-01T00:00:00.000Z',
  weighted, texts: [], facets: [],
});

const rows = [
  row({ A: [{ language: 'es', text: 'Financiación de la gobernanza' }], B: [{ language: 'pt', text: 'A governança da Internet no Brasil' }], C: [{ language: 'fr', text: 'Gouvernance' }], D: [] }),
  row({ A: [{ language: 'en', text: 'Funding the forums' }], B: [], C: [], D: [{ language: 'und', text: 'Ñandutí 2026' }] }),
];

test('the stemming worker gives a rebuild the columns the writing thread would make', async () => {
  const stemmer = new Stemmer();
  try {
    const stemmed = await stemmer.stem(rows);
    assert.deepEqual(stemmed.map((r) => r.stemmed), rows.map((r) => stemmedColumns(r.weighted)));
    assert.match(stemmed[0]!.stemmed![0]!, /financi/);
  } finally {
    await stemmer.close();
  }
});

test('a stopped stemming worker refuses a batch instead of leaving the rebuild waiting', async () => {
  const stemmer = new Stemmer();
  await stemmer.stem(rows);
  await stemmer.close();
  await assert.rejects(stemmer.stem(rows), /stemming worker stopped/);
});
