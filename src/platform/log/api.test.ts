import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { secretariat } from '../../../tests/support/factories.ts';
import { readCheckpoint, rfcLeaf, rfcRoot, rfcVerifyConsistency, rfcVerifyInclusion } from '../../../tests/support/tlogVerifier.ts';
import { seedDemoInitiatives } from '../../modules/initiatives/seeds.ts';
import { forgetDataVersion } from '../audit.ts';

async function get(t: TestApp, path: string) {
  const response = await t.app.request(`http://cabildo.test${path}`);
  const body = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body, json: () => JSON.parse(body) };
}

/** Every entry, fetched page by page as a client would. */
async function allEntries(t: TestApp, size: number): Promise<Buffer[]> {
  const entries: Buffer[] = [];
  while (entries.length < size) {
    const answer = (await get(t, `/api/log/entries?start=${entries.length}&end=${size - 1}`)).json();
    for (const { index, entry } of answer.entries) {
      assert.equal(index, entries.length);
      entries.push(Buffer.from(entry, 'utf8'));
    }
  }
  return entries;
}

eachApp('every checkpoint and proof the API serves verifies with an independent verifier', async (t) => {
  const keyAnswer = await get(t, '/api/log/key');
  assert.equal(keyAnswer.status, 200);
  assert.match(keyAnswer.type!, /^text\/plain/);
  const key = keyAnswer.body.trim();
  assert.match(key, /^cabildo\.test\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);

  const checkpoint = async () => {
    const answer = await get(t, '/api/log/checkpoint');
    assert.equal(answer.status, 200);
    assert.match(answer.type!, /^text\/plain/);
    return { note: answer.body, ...readCheckpoint(answer.body, key) };
  };
  const empty = await checkpoint();
  assert.equal(empty.size, 0);
  assert.equal(empty.root.toString('hex'), createHash('sha256').digest('hex'));
  assert.match(empty.note, /^cabildo\.test\/log\n0\n47DEQpj8HBSa\+\/TImW\+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n\u2014 cabildo\.test\/log [A-Za-z0-9+/]+=*\n$/);

  await seedDemoInitiatives({ db: t.database.db, now: t.clock.now, onlyIfEmpty: true });
  // Written outside a request, as `cabildo seed demo` would be: the server sees it once its copy of
  // the data version expires (200 ms), or at once when told, as here (a fast seed flaked otherwise).
  forgetDataVersion(t.database.db);
  const seen = [await checkpoint()];
  assert.equal(seen[0]!.size, 103);
  assert.equal((await checkpoint()).note, seen[0]!.note, 'the same tree, the same checkpoint');
  // The secretariat delists three initiatives, one at a time; a checkpoint after each.
  const admin = await secretariat(t);
  const slugs = (await t.database.db.selectFrom('initiatives').select('slug').orderBy('slug').limit(3).execute()).map((r) => r.slug as string);
  for (const slug of slugs) {
    assert.equal((await admin.post(`/initiatives/${slug}/delist`, { reason: 'Sin actividad desde 2019.' })).status, 303);
    seen.push(await checkpoint());
  }
  assert.deepEqual(seen.map((c) => c.size), [103, 104, 105, 106]);

  const entries = await allEntries(t, 106);
  for (const c of seen) assert.ok(c.root.equals(rfcRoot(entries.slice(0, c.size))), `the root of ${c.size} is the tree of the entries`);
  for (const c of seen) {
    for (let index = 0; index < c.size; index += c.size === 106 ? 1 : 17) {
      const proof = (await get(t, `/api/log/proof/inclusion?index=${index}&tree_size=${c.size}`)).json();
      assert.equal(proof.leaf_index, index);
      assert.equal(proof.tree_size, c.size);
      const path = proof.audit_path.map((h: string) => Buffer.from(h, 'base64'));
      assert.ok(rfcVerifyInclusion(index, c.size, rfcLeaf(entries[index]!), path, c.root), `entry ${index} in ${c.size}`);
      assert.ok(!rfcVerifyInclusion(index, c.size, rfcLeaf(entries[(index + 1) % c.size]!), path, c.root), 'another entry does not verify');
    }
  }
  for (const older of seen) {
    for (const newer of seen.filter((c) => c.size > older.size)) {
      const { consistency } = (await get(t, `/api/log/proof/consistency?first=${older.size}&second=${newer.size}`)).json();
      assert.ok(rfcVerifyConsistency(older.size, newer.size, older.root, newer.root, consistency.map((h: string) => Buffer.from(h, 'base64'))), `${older.size} → ${newer.size}`);
    }
  }
  for (let first = 1; first < 106; first += 7) {
    const { consistency } = (await get(t, `/api/log/proof/consistency?first=${first}&second=106`)).json();
    assert.ok(rfcVerifyConsistency(first, 106, rfcRoot(entries.slice(0, first)), seen[3]!.root, consistency.map((h: string) => Buffer.from(h, 'base64'))));
  }
  const delisted = JSON.parse(entries[105]!.toString());
  assert.equal(delisted.kind, 'initiatives.delisted');
  assert.throws(() => readCheckpoint(seen[3]!.note.replace('\n106\n', '\n107\n'), key), /signature/, 'a changed checkpoint no longer verifies');
}, { postgres: true, timeout: 120_000 });

eachApp('the log API refuses what is beyond the log or malformed, and is described in the OpenAPI document', async (t) => {
  await seedDemoInitiatives({ db: t.database.db, now: t.clock.now, onlyIfEmpty: true });
  for (const path of [
    '/api/log/proof/inclusion?index=103&tree_size=103', '/api/log/proof/inclusion?index=0&tree_size=104',
    '/api/log/proof/consistency?first=0&second=10', '/api/log/proof/consistency?first=11&second=10', '/api/log/proof/consistency?first=1&second=104',
    '/api/log/entries?start=5&end=4',
  ]) {
    const answer = await get(t, path);
    assert.equal(answer.status, 400, path);
    assert.match(answer.type!, /problem\+json/);
    assert.match(answer.json().detail, /103 entries/);
  }
  for (const path of ['/api/log/entries?start=-1&end=4', '/api/log/entries?start=a&end=4', '/api/log/entries', '/api/log/proof/inclusion?index=1.5&tree_size=3', '/api/log/proof/consistency?first=1']) {
    assert.equal((await get(t, path)).status, 422, path);
  }
  const tail = (await get(t, '/api/log/entries?start=100&end=5000')).json();
  assert.deepEqual(tail.entries.map((e: { index: number }) => e.index), [100, 101, 102], 'entries up to the end of the log');
  assert.equal((await get(t, '/api/log/entries?start=0&end=5000')).json().entries.length, 103);
  const paths = Object.keys((await get(t, '/api/openapi.json')).json().paths);
  for (const path of ['/log/checkpoint', '/log/key', '/log/entries', '/log/proof/inclusion', '/log/proof/consistency', '/log/witnessed']) assert.ok(paths.includes(path), path);
}, { postgres: true });
