import type { Kysely } from 'kysely';

/**
 * Positions, the consensus call with its dispositions, appeals and followers (docs/decisions/038);
 * the two settings the tally and the appeals need; where each logged outcome sits in the log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consultations').addColumn('min_per_group', 'integer', (c) => c.notNull().defaultTo(3)).execute();
  await db.schema.alterTable('consultations').addColumn('appeal_days', 'integer', (c) => c.notNull().defaultTo(14)).execute();
  await db.schema.alterTable('consultation_outcomes').addColumn('log_index', 'integer').execute();

  await db.schema
    .createTable('consultation_positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('blocking', 'text')
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_positions_one', ['consultation_id', 'target', 'user_id'])
    .execute();

  await db.schema
    .createTable('consultation_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().unique().references('consultations.id').onDelete('cascade'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('strength', 'text', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('called_by', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultation_dispositions')
    .addColumn('call_id', 'text', (c) => c.notNull().references('consultation_calls.id').onDelete('cascade'))
    .addColumn('position_id', 'text', (c) => c.notNull().references('consultation_positions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amendment_id', 'text')
    .addColumn('version_number', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_dispositions_pk', ['call_id', 'position_id'])
    .execute();

  await db.schema
    .createTable('consultation_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('consultation_calls.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .execute();

  await db.schema
    .createTable('consultation_followers')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_followers_pk', ['consultation_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['consultation_followers', 'consultation_appeals', 'consultation_dispositions', 'consultation_calls', 'consultation_positions']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('consultation_outcomes').dropColumn('log_index').execute();
  await db.schema.alterTable('consultations').dropColumn('appeal_days').execute();
  await db.schema.alterTable('consultations').dropColumn('min_per_group').execute();
}
