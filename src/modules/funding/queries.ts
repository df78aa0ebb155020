import type { Db } from '../../platform/db/index.ts';
import { listEvents } from '../events/index.ts';
import { defaultMaxShare } from './schema.ts';
import { fundingDb, type FundingEntriesTable } from './tables.ts';
import type { EventRef, LedgerEntry } from './totals.ts';
import { receiptsOf, type ReceiptInfo } from './receipts.ts';

/** The initiative's public events, soonest first, which expenses and budgets may name. */
export async function eventsOfInitiative(db: Db, slug: string, now: Date): Promise<EventRef[]> {
  const page = { limit: 100, offset: 0 };
  const [upcoming, past] = await Promise.all([
    listEvents(db, { when: 'upcoming', initiative: slug }, page, now.toISOString()),
    listEvents(db, { when: 'past', initiative: slug }, page, now.toISOString()),
  ]);
  return [...past.items.reverse(), ...upcoming.items].map((e) => ({ id: e.id, slug: e.slug, title: e.title }));
}

function presentEntry(row: FundingEntriesTable, correctedBy: Map<string, string>, events: Map<string, EventRef>, receipts: Map<string, ReceiptInfo>): LedgerEntry {
  return {
    id: row.id, kind: row.kind as LedgerEntry['kind'], status: row.status as LedgerEntry['status'], corrects_id: row.corrects_id, corrected_by: correctedBy.get(row.id) ?? null,
    sponsor: row.sponsor, stakeholder_group: row.stakeholder_group, support: row.support, conditions: row.conditions, category: row.category,
    event: row.event_id ? events.get(row.event_id) ?? null : null, description: row.description, amount: Number(row.amount), currency: row.currency,
    occurred_on: row.occurred_on, published_at: row.published_at, receipt: receipts.get(row.id) ?? null,
  };
}

/**
 * An initiative's ledger, by date: the published entries, and its drafts for those who may see
 * them. Each published entry says which published entry corrects it.
 */
export async function ledgerOf(db: Db, initiativeId: string, events: readonly EventRef[], options: { drafts: boolean }): Promise<LedgerEntry[]> {
  let query = fundingDb(db).selectFrom('funding_entries').selectAll().where('initiative_id', '=', initiativeId);
  if (!options.drafts) query = query.where('status', '=', 'published');
  const rows = await query.orderBy('occurred_on').orderBy('created_at').orderBy('id').execute();
  const correctedBy = new Map(rows.filter((r) => r.status === 'published' && r.corrects_id).map((r) => [r.corrects_id!, r.id]));
  const byId = new Map(events.map((e) => [e.id, e]));
  const receipts = await receiptsOf(db, rows.map((r) => r.id));
  return rows.map((row) => presentEntry(row, correctedBy, byId, receipts));
}

/** One entry of an initiative (none if it belongs to another). */
export async function findEntry(db: Db, initiativeId: string, id: string): Promise<FundingEntriesTable | undefined> {
  return fundingDb(db).selectFrom('funding_entries').selectAll().where('id', '=', id).where('initiative_id', '=', initiativeId).executeTakeFirst();
}

export async function budgetsOf(db: Db, initiativeId: string, events: readonly EventRef[]) {
  const rows = await fundingDb(db).selectFrom('funding_budgets').selectAll().where('initiative_id', '=', initiativeId).orderBy('event_id').orderBy('currency').execute();
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows.flatMap((r) => {
    const event = byId.get(r.event_id);
    return event ? [{ event, currency: r.currency, amount: Number(r.amount) }] : [];
  });
}

/** The share (percent) above which the ledger warns. */
export async function maxShareOf(db: Db, initiativeId: string): Promise<number> {
  const row = await fundingDb(db).selectFrom('funding_settings').select('max_share').where('initiative_id', '=', initiativeId).executeTakeFirst();
  return row ? Number(row.max_share) : defaultMaxShare;
}

/** Which of these initiatives have published at least one ledger entry (the setup toolkit's "funding published" step). */
export async function initiativesWithPublishedFunding(db: Db, initiativeIds: readonly string[]): Promise<Set<string>> {
  if (initiativeIds.length === 0) return new Set();
  const rows = await fundingDb(db).selectFrom('funding_entries').select('initiative_id').distinct().where('initiative_id', 'in', initiativeIds).where('status', '=', 'published').execute();
  return new Set(rows.map((r) => r.initiative_id));
}

/** Whether the initiative has published anything in its ledger. */
export async function hasPublishedFunding(db: Db, initiativeId: string): Promise<boolean> {
  return Boolean(await fundingDb(db).selectFrom('funding_entries').select('id').where('initiative_id', '=', initiativeId).where('status', '=', 'published').limit(1).executeTakeFirst());
}
