import type { Kysely } from 'kysely';

/**
 * The public archive of published reports (docs/decisions/026-reports-archive.md): one narrow row
 * per published report with what the archive filters and sorts by, and the stakeholder groups it
 * names, so that a page of `/reports` at 100,000 reports reads an index, never the reports' content.
 * Drafts never have a row: the archive, its feeds and exports cannot show one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_archive')
    .addColumn('report_id', 'text', (c) => c.primaryKey().references('reports.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // The session's track when it was published (a standalone report has none).
    .addColumn('track', 'text')
    // The stakeholder groups it names, one bit each in the order of the platform's six keys
    // (government 1, intergovernmental 2, civil society 4, private sector 8, technical community 16,
    // academia 32): a filter on several groups is then one test per row, not a lookup per row and group.
    .addColumn('stakeholder_groups', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // With the groups, so that counting the reports that name some groups reads this index alone.
  await db.schema.createIndex('report_archive_newest').on('report_archive').columns(['held_on', 'report_id', 'stakeholder_groups']).execute();
  await db.schema.createIndex('report_archive_initiative').on('report_archive').columns(['initiative_id', 'held_on', 'report_id']).execute();
  await db.schema.createIndex('report_archive_language').on('report_archive').columns(['language', 'held_on', 'report_id']).execute();
  await db.schema.createIndex('report_archive_track').on('report_archive').columns(['track', 'held_on', 'report_id']).execute();
  await db.schema.createIndex('report_archive_updated').on('report_archive').columns(['updated_at', 'report_id']).execute();
  await backfill(db);
}

interface StoredReport { id: string; initiative_id: string; title: string; held_on: string; language: string; version: number; content: string; updated_at: string }
interface StoredVersion { report_id: string; published_at: string }

/** Reports published before the archive existed (their track is not known here; a later change fills it). */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const reports = db as unknown as Kysely<{ reports: StoredReport & { status: string }; report_versions: StoredVersion & { version: number }; report_archive: Record<string, unknown> }>;
  const rows = await reports.selectFrom('reports').select(['id', 'initiative_id', 'title', 'held_on', 'language', 'version', 'content', 'updated_at']).where('status', '=', 'published').execute();
  for (const row of rows) {
    const first = await reports.selectFrom('report_versions').select('published_at').where('report_id', '=', row.id).where('version', '=', 1).executeTakeFirst();
    await reports.insertInto('report_archive').values({
      report_id: row.id, initiative_id: row.initiative_id, title: row.title, held_on: row.held_on, language: row.language, track: null,
      stakeholder_groups: groupBits(JSON.parse(row.content) as Parameters<typeof groupBits>[0]),
      version: Number(row.version), published_at: first?.published_at ?? row.updated_at, updated_at: row.updated_at,
    }).execute();
  }
}

const bitOrder = ['government', 'intergovernmental', 'civil_society', 'private_sector', 'technical_community', 'academia'];

/** The groups a report names, its participants' and those it counted, as bits (kept here: a migration must not change with the code). */
function groupBits(content: { participants?: Array<{ stakeholder_group: string | null }>; participation?: Record<string, { groups?: Record<string, number> }> }): number {
  const groups = new Set<string>();
  for (const p of content.participants ?? []) if (p.stakeholder_group) groups.add(p.stakeholder_group);
  for (const presence of Object.values(content.participation ?? {})) for (const [g, n] of Object.entries(presence.groups ?? {})) if (n > 0) groups.add(g);
  return bitOrder.reduce((bits, g, i) => (groups.has(g) ? bits | (1 << i) : bits), 0);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_archive').execute();
}
