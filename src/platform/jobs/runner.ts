import type { Logger } from 'pino';
import type { Db } from '../db/index.ts';
import { claimDueJob, completeJob, failJob, type NewJob, type PayloadSeal } from './queue.ts';

/** What a job's handler may use. */
export interface JobContext {
  db: Db;
  now: Date;
  log: Logger;
  /** To queue what the job leads to (a reminder's mail, written in its recipient's language), in the handler's own transaction. */
  jobs: { enqueue(tx: Db, job: NewJob, now: Date): Promise<void> };
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  seal: PayloadSeal;
  handlers: ReadonlyMap<string, JobHandler>;
  log: Logger;
  clock: () => Date;
  /** The queue, handed to handlers that queue further jobs. */
  queue: JobContext['jobs'];
  /** How long a claimed job is its runner's before another process may take it over. */
  leaseMs?: number;
}

/**
 * Runs due jobs, one at a time, in this process: when woken (after a command commits here) and
 * every `pollMs` (for jobs enqueued by other processes, and retries coming due).
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<unknown> | undefined;
  private wokenWhileDraining = false;
  private stopped = false;

  constructor(private options: JobRunnerOptions) {}

  start(pollMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due jobs now (a no-op if already looking: it looks once more afterwards). */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wokenWhileDraining = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'job runner failed'))
      .finally(() => {
        this.draining = undefined;
        if (this.wokenWhileDraining) {
          this.wokenWhileDraining = false;
          this.wake();
        }
      });
  }

  /** Runs every job due now; answers how many ran (tests and the command line use it). */
  async drain(): Promise<number> {
    const { db, seal, handlers, log, clock, leaseMs = 120_000 } = this.options;
    let ran = 0;
    while (!this.stopped) {
      const job = await claimDueJob(db, clock(), leaseMs);
      if (!job) break;
      ran++;
      const handler = handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
        await handler(seal.open(job.sealedPayload), { db, now: clock(), log, jobs: this.options.queue });
        await completeJob(db, seal, job.id, clock());
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, error: message }, 'job failed');
        await failJob(db, job, message, clock());
      }
    }
    return ran;
  }

  /** Stops looking, and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }
}
