import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { countriesOfInitiatives, initiativeNames, membershipsOf } from '../initiatives/index.ts';
import { sessionsReportedBy } from '../events/index.ts';
import { readContent } from './content.ts';
import { reportPolicy } from './policy.ts';
import { reportsDb } from './tables.ts';

/**
 * Session reports in the search index (docs/decisions/026): the title, then what the session
 * concluded (key issues, takeaways, calls to action), then the summary, all in the report's
 * language. Unpublished reports are restricted: found only by those `view` lets open them.
 */
export const reportSearch: SearchSource = {
  kind: 'report',
  label: 'reports.search.kind',
  fields: { title: 'A', conclusions: 'B', summary: 'C' },

  async recordIds(db: Db) {
    return (await reportsDb(db).selectFrom('reports').select('id').orderBy('id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const rows = await reportsDb(db).selectFrom('reports').select(['id', 'initiative_id', 'title', 'held_on', 'language', 'status', 'content', 'updated_at'])
      .where('id', 'in', [...recordIds]).execute();
    const initiativeIds = rows.map((r) => r.initiative_id);
    const [names, countries] = await Promise.all([initiativeNames(db, initiativeIds), countriesOfInitiatives(db, initiativeIds)]);
    return rows.map((report) => {
      const content = readContent(report.content);
      const conclusions = [
        ...content.key_issues.map((i) => i.text), ...content.takeaways.map((i) => i.text), ...content.calls_to_action.map((a) => `${a.who}: ${a.what}`),
      ].join('\n\n');
      const initiative = names.get(report.initiative_id);
      return {
        recordId: report.id,
        language: report.language,
        title: report.title,
        url: `/reports/${report.id}`,
        visibility: report.status === 'published' ? 'public' : 'restricted',
        updatedAt: report.updated_at,
        fields: { title: report.title, conclusions: conclusions || null, summary: content.summary },
        facets: {
          initiative: initiative ? { id: initiative.id, name: initiative.name } : null,
          countries: countries.get(report.initiative_id) ?? [],
          year: Number(report.held_on.slice(0, 4)),
        },
      };
    });
  },

  /** As `view` says: the secretariat all; a person the reports of their committees' initiatives, those named to them, and their sessions'. */
  async visibleTo(db, actor) {
    if (reportPolicy.findEveryDraft(actor, undefined)) return 'all';
    if (!actor.user) return [];
    const userId = actor.user.id;
    const [initiatives, sessions] = await Promise.all([membershipsOf(db, userId), sessionsReportedBy(db, userId)]);
    const initiativeIds = initiatives.map((m) => m.id);
    const sessionIds = sessions.map((s) => s.id);
    const rows = await reportsDb(db).selectFrom('reports').select('id').where('status', '!=', 'published').where((eb) => eb.or([
      eb('rapporteur_id', '=', userId),
      ...(initiativeIds.length ? [eb('initiative_id', 'in', initiativeIds)] : []),
      ...(sessionIds.length ? [eb('session_id', 'in', sessionIds)] : []),
    ])).execute();
    return rows.map((r) => r.id);
  },
};
