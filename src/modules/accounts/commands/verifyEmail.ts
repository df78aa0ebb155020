import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { accountsDb } from '../tables.ts';
import { consumeUserToken, issueUserToken } from './userTokens.ts';

/** Marks the email of the link's account as verified, for an unused, unexpired link. */
export async function verifyEmail(ctx: CommandContext, secret: string): Promise<Result<void>> {
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const userId = await consumeUserToken(tx, secret, 'verify_email', ctx.now);
    if (!userId) return refuse('accounts.verify.failed');
    await tx.updateTable('users').set({ email_verified_at: timestamp(ctx.now) }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.email_verified', subjectType: 'user', subjectId: userId });
    return ok();
  });
}

/** A fresh verification link for the signed-in, unverified user. */
export async function reissueVerification(ctx: CommandContext<SignedIn>): Promise<Result<string>> {
  return ok(await accountsDb(ctx.db).transaction().execute((tx) => issueUserToken(tx, ctx.actor.user.id, 'verify_email', ctx.now)));
}
