import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** An initiative's ledger as the rules see it: who sits on its committee. */
export interface LedgerSubject {
  committee: ReadonlyArray<{ user_id: string }>;
}

/** An entry of that ledger: its status besides. */
export interface EntrySubject extends LedgerSubject {
  status: string;
}

const onCommittee = (userId: string, subject: LedgerSubject) => subject.committee.some((m) => m.user_id === userId);

/** Who may do what with an initiative's funding (docs/decisions/029): one rule per action. */
export const fundingPolicy = {
  /** The published ledger, its totals, exports and API: everyone. */
  view: anyone<LedgerSubject>(),
  /** Drafts: the committee that writes them, and the secretariat. */
  seeDrafts: anyone<LedgerSubject>((actor, s) => actor.user !== null && (onCommittee(actor.user.id, s) || isSecretariat(actor.user))),
  /** Drafting entries, budgets and the threshold: a verified member of the committee. */
  manage: signedIn<LedgerSubject>((user, s) => isVerified(user) && onCommittee(user.id, s)),
  /**
   * Publishing, discarding and correcting an entry: the same people. Whether the entry's state
   * allows it (a draft to publish, a published one to correct) the command says, under its lock,
   * with a message saying why.
   */
  publish: signedIn<EntrySubject>((user, e) => isVerified(user) && onCommittee(user.id, e)),
  discard: signedIn<EntrySubject>((user, e) => isVerified(user) && onCommittee(user.id, e)),
  correct: signedIn<EntrySubject>((user, e) => isVerified(user) && onCommittee(user.id, e)),
};
