/**
 * What participants hear (docs/decisions/034): the author of a comment, of a reply to it; the
 * author of an amendment, of the drafting group's decision.
 */
import type { Db } from '../../platform/db/index.ts';
import { notify, type NotificationKind } from '../../platform/notifications/index.ts';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';

export const commentReplied: NotificationKind = { kind: 'consultations.comment_replied', defaultFrequency: 'immediately' };
export const amendmentDecided: NotificationKind = { kind: 'consultations.amendment_decided', defaultFrequency: 'immediately' };
export const consultationNotifications = [commentReplied, amendmentDecided];

/** Tells one person (never the one who acted), in the command's transaction. */
export async function tell(ctx: CommandContext<SignedIn>, tx: Db, kind: NotificationKind, userId: string, values: Record<string, string | number>, path: string): Promise<void> {
  if (userId === ctx.actor.user.id) return;
  await notify(ctx, tx, kind, { userId, kind: kind.kind, values, path });
}
