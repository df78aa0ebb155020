import type { Kysely } from 'kysely';

/**
 * The latest annual report an initiative published (its year and when): the registry's "annual
 * report" recognition criterion reads it. The reports module records it when it publishes one
 * (docs/decisions/028-annual-reports.md); the registry knows nothing else of reports.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('initiatives').addColumn('annual_report_year', 'integer').execute();
  await db.schema.alterTable('initiatives').addColumn('annual_report_published_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('initiatives').dropColumn('annual_report_published_at').execute();
  await db.schema.alterTable('initiatives').dropColumn('annual_report_year').execute();
}
