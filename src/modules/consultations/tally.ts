/**
 * The tally of positions (docs/decisions/038): per stakeholder group, each group weighing the
 * same, with the warnings a chair must read before judging. It informs; it never decides: nothing
 * here (nor any page) turns counts into an outcome.
 */
import type { StakeholderKey, StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { stances, type Stance } from './consensusSchema.ts';

export interface GroupTally {
  group: StakeholderKey;
  people: number;
  counts: Record<Stance, number>;
  /** Each stance's share of the group's people, 0–1 (0 when the group is absent). */
  shares: Record<Stance, number>;
}

export type Warning =
  | { key: 'absent'; groups: StakeholderKey[] }
  | { key: 'few'; groups: StakeholderKey[]; minimum: number }
  | { key: 'concentrated'; group: StakeholderKey; objections: number; total: number }
  | { key: 'outnumbering'; group: StakeholderKey; people: number; total: number };

export interface Tally {
  total: number;
  groups: GroupTally[];
  /** The mean of the present groups' shares: every group counts once, however many people it brought. */
  equalWeight: Record<Stance, number>;
  warnings: Warning[];
}

const zero = (): Record<Stance, number> => ({ support: 0, live_with: 0, object: 0 });

/** Tallies one target's positions (each with the group its author declared when taking it). */
export function tally(taxonomy: StakeholderTaxonomy, positions: ReadonlyArray<{ stance: string; stakeholder_group: string }>, minimum: number): Tally {
  const groups = new Map<StakeholderKey, GroupTally>(taxonomy.groups.map((g) => [g, { group: g, people: 0, counts: zero(), shares: zero() }]));
  for (const p of positions) {
    const entry = groups.get(taxonomy.groupOf(p.stakeholder_group));
    if (!entry || !(stances as readonly string[]).includes(p.stance)) continue;
    entry.people += 1;
    entry.counts[p.stance as Stance] += 1;
  }
  const all = [...groups.values()];
  for (const g of all) for (const s of stances) g.shares[s] = g.people ? g.counts[s] / g.people : 0;
  const present = all.filter((g) => g.people > 0);
  const equalWeight = zero();
  for (const s of stances) equalWeight[s] = present.length ? present.reduce((sum, g) => sum + g.shares[s], 0) / present.length : 0;
  const total = present.reduce((n, g) => n + g.people, 0);
  return { total, groups: all, equalWeight, warnings: warningsOf(all, total, minimum) };
}

function warningsOf(groups: GroupTally[], total: number, minimum: number): Warning[] {
  const warnings: Warning[] = [];
  const absent = groups.filter((g) => g.people === 0).map((g) => g.group);
  if (absent.length) warnings.push({ key: 'absent', groups: absent });
  const few = groups.filter((g) => g.people > 0 && g.people < minimum).map((g) => g.group);
  if (few.length) warnings.push({ key: 'few', groups: few, minimum });
  // Objections mostly from one group: at least two, and more than half of them.
  const objections = groups.reduce((n, g) => n + g.counts.object, 0);
  const mostObjecting = [...groups].sort((a, b) => b.counts.object - a.counts.object)[0];
  if (mostObjecting && objections >= 2 && mostObjecting.counts.object * 2 > objections) {
    warnings.push({ key: 'concentrated', group: mostObjecting.group, objections: mostObjecting.counts.object, total: objections });
  }
  // One group with more than half of everyone who took a position.
  const largest = [...groups].sort((a, b) => b.people - a.people)[0];
  if (largest && total >= 2 && largest.people * 2 > total) warnings.push({ key: 'outnumbering', group: largest.group, people: largest.people, total });
  return warnings;
}
