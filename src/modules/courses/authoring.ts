/**
 * Writing a course in the browser (docs/decisions/037): a draft, its modules and lessons, each
 * lesson's translations and quiz, then publishing and withdrawing. Every command runs in one
 * transaction that locks the course's row (two editors never lose each other's changes), reads
 * the course again under that lock and re-checks what it changes. Published courses are edited in
 * place: lesson and course ids never change, so learners' progress and issued certificates hold.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, serializeOn, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { canonicalJson } from '../../platform/log/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { lessonWeight, maxLessonWeight, type CourseContent, type LessonContent } from './content.ts';
import { imagesIn } from './images.ts';
import { coursePolicy } from './policy.ts';
import { findCourse, usableImages, type Course, type Lesson } from './queries.ts';
import type { CourseTextsInput, ModuleInput, NewCourseInput, QuizDraft } from './authoringSchema.ts';
import type { LessonTexts } from './schema.ts';
import { lessonSearch } from './search.ts';
import { coursesDb } from './tables.ts';

export const maxModules = 20;
export const maxLessonsPerModule = 30;

/** Starts a draft course for the secretariat or for an initiative whose committee the writer sits on. */
export async function createCourse(ctx: CommandContext<SignedIn>, input: NewCourseInput): Promise<Result<{ slug: string }>> {
  const initiative = input.publisher === 'secretariat' ? null : await findInitiativeBySlug(ctx.db, input.publisher);
  if (initiative === undefined) return refuse('courses.errors.unknown_initiative', { field: 'publisher' });
  if (!coursePolicy.publishFor(ctx.actor, { committee: initiative ? initiative.committee : null })) {
    return refuse(initiative ? 'courses.errors.not_committee' : 'courses.errors.not_secretariat', { field: 'publisher' });
  }
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    // Two writers choosing the same address at once: the second finds the first's.
    await serializeOn(tx, `courses.slug.${input.slug}`);
    if (await tx.selectFrom('courses').select('id').where('slug', '=', input.slug).executeTakeFirst()) return refuse('courses.errors.slug_taken', { field: 'slug', status: 409 });
    const id = newId();
    const now = timestamp(ctx.now);
    const content: CourseContent = { texts: { [input.language]: { title: input.title, summary: input.summary } }, modules: [] };
    await tx.insertInto('courses').values({
      id, slug: input.slug, language: input.language, title: input.title, initiative_id: initiative?.id ?? null, starter: 0, content: canonicalJson(content),
      created_by: ctx.actor.user.id, created_at: now, updated_at: now, status: 'draft', published_at: null, withdrawn_at: null,
    }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'course.created', subjectType: 'course', subjectId: id });
    return ok({ slug: input.slug });
  });
}

/**
 * Runs an edit of a course under its row's lock, with the course as it is now (not as the form
 * saw it), and stamps the course as updated.
 */
async function editing<T>(ctx: CommandContext<SignedIn>, course: Course, action: string, change: (tx: Db, now: Course) => Promise<Result<T>>): Promise<Result<T>> {
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'courses', course.id);
    const current = await findCourse(tx, course.slug);
    if (!current) return refuse('common.status.404', { status: 404 });
    const result = await change(tx, current);
    if (!result.ok) return result;
    await coursesDb(tx).updateTable('courses').set({ updated_at: timestamp(ctx.now) }).where('id', '=', course.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action, subjectType: 'course', subjectId: course.id, isPublic: current.status !== 'draft' || action === 'course.published' });
    return result;
  });
}

const saveContent = (tx: Db, course: Course, content: CourseContent) =>
  coursesDb(tx).updateTable('courses').set({ content: canonicalJson(content) }).where('id', '=', course.id).execute();

/** The course's title and summary, in its own language and any translations. */
export async function editCourseTexts(ctx: CommandContext<SignedIn>, course: Course, texts: CourseTextsInput): Promise<Result<void>> {
  return editing(ctx, course, 'course.texts_edited', async (tx, now) => {
    const original = texts[now.language as Locale];
    if (!original) return refuse('courses.errors.original_missing', { field: `title_${now.language}` });
    await saveContent(tx, now, { ...now.content, texts });
    await coursesDb(tx).updateTable('courses').set({ title: original.title }).where('id', '=', now.id).execute();
    return ok();
  });
}

