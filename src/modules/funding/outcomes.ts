/** Every published entry, correction or not, is appended to the transparency log (docs/decisions/029). */
import type { Db } from '../../platform/db/index.ts';
import type { LogKind } from '../../platform/log/index.ts';
import { isLocale, translate } from '../../platform/i18n/index.ts';
import { initiativeNames } from '../initiatives/index.ts';
import { fundingDb, type FundingEntriesTable } from './tables.ts';
import { receiptsOf, type ReceiptInfo } from './receipts.ts';

export const entryPublishedKind = 'funding.entry_published';
export const entryRecord = (id: string) => `funding-entry/${id}`;

/**
 * What the log's hash covers: the whole entry as published (published entries never change), who
 * published it when, and its receipt's hash and kind when it has one. An entry without a receipt
 * has no `receipt` key at all, so entries published before receipts existed keep their hashes.
 */
export const entryLogContent = (row: FundingEntriesTable, receipt?: ReceiptInfo) => ({
  amount: Number(row.amount), category: row.category, conditions: row.conditions, corrects: row.corrects_id, currency: row.currency, description: row.description,
  entry: row.id, event: row.event_id, initiative: row.initiative_id, kind: row.kind, occurred_on: row.occurred_on, published_at: row.published_at,
  published_by: row.published_by, sponsor: row.sponsor, stakeholder_group: row.stakeholder_group, support: row.support,
  ...(receipt ? { receipt: { bytes: receipt.bytes, media_type: receipt.media_type, public: receipt.is_public, sha256: receipt.sha256 } } : {}),
});

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, id] = record.split('/');
  if (type !== 'funding-entry' || !id || version !== 1) return null;
  const row = await fundingDb(db).selectFrom('funding_entries').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row ? entryLogContent(row, (await receiptsOf(db, [row.id])).get(row.id)) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await fundingDb(db).selectFrom('funding_entries').select(['id', 'initiative_id', 'kind', 'sponsor', 'category', 'occurred_on']).where('id', 'in', ids).execute();
  const names = await initiativeNames(db, rows.map((r) => r.initiative_id));
  return new Map(rows.map((row) => {
    const initiative = names.get(row.initiative_id);
    // Named in the initiative's language, as its search documents are.
    const locale = initiative && isLocale(initiative.original_locale) ? initiative.original_locale : 'en';
    const what = row.kind === 'income' ? row.sponsor : translate(locale, `funding.category.${row.category}`);
    return [entryRecord(row.id), { title: `${initiative?.name ?? ''}: ${what ?? ''} (${row.occurred_on})`, href: `/initiatives/${initiative?.slug ?? ''}/funding#entry-${row.id}` }];
  }));
}

export const fundingLogKinds: Record<string, LogKind> = { [entryPublishedKind]: { label: 'funding.log.entry_published', content: storedContent, describe } };
