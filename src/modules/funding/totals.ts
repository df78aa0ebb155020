/**
 * The ledger's arithmetic (docs/decisions/029): what counts, totals per currency (never summed
 * across currencies), shares by sponsor and stakeholder group, the warnings, and budgets against
 * what was spent. Pure functions over the entries read once: a ledger is a few hundred lines.
 */
import type { StakeholderKey, StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import type { ReceiptInfo } from './receipts.ts';

export interface EventRef {
  id: string;
  slug: string;
  title: string;
}

export interface LedgerEntry {
  id: string;
  kind: 'income' | 'expense';
  status: 'draft' | 'published';
  corrects_id: string | null;
  /** The published correction of this entry, if any: it then no longer counts. */
  corrected_by: string | null;
  sponsor: string | null;
  stakeholder_group: string | null;
  support: string | null;
  conditions: string | null;
  category: string | null;
  event: EventRef | null;
  description: string | null;
  amount: number;
  currency: string;
  occurred_on: string;
  published_at: string | null;
  /** Its receipt, if one is attached (what it is, never its bytes). */
  receipt: ReceiptInfo | null;
}

export interface CurrencyTotals {
  currency: string;
  income: number;
  expenses: number;
  /** Income by the group the taxonomy counts each sponsor's group as, in the taxonomy's order (groups with none included). */
  groups: Array<{ group: StakeholderKey; amount: number }>;
  /** Income by sponsor, largest first. */
  sponsors: Array<{ name: string; amount: number }>;
  /** Expenses by category, largest first. */
  categories: Array<{ category: string; amount: number }>;
}

export interface ShareWarning {
  by: 'sponsor' | 'group';
  /** The sponsor's name, or the group's key. */
  name: string;
  currency: string;
  amount: number;
  total: number;
}

export interface BudgetLine {
  event: EventRef;
  currency: string;
  planned: number | null;
  actual: number;
}

/** A published entry counts unless a published correction replaced it (the correction counts instead). */
export const counts = (e: LedgerEntry) => e.status === 'published' && e.corrected_by === null;

/** Sponsors written "Colnodo" and "COLNODO " are one sponsor. */
const sponsorKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');

function add<K>(map: Map<K, number>, key: K, amount: number) {
  map.set(key, (map.get(key) ?? 0) + amount);
}

const largestFirst = <T extends { amount: number }>(rows: T[]) => rows.sort((a, b) => b.amount - a.amount);

/** Totals per currency, in the order currencies first appear in the ledger's income, then expenses. */
export function totalsOf(entries: readonly LedgerEntry[], taxonomy: StakeholderTaxonomy): CurrencyTotals[] {
  const counted = entries.filter(counts);
  const currencies = [...new Set([...counted.filter((e) => e.kind === 'income'), ...counted.filter((e) => e.kind === 'expense')].map((e) => e.currency))];
  return currencies.map((currency) => {
    const inCurrency = counted.filter((e) => e.currency === currency);
    const groups = new Map<StakeholderKey, number>(taxonomy.groups.map((g) => [g, 0]));
    const sponsors = new Map<string, { name: string; amount: number }>();
    const categories = new Map<string, number>();
    let income = 0;
    let expenses = 0;
    for (const e of inCurrency) {
      if (e.kind === 'income') {
        income += e.amount;
        add(groups, taxonomy.groupOf(e.stakeholder_group ?? ''), e.amount);
        const key = sponsorKey(e.sponsor ?? '');
        const sponsor = sponsors.get(key) ?? { name: e.sponsor ?? '', amount: 0 };
        sponsors.set(key, { ...sponsor, amount: sponsor.amount + e.amount });
      } else {
        expenses += e.amount;
        add(categories, e.category ?? 'other', e.amount);
      }
    }
    return {
      currency, income, expenses,
      groups: [...groups].map(([group, amount]) => ({ group, amount })),
      sponsors: largestFirst([...sponsors.values()]),
      categories: largestFirst([...categories].map(([category, amount]) => ({ category, amount }))),
    };
  });
}

/**
 * One sponsor or one group giving more than `maxShare` percent of a currency's income. Compared
 * in integers (amount × 100 > share × total), so 50 % of an odd total is never rounded into a warning.
 */
export function warningsOf(totals: readonly CurrencyTotals[], maxShare: number): ShareWarning[] {
  const above = (amount: number, total: number) => total > 0 && amount * 100 > maxShare * total;
  return totals.flatMap((t) => [
    ...t.sponsors.filter((s) => above(s.amount, t.income)).map((s) => ({ by: 'sponsor' as const, name: s.name, currency: t.currency, amount: s.amount, total: t.income })),
    ...t.groups.filter((g) => above(g.amount, t.income)).map((g) => ({ by: 'group' as const, name: g.group, currency: t.currency, amount: g.amount, total: t.income })),
  ]);
}

/** Each event's budget per currency against what was spent on it in that currency; spending without a budget shows too. */
export function budgetLines(entries: readonly LedgerEntry[], budgets: ReadonlyArray<{ event: EventRef; currency: string; amount: number }>): BudgetLine[] {
  const lines = new Map<string, BudgetLine>();
  const keyOf = (eventId: string, currency: string) => `${eventId} ${currency}`;
  for (const b of budgets) lines.set(keyOf(b.event.id, b.currency), { event: b.event, currency: b.currency, planned: b.amount, actual: 0 });
  for (const e of entries.filter(counts)) {
    if (e.kind !== 'expense' || !e.event) continue;
    const key = keyOf(e.event.id, e.currency);
    const line = lines.get(key) ?? { event: e.event, currency: e.currency, planned: null, actual: 0 };
    lines.set(key, { ...line, actual: line.actual + e.amount });
  }
  return [...lines.values()];
}
