import type { Db } from '../../platform/db/index.ts';
import { committeeOf, initiativeNames } from '../initiatives/index.ts';
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
  updated_at: string;
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
  status: 'draft' | 'published' | 'withdrawn';
  published_at: string | null;
  /** Who may edit it (policy.edit): the initiative's committee (their accounts), or the secretariat (null). */
  committee: ReadonlyArray<{ user_id: string }> | null;
}

export type Listed = Omit<Course, 'lessons' | 'committee'> & { lessons: number };

/** The published courses (the catalogue), the starter course first, then by title. */
export async function listCourses(db: Db): Promise<Listed[]> {
  return listWhere(db, { status: 'published' });
}

/** The courses these initiatives publish and, for the secretariat, its own: every status (a writer's list). */
export async function coursesEditableBy(db: Db, editor: { initiativeIds: readonly string[]; secretariat: boolean }): Promise<Listed[]> {
  if (editor.initiativeIds.length === 0 && !editor.secretariat) return [];
  return listWhere(db, { editor });
}

async function listWhere(db: Db, which: { status?: 'published'; editor?: { initiativeIds: readonly string[]; secretariat: boolean } }): Promise<Listed[]> {
  let query = coursesDb(db).selectFrom('courses').selectAll();
  if (which.status) query = query.where('status', '=', which.status);
  const editor = which.editor;
  if (editor) {
    query = query.where((eb) => eb.or([
      ...(editor.initiativeIds.length ? [eb('initiative_id', 'in', [...editor.initiativeIds])] : []),
      ...(editor.secretariat ? [eb('initiative_id', 'is', null)] : []),
    ]));
  }
  const rows = await query.orderBy('starter', 'desc').orderBy('title').execute();
  const counts = await coursesDb(db).selectFrom('course_lessons').select(['course_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('course_id').execute();
  const count = new Map(counts.map((c) => [c.course_id, Number(c.n)]));
  const names = await initiativeNames(db, rows.flatMap((r) => (r.initiative_id ? [r.initiative_id] : [])));
  return rows.map((r) => ({
    id: r.id, slug: r.slug, language: r.language, title: r.title, starter: Number(r.starter) === 1, content: JSON.parse(r.content) as CourseContent,
    initiative: r.initiative_id ? publisherOf(names.get(r.initiative_id)) : null, lessons: count.get(r.id) ?? 0, updated_at: r.updated_at,
    status: r.status, published_at: r.published_at,
  }));
}

const publisherOf = (i: { id: string; slug: string; name: string } | undefined) => (i ? { id: i.id, slug: i.slug, name: i.name } : null);

/** A course with its lessons in order. */
export async function findCourse(db: Db, slug: string): Promise<Course | undefined> {
  const row = await coursesDb(db).selectFrom('courses').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const lessons = await coursesDb(db).selectFrom('course_lessons').selectAll().where('course_id', '=', row.id).orderBy('position').execute();
  const names = row.initiative_id ? await initiativeNames(db, [row.initiative_id]) : new Map();
  const committee = row.initiative_id ? (await committeeOf(db, row.initiative_id)).map((seat) => ({ user_id: seat.user_id })) : null;
  return {
    id: row.id, slug: row.slug, language: row.language, title: row.title, starter: Number(row.starter) === 1, content: JSON.parse(row.content) as CourseContent,
    initiative: row.initiative_id ? publisherOf(names.get(row.initiative_id)) : null, updated_at: row.updated_at,
    status: row.status, published_at: row.published_at, committee,
    lessons: lessons.map((l) => ({ id: l.id, slug: l.slug, position: Number(l.position), module: Number(l.module), language: l.language, title: l.title, content: JSON.parse(l.content) as LessonContent, updated_at: l.updated_at })),
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

/** A course's address slug, while it exists and is in the catalogue (a withdrawn course's page is gone). */
export async function courseSlugOf(db: Db, id: string): Promise<string | null> {
  return (await coursesDb(db).selectFrom('courses').select('slug').where('id', '=', id).where('status', '=', 'published').executeTakeFirst())?.slug ?? null;
}

/** The images someone may put in a lesson: theirs, or public ones, among these. */
export async function usableImages(db: Db, ids: readonly string[], userId: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await coursesDb(db).selectFrom('course_images').select('id').where('id', 'in', [...ids])
    .where((eb) => eb.or([eb('uploaded_by', '=', userId), eb('course_id', 'is not', null)])).execute();
  return new Set(rows.map((r) => r.id));
}

/** An image, with who may see it (policy.viewImage). */
export async function findImage(db: Db, id: string) {
  return coursesDb(db).selectFrom('course_images').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The images someone uploaded, newest first (without their bytes). */
export async function imagesUploadedBy(db: Db, userId: string) {
  return coursesDb(db).selectFrom('course_images').select(['id', 'media_type', 'size', 'course_id', 'created_at']).where('uploaded_by', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** The public images among these, with their sizes, in the order given (for pages). */
export async function publicImages(db: Db, ids: readonly string[]): Promise<Array<{ id: string; size: number }>> {
  if (ids.length === 0) return [];
  const rows = await coursesDb(db).selectFrom('course_images').select(['id', 'size']).where('id', 'in', [...ids]).where('course_id', 'is not', null).execute();
  const size = new Map(rows.map((r) => [r.id, Number(r.size)]));
  return ids.flatMap((id) => (size.has(id) ? [{ id, size: size.get(id)! }] : []));
}
