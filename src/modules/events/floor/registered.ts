/**
 * Who may join a session's queue: a person with a confirmed registration for the event (or for
 * the session). Until registration exists on this branch, any verified person may (decision 021).
 */
import type { Db } from '../../../platform/db/index.ts';

export interface Participation {
  registered: boolean;
  presence: 'onsite' | 'online';
  stakeholder_group: string | null;
}

export async function participationOf(_db: Db, _eventId: string, _sessionId: string, user: { stakeholder_group: string }): Promise<Participation> {
  return { registered: true, presence: 'online', stakeholder_group: user.stakeholder_group || null };
}
