import { timestamp, type Db } from '../db/index.ts';
import type { JobContext, JobHandler } from './runner.ts';

/** A job that runs again and again: each run queues the next at `next(now)`. */
export interface RecurringJob {
  kind: string;
  next: (now: Date) => Date;
}

/** 07:00 UTC tomorrow (or today, before then): when daily work runs, as the daily digest does. */
export function nextMorning(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Queues the job's next run, once: its unique key is the kind and the time, however many servers ask. */
export async function queueNextRun(jobs: JobContext['jobs'], db: Db, job: RecurringJob, now: Date): Promise<void> {
  const at = job.next(now);
  await jobs.enqueue(db, { kind: job.kind, payload: {}, summary: job.kind, runAt: at, uniqueKey: `${job.kind}:${timestamp(at)}` }, now);
}

/**
 * The handler, and the next run queued whatever becomes of this one: a run that fails for good
 * must not end the series (a retry queues the same next run, which its key keeps single).
 */
export function recurringHandler(job: RecurringJob, handler: JobHandler): JobHandler {
  return async (payload, context) => {
    try {
      await handler(payload, context);
    } finally {
      await queueNextRun(context.jobs, context.db, job, context.now);
    }
  };
}
