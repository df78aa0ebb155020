import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { dialectOf, newId, tablesOf, timestamp, type Db } from '../db/index.ts';

interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  unique_key: string | null;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  last_error: string | null;
  summary: string;
  created_at: string;
  finished_at: string | null;
}
const jobsDb = (db: Db) => tablesOf<{ jobs: JobsTable }>(db);

export interface NewJob {
  kind: string;
  payload: unknown;
  /** What the secretariat sees of it (a recipient), never a secret. */
  summary: string;
  runAt?: Date;
  /** A job that must exist once only; enqueueing it again does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  /** Still sealed: opening it may fail like the job itself. */
  sealedPayload: string;
  attempts: number;
  maxAttempts: number;
}

/**
 * Payloads are sealed with AES-256-GCM under a key derived from the installation's secret: a mail
 * job holds a one-time link until it is sent, and a copy of the database (or a backup) alone must
 * not open accounts.
 */
export class PayloadSeal {
  private key: Buffer;
  constructor(secret: string) {
    this.key = createHash('sha256').update(`cabildo jobs\u0000${secret}`).digest();
  }
  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }
  open(sealed: string): unknown {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv!);
    decipher.setAuthTag(tag!);
    return JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8'));
  }
}

/** Adds a job, in the caller's transaction: it exists only if the change that causes it commits. */
export async function enqueue(tx: Db, seal: PayloadSeal, job: NewJob, now: Date): Promise<void> {
  const row = {
    id: newId(), kind: job.kind, payload: seal.seal(job.payload), unique_key: job.uniqueKey ?? null, status: 'pending' as const,
    run_at: timestamp(job.runAt ?? now), attempts: 0, max_attempts: job.maxAttempts ?? 12, locked_until: null, last_error: null,
    summary: job.summary.slice(0, 200), created_at: timestamp(now), finished_at: null,
  };
  const insert = jobsDb(tx).insertInto('jobs').values(row);
  await (job.uniqueKey ? insert.onConflict((oc) => oc.column('unique_key').doNothing()) : insert).execute();
}

/**
 * Takes the next due job (or one whose runner stopped answering: its lease ran out) and leases it.
 * On PostgreSQL, `for update skip locked` lets several processes take different jobs at once,
 * each job by one of them; SQLite runs one writer at a time.
 */
export async function claimDueJob(db: Db, now: Date, leaseMs: number): Promise<ClaimedJob | null> {
  const at = timestamp(now);
  const lease = timestamp(new Date(now.getTime() + leaseMs));
  const lock = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<{ id: string; kind: string; payload: string; attempts: number; max_attempts: number }>`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = ${lease}
    where id = (
      select id from jobs
      where (status = 'pending' and run_at <= ${at}) or (status = 'running' and locked_until <= ${at})
      order by run_at, id limit 1 ${lock}
    )
    returning id, kind, payload, attempts, max_attempts`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, kind: row.kind, sealedPayload: row.payload, attempts: Number(row.attempts), maxAttempts: Number(row.max_attempts) };
}

/** A job done: its payload is dropped, so nothing sent stays readable. */
export async function completeJob(db: Db, seal: PayloadSeal, id: string, now: Date): Promise<void> {
  await jobsDb(db)
    .updateTable('jobs')
    .set({ status: 'done', finished_at: timestamp(now), locked_until: null, last_error: null, payload: seal.seal(null) })
    .where('id', '=', id)
    .execute();
}

/** The wait before the next attempt: 30 s, 1 min, 2 min … up to 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 6 * 3_600_000);
}

/** A failed attempt: tried again later, or given up after the last attempt (the secretariat can retry it). */
export async function failJob(db: Db, job: ClaimedJob, error: string, now: Date): Promise<void> {
  const givingUp = job.attempts >= job.maxAttempts;
  await jobsDb(db)
    .updateTable('jobs')
    .set({
      status: givingUp ? 'failed' : 'pending',
      run_at: timestamp(new Date(now.getTime() + backoffMs(job.attempts))),
      locked_until: null,
      last_error: error.slice(0, 500),
      finished_at: givingUp ? timestamp(now) : null,
    })
    .where('id', '=', job.id)
    .execute();
}

/** Puts a failed or waiting job back at the head of the queue, with its attempts counted afresh. */
export async function retryJob(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await jobsDb(db)
    .updateTable('jobs')
    .set({ status: 'pending', run_at: timestamp(now), attempts: 0, finished_at: null, locked_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type JobListing = Pick<JobsTable, 'id' | 'kind' | 'status' | 'run_at' | 'attempts' | 'max_attempts' | 'last_error' | 'summary' | 'created_at'>;

/** What the secretariat sees: jobs waiting or failed, oldest first (no payloads). */
export function unfinishedJobs(db: Db, limit = 200): Promise<JobListing[]> {
  return jobsDb(db)
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'run_at', 'attempts', 'max_attempts', 'last_error', 'summary', 'created_at'])
    .where('status', 'in', ['pending', 'running', 'failed'])
    .orderBy('status')
    .orderBy('run_at')
    .limit(limit)
    .execute();
}
