import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** What the rules know of an initiative's plan (or of the initiative, for a plan to start: status 'none'). */
export interface PlanSubject {
  status: string;
  committee: ReadonlyArray<{ user_id: string; role: string }>;
}

const sits = (user: ActorUser, s: PlanSubject) => s.committee.some((m) => m.user_id === user.id);
const coordinates = (user: ActorUser, s: PlanSubject) => s.committee.some((m) => m.user_id === user.id && m.role === 'coordinator');

/** Who may do what with action plans (docs/decisions/030): one rule per action. */
export const planPolicy = {
  /** Adopted plans are public; drafts are for the initiative's committee and the secretariat. */
  view: anyone<PlanSubject>((actor, p) => p.status === 'adopted' || (actor.user !== null && (sits(actor.user, p) || isSecretariat(actor.user)))),
  /** The committee writes plans, adds items and reports progress. */
  write: signedIn<PlanSubject>((user, p) => isVerified(user) && sits(user, p)),
  /** Adopting speaks for the initiative: its coordinators, once. */
  adopt: signedIn<PlanSubject>((user, p) => p.status === 'draft' && isVerified(user) && coordinates(user, p)),
  /** An item's status: the committee (after adoption each change is in the public log). */
  changeStatus: signedIn<PlanSubject>((user, p) => isVerified(user) && sits(user, p)),
  /** In search, the secretariat finds every draft (as `view` lets it open them). */
  findEveryDraft: signedIn<unknown>(isSecretariat),
};
