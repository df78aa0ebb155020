import { serializeOn, timestamp, type Db } from '../db/index.ts';
import { checkpointText, type LogSigner } from './note.ts';
import { appendLock, logDb, rootAt, treeSize } from './store.ts';

/**
 * The latest checkpoint, signing one for the current size when none covers it yet. Issuing holds
 * the append lock, so the checkpoint is of a tree no append is changing; two processes issuing
 * for the same size sign the same text with the same key, and Ed25519 signatures are
 * deterministic, so they store (and serve) the same note: checkpoints cannot fork.
 */
export async function currentCheckpoint(db: Db, signer: LogSigner, now: Date): Promise<{ size: number; note: string }> {
  const size = await treeSize(db);
  const latest = await logDb(db).selectFrom('log_checkpoints').select(['size', 'note']).orderBy('size', 'desc').limit(1).executeTakeFirst();
  if (latest && Number(latest.size) >= size) return { size: Number(latest.size), note: latest.note };
  return db.transaction().execute(async (tx) => {
    await serializeOn(tx, appendLock);
    const size = await treeSize(tx);
    const root = await rootAt(tx, size);
    const note = signer.sign(checkpointText({ origin: signer.name, size, root }));
    await logDb(tx)
      .insertInto('log_checkpoints')
      .values({ size, root_hash: root.toString('base64'), note, created_at: timestamp(now) })
      .onConflict((oc) => oc.column('size').doNothing())
      .execute();
    const stored = await logDb(tx).selectFrom('log_checkpoints').select(['size', 'note']).where('size', '=', size).executeTakeFirstOrThrow();
    return { size: Number(stored.size), note: stored.note };
  });
}
