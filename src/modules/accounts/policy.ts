import type { Rule } from '../../platform/policy.ts';
import { isSignedIn } from '../../platform/policy.ts';

/** Who may do what with accounts. */
export const accountPolicy = {
  viewOwnAccount: ((actor) => isSignedIn(actor)) as Rule,
  editOwnProfile: ((actor) => isSignedIn(actor)) as Rule,
  manageOwnApiTokens: ((actor) => isSignedIn(actor)) as Rule,
  resendVerification: ((actor) => isSignedIn(actor) && actor.user!.email_verified_at === null) as Rule,
};
