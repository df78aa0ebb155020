import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { queueMail } from '../../../platform/mail/queue.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { accountsDb } from '../tables.ts';
import { consumeUserToken, issueUserToken } from './userTokens.ts';

/** The verification link's path; `next` (a same-site path) is where the person goes once verified. */
export function verificationPath(secret: string, next = '/'): string {
  return `/verify-email?token=${secret}${next !== '/' ? `&next=${encodeURIComponent(next)}` : ''}`;
}

/** Marks the email of the link's account as verified, for an unused, unexpired link; answers whose account it is. */
export async function verifyEmail(ctx: CommandContext, secret: string): Promise<Result<{ id: string; email: string }>> {
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const userId = await consumeUserToken(tx, secret, 'verify_email', ctx.now);
    if (!userId) return refuse('accounts.verify.failed');
    await tx.updateTable('users').set({ email_verified_at: timestamp(ctx.now) }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.email_verified', subjectType: 'user', subjectId: userId });
    const { email } = await tx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    return ok({ id: userId, email });
  });
}

/** A fresh verification link for the signed-in, unverified user, queued as mail in their language. */
export async function reissueVerification(ctx: CommandContext<SignedIn>, next = '/'): Promise<Result<void>> {
  const { user } = ctx.actor;
  await accountsDb(ctx.db).transaction().execute(async (tx) => {
    const secret = await issueUserToken(tx, user.id, 'verify_email', ctx.now);
    await queueMail(ctx.jobs, tx, ctx.now, { to: user.email, locale: user.locale, key: 'accounts.mail.verify', path: verificationPath(secret, next) });
  });
  return ok();
}
