import { createHmac } from 'node:crypto';
import { newId, tablesOf, timestamp, type Db } from '../db/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { sameText } from '../auth/tokens.ts';

/** How often someone wants mail about a kind of notification. */
export const frequencies = ['immediately', 'daily', 'weekly', 'never'] as const;
export type Frequency = (typeof frequencies)[number];

/**
 * A kind of notification a module sends, declared in its manifest. Its texts are the catalog keys
 * `<module>.notifications.<name>.label` (for the preferences page), `.title` (the in-app line, the
 * mail's subject, a digest's line) and `.body` (the mail), where the kind is `<module>.<name>`.
 */
export interface NotificationKind {
  kind: string;
  defaultFrequency: Frequency;
}

interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  message_values: string;
  path: string;
  created_at: string;
  read_at: string | null;
  mailed_at: string | null;
}
interface PreferencesTable {
  user_id: string;
  kind: string;
  frequency: Frequency;
}
export const notificationsDb = (db: Db) => tablesOf<{ notifications: NotificationsTable; notification_preferences: PreferencesTable }>(db);

/** The catalog key of a notification kind's text. */
export function notificationText(kind: string, part: 'label' | 'title' | 'body'): string {
  const dot = kind.indexOf('.');
  return `${kind.slice(0, dot)}.notifications.${kind.slice(dot + 1)}.${part}`;
}

export const notificationMailJob = 'platform.notification_mail';

export interface NewNotification {
  userId: string;
  kind: string;
  /** Values for the kind's messages (names, dates as text). */
  values: Record<string, string | number>;
  /** Where the notification leads, inside Cabildo. */
  path: string;
}

/** The frequency a person chose for a kind, or the kind's default. */
export async function frequencyFor(db: Db, userId: string, kind: NotificationKind): Promise<Frequency> {
  const row = await notificationsDb(db)
    .selectFrom('notification_preferences')
    .select('frequency')
    .where('user_id', '=', userId)
    .where('kind', '=', kind.kind)
    .executeTakeFirst();
  return row?.frequency ?? kind.defaultFrequency;
}

/**
 * Notifies a person, in the command's transaction: the notification shows in Cabildo at once; a
 * mail follows now, in a digest, or never, as they chose for this kind.
 */
export async function notify(ctx: { jobs: JobQueue; now: Date }, tx: Db, kind: NotificationKind, notification: NewNotification): Promise<void> {
  const id = newId();
  await notificationsDb(tx)
    .insertInto('notifications')
    .values({
      id, user_id: notification.userId, kind: kind.kind, message_values: JSON.stringify(notification.values), path: notification.path,
      created_at: timestamp(ctx.now), read_at: null, mailed_at: null,
    })
    .execute();
  if ((await frequencyFor(tx, notification.userId, kind)) === 'immediately') {
    await ctx.jobs.enqueue(tx, { kind: notificationMailJob, payload: { id }, summary: `${kind.kind} → ${notification.userId}` }, ctx.now);
  }
}

/**
 * One-click unsubscribe links (RFC 8058) carry who and what, signed with the installation's secret:
 * they work without logging in, from the mail itself, and nobody can make one for someone else.
 */
export function unsubscribeToken(secret: string, userId: string, list: string): string {
  const claim = Buffer.from(JSON.stringify({ u: userId, k: list })).toString('base64url');
  return `${claim}.${createHmac('sha256', secret).update(`unsubscribe\u0000${claim}`).digest('base64url')}`;
}

/** Who and what a link unsubscribes: a kind of notification, or a digest (`digest:daily`). */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; list: string } | null {
  const [claim, signature] = token.split('.');
  if (!claim || !signature || token.length > 500) return null;
  const expected = createHmac('sha256', secret).update(`unsubscribe\u0000${claim}`).digest('base64url');
  if (!sameText(signature, expected)) return null;
  try {
    const { u, k } = JSON.parse(Buffer.from(claim, 'base64url').toString('utf8')) as { u: unknown; k: unknown };
    return typeof u === 'string' && typeof k === 'string' ? { userId: u, list: k } : null;
  } catch {
    return null;
  }
}

export async function setFrequency(tx: Db, userId: string, kind: string, frequency: Frequency): Promise<void> {
  await notificationsDb(tx)
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, frequency })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ frequency }))
    .execute();
}

export function unreadCount(db: Db, userId: string): Promise<number> {
  return notificationsDb(db)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** A person's latest notifications, newest first. */
export function latestNotifications(db: Db, userId: string, limit: number) {
  return notificationsDb(db)
    .selectFrom('notifications')
    .select(['id', 'kind', 'message_values', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Marks one of a person's notifications read; answers where it leads (null: not theirs). Reading
 * is not a change anyone else sees: no audit, no new data version.
 */
export async function openNotification(db: Db, userId: string, id: string, now: Date): Promise<string | null> {
  const notification = await notificationsDb(db).selectFrom('notifications').select(['path', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!notification) return null;
  if (!notification.read_at) await notificationsDb(db).updateTable('notifications').set({ read_at: timestamp(now) }).where('id', '=', id).execute();
  return notification.path;
}

export async function markAllRead(db: Db, userId: string, now: Date): Promise<void> {
  await notificationsDb(db).updateTable('notifications').set({ read_at: timestamp(now) }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

/** The frequencies a person chose, by kind (kinds not listed keep their default). */
export async function chosenFrequencies(db: Db, userId: string): Promise<Map<string, Frequency>> {
  const rows = await notificationsDb(db).selectFrom('notification_preferences').select(['kind', 'frequency']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.kind, r.frequency]));
}
