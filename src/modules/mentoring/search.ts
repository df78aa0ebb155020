import type { SearchDocument, SearchSource, SearchText } from '../../platform/search/index.ts';
import { languageName, locales, translate } from '../../platform/i18n/index.ts';
import { countriesOfInitiatives, initiativeNames } from '../initiatives/index.ts';
import { listOf } from './queries.ts';
import { mentoringDb } from './tables.ts';

/** A field's words in each of the installation's languages (language and region names are translated). */
const inEveryLanguage = (words: (locale: (typeof locales)[number]) => string): SearchText[] => locales.map((language) => ({ language, text: words(language) }));

/**
 * A region's or topic's name from the catalogs; when they are not loaded (a reindex from the
 * command line), its key in words, which still finds it in English.
 */
function nameOf(locale: (typeof locales)[number], key: string, value: string): string {
  const label = translate(locale, key);
  return label === key ? value.replaceAll('_', ' ') : label;
}

/**
 * Mentor offers (docs/decisions/035-mentoring.md): the initiative's name, the languages, regions
 * and topics it offers, in every language of the interface, so "mentoría en portugués" and
 * "Portuguese" both find it. Only open offers are documents; a paused or withdrawn one leaves the index.
 */
export const offerSearch: SearchSource = {
  kind: 'mentor_offer',
  label: 'mentoring.search.offer',
  fields: { initiative: 'A', languages: 'B', regions: 'B', topics: 'C', note: 'D' },
  async recordIds(db) {
    return (await mentoringDb(db).selectFrom('mentor_offers').select('id').orderBy('id').execute()).map((r) => r.id);
  },
  async documents(db, ids): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const rows = await mentoringDb(db).selectFrom('mentor_offers').selectAll().where('id', 'in', [...ids]).where('status', '=', 'open').execute();
    const [names, countries] = await Promise.all([initiativeNames(db, rows.map((r) => r.initiative_id)), countriesOfInitiatives(db, rows.map((r) => r.initiative_id))]);
    return rows.flatMap((offer) => {
      const initiative = names.get(offer.initiative_id);
      if (!initiative) return [];
      const languages = listOf(offer.languages);
      const regions = listOf(offer.regions);
      const topics = listOf(offer.topics);
      return [{
        recordId: offer.id, language: initiative.original_locale, url: `/mentoring#offer-${offer.id}`, visibility: 'public' as const, updatedAt: offer.updated_at,
        title: initiative.name,
        fields: {
          initiative: initiative.name,
          languages: inEveryLanguage((l) => languages.map((code) => languageName(code, l)).join(', ')),
          regions: inEveryLanguage((l) => regions.map((r) => nameOf(l, `initiatives.region.${r}`, r)).join(', ')),
          topics: inEveryLanguage((l) => topics.map((t) => nameOf(l, `events.topics.${t}`, t)).join(', ')),
          note: offer.note,
        },
        facets: { initiative: { id: initiative.id, name: initiative.name }, countries: countries.get(offer.initiative_id) ?? [], year: null },
      }];
    });
  },
  // Every document is public: nothing restricted to open up.
  visibleTo: async () => [],
};
