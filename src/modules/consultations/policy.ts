import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';
import type { Role } from './schema.ts';

/** What the rules know of a consultation (or of an initiative, for one to open: nothing published, no people). */
export interface ConsultationSubject {
  /** The number of the latest published version; 0 while nothing is published. */
  published_version: number;
  people: ReadonlyArray<{ user_id: string; role: Role }>;
  committee: ReadonlyArray<{ user_id: string; role: string }>;
}

const coordinates = (user: ActorUser, s: ConsultationSubject) => s.committee.some((m) => m.user_id === user.id && m.role === 'coordinator');
const holds = (user: ActorUser, s: ConsultationSubject, role: Role) => s.people.some((p) => p.user_id === user.id && p.role === role);
/** The initiative's coordinators speak for the committee that opened it, so they act as its chairs too. */
const chairs = (user: ActorUser, s: ConsultationSubject) => holds(user, s, 'chair') || coordinates(user, s);
const isPublished = (s: ConsultationSubject) => s.published_version > 0;
/** Whoever prepares the consultation sees it before it is published. */
const prepares = (user: ActorUser, s: ConsultationSubject) =>
  s.committee.some((m) => m.user_id === user.id) || s.people.some((p) => p.user_id === user.id) || isSecretariat(user);

/** Who may do what in a consultation (docs/decisions/034): one rule per action. */
export const consultationPolicy = {
  /** Published consultations are public; before that, its committee, its people and the secretariat see it. */
  view: anyone<ConsultationSubject>((actor, s) => isPublished(s) || (actor.user !== null && prepares(actor.user, s))),
  /** A draft version: those who prepare it. */
  viewDraft: signedIn<ConsultationSubject>((user, s) => prepares(user, s)),
  /** Opening a consultation speaks for the initiative: its coordinators. */
  open: signedIn<ConsultationSubject>((user, s) => isVerified(user) && coordinates(user, s)),
  /**
   * Opening one on an event speaks for the event's organisers: every member of the initiative's
   * committee (docs/decisions/040). Whoever opens it chairs it (the command names them).
   */
  openForEvent: signedIn<ConsultationSubject>((user, s) => isVerified(user) && s.committee.some((m) => m.user_id === user.id)),
  /** Its settings and people: its chairs. */
  configure: signedIn<ConsultationSubject>((user, s) => isVerified(user) && chairs(user, s)),
  /** Writing the next version and publishing it: the drafting group and the chairs. */
  draft: signedIn<ConsultationSubject>((user, s) => isVerified(user) && (holds(user, s, 'drafter') || chairs(user, s))),
  /** Accepting or rejecting an amendment: the drafting group. */
  decide: signedIn<ConsultationSubject>((user, s) => isVerified(user) && holds(user, s, 'drafter')),
  /** Commenting, replying, amending and endorsing: anyone with a verified account, once published (the phase is checked by the command). */
  participate: signedIn<ConsultationSubject>((user, s) => isVerified(user) && isPublished(s)),
  /** Recording the consensus call, flagging an objection as blocking, answering appeals: the consultation's chairs (docs/decisions/038). */
  call: signedIn<ConsultationSubject>((user, s) => isVerified(user) && chairs(user, s)),
  /** Following a published consultation: anyone signed in. */
  follow: signedIn<ConsultationSubject>((_, s) => isPublished(s)),
  /** In search and lists, the secretariat finds every unpublished consultation. */
  findEveryDraft: signedIn<unknown>(isSecretariat),
};
