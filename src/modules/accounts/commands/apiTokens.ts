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
