import type { Db } from '../../platform/db/index.ts';
import { newId, timestamp } from '../../platform/db/index.ts';
import { appendToLog, canonicalJson, contentHash, type LogKind } from '../../platform/log/index.ts';
import type { ReportContent } from './content.ts';
import { reportsDb, type ReportVersionsTable } from './tables.ts';

export const publishedKind = 'reports.published';
const recordOf = (reportId: string) => `report/${reportId}`;

/** What a published version holds: the report as readers saw it, never later edits. */
export interface ReportSnapshot {
  id: string;
  session: string | null;
  event: string | null;
  initiative: string;
  title: string;
  held_on: string;
  place: string | null;
  language: string;
  content: ReportContent;
}

/** What the log's hash covers: the version's snapshot hash and who published it when, and why it changed. */
const content = (row: Pick<ReportVersionsTable, 'report_id' | 'version' | 'snapshot_sha256' | 'reason' | 'published_by' | 'published_at'>) => ({
  published_at: row.published_at, published_by: row.published_by, reason: row.reason, report: row.report_id, snapshot_sha256: row.snapshot_sha256, version: Number(row.version),
});

/** Stores version n and appends it to the transparency log, in the caller's transaction (the report's row is locked). */
export async function publishVersion(tx: Db, input: { snapshot: ReportSnapshot; version: number; reason: string | null; actorId: string | null; now: Date }): Promise<void> {
  const snapshot = canonicalJson(input.snapshot);
  const row: ReportVersionsTable = {
    id: newId(), report_id: input.snapshot.id, version: input.version, snapshot, snapshot_sha256: contentHash(input.snapshot), reason: input.reason,
    published_by: input.actorId, published_at: timestamp(input.now),
  };
  await reportsDb(tx).insertInto('report_versions').values(row).execute();
  await appendToLog(tx, { kind: publishedKind, record: recordOf(row.report_id), version: row.version, content: content(row), actor: row.published_by, time: input.now });
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, id] = record.split('/');
  if (type !== 'report' || !id) return null;
  const row = await reportsDb(db).selectFrom('report_versions').selectAll().where('report_id', '=', id).where('version', '=', version).executeTakeFirst();
  return row ? content(row) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await reportsDb(db).selectFrom('reports').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.id), { title: row.title, href: `/reports/${row.id}` }]));
}

export const reportLogKinds: Record<string, LogKind> = { [publishedKind]: { label: 'reports.log.published', content: storedContent, describe } };
