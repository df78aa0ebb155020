import type { Kysely } from 'kysely';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';
import type { AccountTables } from '../tables.ts';

const lifetimes = { verify_email: 7 * 86_400_000, reset_password: 3_600_000 } as const;

/** Issues a one-time link secret for a purpose; earlier unused ones for that purpose stop working. */
export async function issueUserToken(tx: Kysely<AccountTables>, userId: string, purpose: keyof typeof lifetimes, now: Date): Promise<string> {
  await tx.deleteFrom('user_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  const secret = newSecret();
  await tx
    .insertInto('user_tokens')
    .values({
      id: newId(), user_id: userId, purpose, token_hash: hashSecret(secret), created_at: timestamp(now),
      expires_at: timestamp(new Date(now.getTime() + lifetimes[purpose])), used_at: null,
    })
    .execute();
  return secret;
}

/**
 * Uses up a link secret; answers the user id, or null when it is unknown, used or expired.
 * The update itself checks the link is unused, so two uses at once cannot both succeed.
 */
export async function consumeUserToken(tx: Kysely<AccountTables>, secret: string, purpose: keyof typeof lifetimes, now: Date): Promise<string | null> {
  const row = await tx
    .updateTable('user_tokens')
    .set({ used_at: timestamp(now) })
    .where('token_hash', '=', hashSecret(secret))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', timestamp(now))
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}
