import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, type Result } from '../../../platform/http/result.ts';
import type { AccountProfileInput } from '../schema.ts';
import { accountsDb } from '../tables.ts';

export async function updateProfile(ctx: CommandContext<SignedIn>, input: AccountProfileInput): Promise<Result<void>> {
  const userId = ctx.actor.user.id;
  await accountsDb(ctx.db).transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        name: input.name, locale: input.locale, country: input.country ?? null, stakeholder_group: input.stakeholder_group,
        affiliation: input.affiliation ?? null, capacity: input.capacity, updated_at: timestamp(ctx.now),
      })
      .where('id', '=', userId)
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.profile_updated', subjectType: 'user', subjectId: userId });
  });
  return ok();
}
