/**
 * What participants hear (docs/decisions/034): the author of a comment, of a reply to it; the
 * author of an amendment, of the drafting group's decision.
 */
import type { Db } from '../../platform/db/index.ts';
import { notify, type NotificationKind } from '../../platform/notifications/index.ts';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { consultationsDb } from './tables.ts';

export const commentReplied: NotificationKind = { kind: 'consultations.comment_replied', defaultFrequency: 'immediately' };
export const amendmentDecided: NotificationKind = { kind: 'consultations.amendment_decided', defaultFrequency: 'immediately' };
/** Followers hear of these (docs/decisions/038). */
export const versionPublished: NotificationKind = { kind: 'consultations.version_published', defaultFrequency: 'immediately' };
export const consensusCalled: NotificationKind = { kind: 'consultations.consensus_called', defaultFrequency: 'immediately' };
export const appealFiled: NotificationKind = { kind: 'consultations.appeal_filed', defaultFrequency: 'immediately' };
export const appealAnswered: NotificationKind = { kind: 'consultations.appeal_answered', defaultFrequency: 'immediately' };
export const consultationNotifications = [commentReplied, amendmentDecided, versionPublished, consensusCalled, appealFiled, appealAnswered];

/** Tells one person (never the one who acted), in the command's transaction. */
export async function tell(ctx: CommandContext<SignedIn>, tx: Db, kind: NotificationKind, userId: string, values: Record<string, string | number>, path: string): Promise<void> {
  if (userId === ctx.actor.user.id) return;
  await notify(ctx, tx, kind, { userId, kind: kind.kind, values, path });
}

/** Everyone following the consultation (and these others: its chairs, say), once each, never the one who acted. */
export async function tellFollowers(ctx: CommandContext<SignedIn>, tx: Db, kind: NotificationKind, consultationId: string, values: Record<string, string | number>, path: string, also: readonly string[] = []): Promise<void> {
  const followers = await consultationsDb(tx).selectFrom('consultation_followers').select('user_id').where('consultation_id', '=', consultationId).orderBy('created_at').execute();
  for (const userId of new Set([...followers.map((f) => f.user_id), ...also])) await tell(ctx, tx, kind, userId, values, path);
}

/** Whoever comments, amends, takes a position or appeals follows the consultation from then on (once). */
export async function follow(tx: Db, consultationId: string, userId: string, now: string): Promise<void> {
  const store = consultationsDb(tx);
  const already = await store.selectFrom('consultation_followers').select('user_id').where('consultation_id', '=', consultationId).where('user_id', '=', userId).executeTakeFirst();
  if (!already) await store.insertInto('consultation_followers').values({ consultation_id: consultationId, user_id: userId, created_at: now }).execute();
}
