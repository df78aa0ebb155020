/**
 * Keeps what the topic pages read in step with each report (docs/decisions/027): called in the
 * transaction of every command that changes a report's day, content, status or topics.
 */
import type { Db } from '../../../platform/db/index.ts';
import { sessionTopics } from '../../events/index.ts';
import { readContent, type ReportContent } from '../content.ts';
import { reportsDb } from '../tables.ts';

/**
 * People by stakeholder group: the counts on site and online when the report gives any, else
 * its list of participants (a report with neither counts no one).
 */
export function peopleByGroup(content: ReportContent): Map<string, number> {
  const counted = new Map<string, number>();
  for (const presence of [content.participation.onsite, content.participation.online]) {
    for (const [group, n] of Object.entries(presence.groups)) if (n > 0) counted.set(group, (counted.get(group) ?? 0) + n);
  }
  if (counted.size > 0) return counted;
  for (const p of content.participants) if (p.stakeholder_group) counted.set(p.stakeholder_group, (counted.get(p.stakeholder_group) ?? 0) + 1);
  return counted;
}

/** Rewrites the report's rows in `report_topics` and `report_groups` from the report as it now is. */
export async function refreshTopicIndex(db: Db, reportId: string): Promise<void> {
  const reports = reportsDb(db);
  const row = await reports.selectFrom('reports').select(['status', 'initiative_id', 'held_on', 'content']).where('id', '=', reportId).executeTakeFirst();
  if (!row) return;
  const content = readContent(row.content);
  await reports.updateTable('report_topics').set({
    initiative_id: row.initiative_id, held_on: row.held_on, year: Number(row.held_on.slice(0, 4)), published: row.status === 'published' ? 1 : 0,
    takeaways: content.takeaways.length, calls: content.calls_to_action.length,
  }).where('report_id', '=', reportId).execute();
  await reports.deleteFrom('report_groups').where('report_id', '=', reportId).execute();
  const groups = [...peopleByGroup(content)].map(([stakeholder_group, people]) => ({ report_id: reportId, stakeholder_group, people }));
  if (groups.length > 0) await reports.insertInto('report_groups').values(groups).execute();
}

/** Sets the report's topics to exactly these keys, then its counted rows. */
export async function writeReportTopics(db: Db, reportId: string, keys: readonly string[]): Promise<void> {
  const reports = reportsDb(db);
  await reports.deleteFrom('report_topics').where('report_id', '=', reportId).execute();
  if (keys.length > 0) {
    await reports.insertInto('report_topics').values([...new Set(keys)].map((topic_key) => ({
      report_id: reportId, topic_key, initiative_id: '', held_on: '0000-00-00', year: 0, published: 0, takeaways: 0, calls: 0,
    }))).execute();
  }
  await refreshTopicIndex(db, reportId);
}

/** A session's report starts with the session's topics (its writers change them on the report's form). */
export async function adoptSessionTopics(db: Db, reportId: string, sessionId: string): Promise<void> {
  const keys = (await sessionTopics(db, [sessionId])).get(sessionId) ?? [];
  if (keys.length > 0) await writeReportTopics(db, reportId, keys);
}

/** The report's topic keys, in key order. */
export async function topicsOfReport(db: Db, reportId: string): Promise<string[]> {
  const rows = await reportsDb(db).selectFrom('report_topics').select('topic_key').where('report_id', '=', reportId).orderBy('topic_key').execute();
  return rows.map((r) => r.topic_key);
}
