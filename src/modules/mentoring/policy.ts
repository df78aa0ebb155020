import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

type Committee = ReadonlyArray<{ user_id: string; role: string }>;

/** What the rules know of an initiative: its committee. */
export interface InitiativeSubject {
  committee: Committee;
}

/** What the rules know of a mentorship: both committees, and whether both agreed to list it publicly. */
export interface MentorshipSubject {
  mentor: InitiativeSubject;
  mentee: InitiativeSubject;
  listed: boolean;
}

const sits = (user: ActorUser, s: InitiativeSubject) => s.committee.some((m) => m.user_id === user.id);
const coordinates = (user: ActorUser, s: InitiativeSubject) => s.committee.some((m) => m.user_id === user.id && m.role === 'coordinator');
const onEitherSide = (user: ActorUser, m: MentorshipSubject) => sits(user, m.mentor) || sits(user, m.mentee);

/**
 * Who may do what with mentoring (docs/decisions/035-mentoring.md). Offers with room and
 * mentorships both sides agreed to list are public; the rest belongs to the two committees and
 * the secretariat. Speaking for an initiative (offering, asking, answering, ending, consenting)
 * is its coordinators'; working together (goals, meetings) any verified member's.
 */
export const mentoringPolicy = {
  readPublic: anyone(),
  /** An initiative's mentoring page: its committee and the secretariat. */
  viewInitiative: signedIn<InitiativeSubject>((user, s) => sits(user, s) || isSecretariat(user)),
  /** Offering to mentor, pausing and withdrawing the offer. */
  offer: signedIn<InitiativeSubject>((user, s) => isVerified(user) && coordinates(user, s)),
  /** Finding a mentor, asking and withdrawing the request. */
  request: signedIn<InitiativeSubject>((user, s) => isVerified(user) && coordinates(user, s)),
  /** Accepting or declining a request offered to the initiative's offer. */
  answer: signedIn<InitiativeSubject>((user, s) => isVerified(user) && coordinates(user, s)),
  viewMentorship: anyone<MentorshipSubject>((actor, m) => m.listed || (actor.user !== null && (onEitherSide(actor.user, m) || isSecretariat(actor.user)))),
  /** Meeting notes: the two committees and the secretariat, never the public. */
  readNotes: signedIn<MentorshipSubject>((user, m) => onEitherSide(user, m) || isSecretariat(user)),
  work: signedIn<MentorshipSubject>((user, m) => isVerified(user) && onEitherSide(user, m)),
  speak: signedIn<MentorshipSubject>((user, m) => isVerified(user) && (coordinates(user, m.mentor) || coordinates(user, m.mentee))),
  /** The approval setting and approving matches. */
  administer: signedIn<unknown>(isSecretariat),
};

/** Which side a person speaks for (the mentor's, when they sit on both committees). */
export function sideOf(user: ActorUser, m: MentorshipSubject): 'mentor' | 'mentee' {
  return sits(user, m.mentor) ? 'mentor' : 'mentee';
}

