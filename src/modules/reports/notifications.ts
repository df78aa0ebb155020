/**
 * What the workflow tells the people on the other side of it (docs/decisions/024): the organisers
 * that a report waits for them, its writers that it was sent back or published.
 */
import type { Db } from '../../platform/db/index.ts';
import { notify, type NotificationKind } from '../../platform/notifications/index.ts';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import type { Report } from './queries.ts';

export const reportSubmitted: NotificationKind = { kind: 'reports.submitted', defaultFrequency: 'immediately' };
export const reportSentBack: NotificationKind = { kind: 'reports.sent_back', defaultFrequency: 'immediately' };
export const reportPublished: NotificationKind = { kind: 'reports.published', defaultFrequency: 'immediately' };
export const reportNotifications = [reportSubmitted, reportSentBack, reportPublished];

/** Who hears of a step: the organisers when it is submitted, its writers otherwise; never the one who took it. */
function recipients(report: Report, kind: NotificationKind, actorId: string): string[] {
  const people = kind === reportSubmitted ? report.organisers.committee.map((m) => m.user_id) : report.drafters;
  return [...new Set(people)].filter((id) => id !== actorId);
}

export async function tellAboutReport(ctx: CommandContext<SignedIn>, tx: Db, report: Report, kind: NotificationKind, values: Record<string, string> = {}): Promise<void> {
  for (const userId of recipients(report, kind, ctx.actor.user.id)) {
    await notify(ctx, tx, kind, { userId, kind: kind.kind, values: { title: report.title, ...values }, path: `/reports/${report.id}` });
  }
}
