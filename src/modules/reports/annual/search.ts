import type { Db } from '../../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../../platform/search/index.ts';
import { countriesOfInitiatives, initiativeNames } from '../../initiatives/index.ts';
import { reportsDb } from '../tables.ts';
import { readAnnualSnapshot } from './queries.ts';

/**
 * Published annual reports in the search index (docs/decisions/028): the committee's sections and
 * the year's takeaways and calls to action, in the initiative's language. Drafts are not indexed:
 * the committee finds them on its list.
 */
export const annualSearch: SearchSource = {
  kind: 'annual_report',
  label: 'reports.annual.search_kind',
  fields: { title: 'A', sections: 'B', conclusions: 'C' },

  async recordIds(db: Db) {
    return (await reportsDb(db).selectFrom('annual_reports').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const rows = await reportsDb(db).selectFrom('annual_reports').selectAll().where('id', 'in', [...recordIds]).where('status', '=', 'published').execute();
    const ids = rows.map((r) => r.initiative_id);
    const [names, countries] = await Promise.all([initiativeNames(db, ids), countriesOfInitiatives(db, ids)]);
    return rows.flatMap((row) => {
      const snapshot = readAnnualSnapshot(row);
      const initiative = names.get(row.initiative_id);
      if (!snapshot || !initiative) return [];
      const blocks = [...snapshot.assembled.events, snapshot.assembled.standalone];
      const conclusions = blocks.flatMap((b) => [...b.takeaways.map((i) => i.text), ...b.calls_to_action.map((i) => `${i.who}: ${i.text}`)]).join('\n\n');
      const title = `${initiative.name} ${row.year}`;
      return [{
        recordId: row.id,
        language: initiative.original_locale,
        title,
        url: `/initiatives/${initiative.slug}/annual-reports/${row.year}`,
        visibility: 'public' as const,
        updatedAt: row.updated_at,
        fields: {
          title,
          sections: [snapshot.introduction, snapshot.preparation, snapshot.outcomes].filter(Boolean).join('\n\n') || null,
          conclusions: conclusions || null,
        },
        facets: { initiative: { id: initiative.id, name: initiative.name }, countries: countries.get(row.initiative_id) ?? [], year: Number(row.year) },
      }];
    });
  },

  async visibleTo() {
    return [];
  },
};
