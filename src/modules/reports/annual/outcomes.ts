/** Publishing an annual report appends it to the transparency log (docs/decisions/028). */
import type { Db } from '../../../platform/db/index.ts';
import type { LogKind } from '../../../platform/log/index.ts';
import { reportsDb, type AnnualReportsTable } from '../tables.ts';

export const annualPublishedKind = 'reports.annual_published';
export const annualRecord = (id: string) => `annual-report/${id}`;

/** What the log's hash covers: the snapshot's hash, whose year for which initiative, and who published it when. */
export const annualLogContent = (row: Pick<AnnualReportsTable, 'id' | 'initiative_id' | 'year' | 'snapshot_sha256' | 'published_by' | 'published_at'>) => ({
  annual_report: row.id, initiative: row.initiative_id, year: Number(row.year), snapshot_sha256: row.snapshot_sha256, published_by: row.published_by, published_at: row.published_at,
});

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, id] = record.split('/');
  if (type !== 'annual-report' || !id || version !== 1) return null;
  const row = await reportsDb(db).selectFrom('annual_reports').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row ? annualLogContent(row) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await reportsDb(db).selectFrom('annual_reports').select(['id', 'year', 'snapshot']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => {
    const initiative = row.snapshot ? (JSON.parse(row.snapshot) as { initiative: { slug: string; name: string } }).initiative : null;
    return [annualRecord(row.id), { title: `${initiative?.name ?? ''} ${row.year}`.trim(), href: `/initiatives/${initiative?.slug ?? ''}/annual-reports/${row.year}` }];
  }));
}

export const annualLogKind: LogKind = { label: 'reports.log.annual_published', content: storedContent, describe };
