import type { Db } from '../../platform/db/index.ts';
import { newId, timestamp } from '../../platform/db/index.ts';
import { appendToLog, canonicalJson, contentHash, type LogKind } from '../../platform/log/index.ts';
import type { Grid } from './grid.ts';
import { briefsDb, type BriefVersionsTable } from './tables.ts';

export const briefPublishedKind = 'briefs.published';
const recordOf = (briefId: string) => `brief/${briefId}`;

/** A published version: the brief as readers saw it, its authors by name and group at that moment. */
export interface BriefSnapshot {
  id: string;
  version: number;
  title: string;
  kind: string;
  jurisdiction: string;
  language: string;
  stage: string;
  summary: string | null;
  links: string[];
  authors: Array<{ name: string; stakeholder_group: string | null }>;
  grid: Grid;
}

/** What the log's hash covers: the version's snapshot hash, and who published it when. */
const content = (row: Pick<BriefVersionsTable, 'brief_id' | 'version' | 'snapshot_sha256' | 'published_by' | 'published_at'>) => ({
  brief: row.brief_id, published_at: row.published_at, published_by: row.published_by, snapshot_sha256: row.snapshot_sha256, version: Number(row.version),
});

/** Stores version n and appends it to the transparency log, in the caller's transaction (the brief's row is locked). */
export async function publishVersion(tx: Db, input: { snapshot: BriefSnapshot; actorId: string; now: Date }): Promise<void> {
  const row: Omit<BriefVersionsTable, 'log_index'> = {
    id: newId(), brief_id: input.snapshot.id, version: input.snapshot.version, snapshot: canonicalJson(input.snapshot), snapshot_sha256: contentHash(input.snapshot),
    published_by: input.actorId, published_at: timestamp(input.now),
  };
  const logIndex = await appendToLog(tx, { kind: briefPublishedKind, record: recordOf(row.brief_id), version: row.version, content: content(row), actor: row.published_by, time: input.now });
  await briefsDb(tx).insertInto('brief_versions').values({ ...row, log_index: logIndex }).execute();
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, id] = record.split('/');
  if (type !== 'brief' || !id) return null;
  const row = await briefsDb(db).selectFrom('brief_versions').selectAll().where('brief_id', '=', id).where('version', '=', version).executeTakeFirst();
  return row ? content(row) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await briefsDb(db).selectFrom('brief_listing').select(['brief_id', 'title']).where('brief_id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.brief_id), { title: row.title, href: `/briefs/${row.brief_id}` }]));
}

export const briefLogKinds: Record<string, LogKind> = { [briefPublishedKind]: { label: 'briefs.log.published', content: storedContent, describe } };
