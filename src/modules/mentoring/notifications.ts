import type { NotificationKind } from '../../platform/notifications/index.ts';

/** A request reached the mentor (its coordinators). */
export const requestReceived: NotificationKind = { kind: 'mentoring.request_received', defaultFrequency: 'immediately' };
/** The mentor accepted (the newcomer's coordinators). */
export const requestAccepted: NotificationKind = { kind: 'mentoring.request_accepted', defaultFrequency: 'immediately' };
/** A preferred mentor declined, did not answer in time or was not approved: the request moved on (the newcomer's coordinators). */
export const requestDeclined: NotificationKind = { kind: 'mentoring.request_declined', defaultFrequency: 'immediately' };
/** A match waits for the secretariat's approval (every secretariat member). */
export const approvalNeeded: NotificationKind = { kind: 'mentoring.approval_needed', defaultFrequency: 'immediately' };
/** The other side logged a meeting (that side's coordinators). */
export const meetingLogged: NotificationKind = { kind: 'mentoring.meeting_logged', defaultFrequency: 'daily' };

export const mentoringNotifications = [requestReceived, requestAccepted, requestDeclined, approvalNeeded, meetingLogged];
