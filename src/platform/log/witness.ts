import { newId, timestamp, type Db } from '../db/index.ts';
import { moveDataVersion } from '../audit.ts';
import { verifyConsistency } from './merkle.ts';
import { NoteError, openNote, parseCheckpoint, parseVerifierKey } from './note.ts';
import { logDb } from './store.ts';

/**
 * Witnessing: this installation fetches another one's checkpoint, checks its signature and that
 * it extends the last checkpoint seen from there (a consistency proof), keeps it, and publishes
 * what it saw. Two installations that watch each other make a rewritten history visible: a log
 * that shows one tree to some and another to others (a fork) cannot prove both consistent.
 */

export type WitnessStatus = 'consistent' | 'fork' | 'rollback' | 'key_changed';

export interface WitnessResult {
  status: WitnessStatus;
  origin: string;
  size: number;
  /** The size last seen from there, if any. */
  previous: number | null;
  detail: string | null;
}

/** Something could not be fetched or read: nothing is kept, and the command fails. */
export class WitnessError extends Error {}

type Fetch = (url: string) => Promise<Response>;

async function fetchText(fetcher: Fetch, url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new WitnessError(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new WitnessError(`${url} answered ${response.status}`);
  return response.text();
}

export async function witness(db: Db, url: string, now: Date, fetcher: Fetch = fetch): Promise<WitnessResult> {
  const base = url.replace(/\/+$/, '');
  let key, note, checkpoint;
  try {
    key = parseVerifierKey(await fetchText(fetcher, `${base}/api/log/key`));
    note = await fetchText(fetcher, `${base}/api/log/checkpoint`);
    checkpoint = parseCheckpoint(openNote(note, key));
  } catch (error) {
    if (error instanceof NoteError) throw new WitnessError(`${base}: ${error.message}`);
    throw error;
  }
  if (checkpoint.origin !== key.name) throw new WitnessError(`${base}: the checkpoint's origin (${checkpoint.origin}) is not the key's name (${key.name})`);
  const log = logDb(db);
  const last = await log
    .selectFrom('log_witnessed').selectAll()
    .where('origin', '=', checkpoint.origin).where('status', '=', 'consistent')
    .orderBy('size', 'desc').orderBy('witnessed_at', 'desc').limit(1)
    .executeTakeFirst();
  const lastSize = last ? Number(last.size) : null;
  const root = checkpoint.root.toString('base64');
  let status: WitnessStatus = 'consistent';
  let detail: string | null = null;
  if (last && lastSize !== null) {
    if (last.verifier_key !== key.text) {
      status = 'key_changed';
      detail = `the log was signed by ${last.verifier_key} and is now signed by ${key.text}`;
    } else if (checkpoint.size < lastSize) {
      status = 'rollback';
      detail = `the log had ${lastSize} entries and now shows ${checkpoint.size}`;
    } else if (checkpoint.size === lastSize) {
      if (root !== last.root_hash) {
        status = 'fork';
        detail = `two different trees of ${lastSize} entries: ${last.root_hash} and ${root}`;
      }
    } else if (lastSize > 0) {
      const answer = await fetchText(fetcher, `${base}/api/log/proof/consistency?first=${lastSize}&second=${checkpoint.size}`);
      let proof: Buffer[] = [];
      try {
        proof = (JSON.parse(answer) as { consistency: string[] }).consistency.map((h) => Buffer.from(h, 'base64'));
      } catch {
        proof = [];
      }
      if (!verifyConsistency(lastSize, checkpoint.size, Buffer.from(last.root_hash, 'base64'), checkpoint.root, proof)) {
        status = 'fork';
        detail = `the tree of ${checkpoint.size} entries does not extend the tree of ${lastSize} entries seen on ${last.witnessed_at}`;
      }
    }
  }
  await db.transaction().execute(async (tx) => {
    await logDb(tx).insertInto('log_witnessed').values({
      id: newId(), origin: checkpoint.origin, url: base, verifier_key: key.text, size: checkpoint.size, root_hash: root, note, status, detail,
      witnessed_at: timestamp(now),
    }).execute();
    await moveDataVersion(tx);
  });
  return { status, origin: checkpoint.origin, size: checkpoint.size, previous: lastSize, detail };
}

/** What this installation publishes: the latest consistent checkpoint of each log it watches, and every inconsistency it saw. */
export async function witnessedLogs(db: Db) {
  const rows = await logDb(db).selectFrom('log_witnessed').selectAll().orderBy('origin').orderBy('witnessed_at').execute();
  const latest = new Map<string, (typeof rows)[number]>();
  const problems: typeof rows = [];
  for (const row of rows) {
    if (row.status === 'consistent') {
      const known = latest.get(row.origin);
      if (!known || Number(row.size) >= Number(known.size)) latest.set(row.origin, row);
    } else problems.push(row);
  }
  return [...latest.values(), ...problems].map((row) => ({
    origin: row.origin, url: row.url, key: row.verifier_key, tree_size: Number(row.size), root_hash: row.root_hash, checkpoint: row.note,
    witnessed_at: row.witnessed_at, status: row.status as WitnessStatus, detail: row.detail,
  }));
}
