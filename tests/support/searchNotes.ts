import type { Db } from '../../src/platform/db/index.ts';
import type { SearchDocument, SearchSource } from '../../src/platform/search/index.ts';

export type Note = { title: string; body: string; language: string; secret?: boolean; updated?: string; country?: string };

/** A toy search source: notes held in memory, with a title, a body, a country (BR unless said) and a restricted flag. */
export function notesSource(notes: Map<string, Note>, kind = 'note'): SearchSource {
  return {
    kind,
    label: 'common.search.title',
    fields: { title: 'A', body: 'B' },
    recordIds: async () => [...notes.keys()],
    documents: async (_db: Db, ids) =>
      ids.filter((id) => notes.has(id)).map((id): SearchDocument => {
        const note = notes.get(id)!;
        return {
          recordId: id, language: note.language, title: note.title, url: `/${kind}s/${id}`, visibility: note.secret ? 'restricted' : 'public',
          updatedAt: note.updated ?? '2026-01-01T00:00:00.000Z', fields: { title: note.title, body: note.body },
          facets: { countries: [note.country ?? 'BR'], year: 2026 },
        };
      }),
    visibleTo: async (_db, actor) => (actor.user?.id === 'insider' ? 'all' : []),
  };
}
