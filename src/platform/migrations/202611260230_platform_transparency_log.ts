import type { Kysely } from 'kysely';

/**
 * The transparency log (src/platform/log/): its entries, the hashes of its complete subtrees (so
 * proofs read a few rows), the checkpoints it signed, and the checkpoints it saw from other logs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('log_entries')
    .addColumn('idx', 'integer', (c) => c.primaryKey())
    /** The canonical JSON text that was hashed into the leaf. */
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('log_entries_record').on('log_entries').columns(['record', 'idx']).execute();
  await db.schema
    .createTable('log_nodes')
    /** 0 for a leaf; a node at level L, index i covers the leaves [i·2^L, (i+1)·2^L). */
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    /** Base64 SHA-256. */
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('log_nodes_pk', ['level', 'idx'])
    .execute();
  await db.schema
    .createTable('log_checkpoints')
    .addColumn('size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    /** The signed note, exactly as served. */
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log_witnessed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    /** The verifier key it was checked with (`name+id+key`). */
    .addColumn('verifier_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    /** consistent, or what was wrong: fork, rollback, key_changed. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('witnessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('log_witnessed_origin').on('log_witnessed').columns(['origin', 'witnessed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['log_witnessed', 'log_checkpoints', 'log_nodes', 'log_entries']) await db.schema.dropTable(table).execute();
}
