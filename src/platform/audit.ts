import type { Db } from './db/index.ts';
import { newId, tablesOf, timestamp } from './db/index.ts';
import type { Actor } from './auth/identity.ts';

interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
  is_public: number;
  created_at: string;
}
const auditDb = (db: Db) => tablesOf<{ audit_log: AuditLogTable }>(db);

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  /** Public entries appear on the subject's public history (such as an initiative's page). */
  isPublic?: boolean;
  /** Who acted, when it is not the signed-in actor (a new account signing itself up). */
  actorId?: string;
}

/** Records who did what to which record, inside the command's transaction. */
export async function audit(tx: Db, actor: Actor, now: Date, entry: AuditEntry): Promise<void> {
  await auditDb(tx)
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: entry.actorId ?? actor.user?.id ?? null,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
      is_public: entry.isPublic ? 1 : 0,
      created_at: timestamp(now),
    })
    .execute();
}

export interface PublicHistoryEntry {
  action: string;
  details: Record<string, unknown>;
  created_at: string;
  actor_id: string | null;
}

/** A record's public history: its audit entries marked public, newest first. */
export async function publicHistory(db: Db, subjectType: string, subjectId: string, limit = 100): Promise<PublicHistoryEntry[]> {
  const rows = await auditDb(db)
    .selectFrom('audit_log')
    .select(['action', 'details', 'created_at', 'actor_id'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('is_public', '=', 1)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
