import type { Db } from '../db/index.ts';
import { NotCanonical, parseCanonical } from './canonical.ts';
import { CompactTree, emptyRoot, leafHash, type Hash } from './merkle.ts';
import { NoteError, openNote, parseCheckpoint, verifierKey, type VerifierKey } from './note.ts';
import { contentHash, logDb, unb64 } from './store.ts';

/** A kind of entry a module logs, declared in its manifest (`logKinds`). */
export interface LogKind {
  /** Catalog key naming the kind for readers of /log. */
  label: string;
  /**
   * The record's content at that version, from the module's own stored rows, exactly as it was
   * logged (or null if it is gone): `cabildo log verify` hashes it again.
   */
  content(db: Db, record: string, version: number): Promise<unknown | null>;
  /** Names and addresses of records, for /log (records it does not know are left out). */
  describe?(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>>;
}

export interface VerifyReport {
  size: number;
  checkpoints: number;
  /** The first thing that no longer matches: which entry (null when it concerns no single one) and why. */
  failure: { index: number | null; reason: string } | null;
}

const entryFields = ['actor', 'content_sha256', 'kind', 'record', 'time', 'version'].join();
const page = 500;

class Mismatch extends Error {
  constructor(public index: number | null, reason: string) {
    super(reason);
  }
}

/**
 * Recomputes the whole tree from the stored entries, checks each entry against the record it
 * names (through the module that owns the kind), the stored subtree hashes against the
 * recomputed ones, and every checkpoint the log issued against the root of its size and the
 * installation's key. Stops at the first mismatch, naming its entry.
 */
export async function verifyLog(db: Db, kinds: ReadonlyMap<string, LogKind>, key: VerifierKey | null): Promise<VerifyReport> {
  const log = logDb(db);
  const checkpoints = new Map((await log.selectFrom('log_checkpoints').selectAll().execute()).map((c) => [Number(c.size), c]));
  const tree = new CompactTree();
  const checkCheckpoint = (size: number, root: Hash, lastEntry: number | null) => {
    const checkpoint = checkpoints.get(size);
    if (!checkpoint) return;
    if (!key) throw new Mismatch(null, 'the log issued checkpoints but the data directory holds no signing key to check them with');
    let text: string;
    try {
      const parsed = parseCheckpoint(checkpoint.note);
      // The origin follows BASE_URL: a checkpoint issued under an earlier address is checked under its own name.
      text = openNote(checkpoint.note, parsed.origin === key.name ? key : verifierKey(parsed.origin, key.publicKey));
    } catch (error) {
      throw new Mismatch(lastEntry, `the checkpoint of size ${size} is not signed by this installation's key (${(error as Error).message})`);
    }
    const signed = parseCheckpoint(text);
    if (signed.size !== size || !signed.root.equals(root) || checkpoint.root_hash !== root.toString('base64')) {
      throw new Mismatch(lastEntry, `the tree of the first ${size} entries no longer has the root of the checkpoint of size ${size} (issued ${checkpoint.created_at})`);
    }
  };
  try {
    checkCheckpoint(0, emptyRoot, null);
    for (let start = 0; ; start += page) {
      const entries = await log.selectFrom('log_entries').selectAll().where('idx', '>=', start).orderBy('idx').limit(page).execute();
      if (entries.length === 0) break;
      const nodes = await storedNodes(db, start, start + entries.length);
      for (const row of entries) {
        const index = tree.size;
        if (Number(row.idx) !== index) throw new Mismatch(index, `entry ${index} is missing`);
        await checkEntry(db, kinds, index, row);
        const leaf = leafHash(Buffer.from(row.entry, 'utf8'));
        const storedLeaf = nodes.get(`0/${index}`);
        if (!storedLeaf?.equals(leaf)) throw new Mismatch(index, `entry ${index} no longer matches its stored leaf hash`);
        for (const node of tree.append(leaf)) {
          const stored = nodes.get(`${node.level}/${Math.floor(index / 2 ** node.level)}`);
          if (!stored?.equals(node.hash)) {
            const first = index + 1 - 2 ** node.level;
            throw new Mismatch(first, `the stored tree no longer matches entries ${first} to ${index}`);
          }
        }
        checkCheckpoint(tree.size, tree.root(), index);
      }
      if (entries.length < page) break;
    }
    const leaves = await log.selectFrom('log_nodes').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 0).executeTakeFirstOrThrow();
    if (Number(leaves.n) !== tree.size) throw new Mismatch(tree.size, `entry ${tree.size} is missing (the tree holds ${Number(leaves.n)} leaves)`);
    const beyond = [...checkpoints.keys()].filter((size) => size > tree.size).sort((a, b) => a - b)[0];
    if (beyond !== undefined) throw new Mismatch(tree.size, `entry ${tree.size} is missing: the log signed a checkpoint of ${beyond} entries and holds ${tree.size}`);
  } catch (error) {
    if (error instanceof Mismatch) return { size: tree.size, checkpoints: checkpoints.size, failure: { index: error.index, reason: error.message } };
    throw error;
  }
  return { size: tree.size, checkpoints: checkpoints.size, failure: null };
}

async function checkEntry(db: Db, kinds: ReadonlyMap<string, LogKind>, index: number, row: { entry: string; kind: string; record: string }): Promise<void> {
  let entry: Record<string, unknown>;
  try {
    entry = parseCanonical(row.entry) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof NotCanonical) throw new Mismatch(index, `entry ${index} is not canonical JSON (${error.message})`);
    throw error;
  }
  if (!entry || typeof entry !== 'object' || Object.keys(entry).join() !== entryFields) throw new Mismatch(index, `entry ${index} does not have the fields of an entry`);
  const { kind, record, version, content_sha256 } = entry as { kind: unknown; record: unknown; version: unknown; content_sha256: unknown };
  if (kind !== row.kind || record !== row.record) throw new Mismatch(index, `entry ${index} is filed under another kind or record than it names`);
  const source = typeof kind === 'string' ? kinds.get(kind) : undefined;
  if (!source) throw new Mismatch(index, `entry ${index} is of a kind no module declares (${String(kind)})`);
  if (typeof record !== 'string' || !Number.isSafeInteger(version)) throw new Mismatch(index, `entry ${index} names no record version`);
  const content = await source.content(db, record, version as number);
  if (content === null) throw new Mismatch(index, `entry ${index}: the record ${record} (version ${version}) no longer exists`);
  if (contentHash(content) !== content_sha256) throw new Mismatch(index, `entry ${index}: the record ${record} (version ${version}) no longer matches its content hash`);
}

/** The stored subtree hashes that entries [start, end) complete. */
async function storedNodes(db: Db, start: number, end: number): Promise<Map<string, Hash>> {
  const levels: Array<[number, number, number]> = [];
  for (let level = 0; 2 ** level <= end; level++) levels.push([level, Math.floor(start / 2 ** level), Math.floor((end - 1) / 2 ** level)]);
  const rows = await logDb(db)
    .selectFrom('log_nodes')
    .selectAll()
    .where((eb) => eb.or(levels.map(([level, lo, hi]) => eb.and([eb('level', '=', level), eb('idx', '>=', lo), eb('idx', '<=', hi)]))))
    .execute();
  return new Map(rows.map((row) => [`${Number(row.level)}/${Number(row.idx)}`, unb64(row.hash)]));
}

export { NoteError };
