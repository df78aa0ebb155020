import type { Kysely } from 'kysely';

/**
 * The live queue of a session (docs/decisions/021-events-floor-and-statistics.md): who asked for
 * the floor or posted a question, and what the moderator made of it. `version` counts the row's
 * changes: the sum over a session's rows grows with every change, which is what the live page's
 * stream compares (any server sees another's change in the database).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_floor_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
    // None for an onsite speaker the moderator recorded.
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question', 'text')
    .addColumn('presence', 'text', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text')
    // The order asked in, per session: times may tie to the millisecond.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('handled_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('event_floor_requests_position', ['session_id', 'position'])
    .execute();
  await db.schema.createIndex('event_floor_requests_user').on('event_floor_requests').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_floor_requests').execute();
}
