/**
 * Reminders before and at a report's deadline (docs/decisions/024): two jobs queued when the report
 * is started, moved when the event's deadline changes. A job whose moment no longer matches the
 * report's deadline, or whose report was published, sends nothing.
 */
import type { Db } from '../../platform/db/index.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs/index.ts';
import { mailJobKind, type MailRequest } from '../../platform/mail/queue.ts';
import { mailboxes } from '../accounts/index.ts';
import { findReport } from './queries.ts';

export const reminderJob = 'reports.reminder';
/** The first reminder goes out this long before the deadline. */
export const remindBeforeMs = 3 * 86_400_000;
const moments = ['before', 'due'] as const;
type Moment = (typeof moments)[number];

interface ReminderPayload {
  report: string;
  moment: Moment;
  /** The deadline it was queued for. */
  due_at: string;
}

const runAtOf = (moment: Moment, dueAt: string) => new Date(Date.parse(dueAt) - (moment === 'before' ? remindBeforeMs : 0));

/** Queues both reminders for a deadline, in the caller's transaction (those whose moment has passed are not queued). */
export async function scheduleReminders(jobs: JobQueue, tx: Db, now: Date, reportId: string, dueAt: string): Promise<void> {
  for (const moment of moments) {
    const runAt = runAtOf(moment, dueAt);
    if (runAt <= now) continue;
    await jobs.enqueue(tx, { kind: reminderJob, payload: { report: reportId, moment, due_at: dueAt } satisfies ReminderPayload, summary: `report ${reportId} ${moment}`, runAt, uniqueKey: `${reminderJob}.${reportId}.${moment}.${dueAt}` }, now);
  }
}

/** Mails the report's drafters (or, with none, its organisers), each in their own language. */
export const reminderHandler: JobHandler = async (payload, { db, now, jobs }) => {
  const job = payload as ReminderPayload;
  const report = await findReport(db, job.report);
  if (!report || report.status === 'published' || report.due_at !== job.due_at || !jobs) return;
  const recipients = report.drafters.length ? report.drafters : report.organisers.committee.map((m) => m.user_id);
  await db.transaction().execute(async (tx: Db) => {
    const boxes = await mailboxes(tx, recipients);
    for (const [userId, box] of boxes) {
      const mail: MailRequest = {
        to: box.email, locale: box.locale, key: `reports.mail.reminder_${job.moment}`,
        values: { name: box.name, title: report.title, due: job.due_at.slice(0, 10) }, path: `/reports/${report.id}/edit`,
      };
      // Once per person and reminder, even if this job runs again (jobs run at least once).
      await jobs.enqueue(tx, { kind: mailJobKind, payload: mail, summary: `${mail.key} → ${mail.to}`, uniqueKey: `${reminderJob}.${report.id}.${job.moment}.${job.due_at}.${userId}` }, now);
    }
  });
};
