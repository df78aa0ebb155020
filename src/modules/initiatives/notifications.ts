import type { NotificationKind } from '../../platform/notifications/index.ts';

/** What the registry tells people about (texts: `initiatives.notifications.<name>.*` in the catalogs). */
export const invitationReceived: NotificationKind = { kind: 'initiatives.invitation', defaultFrequency: 'immediately' };
export const recognitionDecided: NotificationKind = { kind: 'initiatives.recognition_decided', defaultFrequency: 'immediately' };
export const requestWaiting: NotificationKind = { kind: 'initiatives.request_waiting', defaultFrequency: 'immediately' };

export const initiativeDelisted: NotificationKind = { kind: 'initiatives.delisted', defaultFrequency: 'immediately' };

/** A claim on a demo entry waits for the secretariat; the claimant hears how it was decided. */
export const claimWaiting: NotificationKind = { kind: 'initiatives.claim_waiting', defaultFrequency: 'immediately' };
export const claimDecided: NotificationKind = { kind: 'initiatives.claim_decided', defaultFrequency: 'immediately' };

export const registryNotifications = [invitationReceived, recognitionDecided, requestWaiting, initiativeDelisted, claimWaiting, claimDecided];
