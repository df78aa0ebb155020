import type { CommandContext } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { audit } from '../../../platform/audit.ts';
import { queueMail } from '../../../platform/mail/queue.ts';
import { ok, type Result } from '../../../platform/http/result.ts';
import type { AccountSignUpInput } from '../schema.ts';
import { accountsDb } from '../tables.ts';
import { verificationPath } from './verifyEmail.ts';
import { issueUserToken } from './userTokens.ts';

/**
 * Creates an unverified account and queues, in the same transaction, the mail with its
 * verification link (in the language chosen at sign-up). `next` is where the link leads once
 * the address is verified (an invitation, the initiative form).
 *
 * An address that already has an account is not refused: the answer would tell anyone which
 * addresses have accounts. Its owner gets a mail instead (log in, or reset the password), and
 * the caller answers exactly as for a new account. The password is hashed either way, so the
 * time taken does not tell them apart either.
 */
export async function signUp(ctx: CommandContext, input: AccountSignUpInput, next = '/'): Promise<Result<void>> {
  const passwordHash = await hashPassword(input.password);
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('users').select(['id', 'locale']).where('email', '=', input.email).executeTakeFirst();
    if (existing) {
      const path = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
      await queueMail(ctx.jobs, tx, ctx.now, { to: input.email, locale: existing.locale, key: 'accounts.mail.signup_existing', path });
      await audit(tx, ctx.actor, ctx.now, { action: 'account.signup_with_existing_address', subjectType: 'user', subjectId: existing.id });
      return ok();
    }
    const id = newId();
    const now = timestamp(ctx.now);
    await tx
      .insertInto('users')
      .values({
        id, email: input.email, name: input.name, password_hash: passwordHash, locale: input.locale, country: input.country ?? null,
        stakeholder_group: input.stakeholder_group, affiliation: input.affiliation ?? null, capacity: input.capacity,
        email_verified_at: null, is_secretariat: 0, created_at: now, updated_at: now,
      })
      .execute();
    const secret = await issueUserToken(tx, id, 'verify_email', ctx.now);
    await queueMail(ctx.jobs, tx, ctx.now, { to: input.email, locale: input.locale, key: 'accounts.mail.verify', path: verificationPath(secret, next) });
    await audit(tx, ctx.actor, ctx.now, { action: 'account.signed_up', subjectType: 'user', subjectId: id, actorId: id });
    return ok();
  });
}
