import { tablesOf, type Db } from '../../platform/db/index.ts';

/** An Internet impact brief's working copy (docs/decisions/031). */
export interface BriefsTable {
  id: string;
  title: string;
  /** One of `kinds` (grid.ts). */
  kind: string;
  /** ISO 3166-1 alpha-2, `regional` or `global`. */
  jurisdiction: string;
  summary: string | null;
  /** JSON array of web addresses. */
  links: string;
  /** preliminary or full. */
  stage: string;
  /** draft (never published, or changed since the last version) or published (as the last version says). */
  status: string;
  /** Canonical JSON of the `Grid`. */
  grid: string;
  /** The language it is written in. */
  language: string;
  /** The latest published version; 0 before the first. */
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Who writes it: the one who started it, and the co-authors they added. */
export interface BriefAuthorsTable {
  brief_id: string;
  user_id: string;
  added_by: string | null;
  added_at: string;
}

/** Each published version, as the transparency log's hash covers it; never updated. */
export interface BriefVersionsTable {
  id: string;
  brief_id: string;
  version: number;
  /** Canonical JSON of the `BriefSnapshot`. */
  snapshot: string;
  snapshot_sha256: string;
  published_by: string | null;
  published_at: string;
  /** Its entry in the transparency log (null only if it could not be found when this column was added). */
  log_index: number | null;
}

/** A published brief as `/briefs` lists it (its latest version); drafts have no row. */
export interface BriefListingTable {
  brief_id: string;
  title: string;
  kind: string;
  jurisdiction: string;
  stage: string;
  language: string;
  version: number;
  /** When version 1 was published, and the latest. */
  published_at: string;
  updated_at: string;
}

/** The latest version's rating of each item, so the list filters by rating without reading JSON. */
export interface BriefRatingsTable {
  brief_id: string;
  item: string;
  rating: string;
}

/** A remark on the working copy by an author or a reviewer, about the whole brief, its summary or one grid item. */
export interface BriefCommentsTable {
  id: string;
  brief_id: string;
  /** The comment it answers (replies are one level deep: always a thread's first comment). */
  parent_id: string | null;
  /** `summary`, a grid item, or null for the brief as a whole; a reply has its thread's. */
  anchor: string | null;
  author_id: string | null;
  body: string;
  /** 1, 2, 3… within the brief, in the order written (taken under the brief's lock). */
  seq: number;
  created_at: string;
}

/** Someone the authors asked for a peer review. */
export interface BriefReviewersTable {
  brief_id: string;
  user_id: string;
  requested_by: string | null;
  requested_at: string;
}

/** A reviewer's verdict on the working copy as it was when they submitted it. */
export interface BriefReviewsTable {
  id: string;
  brief_id: string;
  reviewer_id: string | null;
  /** ready or changes (`verdicts`). */
  verdict: string;
  body: string;
  /** The version the reviewed working copy would become. */
  next_version: number;
  /** 1, 2, 3… within the brief, in the order submitted (taken under the brief's lock). */
  seq: number;
  /** SHA-256 of the working copy as reviewed (`workingCopyHash`): once it differs, the review read an older text. */
  draft_sha256: string;
  submitted_at: string;
}

/** A published brief set beside a consultation's text. */
export interface BriefConsultationsTable {
  brief_id: string;
  consultation_id: string;
  attached_by: string | null;
  attached_at: string;
}

export interface BriefsTables {
  briefs: BriefsTable;
  brief_authors: BriefAuthorsTable;
  brief_versions: BriefVersionsTable;
  brief_listing: BriefListingTable;
  brief_ratings: BriefRatingsTable;
  brief_comments: BriefCommentsTable;
  brief_reviewers: BriefReviewersTable;
  brief_reviews: BriefReviewsTable;
  brief_consultations: BriefConsultationsTable;
}

export const briefsTables = ['briefs', 'brief_authors', 'brief_versions', 'brief_listing', 'brief_ratings', 'brief_comments', 'brief_reviewers', 'brief_reviews', 'brief_consultations'] as const satisfies ReadonlyArray<keyof BriefsTables>;

export const briefsDb = (db: Db) => tablesOf<BriefsTables>(db);
