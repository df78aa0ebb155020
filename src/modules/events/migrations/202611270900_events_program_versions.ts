import type { Kysely } from 'kysely';

/**
 * Published versions of an event's program (docs/decisions/019-events-program.md): each
 * publication keeps the program as it was (a canonical JSON snapshot) and its SHA-256, which the
 * transparency log's entry covers. Versions count 1, 2, 3… per event; the unique constraint keeps
 * two publications from both becoming the same version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_program_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('snapshot_sha256', 'text', (c) => c.notNull())
    .addColumn('session_count', 'integer', (c) => c.notNull())
    .addColumn('open_conflicts', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_program_versions_version', ['event_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_program_versions').execute();
}
