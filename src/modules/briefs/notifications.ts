/**
 * What a brief's authors hear from each other (docs/decisions/031): being added as a co-author,
 * and a version published by someone else.
 */
import type { Db } from '../../platform/db/index.ts';
import { notify, type NotificationKind } from '../../platform/notifications/index.ts';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';

export const briefAuthorAdded: NotificationKind = { kind: 'briefs.author_added', defaultFrequency: 'immediately' };
export const briefPublished: NotificationKind = { kind: 'briefs.published', defaultFrequency: 'immediately' };
export const briefNotifications = [briefAuthorAdded, briefPublished];

/** Tells these people (never the one who acted). */
export async function tellAuthors(ctx: CommandContext<SignedIn>, tx: Db, kind: NotificationKind, brief: { id: string; title: string }, userIds: readonly string[], values: Record<string, string | number> = {}): Promise<void> {
  for (const userId of new Set(userIds)) {
    if (userId === ctx.actor.user.id) continue;
    await notify(ctx, tx, kind, { userId, kind: kind.kind, values: { title: brief.title, ...values }, path: `/briefs/${brief.id}?view=draft` });
  }
}
