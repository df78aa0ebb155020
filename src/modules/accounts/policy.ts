import type { Rule } from '../../platform/policy.ts';
import { isSignedIn, isVerified } from '../../platform/policy.ts';

/** Who may do what with accounts. */
export const accountPolicy = {
  viewOwnAccount: ((actor) => isSignedIn(actor)) as Rule,
  editOwnProfile: ((actor) => isSignedIn(actor)) as Rule,
  // A token acts in the account's name, so only a verified owner may make one.
  manageOwnApiTokens: ((actor) => isVerified(actor)) as Rule,
  resendVerification: ((actor) => isSignedIn(actor) && actor.user!.email_verified_at === null) as Rule,
};
