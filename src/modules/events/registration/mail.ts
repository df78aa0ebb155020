import type { Kysely } from 'kysely';
import type { CommandContext } from '../../../platform/http/env.ts';
import { queueMail } from '../../../platform/mail/queue.ts';
import { mailboxes } from '../../accounts/index.ts';
import { findEventBySlug } from '../queries.ts';
import { eventsCalendar } from '../ics.ts';
import { formatInZone } from '../time.ts';
import type { EventsTables } from '../tables.ts';

/** What each mail tells: registered and confirmed, waitlisted, let in from the waitlist, cancelled. */
export type RegistrationMail = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled';

export interface MailSubject {
  userId: string;
  eventSlug: string;
  sessionTitle: string | null;
  presence: string;
  position?: number;
  /** The cancellation link's secret, for mails that carry one. */
  secret?: string;
}

/** Where the cancellation link of a registration leads (it works without a session). */
export const cancelPath = (slug: string, secret: string) => `/events/${slug}/registration/cancel/${secret}`;

/**
 * Queues a registration mail in the command's transaction, in the recipient's language, with the
 * event's calendar entry attached to the confirmations. Read in the transaction (SQLite has one
 * connection, which the transaction holds).
 */
export async function queueRegistrationMail(ctx: CommandContext, tx: Kysely<EventsTables>, baseUrl: string, kind: RegistrationMail, subject: MailSubject): Promise<void> {
  const [box, event] = await Promise.all([mailboxes(tx, [subject.userId]).then((m) => m.get(subject.userId)), findEventBySlug(tx, subject.eventSlug)]);
  if (!box || !event) return;
  const withCalendar = kind === 'confirmed' || kind === 'promoted';
  await queueMail(ctx.jobs, tx, ctx.now, {
    to: box.email,
    locale: box.locale,
    key: `events.registration.mail.${kind}`,
    values: {
      name: box.name,
      title: event.title,
      session: subject.sessionTitle ?? 'none',
      when: formatInZone(event.starts_at, event.time_zone, box.locale),
      presence: subject.presence,
      position: subject.position ?? 0,
      cancel: subject.secret ? `${baseUrl}${cancelPath(event.slug, subject.secret)}` : '',
    },
    path: `/events/${event.slug}`,
    attachments: withCalendar
      ? [{ filename: `${event.slug}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: eventsCalendar({ name: event.title, baseUrl, events: [event], stamp: ctx.now }) }]
      : undefined,
  });
}
