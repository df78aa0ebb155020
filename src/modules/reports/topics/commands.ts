/** Tagging a report with topics (docs/decisions/027). */
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { topicList } from '../../events/index.ts';
import { reportsDb } from '../tables.ts';
import { topicsOfReport, writeReportTopics } from './indexing.ts';
import type { ReportTopicsInput } from './schema.ts';

/**
 * Sets the report's topics. Each must be offered, except one the report already had that the
 * secretariat has since retired: keeping it is not choosing it anew. Topics classify the report,
 * they are not what it says: no new version, no reason needed.
 */
export async function setReportTopics(ctx: CommandContext<SignedIn>, report: { id: string }, input: ReportTopicsInput): Promise<Result<{ topics: string[] }>> {
  const offered = new Set((await topicList(ctx.db)).map((t) => t.key));
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'reports', report.id);
    const had = new Set(await topicsOfReport(tx, report.id));
    if (input.topics.some((key) => !offered.has(key) && !had.has(key))) return refuse('reports.topics.errors.unknown', { field: 'topics' });
    const keys = [...new Set(input.topics)].sort();
    await writeReportTopics(tx, report.id, keys);
    await audit(tx, ctx.actor, ctx.now, { action: 'report.topics_set', subjectType: 'report', subjectId: report.id, details: { topics: keys } });
    return ok({ topics: keys });
  });
}
