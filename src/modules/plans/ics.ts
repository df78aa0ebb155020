import ical, { ICalEventStatus } from 'ical-generator';
import type { PlanItem } from './queries.ts';

/**
 * Characters that have no place in an iCalendar text value (C0 and C1 controls but line breaks,
 * DEL, bidi controls). Forms refuse them already; this keeps a feed whole whatever a row holds.
 * ical-generator escapes what RFC 5545 says (\\, ;, , and line breaks) and folds lines at 75 octets.
 */
const unsafe = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const text = (value: string) => value.replace(unsafe, '').replace(/\r\n?/g, '\n');

/** A plan's due dates (RFC 5545): one all-day event per item on its due day; done and dropped items are marked so. */
export function dueDatesCalendar(options: { name: string; url: string; host: string; items: readonly PlanItem[]; labels: (item: PlanItem) => string; stamp: Date }): string {
  const calendar = ical({ name: text(options.name), prodId: { company: 'Cabildo', product: 'action-plans', language: 'EN' } });
  for (const item of options.items) {
    const [y, m, d] = item.due_on.split('-').map(Number) as [number, number, number];
    calendar.createEvent({
      id: `action-plan-item-${item.id}@${options.host}`,
      stamp: options.stamp,
      allDay: true,
      start: new Date(Date.UTC(y, m - 1, d)),
      summary: text(item.action.split('\n')[0]!.slice(0, 200)),
      description: text(`${options.labels(item)}\n\n${item.action}\n\n${options.url}#item-${item.id}`),
      url: `${options.url}#item-${item.id}`,
      status: item.status === 'dropped' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
