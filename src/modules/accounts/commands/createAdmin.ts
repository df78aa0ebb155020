import type { CommandContext } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { audit } from '../../../platform/audit.ts';
import { accountsDb } from '../tables.ts';

/**
 * Creates a verified secretariat account from the command line, or promotes an existing one.
 * Run by the operator, who is trusted with the address.
 */
export async function createAdmin(
  ctx: Pick<CommandContext, 'db' | 'actor' | 'now'>,
  input: { email: string; name: string; password: string; locale: string },
): Promise<'created' | 'promoted'> {
  const passwordHash = await hashPassword(input.password);
  return accountsDb(ctx.db).transaction().execute(async (tx) => {
    const now = timestamp(ctx.now);
    const existing = await tx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) {
      await tx.updateTable('users').set({ is_secretariat: 1, updated_at: now }).where('id', '=', existing.id).execute();
      await audit(tx, ctx.actor, ctx.now, { action: 'account.promoted_to_secretariat', subjectType: 'user', subjectId: existing.id });
      return 'promoted';
    }
    const id = newId();
    await tx
      .insertInto('users')
      .values({
        id, email: input.email, name: input.name, password_hash: passwordHash, locale: input.locale, country: null,
        stakeholder_group: 'intergovernmental', affiliation: null, capacity: 'personal', email_verified_at: now,
        is_secretariat: 1, created_at: now, updated_at: now,
      })
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'account.secretariat_created', subjectType: 'user', subjectId: id });
    return 'created';
  });
}
