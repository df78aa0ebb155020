import type { Kysely } from 'kysely';

/**
 * Receipts (docs/decisions/029): at most one file per entry, attached while it is a draft and
 * final with it. Kept in the database, base64 text like the course images, so that every server
 * on one PostgreSQL serves it and a backup carries it. `is_public`: the committee decides whether
 * everyone may open it (a receipt can show bank details or a person's address).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_receipts')
    .addColumn('entry_id', 'text', (c) => c.primaryKey().references('funding_entries.id').onDelete('cascade'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funding_receipts').execute();
}
