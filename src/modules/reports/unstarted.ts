/**
 * Reminders for the reports nobody has started (docs/decisions/024): a daily job finds the ended
 * sessions without a report whose deadline is three days away or today, and mails their
 * rapporteurs (the organisers when none has an account), as a started report's writers are.
 */
import type { Db } from '../../platform/db/index.ts';
import type { JobHandler } from '../../platform/jobs/index.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
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

/**
 * Which reminder a deadline calls for on the day the job runs (07:00 UTC): "due" on its day (even
 * if the hour has passed, so the mail is never a day late), "before" within three days, else none.
 */
export function momentOf(due: string, now: Date): 'before' | 'due' | null {
  if (due.slice(0, 10) === now.toISOString().slice(0, 10)) return 'due';
  const ahead = Date.parse(due) - now.getTime();
  return ahead > 0 && ahead <= remindBeforeMs ? 'before' : null;
}

type Reminder = { session: EndedSession; due: string; moment: 'before' | 'due' };

/** The ended sessions whose report is not started and whose deadline calls for a reminder today. */
async function sessionsToRemind(db: Db, now: Date): Promise<Reminder[]> {
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

/** Each rapporteur, once per session and reminder, with the session's title and where to start it. */
async function remindRapporteurs(tx: Db, jobs: JobContext['jobs'], now: Date, reminders: Reminder[]): Promise<void> {
  for (const { session, due, moment } of reminders) {
    for (const [userId, box] of await mailboxes(tx, session.rapporteurs)) {
      const mail: MailRequest = {
        to: box.email, locale: box.locale, key: `reports.mail.unstarted_${moment}`,
        values: { name: box.name, title: session.title, event: session.event.title, due: due.slice(0, 10) }, path: '/my/reports',
      };
      // Once per person, session and reminder, however many days the job finds it.
      await jobs.enqueue(tx, { kind: mailJobKind, payload: mail, summary: `${mail.key} → ${mail.to}`, uniqueKey: `reports.unstarted.${session.id}.${moment}.${due}.${userId}` }, now);
    }
  }
}

/**
 * The organisers of sessions whose rapporteur has no account: one mail per person, event and
 * reminder with how many reports wait, not one per session (a large program would bury their inbox).
 */
async function remindOrganisers(tx: Db, jobs: JobContext['jobs'], now: Date, reminders: Reminder[]): Promise<void> {
  const byEvent = new Map<string, Reminder[]>();
  for (const r of reminders) byEvent.set(r.session.event.id, [...(byEvent.get(r.session.event.id) ?? []), r]);
  for (const list of byEvent.values()) {
    const { event } = list[0]!.session;
    const committee = (await committeeOf(tx, event.initiative_id)).map((m) => m.user_id);
    const first = list.map((r) => r.due).sort()[0]!;
    const moment = list.some((r) => r.moment === 'due') ? 'due' : 'before';
    for (const [userId, box] of await mailboxes(tx, committee)) {
      const mail: MailRequest = {
        to: box.email, locale: box.locale, key: 'reports.mail.unstarted_event',
        values: { name: box.name, event: event.title, count: list.length, due: first.slice(0, 10) }, path: `/events/${event.slug}/reports`,
      };
      await jobs.enqueue(tx, { kind: mailJobKind, payload: mail, summary: `${mail.key} → ${mail.to}`, uniqueKey: `reports.unstarted.${event.id}.${moment}.${first}.${userId}` }, now);
    }
  }
}

export const unstartedHandler: JobHandler = async (_, { db, now, jobs }) => {
  const reminders = await sessionsToRemind(db, now);
  if (reminders.length === 0) return;
  await db.transaction().execute(async (tx: Db) => {
    await remindRapporteurs(tx, jobs, now, reminders.filter((r) => r.session.rapporteurs.length > 0));
    await remindOrganisers(tx, jobs, now, reminders.filter((r) => r.session.rapporteurs.length === 0));
  });
};
