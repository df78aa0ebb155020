import type { Logger } from 'pino';
import type { Db } from '../db/index.ts';
import { enqueue, PayloadSeal, retryJob, unfinishedJobs, type NewJob } from './queue.ts';
import { JobRunner, type JobHandler } from './runner.ts';

export type { NewJob, JobListing } from './queue.ts';
export type { JobHandler, JobContext } from './runner.ts';

/** What a command needs of the job queue: to add a job in its own transaction. */
export interface JobQueue {
  enqueue(tx: Db, job: NewJob, now: Date): Promise<void>;
}

/** The installation's job queue and this process's runner. */
export class Jobs implements JobQueue {
  readonly runner: JobRunner;
  private seal: PayloadSeal;

  constructor(private options: { db: Db; secret: string; handlers: ReadonlyMap<string, JobHandler>; log: Logger; clock: () => Date }) {
    this.seal = new PayloadSeal(options.secret);
    this.runner = new JobRunner({ db: options.db, seal: this.seal, handlers: options.handlers, log: options.log, clock: options.clock, queue: this });
  }

  enqueue(tx: Db, job: NewJob, now: Date): Promise<void> {
    return enqueue(tx, this.seal, job, now);
  }

  /** Looks for due jobs now: called after a command commits, so its mail leaves at once. */
  wake(): void {
    this.runner.wake();
  }

  unfinished() {
    return unfinishedJobs(this.options.db);
  }

  async retry(id: string): Promise<boolean> {
    const done = await retryJob(this.options.db, id, this.options.clock());
    if (done) this.wake();
    return done;
  }
}
