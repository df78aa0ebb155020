import type { Db } from '../db/index.ts';

/** What every layer may know about the person making a request. */
export interface ActorUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  country: string | null;
  stakeholder_group: string;
  affiliation: string | null;
  capacity: string;
  email_verified_at: string | null;
  is_secretariat: number;
}

/** Who is asking: a signed-in user or an anonymous visitor (user null). */
export interface Actor {
  user: ActorUser | null;
}

/** An actor a rule has established is signed in. */
export interface SignedIn extends Actor {
  user: ActorUser;
}

/** The session cookie's name; the accounts module sets it, the platform reads it. */
export const sessionCookie = 'cabildo_session';

/** Finds who a request's credentials belong to; the accounts module provides it. */
export interface IdentityProvider {
  /** The session a cookie secret opens, when it exists and has not expired. */
  fromSession(db: Db, secret: string, now: Date): Promise<{ sessionId: string; user: ActorUser } | null>;
  /** The owner of a personal API token. */
  fromApiToken(db: Db, secret: string, now: Date): Promise<ActorUser | null>;
  /** Where to write to people, and in which language (for notifications). */
  mailboxes(db: Db, userIds: readonly string[]): Promise<Map<string, Mailbox>>;
}

export interface Mailbox {
  id: string;
  name: string;
  email: string;
  locale: string;
}
