import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** What the rules need of an initiative: who sits on its committee. */
export interface ToolkitSubject {
  committee: ReadonlyArray<{ user_id: string }>;
  /** The coordinators of the initiatives actively mentoring it (read through mentoring's index), when loaded. */
  mentors?: readonly string[];
}

const onCommittee = (user: ActorUser, s: ToolkitSubject) => s.committee.some((m) => m.user_id === user.id);

/**
 * Who may do what with the toolkit (docs/decisions/032-toolkit.md). An initiative's progress is
 * its committee's working document: the committee and the secretariat see it, the public does
 * not (what is done shows anyway where it matters: events, reports, the registry). Its active
 * mentor's coordinators see it too (docs/decisions/035-mentoring.md).
 */
export const toolkitPolicy = {
  /** The guidance itself is for everyone, before registering too. */
  readGuidance: anyone(),
  viewProgress: signedIn<ToolkitSubject>((user, s) => onCommittee(user, s) || isSecretariat(user) || (s.mentors?.includes(user.id) ?? false)),
  /** Ticking and unticking a manual step speaks for the committee: a verified member. */
  tick: signedIn<ToolkitSubject>((user, s) => isVerified(user) && onCommittee(user, s)),
  /** Where initiatives get stuck, across all of them. */
  seeWhereStuck: signedIn<unknown>(isSecretariat),
  /** Offering a stuck committee help: the secretariat. */
  offerHelp: signedIn<unknown>(isSecretariat),
};
