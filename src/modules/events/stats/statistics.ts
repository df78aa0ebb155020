import type { Db } from '../../../platform/db/index.ts';
import { statisticsOf, type GroupStatistics } from './counts.ts';
import { interventionsOf, registrationsOf, speakersOf } from './queries.ts';

export interface EventStatistics {
  registrations: GroupStatistics;
  speakers: GroupStatistics;
  floor: GroupStatistics;
}

/**
 * An event's participation statistics. Gender and region are known for speakers only (the
 * program asks them; registration and the queue do not), so only speakers are broken down by them.
 */
export async function eventStatistics(db: Db, eventId: string, groups: readonly string[]): Promise<EventStatistics> {
  const [registrations, speakers, floor] = await Promise.all([registrationsOf(db, eventId), speakersOf(db, eventId), interventionsOf(db, eventId)]);
  return {
    registrations: statisticsOf(registrations, groups, ['stakeholder_group', 'presence']),
    speakers: statisticsOf(speakers, groups, ['stakeholder_group', 'gender', 'region', 'presence']),
    floor: statisticsOf(floor, groups, ['stakeholder_group', 'presence']),
  };
}
