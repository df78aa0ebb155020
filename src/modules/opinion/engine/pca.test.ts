import { test } from 'node:test';
import assert from 'node:assert/strict';
import { principalComponents, projectParticipants } from './pca.ts';
import { selectParticipants } from './clustering.ts';
import { syntheticConversation } from '../testing/synthetic.ts';
import { absoluteCosine, densePrincipalComponents } from '../testing/denseReference.ts';
import { loadPolisConversation } from '../polis.ts';
import { polisConversationDir } from '../testing/polisData.ts';

test('sparse Lanczos components equal an exact dense eigen-decomposition (synthetic)', () => {
  const { store } = syntheticConversation({ participants: 500, statements: 60, votes: 9000, groups: 3, bridgingStatements: 5, seed: 4 });
  const rows = selectParticipants(store);
  const sparse = principalComponents(store, { rows, seed: 1 });
  const dense = densePrincipalComponents(store, rows);
  assert.ok(dense.residual < 1e-10);
  for (const j of [0, 1]) {
    assert.ok(absoluteCosine(sparse.components[j], dense.components[j]) >= 0.999999);
    assert.ok(Math.abs(sparse.eigenvalues[j] - dense.eigenvalues[j]) <= 1e-8 * dense.eigenvalues[0]);
  }
});

for (const name of ['15-per-hour-seattle', 'scoop-hivemind.taxes', 'brexit-consensus', 'scoop-hivemind.ubi', 'vtaiwan.uberx']) {
  test(`principal components equal an exact dense SVD on Polis's ${name} (|cos| ≥ 0.999)`, () => {
    const { store } = loadPolisConversation(polisConversationDir(name));
    const rows = selectParticipants(store);
    const sparse = principalComponents(store, { rows, seed: 1 });
    const dense = densePrincipalComponents(store, rows);
    assert.ok(dense.residual < 1e-9, `reference residual ${dense.residual}`);
    for (const j of [0, 1]) {
      const cosine = absoluteCosine(sparse.components[j], dense.components[j]);
      assert.ok(cosine >= 0.999, `component ${j + 1}: |cos| = ${cosine}`);
    }
  });
}

test('projection scales by sqrt(statements / votes cast) and ignores missing votes', () => {
  const { store } = syntheticConversation({ participants: 200, statements: 30, votes: 2000, groups: 2, bridgingStatements: 2, seed: 8 });
  const rows = selectParticipants(store);
  const pca = principalComponents(store, { rows });
  const projection = projectParticipants(store, pca, rows);
  const p = rows[0];
  let x = 0;
  for (let i = store.rowStart[p]; i < store.rowStart[p + 1]; i++) x += (store.voteOf[i] - pca.centre[store.statementOf[i]]) * pca.components[0][store.statementOf[i]];
  const votes = store.rowStart[p + 1] - store.rowStart[p];
  assert.ok(Math.abs(projection[0] - x * Math.sqrt(30 / votes)) < 1e-12);
});
