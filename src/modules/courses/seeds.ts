import type { SeedOptions } from '../../platform/module.ts';
import { audit } from '../../platform/audit.ts';
import { CourseSchema } from './schema.ts';
import { storeCourse } from './commands.ts';
import { starterCourse } from './seeds/starterCourse.ts';
import { coursesDb } from './tables.ts';

/**
 * The starter course (docs/decisions/033), published for the secretariat and marked as starter
 * content. Validated by the same schema as `POST /api/courses`; seeding twice adds nothing.
 */
export async function seedStarterCourse({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  const input = CourseSchema.parse(starterCourse);
  return coursesDb(db).transaction().execute(async (tx) => {
    const any = await tx.selectFrom('courses').select('id').limit(1).executeTakeFirst();
    const same = await tx.selectFrom('courses').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (same || (onlyIfEmpty && any)) return null;
    const { id } = await storeCourse(tx, input, { userId: null, initiativeId: null, starter: true, now });
    await audit(tx, { user: null }, now, { action: 'course.published', subjectType: 'course', subjectId: id, isPublic: true });
    return `Published the starter course "${input.texts.en!.title}" (five lessons in es, en, pt and fr).`;
  });
}
