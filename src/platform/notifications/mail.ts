import { nextMorning } from '../jobs/recurring.ts';
import type { IdentityProvider, Mailbox } from '../auth/identity.ts';
import { timestamp, type Db } from '../db/index.ts';
import { isLocale, translate, type Locale } from '../i18n/index.ts';
import type { JobHandler, JobQueue } from '../jobs/index.ts';
import type { Mailer, Message } from '../mail/index.ts';
import { frequencies, notificationsDb, notificationText, unsubscribeToken, type Frequency, type NotificationKind } from './index.ts';

interface Setting {
  identity: IdentityProvider;
  kinds: ReadonlyMap<string, NotificationKind>;
  mailer: Mailer;
  baseUrl: string;
  secret: string;
}

interface StoredNotification {
  id: string;
  user_id: string;
  kind: string;
  message_values: string;
  path: string;
}

function localeOf(box: Mailbox): Locale {
  return isLocale(box.locale) ? box.locale : 'en';
}

/** The line a notification reads as, in a language. */
function titleOf(locale: Locale, notification: StoredNotification): string {
  return translate(locale, notificationText(notification.kind, 'title'), JSON.parse(notification.message_values) as Record<string, string>);
}

/** The footer every notification mail carries: how to change the frequency, and how to stop in one click. */
function withFooter(setting: Setting, locale: Locale, box: Mailbox, list: string, text: string): Message['text'] {
  const unsubscribe = `${setting.baseUrl}/unsubscribe/${unsubscribeToken(setting.secret, box.id, list)}`;
  return `${text}\n\n-- \n${translate(locale, 'common.notifications.mail_footer', { preferences: `${setting.baseUrl}/notifications/preferences`, unsubscribe })}`;
}

/** RFC 8058: mail programs offer an unsubscribe button that posts to this address, no log-in needed. */
function unsubscribeHeaders(setting: Setting, userId: string, list: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${setting.baseUrl}/unsubscribe/${unsubscribeToken(setting.secret, userId, list)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** Sends one notification by mail, in its recipient's language, once. */
export function notificationMailHandler(setting: Setting): JobHandler {
  return async (payload, { db, now }) => {
    const { id } = payload as { id: string };
    const notification = await notificationsDb(db).selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
    if (!notification || notification.mailed_at) return;
    const box = (await setting.identity.mailboxes(db, [notification.user_id])).get(notification.user_id);
    if (!box) return;
    const locale = localeOf(box);
    const values = JSON.parse(notification.message_values) as Record<string, string>;
    const body = `${translate(locale, notificationText(notification.kind, 'body'), values)}\n\n${setting.baseUrl}${notification.path}`;
    const sent = await setting.mailer.send({
      to: box.email, subject: titleOf(locale, notification), text: withFooter(setting, locale, box, notification.kind, body),
      link: `${setting.baseUrl}${notification.path}`, headers: unsubscribeHeaders(setting, box.id, notification.kind),
    });
    if (!sent) throw new Error('the mail server did not take the message');
    await notificationsDb(db).updateTable('notifications').set({ mailed_at: timestamp(now) }).where('id', '=', id).execute();
  };
}

export const digestJob = 'platform.notification_digest';
export type DigestFrequency = Extract<Frequency, 'daily' | 'weekly'>;

/** What a digest's one-click unsubscribe names: the digest itself, not one kind. */
export function digestList(frequency: DigestFrequency): string {
  return `digest:${frequency}`;
}

/** When the next digest of a frequency goes out: 07:00 UTC tomorrow, or next Monday. */
export function nextDigest(frequency: DigestFrequency, now: Date): Date {
  const next = nextMorning(now);
  if (frequency === 'weekly') while (next.getUTCDay() !== 1) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Makes sure the next digest of each frequency is queued (once, however many servers ask). */
export async function scheduleDigests(jobs: JobQueue, db: Db, now: Date): Promise<void> {
  for (const frequency of ['daily', 'weekly'] as const) {
    const at = nextDigest(frequency, now);
    await jobs.enqueue(db, {
      kind: digestJob, payload: { frequency }, summary: `${frequency} digest`, runAt: at, uniqueKey: `digest:${frequency}:${timestamp(at)}`,
    }, now);
  }
}

/**
 * Sends each person one mail with what they were notified of since the last digest, for the kinds
 * they chose this frequency for; then queues the next digest.
 */
export function digestHandler(setting: Setting, jobs: () => JobQueue): JobHandler {
  return async (payload, { db, now }) => {
    const { frequency } = payload as { frequency: DigestFrequency };
    const waiting = await notificationsDb(db)
      .selectFrom('notifications')
      .select(['id', 'user_id', 'kind', 'message_values', 'path'])
      .where('mailed_at', 'is', null)
      .where('created_at', '<=', timestamp(now))
      .orderBy('created_at')
      .limit(10_000)
      .execute();
    const chosen = await choicesOf(db, [...new Set(waiting.map((n) => n.user_id))]);
    const frequencyOf = (n: StoredNotification) => chosen.get(`${n.user_id}\u0000${n.kind}`) ?? setting.kinds.get(n.kind)?.defaultFrequency ?? 'never';
    const forThisDigest = waiting.filter((n) => frequencyOf(n) === frequency);
    const byPerson = new Map<string, StoredNotification[]>();
    for (const n of forThisDigest) byPerson.set(n.user_id, [...(byPerson.get(n.user_id) ?? []), n]);
    const boxes = await setting.identity.mailboxes(db, [...byPerson.keys()]);
    for (const [userId, notifications] of byPerson) {
      const box = boxes.get(userId);
      if (box) await mailDigest(setting, box, frequency, notifications);
      await notificationsDb(db).updateTable('notifications').set({ mailed_at: timestamp(now) }).where('id', 'in', notifications.map((n) => n.id)).execute();
    }
    // Those nobody will mail (never) stop being looked at.
    const never = waiting.filter((n) => frequencyOf(n) === 'never').map((n) => n.id);
    if (never.length) await notificationsDb(db).updateTable('notifications').set({ mailed_at: timestamp(now) }).where('id', 'in', never).execute();
    await scheduleDigests(jobs(), db, now);
  };
}

/** The frequencies several people chose, keyed by person and kind. */
async function choicesOf(db: Db, userIds: string[]): Promise<Map<string, Frequency>> {
  if (userIds.length === 0) return new Map();
  const rows = await notificationsDb(db).selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();
  return new Map(rows.filter((r) => (frequencies as readonly string[]).includes(r.frequency)).map((r) => [`${r.user_id}\u0000${r.kind}`, r.frequency]));
}

async function mailDigest(setting: Setting, box: Mailbox, frequency: DigestFrequency, notifications: StoredNotification[]): Promise<void> {
  const locale = localeOf(box);
  const lines = notifications.map((n) => `- ${titleOf(locale, n)}\n  ${setting.baseUrl}${n.path}`).join('\n');
  const text = `${translate(locale, `common.notifications.digest_intro_${frequency}`, { count: notifications.length })}\n\n${lines}`;
  // One click stops this digest: every kind now sent at this frequency.
  const list = digestList(frequency);
  const sent = await setting.mailer.send({
    to: box.email,
    subject: translate(locale, `common.notifications.digest_subject_${frequency}`, { count: notifications.length }),
    text: withFooter(setting, locale, box, list, text),
    link: `${setting.baseUrl}/notifications`,
    headers: unsubscribeHeaders(setting, box.id, list),
  });
  if (!sent) throw new Error('the mail server did not take the digest');
}
