import type { Db } from '../../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../../platform/search/index.ts';
import { initiativeNames, membershipsOf } from '../../initiatives/index.ts';
import { eventsDb } from '../tables.ts';

/**
 * Proposals in the search index, always restricted: found by their proposer, and by the event's
 * organisers (its initiative's committee) once submitted, the same as eventPolicy.seeProposal.
 */
export const proposalSearch: SearchSource = {
  kind: 'proposal',
  label: 'events.proposals.search_kind',
  fields: { title: 'A', description: 'B', policy_questions: 'C' },

  async recordIds(db: Db) {
    return (await eventsDb(db).selectFrom('event_proposals').select('id').orderBy('id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const rows = await eventsDb(db)
      .selectFrom('event_proposals')
      .innerJoin('events', 'events.id', 'event_proposals.event_id')
      .select(['event_proposals.id', 'event_proposals.title', 'event_proposals.description', 'event_proposals.policy_questions', 'event_proposals.original_locale',
        'event_proposals.updated_at', 'events.slug', 'events.initiative_id', 'events.starts_at'])
      .where('event_proposals.id', 'in', [...recordIds])
      .execute();
    const initiatives = await initiativeNames(db, rows.map((r) => r.initiative_id));
    return rows.map((row) => ({
      recordId: row.id,
      language: row.original_locale,
      title: row.title,
      url: `/events/${row.slug}/proposals/${row.id}`,
      visibility: 'restricted',
      updatedAt: row.updated_at,
      fields: { title: row.title, description: row.description, policy_questions: row.policy_questions },
      facets: {
        initiative: initiatives.has(row.initiative_id) ? { id: row.initiative_id, name: initiatives.get(row.initiative_id)!.name } : null,
        year: Number(row.starts_at.slice(0, 4)),
      },
    }));
  },

  async visibleTo(db, actor) {
    if (!actor.user) return [];
    const events = eventsDb(db);
    const own = await events.selectFrom('event_proposals').select('id').where('proposer_id', '=', actor.user.id).execute();
    const initiatives = (await membershipsOf(db, actor.user.id)).map((m) => m.id);
    const organised = initiatives.length
      ? await events.selectFrom('event_proposals').innerJoin('events', 'events.id', 'event_proposals.event_id').select('event_proposals.id')
        .where('events.initiative_id', 'in', initiatives).where('event_proposals.submitted_at', 'is not', null).execute()
      : [];
    return [...new Set([...own, ...organised].map((r) => r.id))];
  },
};
