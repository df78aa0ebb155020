import { stakeholderKeys, type StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import type { ReportContent } from '../content.ts';

/**
 * The stakeholder groups a published report names, as bits of one integer (`report_archive.
 * stakeholder_groups`): bit n is `stakeholderKeys[n]`, a stored value whose meaning never changes,
 * so a new group would take the next bit and no row would need rewriting.
 */
const bitOf = (stored: string) => {
  const index = (stakeholderKeys as readonly string[]).indexOf(stored);
  return index < 0 ? 0 : 1 << index;
};

/** The groups of its participants and of its counts (a group counted as zero is not present). */
export function groupBits(content: ReportContent): number {
  let bits = 0;
  for (const p of content.participants) if (p.stakeholder_group) bits |= bitOf(p.stakeholder_group);
  for (const presence of Object.values(content.participation)) for (const [g, n] of Object.entries(presence.groups)) if (n > 0) bits |= bitOf(g);
  return bits;
}

/** The stored groups the bits say, in the platform's order. */
export const groupsOfBits = (bits: number): string[] => stakeholderKeys.filter((_, i) => (bits & (1 << i)) !== 0);

/** The bits of every stored value the taxonomy counts as this group (under `igf`, technical community and academia). */
export const bitsCountedAs = (taxonomy: StakeholderTaxonomy, group: string): number =>
  stakeholderKeys.filter((key) => taxonomy.groupOf(key) === taxonomy.groupOf(group)).reduce((bits, key) => bits | bitOf(key), 0);
