import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** What the rules need to know about a brief. */
export interface BriefSubject {
  /** The latest published version; 0 before the first. */
  version: number;
  authors: ReadonlyArray<{ user_id: string }>;
  /** Those the authors asked for a peer review (docs/decisions/036). */
  reviewers: ReadonlyArray<{ user_id: string }>;
  created_by: string | null;
}

const writes = (userId: string, brief: BriefSubject) => brief.authors.some((a) => a.user_id === userId);
const reviews = (userId: string, brief: BriefSubject) => brief.reviewers.some((r) => r.user_id === userId);
/** Those who work on the working copy: its authors and the reviewers they asked. */
const worksOn = (userId: string, brief: BriefSubject) => writes(userId, brief) || reviews(userId, brief);

/** Who may do what with Internet impact briefs: one rule per action (docs/decisions/031). */
export const briefPolicy = {
  /** Once a version is published, everyone reads it; before, its authors, its reviewers and the secretariat. */
  view: anyone<BriefSubject>((actor, b) => b.version > 0 || (actor.user !== null && (worksOn(actor.user.id, b) || isSecretariat(actor.user)))),
  /** The working copy (what changed since the last version), its comments and reviews: its authors, its reviewers and the secretariat. */
  seeDraft: anyone<BriefSubject>((actor, b) => actor.user !== null && (worksOn(actor.user.id, b) || isSecretariat(actor.user))),
  /** Anyone with a verified address may start one. */
  start: signedIn<unknown>((user) => isVerified(user)),
  /** Its authors write it, before and after publication (a change starts the next draft). */
  edit: signedIn<BriefSubject>((user, b) => writes(user.id, b)),
  /** Publishing puts their names on it: a verified author. */
  publish: signedIn<BriefSubject>((user, b) => isVerified(user) && writes(user.id, b)),
  /** The one who started it invites co-authors. */
  addAuthor: signedIn<BriefSubject>((user, b) => b.created_by === user.id && writes(user.id, b)),
  /** Authors and reviewers discuss the working copy (a verified address: their words go to others' mailboxes). */
  comment: signedIn<BriefSubject>((user, b) => isVerified(user) && worksOn(user.id, b)),
  /** Any author may ask someone for a peer review. */
  requestReview: signedIn<BriefSubject>((user, b) => isVerified(user) && writes(user.id, b)),
  /** Only those asked review, and never their own brief (an author cannot be asked). */
  review: signedIn<BriefSubject>((user, b) => isVerified(user) && reviews(user.id, b) && !writes(user.id, b)),
  /** Setting a published brief beside a consultation's text speaks for its authors. */
  attach: signedIn<BriefSubject>((user, b) => isVerified(user) && writes(user.id, b)),
  /** In search, the secretariat finds every draft. */
  findEveryDraft: signedIn<unknown>(isSecretariat),
  seeOwnBriefs: signedIn(),
};
