import type { Db } from '../db/index.ts';
import { timestamp } from '../db/index.ts';
import type { User } from '../http/env.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const sessionCookie = 'cabildo_session';
const sessionDays = 30;

/** Starts a session; the cookie carries the secret, the table only its hash. */
export async function startSession(db: Db, userId: string, now: Date): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(secret),
      user_id: userId,
      created_at: timestamp(now),
      expires_at: timestamp(new Date(now.getTime() + sessionDays * 86_400_000)),
    })
    .execute();
  return secret;
}

export async function findSession(db: Db, secret: string, now: Date): Promise<{ id: string; user: User } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.expires_at'])
    .where('sessions.id', '=', hashSecret(secret))
    .executeTakeFirst();
  if (!row || row.expires_at <= timestamp(now)) return null;
  const { session_id, expires_at: _expires, ...user } = row;
  return { id: session_id, user };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

