import { tablesOf, type Db } from '../../platform/db/index.ts';

/**
 * One line of an initiative's public ledger (docs/decisions/029-funding.md): income from a sponsor
 * or an expense. A draft is the committee's own; once published it is never updated again, and a
 * mistake is put right by a new entry that names it in `corrects_id`.
 */
export interface FundingEntriesTable {
  id: string;
  initiative_id: string;
  /** income or expense. */
  kind: string;
  /** draft or published. */
  status: string;
  /** The published entry of the same initiative and kind this one corrects. */
  corrects_id: string | null;
  /** Income: who gave it, their stakeholder group (one of the six stored keys), cash or in_kind, and on what conditions. */
  sponsor: string | null;
  stakeholder_group: string | null;
  support: string | null;
  conditions: string | null;
  /** Expense: one of `expenseCategories`, and the event it was spent on. */
  category: string | null;
  event_id: string | null;
  /** What it was, in the committee's words. */
  description: string | null;
  /** Integer minor units of `currency` (cents for USD, yen for JPY); never negative. */
  amount: number;
  /** ISO 4217 code (currencies.ts). */
  currency: string;
  /** The day it was received or spent, YYYY-MM-DD. */
  occurred_on: string;
  created_by: string | null;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
}

/** What the committee plans to spend on an event, per currency. */
export interface FundingBudgetsTable {
  id: string;
  initiative_id: string;
  event_id: string;
  currency: string;
  amount: number;
  updated_at: string;
}

/** An initiative's ledger settings: above what share (percent) one sponsor or group is flagged. */
export interface FundingSettingsTable {
  initiative_id: string;
  max_share: number;
  updated_at: string;
}

/** The receipt of an entry: its bytes (base64), what they are by their first bytes, their size and hash. */
export interface FundingReceiptsTable {
  entry_id: string;
  media_type: string;
  bytes: number;
  sha256: string;
  data: string;
  /** 1: everyone may open it once the entry is published; 0: the committee and the secretariat only. */
  is_public: number;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface FundingTables {
  funding_entries: FundingEntriesTable;
  funding_budgets: FundingBudgetsTable;
  funding_settings: FundingSettingsTable;
  funding_receipts: FundingReceiptsTable;
}

export const fundingTables = ['funding_entries', 'funding_budgets', 'funding_settings', 'funding_receipts'] as const satisfies ReadonlyArray<keyof FundingTables>;

export const fundingDb = (db: Db) => tablesOf<FundingTables>(db);
