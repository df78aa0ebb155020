import type { ActorUser } from '../../../platform/auth/identity.ts';
import { anyone, isVerified, signedIn } from '../../../platform/policy.ts';
import type { ConsultationSubject } from '../policy.ts';

const holds = (user: ActorUser, s: ConsultationSubject, role: string) => s.people.some((p) => p.user_id === user.id && p.role === role);
/** As in the consultation's rules: its chairs, and the initiative's coordinators, who speak for the committee that opened it. */
const chairs = (user: ActorUser, s: ConsultationSubject) => holds(user, s, 'chair') || s.committee.some((m) => m.user_id === user.id && m.role === 'coordinator');
type Published = Pick<ConsultationSubject, 'published_version'>;
const isPublished = (s: Published) => s.published_version > 0;

/** Who may do what on a consultation's opinion map (docs/decisions/039). */
export const opinionPolicy = {
  /** The map and the statements are public once the consultation is. */
  view: anyone<Published>((_, s) => isPublished(s)),
  /** Proposing statements and voting: anyone with a confirmed address (the phase is checked by the command). */
  takePart: signedIn<Published>((user, s) => isVerified(user) && isPublished(s)),
  /** Approving or withdrawing statements: the consultation's moderators and its chairs. */
  moderate: signedIn<ConsultationSubject>((user, s) => isVerified(user) && (holds(user, s, 'moderator') || chairs(user, s))),
  /** Recomputing the map now, and exporting the votes with participants' groups: its chairs. */
  recompute: signedIn<ConsultationSubject>((user, s) => isVerified(user) && chairs(user, s)),
};
