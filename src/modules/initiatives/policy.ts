import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** What the rules need to know about an initiative: who sits on its committee, in which role. */
export interface Committee {
  committee: ReadonlyArray<{ id: string; user_id: string; role: string }>;
}

const seatOf = (user: ActorUser, initiative: Committee) => initiative.committee.find((m) => m.user_id === user.id);
const isCommitteeMember = (user: ActorUser, initiative: Committee): boolean => seatOf(user, initiative) !== undefined;
const isCoordinator = (user: ActorUser, initiative: Committee): boolean => seatOf(user, initiative)?.role === 'coordinator';

/** A seat someone is taken off: their own (leaving) or another's (removing). */
export interface SeatOnCommittee {
  initiative: Committee;
  memberId: string;
}

const isOwnSeat = (user: ActorUser, { initiative, memberId }: SeatOnCommittee) =>
  initiative.committee.some((m) => m.id === memberId && m.user_id === user.id);

/** Who may do what in the initiative registry: one rule per action. */
export const initiativePolicy = {
  view: anyone<Committee>(),
  create: signedIn(isVerified),
  edit: signedIn<Committee>((user, initiative) => isCoordinator(user, initiative) || isSecretariat(user)),
  seeCommitteeContacts: signedIn<Committee>((user, initiative) => isCommitteeMember(user, initiative) || isSecretariat(user)),
  invite: signedIn<Committee>(isCoordinator),
  /** A coordinator takes back an invitation nobody has answered yet. */
  withdrawInvitation: signedIn<{ initiative: Committee }>((user, { initiative }) => isCoordinator(user, initiative)),
  /** Anyone on the committee may leave; a coordinator may take others off. */
  removeFromCommittee: signedIn<SeatOnCommittee>((user, seat) => isOwnSeat(user, seat) || isCoordinator(user, seat.initiative)),
  leave: signedIn<Committee>(isCommitteeMember),
  removeMember: signedIn<Committee>(isCoordinator),
  acceptPrinciples: signedIn<Committee>(isCoordinator),
  requestRecognition: signedIn<Committee>(isCoordinator),
  /** An invitation binds to the address it was sent to: only that address's verified account answers it. */
  answerInvitation: signedIn<{ invitation: { email: string } }>((user, { invitation }) => isVerified(user) && user.email === invitation.email),
  seeOwnInitiatives: signedIn(),
  /** An initiative not (or no longer) in the directory is found in search by its committee and the secretariat only. */
  findUnlisted: signedIn<Committee>((user, initiative) => isCommitteeMember(user, initiative) || isSecretariat(user)),
  /** The secretariat finds every one of them. */
  findEveryUnlisted: signedIn<unknown>(isSecretariat),
  reviewRecognition: signedIn<unknown>(isSecretariat),
  /** A verified person not on its committee may say a demo entry is theirs; the secretariat decides. */
  claim: signedIn<Committee & { is_demo: number }>((user, initiative) => isVerified(user) && initiative.is_demo === 1 && !isCommitteeMember(user, initiative)),
  decideClaim: signedIn<unknown>(isSecretariat),
  delist: signedIn<unknown>(isSecretariat),
};
