import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { initiativeNames, membershipsOf } from '../initiatives/index.ts';
import { eventPolicy } from './policy.ts';
import { eventsDb } from './tables.ts';
import { publicStatuses } from './vocabulary.ts';

/**
 * Events in the search index: the title, then the description and the venue, in the language
 * they were written in. Drafts are restricted: found by their organisers and the secretariat.
 */
export const eventSearch: SearchSource = {
  kind: 'event',
  label: 'events.search.kind',
  fields: { title: 'A', description: 'B', venue: 'C' },

  async recordIds(db: Db) {
    return (await eventsDb(db).selectFrom('events').select('id').orderBy('id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const rows = await eventsDb(db).selectFrom('events').selectAll().where('id', 'in', [...recordIds]).execute();
    const initiatives = await initiativeNames(db, rows.map((r) => r.initiative_id));
    return rows.map((event) => ({
      recordId: event.id,
      language: event.original_locale,
      title: event.title,
      url: `/events/${event.slug}`,
      visibility: (publicStatuses as readonly string[]).includes(event.status) ? 'public' : 'restricted',
      updatedAt: event.updated_at,
      fields: {
        title: event.title,
        description: event.description,
        venue: [event.venue_name, event.venue_city].filter(Boolean).join(', ') || null,
      },
      facets: {
        initiative: initiatives.has(event.initiative_id) ? { id: event.initiative_id, name: initiatives.get(event.initiative_id)!.name } : null,
        countries: event.venue_country ? [event.venue_country] : [],
        year: Number(event.starts_at.slice(0, 4)),
      },
    }));
  },

  async visibleTo(db, actor) {
    if (eventPolicy.findEveryDraft(actor, undefined)) return 'all';
    if (!actor.user) return [];
    // The organisers of a draft are its initiative's committee.
    const initiatives = (await membershipsOf(db, actor.user.id)).map((m) => m.id);
    if (initiatives.length === 0) return [];
    const drafts = await eventsDb(db).selectFrom('events').select('id').where('initiative_id', 'in', initiatives).execute();
    return drafts.map((d) => d.id);
  },
};
