import type { Kysely } from 'kysely';

/** Courses, their lessons, learners' progress and completion certificates (docs/decisions/033-courses.md). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.references('initiatives.id').onDelete('cascade'))
    .addColumn('starter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('course_lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('module', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('course_lessons_slug', ['course_id', 'slug'])
    .execute();
  await db.schema
    .createTable('course_progress')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('course_lessons.id').onDelete('cascade'))
    .addColumn('read_at', 'text')
    .addColumn('passed_at', 'text')
    .addColumn('best_score', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_progress_pk', ['user_id', 'lesson_id'])
    .execute();
  await db.schema.createIndex('course_progress_course').on('course_progress').columns(['user_id', 'course_id']).execute();
  await db.schema
    .createTable('course_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A certificate stays checkable even if the course or the account goes: it is in the public log.
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('learner_name', 'text', (c) => c.notNull())
    .addColumn('course_title', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('log_index', 'integer', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addUniqueConstraint('course_certificates_learner', ['course_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('course_certificates').execute();
  await db.schema.dropTable('course_progress').execute();
  await db.schema.dropTable('course_lessons').execute();
  await db.schema.dropTable('courses').execute();
}
