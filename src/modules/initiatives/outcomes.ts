import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { newId, timestamp } from '../../platform/db/index.ts';
import { appendToLog, type LogKind } from '../../platform/log/index.ts';
import { registryDb, type RecognitionOutcomesTable, type RegistryTables } from './tables.ts';

/**
 * The registry's outcomes in the transparency log: each recognition decision and delisting (and
 * each initiative listed by an import, demo data included) is a new version of the initiative's
 * recognition record, `initiative/<id>`, stored here and appended to the log in the same
 * transaction.
 */
export const outcomeKinds = {
  imported: 'initiatives.listed_by_import',
  approved: 'initiatives.recognition_approved',
  returned: 'initiatives.recognition_returned',
  delisted: 'initiatives.delisted',
  /** A demo entry handed to its real coordinator on a claim the secretariat approved. */
  claimed: 'initiatives.claim_approved',
} as const;
export type Outcome = keyof typeof outcomeKinds;

const recordOf = (initiativeId: string) => `initiative/${initiativeId}`;

/** What the log's content hash covers: the outcome as decided, never the initiative's later edits. */
function content(row: RecognitionOutcomesTable) {
  return {
    decided_at: row.decided_at,
    decided_by: row.decided_by,
    initiative: row.initiative_id,
    name: row.initiative_name,
    note: row.note,
    outcome: row.outcome,
  };
}

/** Records an outcome and appends it to the log, in the caller's transaction (the initiative's row is already locked or new). */
export async function logOutcome(
  tx: Kysely<RegistryTables>,
  outcome: { initiativeId: string; outcome: Outcome; note: string | null; actorId: string | null; now: Date },
): Promise<void> {
  const { name } = await tx.selectFrom('initiatives').select('name').where('id', '=', outcome.initiativeId).executeTakeFirstOrThrow();
  const last = await tx
    .selectFrom('recognition_outcomes')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('initiative_id', '=', outcome.initiativeId)
    .executeTakeFirst();
  const row: RecognitionOutcomesTable = {
    id: newId(), initiative_id: outcome.initiativeId, version: Number(last?.version ?? 0) + 1, outcome: outcome.outcome,
    initiative_name: name, note: outcome.note, decided_by: outcome.actorId, decided_at: timestamp(outcome.now),
  };
  await tx.insertInto('recognition_outcomes').values(row).execute();
  await appendToLog(tx, {
    kind: outcomeKinds[outcome.outcome], record: recordOf(row.initiative_id), version: row.version, content: content(row), actor: row.decided_by, time: outcome.now,
  });
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, initiativeId] = record.split('/');
  if (type !== 'initiative' || !initiativeId) return null;
  const row = await registryDb(db).selectFrom('recognition_outcomes').selectAll().where('initiative_id', '=', initiativeId).where('version', '=', version).executeTakeFirst();
  return row ? content({ ...row, version: Number(row.version) }) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await registryDb(db).selectFrom('initiatives').select(['id', 'name', 'slug']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.id), { title: row.name, href: `/initiatives/${row.slug}` }]));
}

/** The manifest's declaration: how `cabildo log verify` finds each outcome again, and how /log names it. */
export const registryLogKinds: Record<string, LogKind> = Object.fromEntries(
  Object.entries(outcomeKinds).map(([outcome, kind]) => [kind, { label: `initiatives.log.${outcome}`, content: storedContent, describe }]),
);
