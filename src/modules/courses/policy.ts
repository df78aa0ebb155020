import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** Who publishes a course: an initiative's committee, or (no initiative) the secretariat. */
export interface Publisher {
  committee: ReadonlyArray<{ user_id: string }> | null;
}

/** Who may do what with courses: one rule per action (docs/decisions/033). */
export const coursePolicy = {
  /** Courses, their lessons, their downloads and every certificate are public. */
  view: anyone(),
  /** Publishing: a verified account; the command then checks the named publisher with `publishFor`. */
  publish: signedIn((user) => isVerified(user)),
  /** For the secretariat, its members; for an initiative, its committee. */
  publishFor: signedIn<Publisher>((user, p) => isVerified(user) && (p.committee === null ? isSecretariat(user) : p.committee.some((m) => m.user_id === user.id))),
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
