import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { isLocale, translate } from '../../platform/i18n/index.ts';
import { countriesOfInitiatives, initiativeNames } from '../initiatives/index.ts';
import { fundingDb } from './tables.ts';

/**
 * Published ledger entries in the search index (docs/decisions/029): who gave (the sponsor), what it
 * was spent on (the category, named in the initiative's language, and the committee's description)
 * and on what conditions. Drafts are not indexed: the committee finds them on the ledger's page.
 */
export const fundingSearch: SearchSource = {
  kind: 'funding_entry',
  label: 'funding.search.kind',
  fields: { sponsor: 'A', category: 'B', conditions: 'C' },

  async recordIds(db: Db) {
    return (await fundingDb(db).selectFrom('funding_entries').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const rows = await fundingDb(db).selectFrom('funding_entries').selectAll().where('id', 'in', [...recordIds]).where('status', '=', 'published').execute();
    const ids = rows.map((r) => r.initiative_id);
    const [names, countries] = await Promise.all([initiativeNames(db, ids), countriesOfInitiatives(db, ids)]);
    return rows.flatMap((row) => {
      const initiative = names.get(row.initiative_id);
      if (!initiative) return [];
      const locale = isLocale(initiative.original_locale) ? initiative.original_locale : 'en';
      const category = row.category ? translate(locale, `funding.category.${row.category}`) : null;
      const what = row.kind === 'income' ? row.sponsor! : category!;
      return [{
        recordId: row.id,
        language: initiative.original_locale,
        title: translate(locale, `funding.search.title_${row.kind}`, { what, name: initiative.name }),
        url: `/initiatives/${initiative.slug}/funding#entry-${row.id}`,
        visibility: 'public' as const,
        updatedAt: row.published_at ?? row.created_at,
        fields: { sponsor: row.sponsor, category: [category, row.description].filter(Boolean).join('\n\n') || null, conditions: row.conditions },
        facets: { initiative: { id: initiative.id, name: initiative.name }, countries: countries.get(row.initiative_id) ?? [], year: Number(row.occurred_on.slice(0, 4)) },
      }];
    });
  },

  async visibleTo() {
    return [];
  },
};
