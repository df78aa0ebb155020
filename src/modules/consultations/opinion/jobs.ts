/** The map is recomputed every hour for each consultation that took votes since its last analysis (docs/decisions/039). */
import { sql } from 'kysely';
import type { JobHandler } from '../../../platform/jobs/index.ts';
import { recurringHandler, type RecurringJob } from '../../../platform/jobs/recurring.ts';
import { recomputeOpinionMap } from './analysis.ts';
import { opinionDb } from './tables.ts';

/** The top of the next hour. */
export function nextHour(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
}

export const opinionMapSchedule: RecurringJob = { kind: 'consultations.opinion_maps', next: nextHour };

/** Consultations whose newest vote or statement decision is later than their last analysis (or that have none). */
export async function staleMaps(db: Parameters<typeof opinionDb>[0]): Promise<string[]> {
  const rows = await opinionDb(db).selectFrom('consultation_opinion_votes as v')
    .leftJoin('consultation_opinion_analyses as a', 'a.consultation_id', 'v.consultation_id')
    .select('v.consultation_id').groupBy(['v.consultation_id', 'a.computed_at'])
    .having((eb) => eb.or([eb('a.computed_at', 'is', null), eb(sql`max(v.voted_at)`, '>', eb.ref('a.computed_at'))]))
    .execute();
  return rows.map((r) => r.consultation_id);
}

const recomputeStale: JobHandler = async (_, { db, now, log }) => {
  for (const id of await staleMaps(db)) {
    const done = await recomputeOpinionMap(db, id, now);
    log.info?.({ consultation: id, ms: done?.ms }, 'opinion map recomputed');
  }
};

export const opinionMapJobs: Record<string, JobHandler> = { [opinionMapSchedule.kind]: recurringHandler(opinionMapSchedule, recomputeStale) };
