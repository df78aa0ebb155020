import type { Kysely } from 'kysely';

/**
 * Registration (docs/decisions/018-events-registration.md): how many may take part onsite and
 * online (none: no limit), and who registered, to the event or to one of its sessions, in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('onsite_capacity', 'integer').execute();
  await db.schema.alterTable('events').addColumn('online_capacity', 'integer').execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // A registration to one session; none for the event itself.
    .addColumn('session_id', 'text', (c) => c.references('event_sessions.id').onDelete('cascade'))
    // The session's id, or '' for the event: one registration per person and scope (a null would not be unique).
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('presence', 'text', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Order of arrival within the event, given under the event's lock: the waitlist's order.
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_registrations_person', ['event_id', 'scope', 'user_id'])
    .execute();
  await db.schema.createIndex('event_registrations_queue').on('event_registrations').columns(['event_id', 'scope', 'presence', 'status', 'sequence']).execute();
  await db.schema.createIndex('event_registrations_user').on('event_registrations').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_registrations').execute();
  await db.schema.alterTable('events').dropColumn('online_capacity').execute();
  await db.schema.alterTable('events').dropColumn('onsite_capacity').execute();
}
