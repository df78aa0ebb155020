import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeOnce } from '../files.ts';
import { join } from 'node:path';
import { sha256 } from './merkle.ts';

/**
 * Checkpoints in the formats the transparency-log ecosystem reads (so existing verifiers and
 * witnesses work with Cabildo): a C2SP tlog-checkpoint (origin, tree size, base64 root hash, one
 * per line) signed as a C2SP signed-note with Ed25519.
 */

/** Signature type of Ed25519 in signed notes. */
const ed25519Type = 0x01;
const signatureLine = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/;

export class NoteError extends Error {}

/** The key id of a signed-note key: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key). */
export function keyId(name: string, publicKey: Uint8Array): Buffer {
  return sha256(Buffer.from(`${name}\n`, 'utf8'), Buffer.from([ed25519Type]), publicKey).subarray(0, 4);
}

export interface VerifierKey {
  name: string;
  id: Buffer;
  publicKey: KeyObject;
  /** `<name>+<key id hex>+<base64(0x01 ‖ public key)>` */
  text: string;
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

export function verifierKey(name: string, publicKey: KeyObject): VerifierKey {
  const raw = rawPublicKey(publicKey);
  const id = keyId(name, raw);
  return { name, id, publicKey, text: `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.from([ed25519Type]), raw]).toString('base64')}` };
}

/** Reads a verifier key in its text form; refuses any other signature type or a key id that does not match. */
export function parseVerifierKey(text: string): VerifierKey {
  // The key data is base64, which may itself hold '+': only the first two separate the parts.
  const match = /^([^+]+)\+([^+]+)\+(.+)$/s.exec(text.trim());
  if (!match) throw new NoteError('a verifier key is name+id+key');
  const [, name, idHex, keyB64] = match as unknown as [string, string, string, string];
  const key = Buffer.from(keyB64, 'base64');
  if (!name || /\s/.test(name) || !/^[0-9a-f]{8}$/.test(idHex) || key.length !== 33 || key[0] !== ed25519Type) {
    throw new NoteError('not an Ed25519 verifier key');
  }
  const raw = key.subarray(1);
  if (!keyId(name, raw).equals(Buffer.from(idHex, 'hex'))) throw new NoteError('the key id does not match the key');
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  return verifierKey(name, publicKey);
}

export interface LogSigner extends VerifierKey {
  sign(text: string): string;
}

/** The installation's signing key, made in the data directory on first start (kept by `cabildo backup`). */
export const logKeyFile = 'log-signing-key';

export function logSigner(name: string, privateKey: KeyObject): LogSigner {
  const key = verifierKey(name, createPublicKey(privateKey));
  return {
    ...key,
    sign(text: string) {
      if (!text.endsWith('\n')) throw new NoteError('a note text ends with a newline');
      const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
      return `${text}\n\u2014 ${name} ${Buffer.concat([key.id, signature]).toString('base64')}\n`;
    },
  };
}

/** Reads the key from the data directory, or makes it there (readable by its owner only). */
export function loadOrCreateLogKey(dataDir: string): KeyObject {
  const file = join(dataDir, logKeyFile);
  if (existsSync(file)) return createPrivateKey(readFileSync(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('ed25519');
  return createPrivateKey(writeOnce(file, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string));
}

/** The key in the data directory, or null when this installation has none yet. */
export function existingLogKey(dataDir: string): KeyObject | null {
  const file = join(dataDir, logKeyFile);
  return existsSync(file) ? createPrivateKey(readFileSync(file, 'utf8')) : null;
}

/** The log's name (checkpoint origin and key name): the public address, without its scheme, and /log. */
export function logOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export function checkpointText({ origin, size, root }: Checkpoint): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

/**
 * Opens a signed note: answers its text once a signature by the given key verifies. Signatures by
 * other keys are allowed and ignored (a checkpoint may carry witnesses' cosignatures).
 */
export function openNote(note: string, key: VerifierKey): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('not a signed note');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  let verified = false;
  for (const line of lines) {
    const match = signatureLine.exec(line);
    if (!match) throw new NoteError(`malformed signature line: ${JSON.stringify(line)}`);
    const [, name, b64] = match as unknown as [string, string, string];
    const signature = Buffer.from(b64, 'base64');
    if (name !== key.name || signature.length !== 68 || !signature.subarray(0, 4).equals(key.id)) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), key.publicKey, signature.subarray(4))) throw new NoteError(`the signature by ${name} does not verify`);
    verified = true;
  }
  if (!verified) throw new NoteError(`no signature by ${key.name}`);
  return text;
}

/** Reads a checkpoint's text (C2SP tlog-checkpoint): origin, decimal size, base64 root, extension lines. */
export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, size, root] = lines;
  if (!origin || !size || !/^(0|[1-9]\d*)$/.test(size) || !root) throw new NoteError('not a checkpoint');
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root) throw new NoteError('the root hash is not base64 SHA-256');
  if (!Number.isSafeInteger(Number(size))) throw new NoteError('the tree size is too large');
  return { origin, size: Number(size), root: hash };
}
