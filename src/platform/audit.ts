import type { Tx, Db } from './db/index.ts';
import { newId, timestamp } from './db/index.ts';
import type { Actor } from './http/env.ts';

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
export async function audit(tx: Tx | Db, actor: Actor, now: Date, entry: AuditEntry): Promise<void> {
  await tx
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
