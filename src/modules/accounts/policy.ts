import { anyone, isVerified, signedIn } from '../../platform/policy.ts';

/** Who may do what with accounts. */
export const accountPolicy = {
  /** Sign up, log in, ask for a reset: open to anyone. */
  useAccountForms: anyone(),
  viewOwnAccount: signedIn(),
  editOwnProfile: signedIn(),
  // A token acts in the account's name, so only a verified owner may make one.
  manageOwnApiTokens: signedIn(isVerified),
  resendVerification: signedIn((user) => !isVerified(user)),
};
