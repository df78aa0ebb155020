import type { Actor } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** An initiative's ledger as the rules see it: who sits on its committee. */
export interface LedgerSubject {
  committee: ReadonlyArray<{ user_id: string }>;
}

/** An entry of that ledger: its status besides. */
export interface EntrySubject extends LedgerSubject {
  status: string;
}

/** A receipt: whether its entry is published, and whether the committee made it public. */
export interface ReceiptSubject extends EntrySubject {
  isPublic: boolean;
}

const onCommittee = (userId: string, subject: LedgerSubject) => subject.committee.some((m) => m.user_id === userId);
const seesDrafts = (actor: Actor, s: LedgerSubject) => actor.user !== null && (onCommittee(actor.user.id, s) || isSecretariat(actor.user));

/** Who may do what with an initiative's funding (docs/decisions/029): one rule per action. */
export const fundingPolicy = {
  /** The published ledger, its totals, exports and API: everyone. */
  view: anyone<LedgerSubject>(),
  /** Drafts: the committee that writes them, and the secretariat. */
  seeDrafts: anyone<LedgerSubject>(seesDrafts),
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
  /** Attaching, replacing and removing a draft's receipt (the command refuses once it is published). */
  attachReceipt: signedIn<EntrySubject>((user, e) => isVerified(user) && onCommittee(user.id, e)),
  /** A public receipt of a published entry: everyone; any other, those who see the drafts. */
  openReceipt: anyone<ReceiptSubject>((actor, r) => (r.status === 'published' && r.isPublic) || seesDrafts(actor, r)),
};
