/**
 * Reminders for the reports nobody has started (docs/decisions/024): a daily job finds the ended
 * sessions without a report whose deadline is three days away or today, and mails their
 * rapporteurs (the organisers when none has an account), as a started report's writers are.
 */
import type { Db } from '../../platform/db/index.ts';
import type { JobHandler } from '../../platform/jobs/index.ts';
import { nextMorning, type RecurringJob } from '../../platform/jobs/recurring.ts';
import { mailJobKind, type MailRequest } from '../../platform/mail/queue.ts';
import { mailboxes } from '../accounts/index.ts';
import { committeeOf } from '../initiatives/index.ts';
import { sessionsEndedBetween, type EndedSession } from '../events/index.ts';
import { deadlinesOf, dueAt } from './queries.ts';
import { remindBeforeMs } from './reminders.ts';
import { maxDeadlineDays } from './schema.ts';
import { reportsDb } from './tables.ts';

export const unstartedReminders: RecurringJob = { kind: 'reports.unstarted_reminders', next: nextMorning };

const dayMs = 86_400_000;

/** Which reminder a deadline calls for today: three days before, on the day, or none. */
function momentOf(due: string, now: Date): 'before' | 'due' | null {
  const at = Date.parse(due);
  if (at <= now.getTime()) return now.getTime() - at < dayMs ? 'due' : null;
  return at - now.getTime() <= remindBeforeMs ? 'before' : null;
}

/** The ended sessions whose report is not started and whose deadline calls for a reminder today. */
async function sessionsToRemind(db: Db, now: Date): Promise<Array<{ session: EndedSession; due: string; moment: 'before' | 'due' }>> {
  // Every deadline is at most `maxDeadlineDays` after its session, and reminders look a day back.
  const ended = await sessionsEndedBetween(db, new Date(now.getTime() - (maxDeadlineDays + 1) * dayMs).toISOString(), now.toISOString());
  if (ended.length === 0) return [];
  const started = new Set((await reportsDb(db).selectFrom('reports').select('session_id').where('session_id', 'in', ended.map((s) => s.id)).execute()).map((r) => r.session_id));
  const days = await deadlinesOf(db, ended.map((s) => s.event.id));
  return ended.flatMap((session) => {
    if (started.has(session.id)) return [];
    const due = dueAt(session.ends_at, days.get(session.event.id)!);
    const moment = momentOf(due, now);
    return moment ? [{ session, due, moment }] : [];
  });
}

export const unstartedHandler: JobHandler = async (_, { db, now, jobs }) => {
  const due = await sessionsToRemind(db, now);
  const committees = new Map<string, string[]>();
  for (const { session } of due) {
    if (session.rapporteurs.length === 0 && !committees.has(session.event.initiative_id)) {
      committees.set(session.event.initiative_id, (await committeeOf(db, session.event.initiative_id)).map((m) => m.user_id));
    }
  }
  await db.transaction().execute(async (tx: Db) => {
    for (const { session, due: at, moment } of due) {
      const rapporteurs = session.rapporteurs.length > 0;
      const boxes = await mailboxes(tx, rapporteurs ? session.rapporteurs : committees.get(session.event.initiative_id)!);
      for (const [userId, box] of boxes) {
        const mail: MailRequest = {
          to: box.email, locale: box.locale, key: `reports.mail.unstarted_${moment}`,
          values: { name: box.name, title: session.title, event: session.event.title, due: at.slice(0, 10) },
          path: rapporteurs ? '/my/reports' : `/events/${session.event.slug}/reports`,
        };
        // Once per person, session and reminder, however many days the job finds it.
        await jobs.enqueue(tx, { kind: mailJobKind, payload: mail, summary: `${mail.key} → ${mail.to}`, uniqueKey: `reports.unstarted.${session.id}.${moment}.${at}.${userId}` }, now);
      }
    }
  });
};
