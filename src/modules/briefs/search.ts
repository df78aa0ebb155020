import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { gridItems } from './grid.ts';
import type { BriefSnapshot } from './outcomes.ts';
import { briefPolicy } from './policy.ts';
import { briefsDb } from './tables.ts';

/**
 * Published Internet impact briefs in the search index (docs/decisions/031): the latest version's
 * title, then its summary, then the reasoning of every item, in the brief's language. Drafts
 * are not indexed: what a brief says publicly is what its authors published.
 */
export const briefSearch: SearchSource = {
  kind: 'brief',
  label: 'briefs.search.kind',
  fields: { title: 'A', summary: 'B', reasoning: 'C' },

  async recordIds(db: Db) {
    return (await briefsDb(db).selectFrom('brief_listing').select('brief_id').orderBy('brief_id').execute()).map((r) => r.brief_id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const b = briefsDb(db);
    const listed = await b.selectFrom('brief_listing').select(['brief_id', 'version', 'jurisdiction', 'updated_at']).where('brief_id', 'in', [...recordIds]).execute();
    if (listed.length === 0) return [];
    const versions = await b.selectFrom('brief_versions').select(['brief_id', 'version', 'snapshot']).where('brief_id', 'in', listed.map((l) => l.brief_id)).execute();
    const snapshotOf = new Map(versions.map((v) => [`${v.brief_id}/${Number(v.version)}`, v.snapshot]));
    return listed.flatMap((l) => {
      const stored = snapshotOf.get(`${l.brief_id}/${Number(l.version)}`);
      if (!stored) return [];
      const s = JSON.parse(stored) as BriefSnapshot;
      const reasoning = gridItems.map((item) => s.grid[item]?.reasoning).filter(Boolean).join('\n\n');
      return [{
        recordId: s.id, language: s.language, title: s.title, url: `/briefs/${s.id}`, visibility: 'public' as const, updatedAt: l.updated_at,
        fields: { title: s.title, summary: s.summary, reasoning: reasoning || null },
        facets: { countries: /^[A-Z]{2}$/.test(l.jurisdiction) ? [l.jurisdiction] : [], year: Number(l.updated_at.slice(0, 4)) },
      }];
    });
  },

  /** Only published briefs are indexed, and those are public. */
  async visibleTo(db, actor) {
    return briefPolicy.findEveryDraft(actor, undefined) ? 'all' : [];
  },
};
