import type { Kysely } from 'kysely';

/**
 * What a call for proposals, the review and the program share (docs/decisions/017-018-019 (call, registration, program)):
 * the call's settings, its tracks and session formats, and the event's sessions with their people.
 * Proposals, registrations, reviews and program versions come in migrations of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_calls')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('min_speakers', 'integer', (c) => c.notNull())
    .addColumn('min_stakeholder_groups', 'integer', (c) => c.notNull())
    .addColumn('max_sessions_per_speaker', 'integer', (c) => c.notNull())
    .addColumn('anonymous_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_call_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_call_questions_event').on('event_call_questions').column('event_id').execute();

  await db.schema
    .createTable('event_tracks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_tracks_event').on('event_tracks').column('event_id').execute();

  await db.schema
    .createTable('event_session_formats')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_session_formats_pk', ['event_id', 'format'])
    .execute();

  await db.schema
    .createTable('event_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // The accepted proposal it came from; none for sessions the organisers add themselves.
    .addColumn('proposal_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('original_locale', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('track_id', 'text', (c) => c.references('event_tracks.id').onDelete('set null'))
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text', (c) => c.references('event_rooms.id').onDelete('set null'))
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('expected_attendance', 'integer')
    .addColumn('capacity', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_sessions_event_start').on('event_sessions').columns(['event_id', 'starts_at']).execute();

  await db.schema
    .createTable('event_session_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('event_sessions.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('stakeholder_group', 'text')
    .addColumn('country', 'text')
    .addColumn('gender', 'text')
    .addColumn('presence', 'text')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_session_people_session').on('event_session_people').column('session_id').execute();
  await db.schema.createIndex('event_session_people_user').on('event_session_people').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_session_people', 'event_sessions', 'event_session_formats', 'event_tracks', 'event_call_questions', 'event_calls']) {
    await db.schema.dropTable(table).execute();
  }
}
