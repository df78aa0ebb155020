import type { Db } from '../../platform/db/index.ts';
import type { SearchDocument, SearchSource, SearchText } from '../../platform/search/index.ts';
import { initiativeNames } from '../initiatives/index.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import type { LessonContent } from './content.ts';
import { coursesDb } from './tables.ts';

/**
 * Published lessons in the search index (docs/decisions/033): the title, then the text, in every
 * language the lesson has: the lessons of published courses only (drafts and withdrawn courses are
 * not found; docs/decisions/037).
 */
export const lessonSearch: SearchSource = {
  kind: 'lesson',
  label: 'courses.search.kind',
  fields: { title: 'A', body: 'C' },

  async recordIds(db: Db) {
    return (await coursesDb(db).selectFrom('course_lessons').innerJoin('courses', 'courses.id', 'course_lessons.course_id').select('course_lessons.id')
      .where('courses.status', '=', 'published').orderBy('course_lessons.id').execute()).map((r) => r.id);
  },

  async documents(db: Db, recordIds: readonly string[]): Promise<SearchDocument[]> {
    if (recordIds.length === 0) return [];
    const rows = await coursesDb(db).selectFrom('course_lessons').innerJoin('courses', 'courses.id', 'course_lessons.course_id')
      .select(['course_lessons.id', 'course_lessons.slug', 'course_lessons.language', 'course_lessons.title', 'course_lessons.content', 'course_lessons.updated_at', 'courses.slug as course_slug', 'courses.initiative_id'])
      .where('course_lessons.id', 'in', [...recordIds]).where('courses.status', '=', 'published').execute();
    const names = await initiativeNames(db, rows.flatMap((r) => (r.initiative_id ? [r.initiative_id] : [])));
    return rows.map((row) => {
      const { texts } = JSON.parse(row.content) as LessonContent;
      const versions = (Object.entries(texts) as Array<[Locale, NonNullable<LessonContent['texts'][Locale]>]>);
      const each = (pick: (t: NonNullable<LessonContent['texts'][Locale]>) => string): SearchText[] => versions.map(([language, t]) => ({ language, text: pick(t) }));
      const initiative = row.initiative_id ? names.get(row.initiative_id) : undefined;
      return {
        recordId: row.id,
        language: row.language,
        title: row.title,
        url: `/courses/${row.course_slug}/${row.slug}`,
        visibility: 'public' as const,
        updatedAt: row.updated_at,
        fields: { title: each((t) => t.title), body: each((t) => t.body) },
        facets: { initiative: initiative ? { id: initiative.id, name: initiative.name } : null, year: Number(row.updated_at.slice(0, 4)) },
      };
    });
  },

  async visibleTo() {
    return [];
  },
};