/** Adds a module at the end of the course. */
export async function addModule(ctx: CommandContext<SignedIn>, course: Course, titles: ModuleInput): Promise<Result<{ module: number }>> {
  return editing(ctx, course, 'course.module_added', async (tx, now) => {
    if (!titles[now.language as Locale]) return refuse('courses.errors.original_missing', { field: `name_${now.language}` });
    if (now.content.modules.length >= maxModules) return refuse('courses.errors.too_many_modules', { field: `name_${now.language}`, status: 409, values: { max: maxModules } });
    await saveContent(tx, now, { ...now.content, modules: [...now.content.modules, { titles }] });
    return ok({ module: now.content.modules.length });
  });
}

/** A module's titles. */
export async function editModule(ctx: CommandContext<SignedIn>, course: Course, module: number, titles: ModuleInput): Promise<Result<void>> {
  return editing(ctx, course, 'course.module_edited', async (tx, now) => {
    if (!now.content.modules[module]) return refuse('common.status.404', { status: 404 });
    if (!titles[now.language as Locale]) return refuse('courses.errors.original_missing', { field: `name_${now.language}` });
    await saveContent(tx, now, { ...now.content, modules: now.content.modules.map((m, i) => (i === module ? { titles } : m)) });
    return ok();
  });
}

/** Moves a module one place up or down, its lessons with it. */
export async function moveModule(ctx: CommandContext<SignedIn>, course: Course, module: number, direction: 'up' | 'down'): Promise<Result<void>> {
  return editing(ctx, course, 'course.module_moved', async (tx, now) => {
    const other = direction === 'up' ? module - 1 : module + 1;
    if (!now.content.modules[module]) return refuse('common.status.404', { status: 404 });
    if (!now.content.modules[other]) return refuse('courses.errors.cannot_move', { status: 409 });
    const modules = [...now.content.modules];
    [modules[module], modules[other]] = [modules[other]!, modules[module]!];
    await saveContent(tx, now, { ...now.content, modules });
    for (const lesson of now.lessons) {
      if (lesson.module === module || lesson.module === other) {
        await coursesDb(tx).updateTable('course_lessons').set({ module: lesson.module === module ? other : module }).where('id', '=', lesson.id).execute();
      }
    }
    await renumber(tx, now.id);
    return ok();
  });
}

/** Moves a lesson one place up or down within its module. */
export async function moveLesson(ctx: CommandContext<SignedIn>, course: Course, lesson: Lesson, direction: 'up' | 'down'): Promise<Result<void>> {
  return editing(ctx, course, 'course.lesson_moved', async (tx, now) => {
    const inModule = now.lessons.filter((l) => l.module === lesson.module);
    const at = inModule.findIndex((l) => l.id === lesson.id);
    const other = inModule[direction === 'up' ? at - 1 : at + 1];
    if (at < 0 || !other) return refuse('courses.errors.cannot_move', { status: 409 });
    const mine = inModule[at]!;
    await coursesDb(tx).updateTable('course_lessons').set({ position: other.position }).where('id', '=', mine.id).execute();
    await coursesDb(tx).updateTable('course_lessons').set({ position: mine.position }).where('id', '=', other.id).execute();
    await renumber(tx, now.id);
    return ok();
  });
}

/** Numbers the lessons 0, 1, 2… in the order of their modules, then of their places. */
async function renumber(tx: Db, courseId: string): Promise<void> {
  const rows = await coursesDb(tx).selectFrom('course_lessons').select(['id', 'position']).where('course_id', '=', courseId).orderBy('module').orderBy('position').orderBy('id').execute();
  for (const [i, row] of rows.entries()) if (Number(row.position) !== i) await coursesDb(tx).updateTable('course_lessons').set({ position: i }).where('id', '=', row.id).execute();
}

