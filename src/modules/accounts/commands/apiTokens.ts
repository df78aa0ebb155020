import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { accountsDb } from '../tables.ts';

/** Creates a personal API token; the secret is shown once and only its hash is kept. */
export async function createApiToken(ctx: CommandContext<SignedIn>, name: string): Promise<Result<string>> {
  const secret = `cab_${newSecret()}`;
  await accountsDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    await tx.insertInto('api_tokens').values({ id, user_id: ctx.actor.user.id, name, token_hash: hashSecret(secret), created_at: timestamp(ctx.now) }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.api_token_created', subjectType: 'api_token', subjectId: id });
  });
  return ok(secret);
}

/** Revokes one of the actor's own tokens. */
export async function revokeApiToken(ctx: CommandContext<SignedIn>, tokenId: string): Promise<Result<void>> {
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const result = await tx.deleteFrom('api_tokens').where('id', '=', tokenId).where('user_id', '=', ctx.actor.user.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return refuse('accounts.errors.no_such_token', { status: 404 });
    await audit(tx, ctx.actor, ctx.now, { action: 'account.api_token_revoked', subjectType: 'api_token', subjectId: tokenId });
    return ok();
  });
}

/** What the operator's `cabildo token` commands are told about (no secret). */
export interface IssuedToken {
  id: string;
  secret: string;
  expiresAt: string | null;
}

/**
 * Issues a personal API token for an account, for the operator (`cabildo token create`): to
 * whom and for how long is theirs to say. Answers null when no account has the address.
 */
export async function issueApiToken(
  ctx: Pick<CommandContext, 'db' | 'actor' | 'now'>,
  input: { email: string; name: string; expiresDays?: number },
): Promise<IssuedToken | null> {
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (!user) return null;
    const secret = `cab_${newSecret()}`;
    const id = newId();
    const expiresAt = input.expiresDays === undefined ? null : timestamp(new Date(ctx.now.getTime() + input.expiresDays * 86_400_000));
    await tx.insertInto('api_tokens').values({ id, user_id: user.id, name: input.name, token_hash: hashSecret(secret), created_at: timestamp(ctx.now), expires_at: expiresAt }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.api_token_created', subjectType: 'api_token', subjectId: id, details: { by: 'operator' } });
    return { id, secret, expiresAt };
  });
}

/**
 * Revokes tokens for the operator (`cabildo token revoke`): one by its id, or those of an account
 * with a given name. Answers how many there were (0: none matched), or null for an unknown address.
 */
export async function withdrawApiTokens(
  ctx: Pick<CommandContext, 'db' | 'actor' | 'now'>,
  which: { id: string } | { email: string; name: string },
): Promise<number | null> {
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    let query = tx.selectFrom('api_tokens').select('api_tokens.id');
    if ('id' in which) query = query.where('api_tokens.id', '=', which.id);
    else {
      const user = await tx.selectFrom('users').select('id').where('email', '=', which.email).executeTakeFirst();
      if (!user) return null;
      query = query.where('user_id', '=', user.id).where('name', '=', which.name);
    }
    const ids = (await query.execute()).map((row) => row.id);
    for (const id of ids) {
      await tx.deleteFrom('api_tokens').where('id', '=', id).execute();
      await audit(tx, ctx.actor, ctx.now, { action: 'account.api_token_revoked', subjectType: 'api_token', subjectId: id, details: { by: 'operator' } });
    }
    return ids.length;
  });
}
