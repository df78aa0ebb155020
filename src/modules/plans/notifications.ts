import type { NotificationKind } from '../../platform/notifications/index.ts';

/** An item is past its due date and still open: its responsible person and the coordinators hear of it, weekly at most. */
export const itemOverdue: NotificationKind = { kind: 'plans.item_overdue', defaultFrequency: 'immediately' };
export const planNotifications = [itemOverdue];
