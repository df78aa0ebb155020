import type { Kysely } from 'kysely';

/** Consultations, their people, versions with their blocks, comments, amendments and endorsements (docs/decisions/034). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text_kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('comments_from', 'text', (c) => c.notNull())
    .addColumn('amendments_from', 'text', (c) => c.notNull())
    .addColumn('positions_from', 'text', (c) => c.notNull())
    .addColumn('consensus_from', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('published_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_initiative').on('consultations').columns(['initiative_id']).execute();

  await db.schema
    .createTable('consultation_people')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_people_pk', ['consultation_id', 'user_id', 'role'])
    .execute();
  await db.schema.createIndex('consultation_people_user').on('consultation_people').columns(['user_id']).execute();

  await db.schema
    .createTable('consultation_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addUniqueConstraint('consultation_versions_number', ['consultation_id', 'number'])
    .execute();

  await db.schema
    .createTable('consultation_blocks')
    .addColumn('version_id', 'text', (c) => c.notNull().references('consultation_versions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_blocks_pk', ['version_id', 'position'])
    .addUniqueConstraint('consultation_blocks_anchor', ['version_id', 'anchor'])
    .execute();

  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('consultation_comments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_comments_anchor').on('consultation_comments').columns(['consultation_id', 'anchor', 'created_at']).execute();

  await db.schema
    .createTable('consultation_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('original', 'text', (c) => c.notNull())
    .addColumn('proposed', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('applied_in', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_amendments_anchor').on('consultation_amendments').columns(['consultation_id', 'anchor', 'created_at']).execute();

  await db.schema
    .createTable('consultation_endorsements')
    .addColumn('amendment_id', 'text', (c) => c.notNull().references('consultation_amendments.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_endorsements_pk', ['amendment_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('consultation_outcomes')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_outcomes_pk', ['record', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['consultation_outcomes', 'consultation_endorsements', 'consultation_amendments', 'consultation_comments', 'consultation_blocks', 'consultation_versions', 'consultation_people', 'consultations']) {
    await db.schema.dropTable(table).execute();
  }
}
