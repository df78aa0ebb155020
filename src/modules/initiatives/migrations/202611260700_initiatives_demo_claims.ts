import type { Kysely } from 'kysely';

/**
 * Claims on demo entries: a person says a listed demo initiative is theirs, with a short
 * justification; the secretariat approves (they become its coordinator, the demo mark goes) or
 * refuses with a reason. A claim is decided once (`decision` goes from null to a value once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('demo_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('claimant_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('justification', 'text', (c) => c.notNull())
    /** The group the claimant would sit for, from their profile when they claimed. */
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    /** null while open; then `approved` or `refused`. */
    .addColumn('decision', 'text')
    /** The secretariat's reason (required for a refusal), sent to the claimant. */
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('demo_claims_open').on('demo_claims').columns(['decision', 'claimed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('demo_claims').execute();
}
