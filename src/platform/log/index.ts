/**
 * The installation's public, append-only log of outcomes (docs/decisions/013-transparency-log.md).
 * Commands append inside their own transaction (`appendToLog`); the server signs checkpoints and
 * serves entries and proofs (`TransparencyLog`); `cabildo log verify` recomputes everything.
 */
import type { Db } from '../db/index.ts';
import { currentCheckpoint } from './checkpoints.ts';
import { loadOrCreateLogKey, logOrigin, logSigner, type LogSigner } from './note.ts';
import { consistencyProof, inclusionProof, readEntries, recentEntries, treeSize } from './store.ts';

export { canonicalJson, parseCanonical, NotCanonical } from './canonical.ts';
export { appendToLog, contentHash, type NewLogEntry } from './store.ts';
export type { LogKind, VerifyReport } from './verify.ts';

/** What the server does with the log: sign checkpoints and read entries and proofs. */
export class TransparencyLog {
  constructor(private db: Db, readonly signer: LogSigner, private clock: () => Date) {}

  /** The log's name: the checkpoints' origin line and the key's name. */
  get origin(): string {
    return this.signer.name;
  }

  size(): Promise<number> {
    return treeSize(this.db);
  }

  checkpoint(): Promise<{ size: number; note: string }> {
    return currentCheckpoint(this.db, this.signer, this.clock());
  }

  entries(start: number, end: number) {
    return readEntries(this.db, start, end);
  }

  recent(limit: number) {
    return recentEntries(this.db, limit);
  }

  inclusionProof(index: number, size: number) {
    return inclusionProof(this.db, index, size);
  }

  consistencyProof(first: number, second: number) {
    return consistencyProof(this.db, first, second);
  }
}

/** The log of an installation: its key is made in the data directory on first start. */
export function openTransparencyLog(db: Db, config: { dataDir: string; baseUrl: string }, clock: () => Date): TransparencyLog {
  return new TransparencyLog(db, logSigner(logOrigin(config.baseUrl), loadOrCreateLogKey(config.dataDir)), clock);
}
