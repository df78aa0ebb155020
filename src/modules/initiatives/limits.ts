import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { withinLimit, type RateLimits, type WindowLimit } from '../../platform/auth/rateLimit.ts';
import type { InitiativeInput } from './schema.ts';
import { createInitiative } from './commands/saveInitiative.ts';

/**
 * Registering initiatives is rare (one, perhaps two, per person); a handful an hour per account
 * keeps a script or a stolen token from flooding the directory. Operators importing many use
 * `cabildo import nris`.
 */
export const creationsPerAccount: WindowLimit = { name: 'initiatives.created.account', limit: 5, windowMs: 60 * 60_000 };

/** Registers an initiative as one of the account's creations this hour (forms and the API alike). */
export function createWithinLimit(limits: RateLimits) {
  return (ctx: CommandContext<SignedIn>, input: InitiativeInput) =>
    withinLimit(limits, creationsPerAccount, ctx.actor.user.id, () => createInitiative(ctx, input), 'initiatives.errors.too_many_created');
}