export interface LessonDraft {
  language: Locale;
  title: string;
  body: string;
  /** In a translation, its wording of the quiz (none: readers get the original's). */
  questions: LessonTexts['questions'];
}

/** A new lesson at the end of a module, in one language and without a quiz yet. */
export async function addLesson(ctx: CommandContext<SignedIn>, course: Course, where: { module: number; slug: string }, draft: LessonDraft): Promise<Result<{ slug: string }>> {
  return editing(ctx, course, 'course.lesson_added', async (tx, now) => {
    if (!now.content.modules[where.module]) return refuse('courses.errors.no_such_module', { field: 'module' });
    if (now.lessons.filter((l) => l.module === where.module).length >= maxLessonsPerModule) return refuse('courses.errors.too_many_lessons', { field: 'slug', status: 409, values: { max: maxLessonsPerModule } });
    if (now.lessons.some((l) => l.slug === where.slug)) return refuse('courses.errors.lesson_slug_taken', { field: 'slug', status: 409 });
    const refused = tooHeavy({ title: draft.title, body: draft.body, questions: [] }, 'body') ?? await checkImages(tx, ctx.actor.user.id, draft.body, []);
    if (refused) return refused;
    const id = newId();
    const content: LessonContent = { texts: { [draft.language]: { title: draft.title, body: draft.body, questions: [] } }, answers: [] };
    await tx.insertInto('course_lessons').values({
      id, course_id: now.id, slug: where.slug, position: now.lessons.length + 1_000, module: where.module, language: draft.language, title: draft.title,
      content: canonicalJson(content), updated_at: timestamp(ctx.now),
    }).execute();
    await renumber(tx, now.id);
    await afterLessonChange(tx, now, id, draft.body);
    return ok({ slug: where.slug });
  });
}

/** A lesson's title and text in its own language, or a translation of them (with its quiz's wording). */
export async function saveLessonTexts(ctx: CommandContext<SignedIn>, course: Course, lesson: Lesson, draft: LessonDraft): Promise<Result<void>> {
  return editing(ctx, course, 'course.lesson_edited', async (tx, now) => {
    const current = now.lessons.find((l) => l.id === lesson.id);
    if (!current) return refuse('common.status.404', { status: 404 });
    const before = current.content.texts[draft.language];
    const isOriginal = draft.language === current.language;
    const questions = isOriginal ? current.content.texts[draft.language]!.questions : draft.questions;
    const refused = tooHeavy({ title: draft.title, body: draft.body, questions }, 'body') ?? await checkImages(tx, ctx.actor.user.id, draft.body, before ? imagesIn(before.body) : []);
    if (refused) return refused;
    const content: LessonContent = { ...current.content, texts: { ...current.content.texts, [draft.language]: { title: draft.title, body: draft.body, questions } } };
    await coursesDb(tx).updateTable('course_lessons').set({ content: canonicalJson(content), updated_at: timestamp(ctx.now), ...(isOriginal ? { title: draft.title } : {}) })
      .where('id', '=', current.id).execute();
    await afterLessonChange(tx, now, current.id, draft.body);
    return ok();
  });
}

/**
 * A lesson's quiz, in its own language: its questions and which choice is right. Any change sends
 * the readers of its translations to the original's wording until translators update theirs (a
 * translation must never ask another question than the one the answers are for).
 */
export async function saveQuiz(ctx: CommandContext<SignedIn>, course: Course, lesson: Lesson, quiz: QuizDraft): Promise<Result<void>> {
  return editing(ctx, course, 'course.quiz_edited', async (tx, now) => {
    const current = now.lessons.find((l) => l.id === lesson.id);
    if (!current) return refuse('common.status.404', { status: 404 });
    const original = current.content.texts[current.language as Locale]!;
    const changed = canonicalJson({ q: original.questions, a: current.content.answers }) !== canonicalJson({ q: quiz.questions, a: quiz.answers });
    if (!changed) return ok();
    const heavy = tooHeavy({ ...original, questions: quiz.questions }, '_form');
    if (heavy) return heavy;
    const texts = Object.fromEntries(Object.entries(current.content.texts).map(([language, t]) => [language, language === current.language ? { ...t!, questions: quiz.questions } : { ...t!, questions: [] }]));
    const content: LessonContent = { texts, answers: quiz.answers };
    await coursesDb(tx).updateTable('course_lessons').set({ content: canonicalJson(content), updated_at: timestamp(ctx.now) }).where('id', '=', current.id).execute();
    return ok();
  });
}

