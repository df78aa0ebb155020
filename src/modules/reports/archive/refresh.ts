import { timestamp, type Db } from '../../../platform/db/index.ts';
import { trackOfSessions } from '../../events/index.ts';
import { readContent } from '../content.ts';
import { reportsDb } from '../tables.ts';
import { groupBits } from './groups.ts';

/**
 * Brings the archive's row of a report in line with it, in the command's transaction: a published
 * report has one (its first publication date kept), anything else none.
 */
export async function refreshArchive(tx: Db, reportId: string, now: Date): Promise<void> {
  const reports = reportsDb(tx);
  const row = await reports.selectFrom('reports').select(['id', 'status', 'session_id', 'initiative_id', 'title', 'held_on', 'language', 'version', 'content'])
    .where('id', '=', reportId).executeTakeFirst();
  if (!row || row.status !== 'published') {
    await reports.deleteFrom('report_archive').where('report_id', '=', reportId).execute();
    return;
  }
  const track = row.session_id ? ((await trackOfSessions(tx, [row.session_id])).get(row.session_id) ?? null) : null;
  const at = timestamp(now);
  const fields = {
    initiative_id: row.initiative_id, title: row.title, held_on: row.held_on, language: row.language, track, stakeholder_groups: groupBits(readContent(row.content)),
    version: Number(row.version), updated_at: at,
  };
  await reports.insertInto('report_archive').values({ report_id: reportId, ...fields, published_at: at })
    .onConflict((oc) => oc.column('report_id').doUpdateSet(fields)).execute();
}
