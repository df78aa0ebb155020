import type { Translate } from './i18n/index.ts';

/** Every stakeholder group a record may name (DESIGN §1); stored values are always one of these. */
export const stakeholderKeys = ['government', 'intergovernmental', 'civil_society', 'private_sector', 'technical_community', 'academia'] as const;
export type StakeholderKey = (typeof stakeholderKeys)[number];

export const capacities = ['personal', 'on_behalf'] as const;

/**
 * The groups an installation counts and offers. Stored values keep their meaning under any
 * taxonomy: a taxonomy only says which group each stored value counts as and how it is named.
 */
export interface StakeholderTaxonomy {
  name: TaxonomyName;
  /** The groups people choose from, in order. */
  groups: readonly StakeholderKey[];
  /** The group a stored value counts as (academia counts as the technical community in the IGF's five). */
  groupOf(stored: string): StakeholderKey;
  /** The catalog key naming a group. */
  labelKey(group: string): string;
}

const defaultLabel = (group: string) => `common.stakeholder.${group}`;

/** LACIGF's six groups, academia apart: the default. */
const six: StakeholderTaxonomy = {
  name: 'six',
  groups: stakeholderKeys,
  groupOf: (stored) => stored as StakeholderKey,
  labelKey: defaultLabel,
};

/** The IGF's five groups: academia is part of the technical and academic community. */
const igf: StakeholderTaxonomy = {
  name: 'igf',
  groups: stakeholderKeys.filter((g) => g !== 'academia'),
  groupOf: (stored) => (stored === 'academia' ? 'technical_community' : (stored as StakeholderKey)),
  labelKey: (group) => (group === 'technical_community' || group === 'academia' ? 'common.stakeholder.technical_and_academic' : defaultLabel(group)),
};

export const taxonomies = { six, igf } as const;
export type TaxonomyName = keyof typeof taxonomies;

/** A stored value's group, named in the reader's language. */
export function stakeholderLabel(taxonomy: StakeholderTaxonomy, t: Translate, stored: string): string {
  return t(taxonomy.labelKey(taxonomy.groupOf(stored)));
}

/** How many people (or seats) count for each group, in the taxonomy's order. */
export function countByGroup(taxonomy: StakeholderTaxonomy, stored: readonly string[]): Map<StakeholderKey, number> {
  const counts = new Map<StakeholderKey, number>(taxonomy.groups.map((g) => [g, 0]));
  for (const value of stored) {
    const group = taxonomy.groupOf(value);
    if (counts.has(group)) counts.set(group, counts.get(group)! + 1);
  }
  return counts;
}
