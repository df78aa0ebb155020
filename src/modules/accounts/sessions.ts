import type { Db } from '../../platform/db/index.ts';
import { timestamp } from '../../platform/db/index.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import type { ActorUser, IdentityProvider } from '../../platform/auth/identity.ts';
import { accountsDb, type UsersTable } from './tables.ts';
import { mailboxes } from './queries.ts';

const sessionDays = 30;
export const sessionMaxAge = sessionDays * 86_400;

/** What a request may know of its user: everything but the password hash. */
function asActorUser({ password_hash: _hash, created_at: _created, updated_at: _updated, ...user }: UsersTable): ActorUser {
  return user;
}

/** Starts a session; the cookie carries the secret, the table only its hash. */
export async function startSession(db: Db, userId: string, now: Date): Promise<string> {
  const secret = newSecret();
  await accountsDb(db)
    .insertInto('sessions')
    .values({ id: hashSecret(secret), user_id: userId, created_at: timestamp(now), expires_at: timestamp(new Date(now.getTime() + sessionDays * 86_400_000)) })
    .execute();
  return secret;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await accountsDb(db).deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Who a session cookie or a personal API token belongs to. */
export const accountIdentity: IdentityProvider = {
  async fromSession(db, secret, now) {
    const row = await accountsDb(db)
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.id as session_id', 'sessions.expires_at'])
      .where('sessions.id', '=', hashSecret(secret))
      .executeTakeFirst();
    if (!row || row.expires_at <= timestamp(now)) return null;
    const { session_id, expires_at: _expires, ...user } = row;
    return { sessionId: session_id, user: asActorUser(user) };
  },
  async fromApiToken(db, secret, now) {
    const row = await accountsDb(db)
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .where('api_tokens.token_hash', '=', hashSecret(secret))
      .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', timestamp(now))]))
      .executeTakeFirst();
    return row ? asActorUser(row) : null;
  },
  mailboxes,
};
