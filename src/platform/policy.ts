import type { Actor } from './http/env.ts';

/** A permission rule: one per action, in the module's policy.ts. */
export type Rule<Subject = undefined> = (actor: Actor, subject: Subject) => boolean;

/** Thrown when a rule refuses; anonymous visitors are asked to log in, others are refused. */
export class NotAllowed extends Error {
  constructor(public readonly status: 401 | 403) {
    super(status === 401 ? 'login required' : 'not allowed');
  }
}

/** The one place a handler asks for permission. */
export function authorize<S>(actor: Actor, rule: Rule<S>, subject: S): void {
  if (rule(actor, subject)) return;
  throw new NotAllowed(actor.user ? 403 : 401);
}

export const isSignedIn = (actor: Actor): boolean => actor.user !== null;
export const isVerified = (actor: Actor): boolean => actor.user?.email_verified_at != null;
export const isSecretariat = (actor: Actor): boolean => actor.user?.is_secretariat === 1;
