import type { Kysely } from 'kysely';

/**
 * Images for lessons (docs/decisions/033, "Images"): checked by their bytes, kept in the database
 * as base64 text (one type on both databases, and in every backup), public once a course uses them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('course_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    // The first course that used it: from then on it is public.
    .addColumn('course_id', 'text', (c) => c.references('courses.id').onDelete('set null'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('course_images_uploader').on('course_images').column('uploaded_by').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('course_images').execute();
}
