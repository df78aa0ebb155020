import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { parseVerifierKey, verifierKey } from './note.ts';
import { eachDatabase } from '../../../tests/support/databases.ts';
import { rfcLeaf, rfcRoot, rfcVerifyConsistency, rfcVerifyInclusion } from '../../../tests/support/tlogVerifier.ts';
import { canonicalJson, NotCanonical, parseCanonical } from './canonical.ts';
import { completedBy, consistencyRanges, inclusionRanges, leafHash, perfectKey, rangeHash, verifyConsistency, verifyInclusion, type Hash } from './merkle.ts';
import { appendToLog, consistencyProof, entryText, inclusionProof, rootAt, treeSize, type NewLogEntry } from './store.ts';

// The reference leaves and hashes of Certificate Transparency (RFC 6962's tree, unchanged in RFC 9162).
const hex = (s: string) => Buffer.from(s, 'hex');
const vectorEntries = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const vectorRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const vectorInclusion = [
  { index: 0, size: 8, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, path: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];
const vectorConsistency = [
  { first: 2, second: 8, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { first: 6, second: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { first: 2, second: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];

/** The complete subtrees the store keeps, built leaf by leaf as appendToLog builds them. */
function storedSubtrees(entries: Buffer[]): Map<string, Hash> {
  const known = new Map<string, Hash>();
  entries.forEach((entry, index) => {
    let hash = leafHash(entry);
    known.set(perfectKey({ level: 0, index }), hash);
    const { siblings, completed } = completedBy(index);
    siblings.forEach((sibling, i) => {
      hash = createHash('sha256').update(Buffer.concat([Buffer.of(1), known.get(perfectKey(sibling))!, hash])).digest();
      known.set(perfectKey(completed[i]!), hash);
    });
  });
  return known;
}

test('the tree, its audit paths and consistency proofs match the RFC 6962/9162 reference vectors', () => {
  const known = storedSubtrees(vectorEntries);
  for (let n = 1; n <= 8; n++) assert.equal(rangeHash([0, n], known).toString('hex'), vectorRoots[n], `root of size ${n}`);
  for (let n = 0; n <= 8; n++) assert.equal(rfcRoot(vectorEntries.slice(0, n)).toString('hex'), vectorRoots[n], 'the independent verifier agrees with the vectors');
  for (const { index, size, path } of vectorInclusion) {
    assert.deepEqual(inclusionRanges(index, 0, size).map((r) => rangeHash(r, known).toString('hex')), path);
  }
  for (const { first, second, proof } of vectorConsistency) {
    assert.deepEqual(consistencyRanges(first, 0, second).map((r) => rangeHash(r, known).toString('hex')), proof);
    assert.ok(rfcVerifyConsistency(first, second, hex(vectorRoots[first]!), hex(vectorRoots[second]!), proof.map(hex)));
  }
});

test('canonical JSON: sorted keys, no whitespace, UTF-8; what has no single form is refused', () => {
  assert.equal(canonicalJson({ b: [1, 'ñ', null, true], a: { d: 1.5, c: '"\n' } }), '{"a":{"c":"\\"\\n","d":1.5},"b":[1,"ñ",null,true]}');
  assert.equal(canonicalJson({ '\u00e9': 1, e: 2, E: 3, '😀': 4, '\uffff': 5 }), '{"E":3,"e":2,"é":1,"😀":4,"\uffff":5}', 'keys by UTF-16 code units, as RFC 8785');
  assert.equal(Buffer.from(canonicalJson('ação'), 'utf8').toString('hex'), '2261c3a7c3a36f22');
  for (const bad of [NaN, Infinity, -0, '\uD800', { x: undefined }, new Date(0), new Map(), 10n, () => 1, [1, , 2], { '\uDC00': 1 }]) {
    assert.throws(() => canonicalJson(bad), NotCanonical, String(bad));
  }
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  assert.throws(() => canonicalJson(cycle), NotCanonical);
  assert.deepEqual(parseCanonical('{"a":1,"b":[2]}'), { a: 1, b: [2] });
  for (const text of ['{"b":1,"a":2}', '{"a": 1}', '{"a":1.0}', '{"a":1,"a":2}', '"\\u00e9"', 'nope']) assert.throws(() => parseCanonical(text), NotCanonical, text);
});

const at = new Date('2026-11-26T10:00:00.000Z');
const sample = (i: number): NewLogEntry => ({ kind: 'test.outcome', record: `thing/${i % 5}`, version: Math.floor(i / 5) + 1, content: { n: i, name: `Initiative ${i} — São Tomé` }, actor: i % 3 ? `user${i}` : null, time: at });

test('an entry names kind, record, version, content hash, actor and time, as canonical JSON', () => {
  const text = entryText(sample(4));
  assert.equal(text, `{"actor":"user4","content_sha256":"${createHash('sha256').update('{"n":4,"name":"Initiative 4 — São Tomé"}').digest('hex')}","kind":"test.outcome","record":"thing/4","time":"2026-11-26T10:00:00.000Z","version":1}`);
  assert.throws(() => entryText({ ...sample(1), content: { bad: NaN } }), NotCanonical);
});

eachDatabase('every root, audit path and consistency proof read from the stored tree verifies independently', async (database) => {
  const entries: Buffer[] = [];
  const n = 27;
  for (let i = 0; i < n; i++) {
    const index = await database.db.transaction().execute((tx) => appendToLog(tx, sample(i)));
    assert.equal(index, i);
    entries.push(Buffer.from(entryText(sample(i)), 'utf8'));
  }
  assert.equal(await treeSize(database.db), n);
  const roots = [];
  for (let size = 0; size <= n; size++) {
    const root = await rootAt(database.db, size);
    assert.ok(root.equals(rfcRoot(entries.slice(0, size))), `root of size ${size}`);
    roots.push(root);
  }
  for (let size = 1; size <= n; size++) {
    for (let index = 0; index < size; index++) {
      const path = await inclusionProof(database.db, index, size);
      assert.ok(rfcVerifyInclusion(index, size, rfcLeaf(entries[index]!), path, roots[size]!), `entry ${index} in size ${size}`);
      assert.ok(verifyInclusion(rfcLeaf(entries[index]!), index, size, path, roots[size]!), 'the log\'s own verifier (used by witnesses) agrees');
      if (index + 1 < size) assert.ok(!rfcVerifyInclusion(index + 1, size, rfcLeaf(entries[index]!), path, roots[size]!), 'another index does not verify');
    }
  }
  for (let second = 2; second <= n; second++) {
    for (let first = 1; first < second; first++) {
      const proof = await consistencyProof(database.db, first, second);
      assert.ok(rfcVerifyConsistency(first, second, roots[first]!, roots[second]!, proof), `${first} → ${second}`);
      assert.ok(!rfcVerifyConsistency(first, second, roots[first - 1]!, roots[second]!, proof), 'another first tree does not verify');
      assert.ok(verifyConsistency(first, second, roots[first]!, roots[second]!, proof), 'the log\'s own verifier (used by witnesses) agrees');
      assert.ok(!verifyConsistency(first, second, roots[first]!, roots[second - 1]!, proof));
    }
  }
}, { timeout: 120_000 });

eachDatabase('an append rolls back with its command, and the next one takes its place', async (database) => {
  await database.db.transaction().execute((tx) => appendToLog(tx, sample(0)));
  await assert.rejects(database.db.transaction().execute(async (tx) => {
    await appendToLog(tx, sample(1));
    throw new Error('the command is refused');
  }));
  assert.equal(await treeSize(database.db), 1);
  assert.equal(await database.db.transaction().execute((tx) => appendToLog(tx, sample(2))), 1);
  assert.ok((await rootAt(database.db, 2)).equals(rfcRoot([entryText(sample(0)), entryText(sample(2))].map((t) => Buffer.from(t)))));
});

test('a verifier key whose base64 holds "+" is read back whole (one key in two does)', () => {
  let withPlus = 0;
  for (let i = 0; i < 40; i++) {
    const key = verifierKey('cabildo.example/log', generateKeyPairSync('ed25519').publicKey);
    if (key.text.split('+').length > 3) withPlus++;
    const read = parseVerifierKey(key.text);
    assert.equal(read.id.toString('hex'), key.id.toString('hex'));
    assert.equal(read.name, 'cabildo.example/log');
  }
  assert.ok(withPlus > 0, 'some of forty keys had a "+" in their base64');
});
