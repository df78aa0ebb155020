import type { Db } from '../../platform/db/index.ts';
import { initiativeNames } from '../initiatives/index.ts';
import type { CourseContent, LessonContent } from './content.ts';
import { coursesDb, type CourseCertificatesTable } from './tables.ts';

export interface Lesson {
  id: string;
  slug: string;
  position: number;
  module: number;
  language: string;
  title: string;
  content: LessonContent;
}

export interface Course {
  id: string;
  slug: string;
  language: string;
  title: string;
  starter: boolean;
  content: CourseContent;
  /** Who publishes it: an initiative, or the secretariat (null). */
  initiative: { id: string; slug: string; name: string } | null;
  lessons: Lesson[];
  updated_at: string;
}

/** Every course, the starter course first, then by title. */
export async function listCourses(db: Db): Promise<Array<Omit<Course, 'lessons'> & { lessons: number }>> {
  const rows = await coursesDb(db).selectFrom('courses').selectAll().orderBy('starter', 'desc').orderBy('title').execute();
  const counts = await coursesDb(db).selectFrom('course_lessons').select(['course_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('course_id').execute();
  const count = new Map(counts.map((c) => [c.course_id, Number(c.n)]));
  const names = await initiativeNames(db, rows.flatMap((r) => (r.initiative_id ? [r.initiative_id] : [])));
  return rows.map((r) => ({
    id: r.id, slug: r.slug, language: r.language, title: r.title, starter: Number(r.starter) === 1, content: JSON.parse(r.content) as CourseContent,
    initiative: r.initiative_id ? publisherOf(names.get(r.initiative_id)) : null, lessons: count.get(r.id) ?? 0, updated_at: r.updated_at,
  }));
}

const publisherOf = (i: { id: string; slug: string; name: string } | undefined) => (i ? { id: i.id, slug: i.slug, name: i.name } : null);

/** A course with its lessons in order. */
export async function findCourse(db: Db, slug: string): Promise<Course | undefined> {
  const row = await coursesDb(db).selectFrom('courses').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const lessons = await coursesDb(db).selectFrom('course_lessons').selectAll().where('course_id', '=', row.id).orderBy('position').execute();
  const names = row.initiative_id ? await initiativeNames(db, [row.initiative_id]) : new Map();
  return {
    id: row.id, slug: row.slug, language: row.language, title: row.title, starter: Number(row.starter) === 1, content: JSON.parse(row.content) as CourseContent,
    initiative: row.initiative_id ? publisherOf(names.get(row.initiative_id)) : null, updated_at: row.updated_at,
    lessons: lessons.map((l) => ({ id: l.id, slug: l.slug, position: Number(l.position), module: Number(l.module), language: l.language, title: l.title, content: JSON.parse(l.content) as LessonContent })),
  };
}

export interface LessonProgress {
  read: boolean;
  passed: boolean;
  best_score: number | null;
}

/** A learner's progress in a course, by lesson id. */
export async function progressIn(db: Db, userId: string, courseId: string): Promise<Map<string, LessonProgress>> {
  const rows = await coursesDb(db).selectFrom('course_progress').selectAll().where('user_id', '=', userId).where('course_id', '=', courseId).execute();
  return new Map(rows.map((r) => [r.lesson_id, { read: r.read_at !== null, passed: r.passed_at !== null, best_score: r.best_score === null ? null : Number(r.best_score) }]));
}

/** Whether every quiz of the course is passed (lessons without questions count once read). */
export function completed(course: Course, progress: Map<string, LessonProgress>): boolean {
  return course.lessons.every((l) => (l.content.answers.length ? progress.get(l.id)?.passed : progress.get(l.id)?.read));
}

export async function findCertificate(db: Db, id: string): Promise<CourseCertificatesTable | undefined> {
  return coursesDb(db).selectFrom('course_certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function certificateOf(db: Db, courseId: string, userId: string): Promise<CourseCertificatesTable | undefined> {
  return coursesDb(db).selectFrom('course_certificates').selectAll().where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
}

/** A course's address slug, if it still exists. */
export async function courseSlugOf(db: Db, id: string): Promise<string | null> {
  return (await coursesDb(db).selectFrom('courses').select('slug').where('id', '=', id).executeTakeFirst())?.slug ?? null;
}

/** An image, with who may see it (policy.viewImage). */
export async function findImage(db: Db, id: string) {
  return coursesDb(db).selectFrom('course_images').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The images someone uploaded, newest first (without their bytes). */
export async function imagesUploadedBy(db: Db, userId: string) {
  return coursesDb(db).selectFrom('course_images').select(['id', 'media_type', 'size', 'course_id', 'created_at']).where('uploaded_by', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** The addresses of the public images among these (for pages). */
export async function publicImages(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await coursesDb(db).selectFrom('course_images').select('id').where('id', 'in', [...ids]).where('course_id', 'is not', null).execute();
  return new Set(rows.map((r) => r.id));
}
