import { limitRefusal, type RateLimits, type WindowLimit } from '../../../platform/auth/rateLimit.ts';
import type { Result } from '../../../platform/http/result.ts';
import type { SessionInput } from './schema.ts';

/**
 * Linking a person by address tells the organiser whether the address has an account (the form
 * refuses one that has none): each address looked up counts, so the form cannot be used to sweep
 * a list of addresses. 400 an hour leaves an organiser room to link a large program's people.
 */
export const accountLookups: WindowLimit = { name: 'events.account_lookups', limit: 400, windowMs: 60 * 60_000 };

/** Counts the addresses a session's form looks up, then runs the command, or refuses (429) once the hour's lookups are used up. */
export async function withAccountLookups<T>(limits: RateLimits, userId: string, input: SessionInput, run: () => Promise<Result<T>>): Promise<Result<T>> {
  for (const person of input.people) {
    if (!person.email) continue;
    const refused = limitRefusal(await limits.count(accountLookups, userId));
    if (refused) return { ok: false, refusal: refused };
  }
  return run();
}
