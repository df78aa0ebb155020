import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** What the rules need to know about a brief. */
export interface BriefSubject {
  /** The latest published version; 0 before the first. */
  version: number;
  authors: ReadonlyArray<{ user_id: string }>;
  created_by: string | null;
}

const writes = (userId: string, brief: BriefSubject) => brief.authors.some((a) => a.user_id === userId);

/** Who may do what with Internet impact briefs: one rule per action (docs/decisions/031). */
export const briefPolicy = {
  /** Once a version is published, everyone reads it; before, its authors and the secretariat. */
  view: anyone<BriefSubject>((actor, b) => b.version > 0 || (actor.user !== null && (writes(actor.user.id, b) || isSecretariat(actor.user)))),
  /** The working copy (what changed since the last version): its authors only. */
  seeDraft: anyone<BriefSubject>((actor, b) => actor.user !== null && (writes(actor.user.id, b) || isSecretariat(actor.user))),
  /** Anyone with a verified address may start one. */
  start: signedIn<unknown>((user) => isVerified(user)),
  /** Its authors write it, before and after publication (a change starts the next draft). */
  edit: signedIn<BriefSubject>((user, b) => writes(user.id, b)),
  /** Publishing puts their names on it: a verified author. */
  publish: signedIn<BriefSubject>((user, b) => isVerified(user) && writes(user.id, b)),
  /** The one who started it invites co-authors. */
  addAuthor: signedIn<BriefSubject>((user, b) => b.created_by === user.id && writes(user.id, b)),
  /** In search, the secretariat finds every draft. */
  findEveryDraft: signedIn<unknown>(isSecretariat),
  seeOwnBriefs: signedIn(),
};
