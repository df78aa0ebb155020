import type { Kysely } from 'kysely';

/**
 * Attempt counters for rate limits, in the database so that every Cabildo process on it counts
 * together (auth/rateLimit.ts). Bookkeeping, not data: never backed up; rows expire.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    /** The limit's name and a keyed hash of what it counts (an address, an account): no personal data. */
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    /** No attempt is let through before this time (a progressive delay); otherwise the row's creation. */
    .addColumn('not_before', 'text', (c) => c.notNull())
    /** The window's end, or when failures are forgotten: the row then counts as absent and is swept. */
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expiry').on('rate_limits').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