/** A lesson whose words would make its page too heavy for a first visit on a slow link (content.ts). */
function tooHeavy(texts: LessonTexts, field: string): Result<never> | null {
  const weight = lessonWeight(texts);
  return weight > maxLessonWeight ? refuse('courses.errors.lesson_too_heavy', { field, values: { kb: Math.ceil(weight / 1024), max: maxLessonWeight / 1024 } }) : null;
}

/**
 * A lesson may show the images its writer uploaded, public ones, and those it showed already
 * (another editor's, say).
 */
async function checkImages(tx: Db, userId: string, body: string, already: readonly string[]): Promise<Result<never> | null> {
  const named = imagesIn(body).filter((id) => !already.includes(id));
  const usable = await usableImages(tx, named, userId);
  const missing = named.find((id) => !usable.has(id));
  return missing ? refuse('courses.errors.unknown_image', { field: 'body', values: { id: missing } }) : null;
}

/** In a published course, a changed lesson's images are public at once and its search document is redone. */
async function afterLessonChange(tx: Db, course: Course, lessonId: string, body: string): Promise<void> {
  if (course.status !== 'published') return;
  await makePublic(tx, course.id, imagesIn(body));
  await indexRecords(tx, lessonSearch, [lessonId]);
}

const makePublic = async (tx: Db, courseId: string, images: readonly string[]) => {
  if (images.length) await coursesDb(tx).updateTable('course_images').set({ course_id: courseId }).where('id', 'in', [...images]).where('course_id', 'is', null).execute();
};

/**
 * Publishes a draft or a withdrawn course: it must have a module, and every module a lesson. Its
 * images become public and its lessons searchable.
 */
export async function publishDraft(ctx: CommandContext<SignedIn>, course: Course): Promise<Result<void>> {
  return editing(ctx, course, 'course.published', async (tx, now) => {
    if (now.status === 'published') return refuse('courses.errors.already_published', { status: 409 });
    if (now.content.modules.length === 0) return refuse('courses.errors.no_modules', { status: 409 });
    const empty = now.content.modules.findIndex((_, m) => !now.lessons.some((l) => l.module === m));
    if (empty >= 0) return refuse('courses.errors.empty_module', { status: 409, values: { number: empty + 1 } });
    await coursesDb(tx).updateTable('courses').set({ status: 'published', published_at: timestamp(ctx.now), withdrawn_at: null }).where('id', '=', now.id).execute();
    await makePublic(tx, now.id, [...new Set(now.lessons.flatMap((l) => Object.values(l.content.texts).flatMap((t) => (t ? imagesIn(t.body) : []))))]);
    await indexRecords(tx, lessonSearch, now.lessons.map((l) => l.id));
    return ok();
  });
}

/**
 * Takes a course out of the catalogue and the search index. Learners' progress stays (it comes
 * back if the course is published again), and certificates already issued still verify: they
 * are their own rows and entries in the public log.
 */
export async function withdrawCourse(ctx: CommandContext<SignedIn>, course: Course): Promise<Result<void>> {
  return editing(ctx, course, 'course.withdrawn', async (tx, now) => {
    if (now.status !== 'published') return refuse('courses.errors.not_published', { status: 409 });
    await coursesDb(tx).updateTable('courses').set({ status: 'withdrawn', withdrawn_at: timestamp(ctx.now) }).where('id', '=', now.id).execute();
    await indexRecords(tx, lessonSearch, now.lessons.map((l) => l.id));
    return ok();
  });
}
