/**
 * What a brief's authors and reviewers hear from each other (docs/decisions/031 and 036): being
 * added as a co-author, a version published by someone else, a comment, a review asked and a
 * review given.
 */
import type { Db } from '../../platform/db/index.ts';
import { notify, type NotificationKind } from '../../platform/notifications/index.ts';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';

export const briefAuthorAdded: NotificationKind = { kind: 'briefs.author_added', defaultFrequency: 'immediately' };
export const briefPublished: NotificationKind = { kind: 'briefs.published', defaultFrequency: 'immediately' };
export const briefComment: NotificationKind = { kind: 'briefs.comment', defaultFrequency: 'immediately' };
export const briefReviewRequested: NotificationKind = { kind: 'briefs.review_requested', defaultFrequency: 'immediately' };
export const briefReviewed: NotificationKind = { kind: 'briefs.reviewed', defaultFrequency: 'immediately' };
export const briefNotifications = [briefAuthorAdded, briefPublished, briefComment, briefReviewRequested, briefReviewed];

/** Tells these people (never the one who acted). */
export async function tellAuthors(ctx: CommandContext<SignedIn>, tx: Db, kind: NotificationKind, brief: { id: string; title: string }, userIds: readonly string[], values: Record<string, string | number> = {}): Promise<void> {
  for (const userId of new Set(userIds)) {
    if (userId === ctx.actor.user.id) continue;
    await notify(ctx, tx, kind, { userId, kind: kind.kind, values: { title: brief.title, ...values }, path: `/briefs/${brief.id}?view=draft` });
  }
}
