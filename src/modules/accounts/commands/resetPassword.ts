import type { CommandContext } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { audit } from '../../../platform/audit.ts';
import { queueMail } from '../../../platform/mail/queue.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { PasswordResetInput } from '../schema.ts';
import { accountsDb } from '../tables.ts';
import { consumeUserToken, issueUserToken } from './userTokens.ts';

/**
 * Queues a mail to the address: a reset link, in the account's language, when it has an account;
 * otherwise a note (in the visitor's language) that it has none. Both paths do the same work — a
 * lookup, a link secret made and hashed, a token write, a queued job, an audit entry — so neither
 * the answer nor the time it takes tells anyone which addresses have accounts.
 */
export async function requestPasswordReset(ctx: CommandContext, email: string): Promise<Result<void>> {
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'locale']).where('email', '=', email).executeTakeFirst();
    if (user) {
      const secret = await issueUserToken(tx, user.id, 'reset_password', ctx.now);
      await queueMail(ctx.jobs, tx, ctx.now, { to: email, locale: user.locale, key: 'accounts.mail.reset', path: `/password/reset?token=${secret}` });
    } else {
      // The same statements as issuing a link, matching no rows.
      hashSecret(newSecret());
      await tx.deleteFrom('user_tokens').where('user_id', '=', newId()).where('purpose', '=', 'reset_password').where('used_at', 'is', null).execute();
      await queueMail(ctx.jobs, tx, ctx.now, { to: email, locale: ctx.locale, key: 'accounts.mail.reset_unknown', path: '/signup' });
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'account.password_reset_requested', subjectType: 'user', subjectId: user?.id ?? '' });
    return ok();
  });
}

/** Sets a new password from a reset link and ends every session and token of the account. */
export async function resetPassword(ctx: CommandContext, input: PasswordResetInput): Promise<Result<void>> {
  const passwordHash = await hashPassword(input.password);
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const userId = await consumeUserToken(tx, input.token, 'reset_password', ctx.now);
    if (!userId) return refuse('accounts.errors.link_expired');
    const now = timestamp(ctx.now);
    await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
    // Whoever opened the link proved they read the account's email.
    await tx.updateTable('users').set({ email_verified_at: now }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
    // Whoever held the account before (sessions, API tokens) loses it with the old password.
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await tx.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.password_reset', subjectType: 'user', subjectId: userId });
    return ok();
  });
}
