import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { countriesOfInitiatives, initiativeNames } from '../initiatives/index.ts';
import { consultationsDb } from './tables.ts';

/**
 * Consultations: their title and the text of their latest published version (docs/decisions/034).
 * Only published ones are indexed, so every document is public.
 */
export const consultationSearch: SearchSource = {
  kind: 'consultation',
  label: 'consultations.search.kind',
  fields: { title: 'A', text: 'C' },
  async recordIds(db) {
    return (await consultationsDb(db).selectFrom('consultations').select('id').where('published_version', '>', 0).orderBy('id').execute()).map((r) => r.id);
  },
  async documents(db: Db, ids): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const store = consultationsDb(db);
    const rows = await store.selectFrom('consultations').selectAll().where('id', 'in', [...ids]).where('published_version', '>', 0).execute();
    if (rows.length === 0) return [];
    const blocks = await store.selectFrom('consultation_blocks').innerJoin('consultation_versions', 'consultation_versions.id', 'consultation_blocks.version_id')
      .select(['consultation_versions.consultation_id', 'consultation_versions.number', 'consultation_blocks.text', 'consultation_blocks.position'])
      .where('consultation_versions.consultation_id', 'in', rows.map((r) => r.id)).where('consultation_versions.status', '=', 'published')
      .orderBy('consultation_blocks.position').execute();
    const [names, countries] = await Promise.all([initiativeNames(db, rows.map((r) => r.initiative_id)), countriesOfInitiatives(db, rows.map((r) => r.initiative_id))]);
    return rows.map((row) => {
      const text = blocks.filter((b) => b.consultation_id === row.id && Number(b.number) === Number(row.published_version)).map((b) => b.text).join('\n\n');
      const initiative = names.get(row.initiative_id);
      return {
        recordId: row.id, language: row.language, title: row.title, url: `/consultations/${row.slug}`, visibility: 'public', updatedAt: row.updated_at,
        fields: { title: row.title, text },
        facets: { initiative: initiative ? { id: initiative.id, name: initiative.name } : null, countries: countries.get(row.initiative_id) ?? [], year: Number(row.created_at.slice(0, 4)) },
      };
    });
  },
  visibleTo: async () => [],
};
