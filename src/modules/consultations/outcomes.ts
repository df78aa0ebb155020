/**
 * What consultations put in the public log (docs/decisions/034): each published version of the
 * text, with its blocks and anchors and the hash of its canonical text. The content logged is kept,
 * as logged, in `consultation_outcomes`, so `cabildo log verify` can hash it again.
 */
import type { Db } from '../../platform/db/index.ts';
import { timestamp } from '../../platform/db/index.ts';
import { appendToLog, canonicalJson, type LogKind } from '../../platform/log/index.ts';
import { consultationsDb } from './tables.ts';
import { textHash, type NumberedBlock } from './text.ts';

export const versionPublishedKind = 'consultations.version_published';
export const consultationRecord = (id: string) => `consultation/${id}`;
/** The consensus call's record, and each appeal's (version 1 filed, 2 answered): docs/decisions/038. */
export const callRecord = (id: string) => `consultation/${id}/call`;
export const appealRecord = (id: string, appealId: string) => `consultation/${id}/appeal/${appealId}`;
export const consensusCalledKind = 'consultations.consensus_called';
export const appealFiledKind = 'consultations.appeal_filed';
export const appealAnsweredKind = 'consultations.appeal_answered';

/** What the log says of a published version. */
export function versionContent(c: { id: string; slug: string; title: string; text_kind: string; language: string; initiative_id: string }, version: { number: number; blocks: readonly NumberedBlock[]; applied: readonly string[] }, publishedBy: string | null, now: Date) {
  return {
    consultation: c.id, slug: c.slug, initiative: c.initiative_id, title: c.title, kind: c.text_kind, language: c.language, version: version.number,
    text_sha256: textHash(version.blocks),
    blocks: version.blocks.map((b) => ({ anchor: b.anchor, kind: b.kind, level: b.level, number: b.number, text: b.text })),
    amendments_applied: [...version.applied], published_at: timestamp(now), published_by: publishedBy,
  };
}

/** Stores the outcome and appends it to the log, in the caller's transaction. */
export async function logOutcome(tx: Db, entry: { kind: string; record: string; version: number; content: unknown; actor: string | null; now: Date }): Promise<void> {
  const index = await appendToLog(tx, { kind: entry.kind, record: entry.record, version: entry.version, content: entry.content, actor: entry.actor, time: entry.now });
  await consultationsDb(tx).insertInto('consultation_outcomes').values({
    record: entry.record, version: entry.version, kind: entry.kind, content: canonicalJson(entry.content), created_at: timestamp(entry.now), log_index: index,
  }).execute();
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const row = await consultationsDb(db).selectFrom('consultation_outcomes').select('content').where('record', '=', record).where('version', '=', version).executeTakeFirst();
  return row ? (JSON.parse(row.content) as unknown) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const idOf = (record: string) => record.split('/')[1] ?? '';
  const ids = [...new Set(records.filter((r) => r.startsWith('consultation/')).map(idOf))];
  if (ids.length === 0) return new Map();
  const rows = new Map((await consultationsDb(db).selectFrom('consultations').select(['id', 'slug', 'title']).where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  const described = new Map<string, { title: string; href: string }>();
  for (const record of records) {
    const row = rows.get(idOf(record));
    // A version's entry leads to the versions; a call's or an appeal's, to the public record.
    if (row) described.set(record, { title: row.title, href: record === consultationRecord(row.id) ? `/consultations/${row.slug}/versions` : `/consultations/${row.slug}/record` });
  }
  return described;
}

export const consultationLogKinds: Record<string, LogKind> = {
  [versionPublishedKind]: { label: 'consultations.log.version_published', content: storedContent, describe },
  [consensusCalledKind]: { label: 'consultations.log.consensus_called', content: storedContent, describe },
  [appealFiledKind]: { label: 'consultations.log.appeal_filed', content: storedContent, describe },
  [appealAnsweredKind]: { label: 'consultations.log.appeal_answered', content: storedContent, describe },
};
