/** The published ledger as exports and the API give it: amounts as integer minor units with their currency's exponent. */
import type { StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { exponentOf } from './currencies.ts';
import { toDecimal } from './money.ts';
import { budgetLines, counts, totalsOf, warningsOf, type BudgetLine, type EventRef, type LedgerEntry } from './totals.ts';

export interface PublishedLedger {
  initiative: { slug: string; name: string };
  entries: LedgerEntry[];
  budgets: Array<{ event: EventRef; currency: string; amount: number }>;
  maxShare: number;
}

const money = (amount: number, currency: string) => ({ amount_minor: amount, currency, exponent: exponentOf(currency), amount: toDecimal(amount, currency) });

export function presentEntry(e: LedgerEntry, baseUrl: string, slug: string) {
  return {
    id: e.id, kind: e.kind, occurred_on: e.occurred_on, ...money(e.amount, e.currency),
    sponsor: e.sponsor, stakeholder_group: e.stakeholder_group, support: e.support, conditions: e.conditions,
    category: e.category, event: e.event ? { slug: e.event.slug, title: e.event.title } : null, description: e.description,
    corrects: e.corrects_id, corrected_by: e.corrected_by, counted: counts(e), published_at: e.published_at,
    url: `${baseUrl}/initiatives/${slug}/funding#entry-${e.id}`,
    // A private receipt is announced by its hash (the log covers it), never by its address.
    receipt: e.receipt && {
      media_type: e.receipt.media_type, bytes: e.receipt.bytes, sha256: e.receipt.sha256,
      url: e.receipt.is_public ? `${baseUrl}/initiatives/${slug}/funding/entries/${e.id}/receipt` : null,
    },
  };
}

/** The whole public ledger: entries, totals per currency, the warnings and budgets against actual spending. */
export function presentLedger(ledger: PublishedLedger, taxonomy: StakeholderTaxonomy, baseUrl: string) {
  const entries = ledger.entries.filter((e) => e.status === 'published');
  const totals = totalsOf(entries, taxonomy);
  return {
    initiative: ledger.initiative,
    max_share: ledger.maxShare,
    entries: entries.map((e) => presentEntry(e, baseUrl, ledger.initiative.slug)),
    totals: totals.map((t) => ({
      currency: t.currency, exponent: exponentOf(t.currency), income_minor: t.income, expenses_minor: t.expenses,
      by_group: t.groups.map((g) => ({ group: g.group, amount_minor: g.amount })),
      by_sponsor: t.sponsors.map((s) => ({ sponsor: s.name, amount_minor: s.amount })),
      by_category: t.categories.map((c) => ({ category: c.category, amount_minor: c.amount })),
    })),
    warnings: warningsOf(totals, ledger.maxShare).map((w) => ({ by: w.by, name: w.name, currency: w.currency, amount_minor: w.amount, total_minor: w.total })),
    budgets: budgetLines(entries, ledger.budgets).map((b: BudgetLine) => ({ event: { slug: b.event.slug, title: b.event.title }, currency: b.currency, planned_minor: b.planned, actual_minor: b.actual })),
  };
}

export const csvHeader = ['id', 'kind', 'occurred_on', 'currency', 'amount_minor', 'amount', 'sponsor', 'stakeholder_group', 'support', 'conditions', 'category', 'event', 'description', 'corrects', 'corrected_by', 'counted', 'published_at', 'receipt_sha256'];

export const csvRow = (e: ReturnType<typeof presentEntry>) => [
  e.id, e.kind, e.occurred_on, e.currency, e.amount_minor, e.amount, e.sponsor, e.stakeholder_group, e.support, e.conditions, e.category, e.event?.slug ?? null,
  e.description, e.corrects, e.corrected_by, e.counted ? 'yes' : 'no', e.published_at, e.receipt?.sha256 ?? null,
];
