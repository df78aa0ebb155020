import type { Kysely } from 'kysely';

/**
 * The open funding ledger (docs/decisions/029-funding.md): entries (income and expenses, drafts
 * and published, corrections pointing at what they correct), budgets per event and currency, and
 * each initiative's warning threshold. Amounts are 64-bit integers of minor units: a forum's budget
 * in Colombian pesos' cents does not fit in 32 bits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // No foreign key to its own table: a backup lists a table's rows in no particular order and a
    // restore inserts them 200 at a time, so a correction could arrive before what it corrects. The
    // commands check the entry corrected is a published one of the same initiative.
    .addColumn('corrects_id', 'text')
    .addColumn('sponsor', 'text')
    .addColumn('stakeholder_group', 'text')
    .addColumn('support', 'text')
    .addColumn('conditions', 'text')
    .addColumn('category', 'text')
    .addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('set null'))
    .addColumn('description', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('funding_entries_initiative').on('funding_entries').columns(['initiative_id', 'status']).execute();
  await db.schema.createIndex('funding_entries_corrects').on('funding_entries').column('corrects_id').execute();
  await db.schema
    .createTable('funding_budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('funding_budgets_event_currency', ['event_id', 'currency'])
    .execute();
  await db.schema
    .createTable('funding_settings')
    .addColumn('initiative_id', 'text', (c) => c.primaryKey().references('initiatives.id').onDelete('cascade'))
    .addColumn('max_share', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funding_settings').execute();
  await db.schema.dropTable('funding_budgets').execute();
  await db.schema.dropTable('funding_entries').execute();
}
