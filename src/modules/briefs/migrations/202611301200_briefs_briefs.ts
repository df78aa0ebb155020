import type { Kysely } from 'kysely';

/** Internet impact briefs (docs/decisions/031): the working copy, its authors, published versions, and the list's rows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('briefs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grid', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('brief_authors')
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brief_authors_pk', ['brief_id', 'user_id'])
    .execute();
  await db.schema.createIndex('brief_authors_user').on('brief_authors').column('user_id').execute();
  await db.schema
    .createTable('brief_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('snapshot_sha256', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brief_versions_version', ['brief_id', 'version'])
    .execute();
  await db.schema
    .createTable('brief_listing')
    .addColumn('brief_id', 'text', (c) => c.primaryKey().references('briefs.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('brief_listing_updated').on('brief_listing').columns(['updated_at', 'brief_id']).execute();
  await db.schema
    .createTable('brief_ratings')
    .addColumn('brief_id', 'text', (c) => c.notNull().references('briefs.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brief_ratings_pk', ['brief_id', 'item'])
    .execute();
  await db.schema.createIndex('brief_ratings_item').on('brief_ratings').columns(['item', 'rating']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['brief_ratings', 'brief_listing', 'brief_versions', 'brief_authors', 'briefs']) await db.schema.dropTable(table).execute();
}
