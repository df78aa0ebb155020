/**
 * How well a mentor's offer fits a newcomer, and why (docs/decisions/035-mentoring.md). Pure: the
 * suggestions page, the API and the tests call it with what the queries read.
 */

export interface Newcomer {
  languages: readonly string[];
  /** Its UN regional group, if it has one. */
  region: string | null;
  type: string;
  /** The toolkit steps it has still to do, in the toolkit's order. */
  openSteps: readonly string[];
}

export interface Mentor {
  languages: readonly string[];
  regions: readonly string[];
  /** The mentor initiative's own type (national, regional, subregional, youth). */
  type: string;
  /** The toolkit steps it offers help with. */
  steps: readonly string[];
}

/** One reason a suggestion is made, to be put in words by the page. */
export type Reason =
  | { kind: 'languages'; shared: string[] }
  | { kind: 'region'; region: string }
  | { kind: 'type'; type: string }
  | { kind: 'steps'; helped: string[]; open: number };

export interface Fit {
  score: number;
  reasons: Reason[];
}

/**
 * Points: a shared language matters most (without one there is no conversation), then the
 * region, then the open steps the mentor can help with (in proportion), then the same kind of
 * initiative. Each extra shared language adds a little.
 */
export const weights = { language: 4, extraLanguage: 1, region: 3, steps: 3, type: 1 } as const;

export function fitOf(newcomer: Newcomer, mentor: Mentor): Fit {
  const reasons: Reason[] = [];
  let score = 0;
  const shared = newcomer.languages.filter((l) => mentor.languages.includes(l));
  if (shared.length > 0) {
    score += weights.language + weights.extraLanguage * Math.min(shared.length - 1, 2);
    reasons.push({ kind: 'languages', shared });
  }
  if (newcomer.region && mentor.regions.includes(newcomer.region)) {
    score += weights.region;
    reasons.push({ kind: 'region', region: newcomer.region });
  }
  const helped = newcomer.openSteps.filter((s) => mentor.steps.includes(s));
  if (helped.length > 0) {
    score += (weights.steps * helped.length) / newcomer.openSteps.length;
    reasons.push({ kind: 'steps', helped, open: newcomer.openSteps.length });
  }
  if (newcomer.type === mentor.type) {
    score += weights.type;
    reasons.push({ kind: 'type', type: mentor.type });
  }
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Suggestions best first; equal fits keep the order they came in (by name). */
export function ranked<T extends { fit: Fit }>(suggestions: readonly T[]): T[] {
  return suggestions.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => b.fit.score - a.fit.score || i - j).map(([s]) => s);
}
