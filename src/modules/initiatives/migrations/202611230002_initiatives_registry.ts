import type { Kysely } from 'kysely';

/** Initiatives, their places, languages and texts, committees, invitations and recognition requests. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('initiatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('year_established', 'integer')
    .addColumn('website', 'text')
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('original_locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('principles_accepted_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('initiatives_status').on('initiatives').column('status').execute();

  for (const [table, column] of [
    ['initiative_countries', 'country'],
    ['initiative_languages', 'language'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['initiative_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }

  await db.schema
    .createTable('initiative_descriptions')
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('initiative_descriptions_pk', ['initiative_id', 'locale'])
    .execute();

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('committee_members_once', ['initiative_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('committee_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answer', 'text')
    .execute();

  await db.schema
    .createTable('recognition_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('comments', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recognition_requests', 'committee_invitations', 'committee_members', 'initiative_descriptions', 'initiative_languages',
    'initiative_countries', 'initiatives',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
