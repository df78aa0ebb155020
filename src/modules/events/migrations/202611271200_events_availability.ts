import { sql, type Kysely } from 'kysely';

/**
 * When the people of a session, or of a proposal, said they can take part
 * (docs/decisions/022-events-availability.md): windows of time as UTC instants, each belonging to
 * exactly one person row — of a session (what the conflict detection reads) or of a proposal (what
 * the proposer typed, copied to the session when the proposal is accepted). A person row removed
 * takes its windows with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_person_availability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_person_id', 'text', (c) => c.references('event_session_people.id').onDelete('cascade'))
    .addColumn('proposal_person_id', 'text', (c) => c.references('event_proposal_people.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    // The order the person typed them in, to show them back as typed.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('event_person_availability_one_person', sql`(session_person_id is null) <> (proposal_person_id is null)`)
    .addCheckConstraint('event_person_availability_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('event_person_availability_session_person').on('event_person_availability').column('session_person_id').execute();
  await db.schema.createIndex('event_person_availability_proposal_person').on('event_person_availability').column('proposal_person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_person_availability').execute();
}
