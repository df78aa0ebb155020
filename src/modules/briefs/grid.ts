/**
 * The grid of an Internet impact brief (docs/decisions/031): the five critical properties of the
 * Internet Way of Networking and the ten enablers of an open, globally connected, secure and
 * trustworthy Internet, as the Internet Society's Internet Impact Assessment Toolkit names them.
 * Keys are stored; names and guidance live in the catalogs (`briefs.item.<key>.*`).
 */
import { countryCodes } from '../../platform/geo/iso3166.ts';

export const properties = ['accessible_infrastructure', 'open_architecture', 'decentralised_management', 'global_identifiers', 'technology_neutral'] as const;

/** The enablers, grouped by the goal each supports (the toolkit's order). */
export const enablerGoals = {
  open: ['easy_access', 'unrestricted_use', 'collaborative_governance'],
  connected: ['unrestricted_reachability', 'available_capacity'],
  secure: ['data_confidentiality', 'integrity', 'reliability'],
  trustworthy: ['accountability', 'privacy'],
} as const;
export const enablers = Object.values(enablerGoals).flat();

export const gridItems = [...properties, ...enablers] as const;
export type GridItem = (typeof gridItems)[number];
export const isProperty = (item: string) => (properties as readonly string[]).includes(item);

/** Worst to best, then "unknown" (not a point on the scale). */
export const ratings = ['strongly_negative', 'negative', 'none', 'positive', 'strongly_positive', 'unknown'] as const;
export type Rating = (typeof ratings)[number];
/** A rating's place on the diverging scale; unknown has none. */
export const ratingScore: Record<Rating, number | null> = { strongly_negative: -2, negative: -1, none: 0, positive: 1, strongly_positive: 2, unknown: null };

export const perspectives = ['users', 'providers', 'intermediaries', 'regulators'] as const;
export type Perspective = (typeof perspectives)[number];

export const kinds = ['law', 'regulation', 'policy', 'business_decision', 'technology', 'standard', 'other'] as const;
export const stages = ['preliminary', 'full'] as const;
/** An ISO 3166-1 alpha-2 country, or a brief about a region or the whole world. */
export const jurisdictions = ['global', 'regional', ...countryCodes] as const;

export const maxReasoning = 4_000;
export const maxEvidence = 2_000;
export const maxNote = 1_000;
export const maxSummary = 4_000;
export const maxLinks = 10;

export interface GridEntry {
  rating: Rating | null;
  reasoning: string | null;
  evidence: string | null;
  /** Only the perspectives whose view differs are written down. */
  notes: Partial<Record<Perspective, string>>;
}
export type Grid = Record<GridItem, GridEntry>;

export const emptyEntry = (): GridEntry => ({ rating: null, reasoning: null, evidence: null, notes: {} });
export const emptyGrid = (): Grid => Object.fromEntries(gridItems.map((item) => [item, emptyEntry()])) as Grid;

/** A stored grid, with any item it lacks (none should) read as empty. */
export function readGrid(json: string): Grid {
  const stored = JSON.parse(json) as Partial<Grid>;
  return Object.fromEntries(gridItems.map((item) => [item, { ...emptyEntry(), ...stored[item] }])) as Grid;
}

/** The items still without a rating: publishing needs none. */
export const unrated = (grid: Grid): GridItem[] => gridItems.filter((item) => !grid[item].rating);

/** Where a comment is anchored: the summary or one grid item (no anchor: the brief as a whole). */
export const commentAnchors = ['summary', ...gridItems] as const;
export type CommentAnchor = (typeof commentAnchors)[number];
/** A reviewer's verdict on the working copy. */
export const verdicts = ['ready', 'changes'] as const;
export const maxComment = 2_000;
export const maxReview = 4_000;
