import type { Kysely } from 'kysely';

/**
 * The fair review of an event's proposals (docs/decisions/020-events-review.md): the programme
 * committee (members sitting for stakeholder groups, one chair, declared organisations), the
 * weighted criteria, who reviews what, the reviews, and the chair's decisions (logged).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_review_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('is_chair', 'integer', (c) => c.notNull().defaultTo(0))
    // Declared organisations, one per line: proposals naming one of them are not theirs to review.
    .addColumn('organisations', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_review_members_person', ['event_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('event_review_criteria')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_review_criteria_pk', ['event_id', 'criterion'])
    .execute();

  await db.schema
    .createTable('event_review_assignments')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('event_proposals.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('event_review_members.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_review_assignments_pk', ['proposal_id', 'member_id'])
    .execute();
  await db.schema.createIndex('event_review_assignments_member').on('event_review_assignments').column('member_id').execute();

  await db.schema
    .createTable('event_reviews')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('event_proposals.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('event_review_members.id').onDelete('cascade'))
    // criterion → score (1–5), as JSON: the criteria are the event's to configure.
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('private_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_reviews_pk', ['proposal_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('event_proposal_decisions')
    .addColumn('proposal_id', 'text', (c) => c.primaryKey().references('event_proposals.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('merge_with', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_proposal_decisions_event').on('event_proposal_decisions').column('event_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_proposal_decisions', 'event_reviews', 'event_review_assignments', 'event_review_criteria', 'event_review_members']) {
    await db.schema.dropTable(table).execute();
  }
}
