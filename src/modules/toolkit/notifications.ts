import type { NotificationKind } from '../../platform/notifications/index.ts';

/** The secretariat offers a committee help with the step it is stuck on (texts: `toolkit.notifications.help_offered.*`). */
export const helpOffered: NotificationKind = { kind: 'toolkit.help_offered', defaultFrequency: 'immediately' };

export const toolkitNotifications = [helpOffered];
