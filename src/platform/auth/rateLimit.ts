import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { tablesOf, timestamp, type Db } from '../db/index.ts';
import { refuse, type Refusal, type Result } from '../http/result.ts';

interface RateLimitsTable {
  key: string;
  attempts: number;
  not_before: string;
  expires_at: string;
}

const limitsDb = (db: Db) => tablesOf<{ rate_limits: RateLimitsTable }>(db);

/** At most `limit` attempts per key in a fixed window of `windowMs`. */
export interface WindowLimit {
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * Attempts that may fail a few times freely, then wait longer after each failure: after
 * `free` failures the next attempt waits `firstDelayMs`, doubling up to `maxDelayMs`. Failures
 * are forgotten `memoryMs` after the last one, or at once after a success.
 */
export interface BackoffLimit {
  name: string;
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
  memoryMs: number;
}

/** Whether an attempt may go on; if not, in how many seconds trying again makes sense. */
export type Verdict = { allowed: true } | { allowed: false; retryAfter: number };

const sweepEveryMs = 10 * 60_000;
/** How often a reservation is tried again when another request changed the counter meanwhile. */
const reservationRounds = 5;

/** The wait after `failures` failures under a backoff limit. */
export function backoffDelay(limit: BackoffLimit, failures: number): number {
  if (failures < limit.free) return 0;
  return Math.min(limit.firstDelayMs * 2 ** (failures - limit.free), limit.maxDelayMs);
}

const secondsUntil = (later: string, now: Date) => Math.max(1, Math.ceil((Date.parse(later) - now.getTime()) / 1000));

/**
 * Rate limits counted in the database, so that every Cabildo process on one database counts
 * together (ten failed log-ins spread over two servers are ten). Each counter is one row, moved
 * by one atomic statement per attempt; expired rows count as absent and are swept now and then.
 * Keys are keyed hashes: the table holds no address or email.
 */
export class RateLimits {
  private lastSweep = 0;

  constructor(
    private db: Db,
    private secret: string,
    private clock: () => Date,
  ) {}

  private key(name: string, subject: string): string {
    return `${name}:${createHmac('sha256', this.secret).update(`rate-limit\u0000${name}\u0000${subject}`).digest('base64url').slice(0, 32)}`;
  }

  /** Deletes expired counters, at most every ten minutes per process (the expiry index keeps it cheap). */
  private async sweep(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < sweepEveryMs) return;
    this.lastSweep = now.getTime();
    await limitsDb(this.db).deleteFrom('rate_limits').where('expires_at', '<=', timestamp(now)).execute();
  }

  /** Counts one attempt in the subject's window; refused once the window holds more than the limit. */
  async count(limit: WindowLimit, subject: string): Promise<Verdict> {
    const now = this.clock();
    await this.sweep(now);
    const at = timestamp(now);
    const expired = sql<boolean>`rate_limits.expires_at <= ${at}`;
    // One statement, atomic on both databases: a new window starts when the old one has ended.
    const row = await limitsDb(this.db)
      .insertInto('rate_limits')
      .values({ key: this.key(limit.name, subject), attempts: 1, not_before: at, expires_at: timestamp(new Date(now.getTime() + limit.windowMs)) })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql`case when ${expired} then 1 else rate_limits.attempts + 1 end`,
          not_before: sql`case when ${expired} then excluded.not_before else rate_limits.not_before end`,
          expires_at: sql`case when ${expired} then excluded.expires_at else rate_limits.expires_at end`,
        }),
      )
      .returning(['attempts', 'expires_at'])
      .executeTakeFirstOrThrow();
    return Number(row.attempts) <= limit.limit ? { allowed: true } : { allowed: false, retryAfter: secondsUntil(row.expires_at, now) };
  }

  /** Takes back a counted attempt that went well (a correct password), so that only failures use the window. */
  async refund(limit: WindowLimit, subject: string): Promise<void> {
    await limitsDb(this.db)
      .updateTable('rate_limits')
      .set({ attempts: sql`attempts - 1` })
      .where('key', '=', this.key(limit.name, subject))
      .where('attempts', '>', 0)
      .execute();
  }

  /** Whether the subject's window is used up, without counting an attempt. */
  async isLimited(limit: WindowLimit, subject: string): Promise<Verdict> {
    const now = this.clock();
    const row = await limitsDb(this.db)
      .selectFrom('rate_limits')
      .select(['attempts', 'expires_at'])
      .where('key', '=', this.key(limit.name, subject))
      .where('expires_at', '>', timestamp(now))
      .executeTakeFirst();
    return row && Number(row.attempts) >= limit.limit ? { allowed: false, retryAfter: secondsUntil(row.expires_at, now) } : { allowed: true };
  }

  /**
   * Reserves an attempt under a backoff limit: refused while the subject must wait; otherwise
   * counted as a failure until `forget` says it went well. The count moves only if nobody moved
   * it since it was read, so attempts sent at once are counted one by one and wait their turn.
   */
  async attempt(limit: BackoffLimit, subject: string): Promise<Verdict> {
    const now = this.clock();
    await this.sweep(now);
    const at = timestamp(now);
    const key = this.key(limit.name, subject);
    const limits = limitsDb(this.db);
    for (let round = 0; round < reservationRounds; round++) {
      const row = await limits.selectFrom('rate_limits').select(['attempts', 'not_before', 'expires_at']).where('key', '=', key).executeTakeFirst();
      const live = row !== undefined && row.expires_at > at;
      if (live && row.not_before > at) return { allowed: false, retryAfter: secondsUntil(row.not_before, now) };
      const attempts = (live ? Number(row.attempts) : 0) + 1;
      const values = {
        attempts,
        not_before: timestamp(new Date(now.getTime() + backoffDelay(limit, attempts))),
        expires_at: timestamp(new Date(now.getTime() + limit.memoryMs)),
      };
      const reserved = await limits
        .insertInto('rate_limits')
        .values({ key, ...values })
        // A row inserted by someone else meanwhile (none was read) never matches -1.
        .onConflict((oc) => oc.column('key').doUpdateSet(values).where('rate_limits.attempts', '=', row ? Number(row.attempts) : -1))
        .returning('attempts')
        .executeTakeFirst();
      if (reserved) return { allowed: true };
    }
    return { allowed: false, retryAfter: 1 };
  }

  /** The subject's attempt went well: its failures are forgotten. */
  async forget(limit: BackoffLimit | WindowLimit, subject: string): Promise<void> {
    await limitsDb(this.db).deleteFrom('rate_limits').where('key', '=', this.key(limit.name, subject)).execute();
  }
}

/** A refused verdict as the pipeline's 429, saying when to try again; null when allowed. */
export function limitRefusal(verdict: Verdict, message = 'common.errors.rate_limited'): Refusal | null {
  if (verdict.allowed) return null;
  return refuse(message, { status: 429, retryAfter: verdict.retryAfter, values: { minutes: Math.ceil(verdict.retryAfter / 60) } }).refusal;
}

/**
 * Runs a command as one attempt under a window: refused (429) once the window is used up; a
 * command that refuses gives its attempt back, so only what was done counts. The attempt is
 * counted before the command runs, so commands sent at once cannot overrun the window.
 */
export async function withinLimit<T>(
  limits: RateLimits, limit: WindowLimit, subject: string, run: () => Promise<Result<T>>, message?: string,
): Promise<Result<T>> {
  const refused = limitRefusal(await limits.count(limit, subject), message);
  if (refused) return { ok: false, refusal: refused };
  const result = await run();
  if (!result.ok) await limits.refund(limit, subject);
  return result;
}
