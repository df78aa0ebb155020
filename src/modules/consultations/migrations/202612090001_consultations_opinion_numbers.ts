import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../../platform/db/index.ts';

/**
 * Votes keyed by the numbers the map, the export and the API speak (consultation, statement,
 * participant), live tallies per statement, and each participant's count of votes
 * (docs/decisions/039, "Scale"): reading 2 M votes for the map no longer joins three tables, and
 * the page no longer counts every vote on each view. Existing votes, tallies and counts are carried over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let votes = db.schema
    .createTable('consultation_opinion_votes_by_number')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('statement_number', 'integer', (c) => c.notNull())
    .addColumn('participant_number', 'integer', (c) => c.notNull())
    .addColumn('vote', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_opinion_votes_numbers_pk', ['consultation_id', 'statement_number', 'participant_number'])
    .addForeignKeyConstraint('consultation_opinion_votes_statement', ['consultation_id', 'statement_number'], 'consultation_opinion_statements', ['consultation_id', 'number'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('consultation_opinion_votes_participant', ['consultation_id', 'participant_number'], 'consultation_opinion_participants', ['consultation_id', 'number'], (c) => c.onDelete('cascade'));
  // SQLite keeps the rows in key order: a consultation's votes are one range to read.
  if (dialectOf(db as never) === 'sqlite') votes = votes.modifyEnd(sql`without rowid`);
  await votes.execute();
  await sql`insert into consultation_opinion_votes_by_number (consultation_id, statement_number, participant_number, vote, voted_at)
    select v.consultation_id, s.number, p.number, v.vote, v.voted_at from consultation_opinion_votes v
    join consultation_opinion_statements s on s.id = v.statement_id
    join consultation_opinion_participants p on p.id = v.participant_id`.execute(db);
  await db.schema.dropTable('consultation_opinion_votes').execute();
  await db.schema.alterTable('consultation_opinion_votes_by_number').renameTo('consultation_opinion_votes').execute();
  // A person's own votes (the page marks them, and finds the next statement to vote on).
  await db.schema.createIndex('consultation_opinion_votes_by_participant').on('consultation_opinion_votes').columns(['consultation_id', 'participant_number']).execute();

  await db.schema
    .createTable('consultation_opinion_tallies')
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('statement_number', 'integer', (c) => c.notNull())
    .addColumn('agree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disagree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pass', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('consultation_opinion_tallies_pk', ['consultation_id', 'statement_number'])
    .addForeignKeyConstraint('consultation_opinion_tallies_statement', ['consultation_id', 'statement_number'], 'consultation_opinion_statements', ['consultation_id', 'number'], (c) => c.onDelete('cascade'))
    .execute();
  // The last participant number given: newcomers take the next one each from a short update instead of racing for max + 1.
  await db.schema
    .createTable('consultation_opinion_counters')
    .addColumn('consultation_id', 'text', (c) => c.primaryKey().references('consultations.id').onDelete('cascade'))
    .addColumn('last_participant', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('consultation_opinion_participants').addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`insert into consultation_opinion_tallies (consultation_id, statement_number, agree, disagree, pass)
    select consultation_id, statement_number, sum(case when vote = 1 then 1 else 0 end), sum(case when vote = -1 then 1 else 0 end), sum(case when vote = 0 then 1 else 0 end)
    from consultation_opinion_votes group by consultation_id, statement_number`.execute(db);
  await sql`update consultation_opinion_participants set votes = (select count(*) from consultation_opinion_votes v
    where v.consultation_id = consultation_opinion_participants.consultation_id and v.participant_number = consultation_opinion_participants.number)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consultation_opinion_tallies').ifExists().execute();
  await db.schema.dropTable('consultation_opinion_counters').ifExists().execute();
  await db.schema.alterTable('consultation_opinion_participants').dropColumn('votes').execute();
  await db.schema
    .createTable('consultation_opinion_votes_by_id')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('consultation_opinion_statements.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('consultation_opinion_participants.id').onDelete('cascade'))
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('vote', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_opinion_votes_pk', ['statement_id', 'participant_id'])
    .execute();
  await sql`insert into consultation_opinion_votes_by_id (statement_id, participant_id, consultation_id, vote, voted_at)
    select s.id, p.id, v.consultation_id, v.vote, v.voted_at from consultation_opinion_votes v
    join consultation_opinion_statements s on s.consultation_id = v.consultation_id and s.number = v.statement_number
    join consultation_opinion_participants p on p.consultation_id = v.consultation_id and p.number = v.participant_number`.execute(db);
  await db.schema.dropTable('consultation_opinion_votes').execute();
  await db.schema.alterTable('consultation_opinion_votes_by_id').renameTo('consultation_opinion_votes').execute();
  await db.schema.createIndex('consultation_opinion_votes_consultation').on('consultation_opinion_votes').columns(['consultation_id']).execute();
}
