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

export interface BriefsTables {
  briefs: BriefsTable;
  brief_authors: BriefAuthorsTable;
  brief_versions: BriefVersionsTable;
  brief_listing: BriefListingTable;
  brief_ratings: BriefRatingsTable;
}

export const briefsTables = ['briefs', 'brief_authors', 'brief_versions', 'brief_listing', 'brief_ratings'] as const satisfies ReadonlyArray<keyof BriefsTables>;

export const briefsDb = (db: Db) => tablesOf<BriefsTables>(db);
