import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { initiativePolicy } from './policy.ts';
import { registryDb } from './tables.ts';

/** The statuses in which an initiative is a public record: anyone finds it in search. */
const publicStatuses = ['listed', 'delisted'];

function groupBy<Row extends { initiative_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) map.set(row.initiative_id, [...(map.get(row.initiative_id) ?? []), row]);
  return map;
}

/**
 * Initiatives in the search index: name and acronym as titles, the description in the language it
 * was written in, then its translations, each stemmed in its own language. Drafts, pending and
 * returned requests are restricted: the policy says who finds them.
 */
export const initiativeSearch: SearchSource = {
  kind: 'initiative',
  label: 'initiatives.search.kind',
  fields: { name: 'A', acronym: 'A', description: 'B', translations: 'C' },

  async recordIds(db: Db) {
    return (await registryDb(db).selectFrom('initiatives').select('id').orderBy('id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const registry = registryDb(db);
    const ids = [...recordIds];
    const [initiatives, descriptions, countries] = await Promise.all([
      registry.selectFrom('initiatives').selectAll().where('id', 'in', ids).execute(),
      registry.selectFrom('initiative_descriptions').selectAll().where('initiative_id', 'in', ids).orderBy('locale').execute(),
      registry.selectFrom('initiative_countries').selectAll().where('initiative_id', 'in', ids).orderBy('country').execute(),
    ]);
    const textsOf = groupBy(descriptions);
    const countriesOf = groupBy(countries);
    return initiatives.map((initiative) => {
      const texts = textsOf.get(initiative.id) ?? [];
      const original = texts.find((t) => t.locale === initiative.original_locale);
      return {
        recordId: initiative.id,
        language: initiative.original_locale,
        title: initiative.acronym ? `${initiative.name} (${initiative.acronym})` : initiative.name,
        url: `/initiatives/${initiative.slug}`,
        visibility: publicStatuses.includes(initiative.status) ? 'public' : 'restricted',
        updatedAt: initiative.updated_at,
        fields: {
          name: initiative.name,
          acronym: initiative.acronym,
          description: original?.body,
          translations: texts.filter((t) => t !== original).map((t) => ({ language: t.locale, text: t.body })),
        },
        facets: {
          initiative: { id: initiative.id, name: initiative.name },
          countries: (countriesOf.get(initiative.id) ?? []).map((c) => c.country),
          year: initiative.year_established,
        },
      };
    });
  },

  async visibleTo(db, actor) {
    if (initiativePolicy.findEveryUnlisted(actor, undefined)) return 'all';
    if (!actor.user) return [];
    const registry = registryDb(db);
    const seats = await registry
      .selectFrom('committee_members')
      .select(['initiative_id', 'id', 'user_id', 'role'])
      .where('initiative_id', 'in', registry.selectFrom('committee_members').select('initiative_id').where('user_id', '=', actor.user.id))
      .execute();
    return [...groupBy(seats)].filter(([, committee]) => initiativePolicy.findUnlisted(actor, { committee })).map(([id]) => id);
  },
};
