import type { CommandContext } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';

/** Creates a personal API token; the secret is shown once and only its hash is kept. */
export async function createApiToken(ctx: CommandContext, name: string): Promise<string> {
  const secret = `cab_${newSecret()}`;
  await ctx.db.transaction().execute(async (tx) => {
    const id = newId();
    await tx
      .insertInto('api_tokens')
      .values({ id, user_id: ctx.actor.user!.id, name, token_hash: hashSecret(secret), created_at: timestamp(ctx.now) })
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.api_token_created', subjectType: 'api_token', subjectId: id });
  });
  return secret;
}

export async function revokeApiToken(ctx: CommandContext, tokenId: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (tx) => {
    const result = await tx.deleteFrom('api_tokens').where('id', '=', tokenId).where('user_id', '=', ctx.actor.user!.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await audit(tx, ctx.actor, ctx.now, { action: 'account.api_token_revoked', subjectType: 'api_token', subjectId: tokenId });
    return true;
  });
}
