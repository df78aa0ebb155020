import type { Tx } from '../../../platform/db/index.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';

const lifetimes = { verify_email: 7 * 86_400_000, reset_password: 3_600_000 } as const;

/** Issues a one-time link secret for a purpose; earlier unused ones for that purpose stop working. */
export async function issueUserToken(
  tx: Tx,
  userId: string,
  purpose: keyof typeof lifetimes,
  now: Date,
): Promise<string> {
  await tx.deleteFrom('user_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  const secret = newSecret();
  await tx
    .insertInto('user_tokens')
    .values({
      id: newId(),
      user_id: userId,
      purpose,
      token_hash: hashSecret(secret),
      created_at: timestamp(now),
      expires_at: timestamp(new Date(now.getTime() + lifetimes[purpose])),
      used_at: null,
    })
    .execute();
  return secret;
}

/** Uses up a link secret; answers the user id, or null when it is unknown, used or expired. */
export async function consumeUserToken(tx: Tx, secret: string, purpose: keyof typeof lifetimes, now: Date): Promise<string | null> {
  const row = await tx
    .selectFrom('user_tokens')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashSecret(secret))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= timestamp(now)) return null;
  await tx.updateTable('user_tokens').set({ used_at: timestamp(now) }).where('id', '=', row.id).execute();
  return row.user_id;
}
