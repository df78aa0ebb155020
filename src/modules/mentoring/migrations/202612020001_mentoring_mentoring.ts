import type { Kysely } from 'kysely';

/**
 * Mentoring between initiatives (docs/decisions/035-mentoring.md): offers, requests routed along
 * ranked preferences, the preferences passed over, mentorships with their meetings, and the
 * secretariat's settings. Lists are JSON text: they are short and read whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mentor_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().unique().references('initiatives.id').onDelete('cascade'))
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mentoring_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('preferences', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offer_id', 'text', (c) => c.references('mentor_offers.id').onDelete('set null'))
    .addColumn('offered_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_requests_by_status').on('mentoring_requests').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('mentoring_requests_by_initiative').on('mentoring_requests').columns(['initiative_id']).execute();
  await db.schema.createIndex('mentoring_requests_by_offer').on('mentoring_requests').columns(['offer_id', 'status']).execute();
  await db.schema
    .createTable('mentoring_passes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('mentoring_requests.id').onDelete('cascade'))
    .addColumn('offer_id', 'text', (c) => c.notNull().references('mentor_offers.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mentoring_passes_once', ['request_id', 'offer_id'])
    .execute();
  await db.schema
    .createTable('mentorships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Not unique: a match the secretariat did not approve stays, and the request may be matched again.
    .addColumn('request_id', 'text', (c) => c.notNull().references('mentoring_requests.id').onDelete('cascade'))
    .addColumn('offer_id', 'text', (c) => c.notNull().references('mentor_offers.id').onDelete('cascade'))
    .addColumn('mentor_initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('mentee_initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('mentor_consent', 'integer', (c) => c.notNull())
    .addColumn('mentee_consent', 'integer', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'text')
    .addColumn('ended_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ended_at', 'text')
    .addColumn('mentor_feedback', 'text')
    .addColumn('mentor_rating', 'integer')
    .addColumn('mentee_feedback', 'text')
    .addColumn('mentee_rating', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentorships_by_offer').on('mentorships').columns(['offer_id', 'status']).execute();
  await db.schema.createIndex('mentorships_by_mentee').on('mentorships').columns(['mentee_initiative_id', 'status']).execute();
  await db.schema.createIndex('mentorships_by_mentor').on('mentorships').columns(['mentor_initiative_id', 'status']).execute();
  await db.schema
    .createTable('mentoring_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mentorship_id', 'text', (c) => c.notNull().references('mentorships.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('logged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_meetings_by_mentorship').on('mentoring_meetings').columns(['mentorship_id', 'held_on']).execute();
  await db.schema
    .createTable('mentoring_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['mentoring_settings', 'mentoring_meetings', 'mentorships', 'mentoring_passes', 'mentoring_requests', 'mentor_offers']) {
    await db.schema.dropTable(table).execute();
  }
}
