import { tablesOf, serializeOn, timestamp, type Db } from '../db/index.ts';
import { canonicalJson } from './canonical.ts';
import {
  completedBy, consistencyRanges, inclusionRanges, leafHash, nodeHash, perfectKey, perfectPieces, rangeHash, sha256,
  type Hash, type Perfect, type Range,
} from './merkle.ts';

interface LogEntriesTable {
  idx: number;
  entry: string;
  kind: string;
  record: string;
  created_at: string;
}
interface LogNodesTable {
  level: number;
  idx: number;
  hash: string;
}
export interface LogCheckpointsTable {
  size: number;
  root_hash: string;
  note: string;
  created_at: string;
}
export interface LogWitnessedTable {
  id: string;
  origin: string;
  url: string;
  verifier_key: string;
  size: number;
  root_hash: string;
  note: string;
  status: string;
  detail: string | null;
  witnessed_at: string;
}
export interface LogTables {
  log_entries: LogEntriesTable;
  log_nodes: LogNodesTable;
  log_checkpoints: LogCheckpointsTable;
  log_witnessed: LogWitnessedTable;
}
export const logDb = (db: Db) => tablesOf<LogTables>(db);

/** What a command logs: an outcome, named by its kind, its record and the record's version. */
export interface NewLogEntry {
  /** `<module>.<what>`, declared in the module's manifest (logKinds). */
  kind: string;
  /** The record, as `<type>/<id>`. */
  record: string;
  /** 1 for the record's first logged outcome, then 2, 3… */
  version: number;
  /** The record's content at this version; its canonical JSON is hashed into the entry. */
  content: unknown;
  /** Who decided (an account id), or null for the installation itself (an import). */
  actor: string | null;
  time: Date;
}

/** The entry's canonical JSON: what the leaf hashes and what anyone can fetch and check. */
export function entryText(entry: NewLogEntry): string {
  return canonicalJson({
    actor: entry.actor,
    content_sha256: contentHash(entry.content),
    kind: entry.kind,
    record: entry.record,
    time: timestamp(entry.time),
    version: entry.version,
  });
}

/** SHA-256 of the content's canonical JSON, in hex. */
export function contentHash(content: unknown): string {
  return sha256(Buffer.from(canonicalJson(content), 'utf8')).toString('hex');
}

const b64 = (hash: Hash) => hash.toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');

/** Appends take this lock (PostgreSQL) until their transaction ends; SQLite runs one writer at a time. */
export const appendLock = 'platform.transparency_log';

/** How many entries the log holds. */
export async function treeSize(db: Db): Promise<number> {
  const row = await logDb(db).selectFrom('log_entries').select((eb) => eb.fn.max('idx').as('last')).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/**
 * Appends an entry in the caller's transaction and answers its index. Appends are serialised (the
 * lock above), so every entry extends the one tree; a refused command rolls its entry back with
 * everything else.
 */
export async function appendToLog(tx: Db, input: NewLogEntry): Promise<number> {
  const text = entryText(input);
  await serializeOn(tx, appendLock);
  const index = await treeSize(tx);
  const leaf = leafHash(Buffer.from(text, 'utf8'));
  const { siblings, completed } = completedBy(index);
  const known = await readPerfect(tx, siblings);
  const nodes: LogNodesTable[] = [{ level: 0, idx: index, hash: b64(leaf) }];
  let hash = leaf;
  siblings.forEach((sibling, i) => {
    hash = nodeHash(known.get(perfectKey(sibling))!, hash);
    nodes.push({ level: completed[i]!.level, idx: completed[i]!.index, hash: b64(hash) });
  });
  await logDb(tx).insertInto('log_entries').values({ idx: index, entry: text, kind: input.kind, record: input.record, created_at: timestamp(input.time) }).execute();
  await logDb(tx).insertInto('log_nodes').values(nodes).execute();
  return index;
}

/** The stored hashes of these complete subtrees (all of them must exist). */
async function readPerfect(db: Db, wanted: readonly Perfect[]): Promise<Map<string, Hash>> {
  const known = new Map<string, Hash>();
  const unique = [...new Map(wanted.map((p) => [perfectKey(p), p])).values()];
  for (let i = 0; i < unique.length; i += 200) {
    const batch = unique.slice(i, i + 200);
    const rows = await logDb(db)
      .selectFrom('log_nodes')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(batch.map((p) => eb.and([eb('level', '=', p.level), eb('idx', '=', p.index)]))))
      .execute();
    for (const row of rows) known.set(perfectKey({ level: Number(row.level), index: Number(row.idx) }), unb64(row.hash));
  }
  for (const p of unique) if (!known.has(perfectKey(p))) throw new Error(`the log lacks the stored subtree ${perfectKey(p)}`);
  return known;
}

async function rangeHashes(db: Db, ranges: readonly Range[]): Promise<Hash[]> {
  const known = await readPerfect(db, ranges.flatMap((r) => perfectPieces(r)));
  return ranges.map((r) => rangeHash(r, known));
}

/** The root hash of the tree of the first `size` entries. */
export async function rootAt(db: Db, size: number): Promise<Hash> {
  if (size === 0) return sha256();
  return (await rangeHashes(db, [[0, size]]))[0]!;
}

/** The audit path of entry `index` in the tree of `size` entries (RFC 9162 §2.1.3.1); index < size ≤ the log's size. */
export async function inclusionProof(db: Db, index: number, size: number): Promise<Hash[]> {
  return rangeHashes(db, inclusionRanges(index, 0, size));
}

/** The consistency proof between the trees of `first` and `second` entries (RFC 9162 §2.1.4.1); 0 < first ≤ second. */
export async function consistencyProof(db: Db, first: number, second: number): Promise<Hash[]> {
  return rangeHashes(db, consistencyRanges(first, 0, second));
}

/** Entries start..end, both included (as RFC 6962's get-entries). */
export async function readEntries(db: Db, start: number, end: number): Promise<Array<{ index: number; entry: string }>> {
  const rows = await logDb(db).selectFrom('log_entries').select(['idx', 'entry']).where('idx', '>=', start).where('idx', '<=', end).orderBy('idx').execute();
  return rows.map((row) => ({ index: Number(row.idx), entry: row.entry }));
}

/** The newest entries, newest first (for the /log page). */
export async function recentEntries(db: Db, limit: number): Promise<Array<{ index: number; entry: string; kind: string; record: string }>> {
  const rows = await logDb(db).selectFrom('log_entries').select(['idx', 'entry', 'kind', 'record']).orderBy('idx', 'desc').limit(limit).execute();
  return rows.map((row) => ({ index: Number(row.idx), entry: row.entry, kind: row.kind, record: row.record }));
}

export { b64, unb64 };
