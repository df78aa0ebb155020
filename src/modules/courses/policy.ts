import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** Who publishes a course: an initiative's committee, or (no initiative) the secretariat. */
export interface Publisher {
  committee: ReadonlyArray<{ user_id: string }> | null;
}

/** A course as the rules need it: its state, and who publishes it. */
export interface CourseState extends Publisher {
  status: 'draft' | 'published' | 'withdrawn';
}

/** The publisher's own people: the secretariat's members, or the initiative's committee. */
const publishesFor = (user: ActorUser, p: Publisher) => (p.committee === null ? isSecretariat(user) : p.committee.some((m) => m.user_id === user.id));

/** Who may do what with courses: one rule per action (docs/decisions/033, 037). */
export const coursePolicy = {
  /** The catalogue and every certificate are public. */
  view: anyone(),
  /** A published course, its lessons and its download are public; a draft or a withdrawn course only its editors see. */
  viewCourse: anyone<CourseState>((actor, course) => course.status === 'published' || (actor.user !== null && isVerified(actor.user) && publishesFor(actor.user, course))),
  /** Writing courses in the browser: a verified account (the form offers the publishers it may write for). */
  author: signedIn((user) => isVerified(user)),
  /** Editing, publishing and withdrawing a course: its publisher's people (docs/decisions/037). */
  edit: signedIn<Publisher>((user, p) => isVerified(user) && publishesFor(user, p)),
  /** Publishing: a verified account; the command then checks the named publisher with `publishFor`. */
  publish: signedIn((user) => isVerified(user)),
  /** For the secretariat, its members; for an initiative, its committee. */
  publishFor: signedIn<Publisher>((user, p) => isVerified(user) && publishesFor(user, p)),
  /** Anyone may answer a quiz and see the explanations; only a signed-in learner's answers are kept. */
  answer: anyone(),
  /** Progress and certificates belong to a signed-in learner. */
  learn: signedIn(),
  claimCertificate: signedIn(),
  /** Uploading images for lessons: a verified account (they stay private until a course it publishes uses them). */
  uploadImages: signedIn((user) => isVerified(user)),
  /** An image is public once a course uses it; before, only its uploader sees it. */
  viewImage: anyone<{ course_id: string | null; uploaded_by: string | null }>((actor, image) => image.course_id !== null || (actor.user !== null && actor.user.id === image.uploaded_by)),
};
