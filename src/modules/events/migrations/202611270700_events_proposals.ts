import type { Kysely } from 'kysely';

/**
 * Session proposals sent to an event's call (docs/decisions/017-events-call-and-proposals.md):
 * the proposal, its people (the same columns as a session's people, so an accepted proposal's
 * people become the session's as they are) and its answers to the call's extra questions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // Who proposed it; a proposal whose proposer deleted their account stays for the organisers.
    .addColumn('proposer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('policy_questions', 'text')
    .addColumn('original_locale', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('track_id', 'text', (c) => c.references('event_tracks.id').onDelete('set null'))
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Raised by every write: a form carries the version it was opened at, so two saves of the same one write once.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_proposals_event_status').on('event_proposals').columns(['event_id', 'status']).execute();
  await db.schema.createIndex('event_proposals_proposer').on('event_proposals').column('proposer_id').execute();

  await db.schema
    .createTable('event_proposal_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('event_proposals.id').onDelete('cascade'))
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
  await db.schema.createIndex('event_proposal_people_proposal').on('event_proposal_people').column('proposal_id').execute();

  await db.schema
    .createTable('event_proposal_answers')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('event_proposals.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('event_call_questions.id').onDelete('cascade'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_proposal_answers_pk', ['proposal_id', 'question_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_proposal_answers', 'event_proposal_people', 'event_proposals']) {
    await db.schema.dropTable(table).execute();
  }
}
