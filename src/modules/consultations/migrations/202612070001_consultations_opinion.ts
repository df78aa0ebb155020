import type { Kysely } from 'kysely';

/** The opinion map inside a consultation: participants, statements, votes and the last analysis (docs/decisions/039). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultation_opinion_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('stakeholder_group', 'text')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_opinion_participants_number', ['consultation_id', 'number'])
    .addUniqueConstraint('consultation_opinion_participants_user', ['consultation_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('consultation_opinion_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_participant_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addUniqueConstraint('consultation_opinion_statements_number', ['consultation_id', 'number'])
    .execute();

  await db.schema
    .createTable('consultation_opinion_votes')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('consultation_opinion_statements.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('consultation_opinion_participants.id').onDelete('cascade'))
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('vote', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_opinion_votes_pk', ['statement_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('consultation_opinion_votes_consultation').on('consultation_opinion_votes').columns(['consultation_id']).execute();

  await db.schema
    .createTable('consultation_opinion_analyses')
    .addColumn('consultation_id', 'text', (c) => c.primaryKey().references('consultations.id').onDelete('cascade'))
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('statements', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['consultation_opinion_analyses', 'consultation_opinion_votes', 'consultation_opinion_statements', 'consultation_opinion_participants']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
