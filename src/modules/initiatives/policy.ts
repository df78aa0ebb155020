import type { Actor } from '../../platform/http/env.ts';
import type { Rule } from '../../platform/policy.ts';
import { isSecretariat, isSignedIn, isVerified } from '../../platform/policy.ts';

/** What the rules need to know about an initiative: who sits on its committee, in which role. */
export interface Committee {
  committee: ReadonlyArray<{ user_id: string; role: string }>;
}

function seatOf(actor: Actor, initiative: Committee) {
  return actor.user ? initiative.committee.find((m) => m.user_id === actor.user!.id) : undefined;
}

export const isCommitteeMember = (actor: Actor, initiative: Committee): boolean => seatOf(actor, initiative) !== undefined;
export const isCoordinator = (actor: Actor, initiative: Committee): boolean => seatOf(actor, initiative)?.role === 'coordinator';

/** Who may do what in the initiative registry: one rule per action. */
export const initiativePolicy = {
  create: ((actor) => isVerified(actor)) as Rule,
  edit: ((actor, initiative) => isCoordinator(actor, initiative) || isSecretariat(actor)) as Rule<Committee>,
  seeCommitteeContacts: ((actor, initiative) => isCommitteeMember(actor, initiative) || isSecretariat(actor)) as Rule<Committee>,
  invite: ((actor, initiative) => isCoordinator(actor, initiative)) as Rule<Committee>,
  removeMember: ((actor, initiative) => isCoordinator(actor, initiative)) as Rule<Committee>,
  leave: ((actor, initiative) => isCommitteeMember(actor, initiative)) as Rule<Committee>,
  acceptPrinciples: ((actor, initiative) => isCoordinator(actor, initiative)) as Rule<Committee>,
  requestRecognition: ((actor, initiative) => isCoordinator(actor, initiative)) as Rule<Committee>,
  answerInvitation: ((actor) => isSignedIn(actor)) as Rule,
  seeOwnInitiatives: ((actor) => isSignedIn(actor)) as Rule,
  reviewRecognition: ((actor) => isSecretariat(actor)) as Rule,
  delist: ((actor) => isSecretariat(actor)) as Rule,
};
