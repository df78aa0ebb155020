import type { Actor, ActorUser, SignedIn } from './auth/identity.ts';

/**
 * A permission rule: one per action, in the module's policy.ts. A rule also says what it
 * establishes about the actor (signed in or not), so that what runs after `authorize` receives
 * a typed user instead of a `user!`.
 */
export type Rule<Subject = undefined, Established extends Actor = Actor> = (actor: Actor, subject: Subject) => actor is Established;

/** Thrown when a rule refuses; anonymous visitors are asked to log in, others are refused. */
export class NotAllowed extends Error {
  constructor(public readonly status: 401 | 403) {
    super(status === 401 ? 'login required' : 'not allowed');
  }
}

/** The one place a handler asks for permission. */
export function authorize<Subject, Established extends Actor>(
  actor: Actor,
  rule: Rule<Subject, Established>,
  subject: Subject,
): asserts actor is Established {
  if (rule(actor, subject)) return;
  throw new NotAllowed(actor.user ? 403 : 401);
}

/** A rule for anyone, signed in or not. */
export function anyone<Subject = unknown>(check: (actor: Actor, subject: Subject) => boolean = () => true): Rule<Subject, Actor> {
  return (actor, subject): actor is Actor => check(actor, subject);
}

/** A rule only a signed-in user can pass; the check sees that user. */
export function signedIn<Subject = unknown>(check: (user: ActorUser, subject: Subject) => boolean = () => true): Rule<Subject, SignedIn> {
  return (actor, subject): actor is SignedIn => actor.user !== null && check(actor.user, subject);
}

export const isVerified = (user: ActorUser): boolean => user.email_verified_at !== null;
export const isSecretariat = (user: ActorUser): boolean => user.is_secretariat === 1;
