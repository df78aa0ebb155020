/**
 * Participation statistics as counts (docs/decisions/021-events-floor-and-statistics.md): pure
 * functions, no database. Only counts leave here, never a person; a count from 1 to 4 is hidden
 * (shown as "<5"), and when a breakdown would hide a single cell, which its total and the other
 * cells would give away, the next smallest cell is hidden too.
 */
import { regionalGroupOf, type RegionalGroup } from '../../../platform/geo/unRegionalGroups.ts';
import { normaliseText } from '../domain/people.ts';

/** Counts below this (and above zero) are not shown. */
export const smallCell = 5;

export interface Counted {
  stakeholder_group: string | null;
  presence: string | null;
  /** Self-described, free text; blank is unknown. */
  gender?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
}

export interface Cell {
  key: string;
  count: number;
  /** A count from 1 to 4, or the cell hidden to keep another from being worked out. */
  hidden: boolean;
}

export interface Breakdown {
  total: Cell;
  cells: Cell[];
}

export const genderKeys = ['woman', 'man', 'another', 'unknown'] as const;
export const regionKeys: ReadonlyArray<RegionalGroup | 'unknown'> = ['africa', 'asia_pacific', 'eastern_europe', 'latin_america_caribbean', 'western_europe_others', 'unknown'];
export const presenceKeys = ['onsite', 'online', 'unknown'] as const;

/** Words people write for their gender in the platform's four languages (folded: lower case, no accents). */
const women = new Set(['woman', 'women', 'female', 'f', 'mujer', 'femenino', 'femenina', 'mulher', 'feminino', 'feminina', 'femme', 'feminin', 'feminine', 'cis woman', 'trans woman', 'mujer trans', 'femme trans']);
const men = new Set(['man', 'men', 'male', 'm', 'hombre', 'varon', 'masculino', 'masculina', 'homem', 'homme', 'masculin', 'cis man', 'trans man', 'hombre trans', 'homme trans']);

/**
 * A self-described gender as a count's category: the common words for woman and man in the four
 * languages, any other stated description as "another" (never shown as typed: it could name the
 * person), and blank as unknown — counted apart, not guessed.
 */
export function genderCategory(described: string | null | undefined): (typeof genderKeys)[number] {
  const folded = normaliseText(described);
  if (folded === '') return 'unknown';
  if (women.has(folded)) return 'woman';
  if (men.has(folded)) return 'man';
  return 'another';
}

export function regionCategory(country: string | null | undefined): RegionalGroup | 'unknown' {
  return (country && regionalGroupOf(country)) || 'unknown';
}

const isSmall = (n: number) => n > 0 && n < smallCell;

/** Counts by the keys given (in their order), with the small cells hidden. */
export function breakdown(keys: readonly string[], values: ReadonlyArray<string>): Breakdown {
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const cells: Cell[] = [...counts].map(([key, count]) => ({ key, count, hidden: isSmall(count) }));
  // One hidden cell would follow from the total and the others: hide the next smallest too.
  if (cells.filter((c) => c.hidden).length === 1) {
    const next = cells.filter((c) => !c.hidden && c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (next) next.hidden = true;
  }
  return { total: { key: 'total', count: values.length, hidden: isSmall(values.length) }, cells };
}

export interface GroupStatistics {
  total: Cell;
  by: Record<string, Cell[]>;
}

/** A group of people (registrations, speakers, those who took the floor) broken down every way asked. */
export function statisticsOf(people: readonly Counted[], groups: readonly string[], dimensions: ReadonlyArray<'stakeholder_group' | 'gender' | 'region' | 'presence'>): GroupStatistics {
  const by: Record<string, Cell[]> = {};
  let total: Cell = { key: 'total', count: people.length, hidden: isSmall(people.length) };
  for (const dimension of dimensions) {
    const [keys, values] = (() => {
      switch (dimension) {
        case 'stakeholder_group': return [[...groups, 'unknown'], people.map((p) => (p.stakeholder_group && groups.includes(p.stakeholder_group) ? p.stakeholder_group : 'unknown'))];
        case 'gender': return [genderKeys, people.map((p) => genderCategory(p.gender))];
        case 'region': return [regionKeys, people.map((p) => regionCategory(p.country))];
        case 'presence': return [presenceKeys, people.map((p) => (p.presence === 'onsite' || p.presence === 'online' ? p.presence : 'unknown'))];
      }
    })() as [readonly string[], string[]];
    const counted = breakdown(keys, values);
    by[dimension] = counted.cells;
    total = counted.total;
  }
  return { total, by };
}
