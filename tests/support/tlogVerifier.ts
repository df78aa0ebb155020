import { createHash, createPublicKey, verify } from 'node:crypto';

/**
 * An independent verifier of Cabildo's transparency log, for tests: written from RFC 9162 and the
 * C2SP signed-note, tlog-checkpoint and verifier-key specifications alone, sharing no code with
 * src/platform/log, so that a mistake there cannot be repeated here and go unnoticed.
 */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
export const rfcLeaf = (entry: Buffer) => sha(Buffer.of(0), entry);
export const rfcNode = (left: Buffer, right: Buffer) => sha(Buffer.of(1), left, right);

/** MTH(D[n]) by its definition (§2.1.1), over entries. */
export function rfcRoot(entries: Buffer[]): Buffer {
  if (entries.length === 0) return sha();
  if (entries.length === 1) return rfcLeaf(entries[0]!);
  let k = 1;
  while (k << 1 < entries.length) k <<= 1;
  return rfcNode(rfcRoot(entries.slice(0, k)), rfcRoot(entries.slice(k)));
}

/** §2.1.3.2, step by step. */
export function rfcVerifyInclusion(leafIndex: number, treeSize: number, hash: Buffer, path: Buffer[], root: Buffer): boolean {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = hash;
  for (const p of path) {
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      r = rfcNode(p, r);
      if ((fn & 1) === 0) while ((fn & 1) === 0 && fn !== 0) { fn >>= 1; sn >>= 1; }
    } else {
      r = rfcNode(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** §2.1.4.2, step by step (first < second). */
export function rfcVerifyConsistency(first: number, second: number, firstHash: Buffer, secondHash: Buffer, proof: Buffer[]): boolean {
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstHash, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while ((fn & 1) === 1) { fn >>= 1; sn >>= 1; }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      fr = rfcNode(c, fr);
      sr = rfcNode(c, sr);
      if ((fn & 1) === 0) while ((fn & 1) === 0 && fn !== 0) { fn >>= 1; sn >>= 1; }
    } else {
      sr = rfcNode(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(firstHash) && sr.equals(secondHash);
}

/** A verifier key `<name>+<key id hex>+<base64(0x01 ‖ public key)>`, checked and opened. */
export function readVerifierKey(text: string) {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error(`not a verifier key: ${text}`);
  const [, name, id, key] = match as unknown as [string, string, string, string];
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 33 || bytes[0] !== 0x01) throw new Error('not an Ed25519 key');
  const expectedId = sha(Buffer.from(name + '\n'), bytes).subarray(0, 4).toString('hex');
  if (expectedId !== id) throw new Error('key id does not match');
  // SubjectPublicKeyInfo of an Ed25519 key: a fixed 12-byte header, then the 32 key bytes.
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), bytes.subarray(1)]), format: 'der', type: 'spki' });
  return { name, id: Buffer.from(id, 'hex'), publicKey };
}

/** Opens a signed note and answers its checkpoint, once a signature by the key verifies; throws otherwise. */
export function readCheckpoint(note: string, keyText: string): { origin: string; size: number; root: Buffer } {
  const key = readVerifierKey(keyText);
  const at = note.lastIndexOf('\n\n');
  assertThat(at > 0 && note.endsWith('\n'), 'a note is text, a blank line, signature lines');
  const text = note.slice(0, at + 1);
  let signed = false;
  for (const line of note.slice(at + 2, -1).split('\n')) {
    assertThat(line.startsWith('\u2014 '), `a signature line starts with an em dash: ${line}`);
    const [name, b64] = line.slice(2).split(' ');
    const signature = Buffer.from(b64 ?? '', 'base64');
    if (name === key.name && signature.subarray(0, 4).equals(key.id)) {
      assertThat(verify(null, Buffer.from(text), key.publicKey, signature.subarray(4)), 'the Ed25519 signature verifies');
      signed = true;
    }
  }
  assertThat(signed, 'signed by the key');
  const [origin, size, root, ...rest] = text.split('\n');
  assertThat(rest.at(-1) === '', 'the text ends with a newline');
  assertThat(/^\d+$/.test(size ?? ''), 'decimal size');
  assertThat(origin === key.name, 'the origin is the key name');
  return { origin: origin!, size: Number(size), root: Buffer.from(root!, 'base64') };
}

function assertThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(`signed note: ${what}`);
}
