/**
 * Who may join a session's queue (decision 021): a person with a confirmed registration for the
 * event or for the session (decision 018). Their presence (onsite or online) and stakeholder group
 * come from that registration, so the moderator's balance counts them as they registered.
 */
import type { Db } from '../../../platform/db/index.ts';
import { eventsDb } from '../tables.ts';

export interface Participation {
  registered: boolean;
  presence: 'onsite' | 'online';
  stakeholder_group: string | null;
}

export async function participationOf(db: Db, eventId: string, sessionId: string, user: { id: string; stakeholder_group: string }): Promise<Participation> {
  const rows = await eventsDb(db).selectFrom('event_registrations').select(['scope', 'presence', 'stakeholder_group'])
    .where('event_id', '=', eventId).where('user_id', '=', user.id).where('status', '=', 'confirmed').where('scope', 'in', ['', sessionId]).execute();
  // The session's own registration says best how they take part in it.
  const row = rows.find((r) => r.scope === sessionId) ?? rows[0];
  if (!row) return { registered: false, presence: 'online', stakeholder_group: user.stakeholder_group || null };
  return { registered: true, presence: row.presence === 'onsite' ? 'onsite' : 'online', stakeholder_group: row.stakeholder_group || null };
}
