import { sql, type Kysely } from 'kysely';

/**
 * Writing together (docs/decisions/036): comments on the working copy, peer reviewers and their
 * reviews, and where each published version sits in the transparency log (for its printable page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('brief_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    // No reference to its own table: a backup restores rows in no particular order (the brief's cascade removes replies).
    .addColumn('parent_id', 'text')
    .addColumn('anchor', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brief_comments_seq', ['brief_id', 'seq'])
    .execute();
  await db.schema
    .createTable('brief_reviewers')
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brief_reviewers_pk', ['brief_id', 'user_id'])
    .execute();
  await db.schema.createIndex('brief_reviewers_user').on('brief_reviewers').column('user_id').execute();
  await db.schema
    .createTable('brief_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('next_version', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('draft_sha256', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brief_reviews_seq', ['brief_id', 'seq'])
    .execute();
  await db.schema.alterTable('brief_versions').addColumn('log_index', 'integer').execute();
  await fillLogIndexes(db);
}

/** Versions published before this migration: the nth `briefs.published` entry of a brief is its version n. */
export async function fillLogIndexes(db: Kysely<unknown>): Promise<void> {
  const entries = await sql<{ idx: number | string; record: string }>`select idx, record from log_entries where kind = 'briefs.published' order by idx`.execute(db);
  const seen = new Map<string, number>();
  for (const e of entries.rows) {
    const version = (seen.get(e.record) ?? 0) + 1;
    seen.set(e.record, version);
    await sql`update brief_versions set log_index = ${Number(e.idx)} where brief_id = ${e.record.slice('brief/'.length)} and version = ${version} and log_index is null`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('brief_versions').dropColumn('log_index').execute();
  for (const table of ['brief_reviews', 'brief_reviewers', 'brief_comments']) await db.schema.dropTable(table).execute();
}
