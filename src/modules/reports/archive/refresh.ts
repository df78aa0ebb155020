import { timestamp, type Db } from '../../../platform/db/index.ts';
import { trackOfSessions } from '../../events/index.ts';
import { readContent, type ReportContent } from '../content.ts';
import { reportsDb } from '../tables.ts';

/** The stakeholder groups a report names: its participants' and those it counted (stored values, sorted). */
export function groupsNamed(content: ReportContent): string[] {
  const groups = new Set<string>();
  for (const p of content.participants) if (p.stakeholder_group) groups.add(p.stakeholder_group);
  for (const presence of Object.values(content.participation)) for (const [g, n] of Object.entries(presence.groups)) if (n > 0) groups.add(g);
  return [...groups].sort();
}

/**
 * Brings the archive's row of a report in line with it, in the command's transaction: a published
 * report has one (its first publication date kept), anything else none.
 */
export async function refreshArchive(tx: Db, reportId: string, now: Date): Promise<void> {
  const reports = reportsDb(tx);
  const row = await reports.selectFrom('reports').select(['id', 'status', 'session_id', 'initiative_id', 'title', 'held_on', 'language', 'version', 'content'])
    .where('id', '=', reportId).executeTakeFirst();
  await reports.deleteFrom('report_archive_groups').where('report_id', '=', reportId).execute();
  if (!row || row.status !== 'published') {
    await reports.deleteFrom('report_archive').where('report_id', '=', reportId).execute();
    return;
  }
  const track = row.session_id ? ((await trackOfSessions(tx, [row.session_id])).get(row.session_id) ?? null) : null;
  const at = timestamp(now);
  const fields = { initiative_id: row.initiative_id, title: row.title, held_on: row.held_on, language: row.language, track, version: Number(row.version), updated_at: at };
  await reports.insertInto('report_archive').values({ report_id: reportId, ...fields, published_at: at })
    .onConflict((oc) => oc.column('report_id').doUpdateSet(fields)).execute();
  const groups = groupsNamed(readContent(row.content));
  if (groups.length) await reports.insertInto('report_archive_groups').values(groups.map((g) => ({ report_id: reportId, stakeholder_group: g }))).execute();
}
