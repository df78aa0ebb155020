/**
 * Publishing courses, a learner's progress and certificates (docs/decisions/033). Each command
 * runs in one transaction and is audited; issuing a certificate appends it to the public log.
 */
import type { Actor, CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { appendToLog, canonicalJson, contentHash } from '../../platform/log/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { passes, type CourseContent, type LessonContent } from './content.ts';
import { certificateContent, certificateIssuedKind, recordOf } from './outcomes.ts';
import { coursePolicy } from './policy.ts';
import { certificateOf, completed, progressIn, type Course, type Lesson } from './queries.ts';
import type { CourseInput, QuizInput } from './schema.ts';
import { lessonSearch } from './search.ts';
import { coursesDb } from './tables.ts';
import { imageType, imagesIn, maxImageBytes, sha256Hex } from './images.ts';

/** Stores a validated course and its lessons, and indexes the lessons (in the caller's transaction). */
export async function storeCourse(tx: Db, input: CourseInput, by: { userId: string | null; initiativeId: string | null; starter: boolean; now: Date }): Promise<{ id: string }> {
  const id = newId();
  const now = timestamp(by.now);
  const content: CourseContent = { texts: input.texts, modules: input.modules.map((m) => ({ titles: m.titles })) };
  await coursesDb(tx).insertInto('courses').values({
    id, slug: input.slug, language: input.language, title: input.texts[input.language]!.title, initiative_id: by.initiativeId, starter: by.starter ? 1 : 0,
    content: canonicalJson(content), created_by: by.userId, created_at: now, updated_at: now, status: 'published', published_at: now, withdrawn_at: null,
  }).execute();
  const lessons = input.modules.flatMap((m, module) => m.lessons.map((lesson) => ({ lesson, module })));
  const rows = lessons.map(({ lesson, module }, position) => {
    const stored: LessonContent = { texts: lesson.texts, answers: lesson.answers };
    return {
      id: newId(), course_id: id, slug: lesson.slug, position, module, language: lesson.language, title: lesson.texts[lesson.language]!.title,
      content: canonicalJson(stored), updated_at: now,
    };
  });
  await coursesDb(tx).insertInto('course_lessons').values(rows).execute();
  // The images its lessons show are public from now on.
  const images = imagesOfCourse(input);
  if (images.length) await coursesDb(tx).updateTable('course_images').set({ course_id: id }).where('id', 'in', images).where('course_id', 'is', null).execute();
  await indexRecords(tx, lessonSearch, rows.map((r) => r.id));
  return { id };
}

/** Every image the course's lessons name, in any language. */
const imagesOfCourse = (input: CourseInput) =>
  [...new Set(input.modules.flatMap((m) => m.lessons.flatMap((l) => Object.values(l.texts).flatMap((texts) => (texts ? imagesIn(texts.body) : [])))))];

/** Publishes a course for the secretariat or for an initiative whose committee the publisher sits on. */
export async function publishCourse(ctx: CommandContext<SignedIn>, input: CourseInput): Promise<Result<{ slug: string }>> {
  const initiative = input.initiative ? await findInitiativeBySlug(ctx.db, input.initiative) : null;
  if (input.initiative && !initiative) return refuse('courses.errors.unknown_initiative', { field: 'initiative' });
  if (!coursePolicy.publishFor(ctx.actor, { committee: initiative ? initiative.committee : null })) {
    return refuse(initiative ? 'courses.errors.not_committee' : 'courses.errors.not_secretariat', { field: 'initiative' });
  }
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('courses').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (taken) return refuse('courses.errors.slug_taken', { field: 'slug', status: 409 });
    // A lesson shows only images its publisher uploaded (or that are public already).
    const named = imagesOfCourse(input);
    const usable = named.length ? await tx.selectFrom('course_images').select('id').where('id', 'in', named)
      .where((eb) => eb.or([eb('uploaded_by', '=', ctx.actor.user.id), eb('course_id', 'is not', null)])).execute() : [];
    const missing = named.filter((id) => !usable.some((u) => u.id === id));
    if (missing.length) return refuse('courses.errors.unknown_image', { field: 'modules', values: { id: missing[0]! } });
    const { id } = await storeCourse(tx, input, { userId: ctx.actor.user.id, initiativeId: initiative?.id ?? null, starter: false, now: ctx.now });
    await audit(tx, ctx.actor, ctx.now, { action: 'course.published', subjectType: 'course', subjectId: id, isPublic: true });
    return ok({ slug: input.slug });
  });
}

/** Notes a lesson as read (or a quiz's best attempt) for a signed-in learner. */
async function recordProgress(tx: Db, userId: string, course: Course, lesson: Lesson, now: Date, quiz?: { right: number; passed: boolean }): Promise<void> {
  const at = timestamp(now);
  const db = coursesDb(tx);
  const row = await db.selectFrom('course_progress').selectAll().where('user_id', '=', userId).where('lesson_id', '=', lesson.id).executeTakeFirst();
  if (!row) {
    await db.insertInto('course_progress').values({
      user_id: userId, course_id: course.id, lesson_id: lesson.id, read_at: at, passed_at: quiz?.passed ? at : null, best_score: quiz ? quiz.right : null, updated_at: at,
    }).onConflict((oc) => oc.columns(['user_id', 'lesson_id']).doNothing()).execute();
    return;
  }
  const best = quiz ? Math.max(quiz.right, row.best_score === null ? 0 : Number(row.best_score)) : row.best_score;
  await db.updateTable('course_progress').set({
    read_at: row.read_at ?? at, passed_at: row.passed_at ?? (quiz?.passed ? at : null), best_score: best, updated_at: at,
  }).where('user_id', '=', userId).where('lesson_id', '=', lesson.id).execute();
}

export async function markRead(ctx: CommandContext<SignedIn>, course: Course, lesson: Lesson): Promise<Result<void>> {
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    await recordProgress(tx, ctx.actor.user.id, course, lesson, ctx.now);
    return ok();
  });
}

export interface QuizResult {
  /** The choice made for each question. */
  chosen: number[];
  right: number;
  passed: boolean;
}

/**
 * Marks a quiz: every question needs one of its own choices (anything else is refused beside the
 * question). A signed-in learner's best attempt and first pass are kept; a visitor just sees how
 * they did.
 */
export async function answerQuiz(ctx: CommandContext<Actor>, course: Course, lesson: Lesson, input: QuizInput): Promise<Result<QuizResult>> {
  const questions = lesson.content.texts[lesson.language as keyof LessonContent['texts']]!.questions;
  if (questions.length === 0) return refuse('courses.errors.no_quiz', { status: 409 });
  const chosen: number[] = [];
  for (const [i, question] of questions.entries()) {
    const answer = input[`answer_${i}`];
    if (answer === undefined) return refuse('courses.errors.answer_missing', { field: `answer_${i}` });
    if (answer >= question.choices.length) return refuse('courses.errors.no_such_choice', { field: `answer_${i}` });
    chosen.push(answer);
  }
  const right = chosen.filter((c, i) => c === lesson.content.answers[i]).length;
  const result = { chosen, right, passed: passes(right, questions.length) };
  const user = ctx.actor.user;
  if (!user) return ok(result);
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    await recordProgress(tx, user.id, course, lesson, ctx.now, result);
    await audit(tx, ctx.actor, ctx.now, { action: 'course.quiz_answered', subjectType: 'course_lesson', subjectId: lesson.id, details: { right, passed: result.passed } });
    return ok(result);
  });
}

/**
 * Issues the learner's certificate once every quiz of the course is passed: its text is fixed now
 * (their name as it is today) and its issuance is appended to the public log. Claiming again
 * answers the same certificate.
 */
export async function claimCertificate(ctx: CommandContext<SignedIn>, course: Course): Promise<Result<{ id: string }>> {
  const user = ctx.actor.user;
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    // Two claims at once would both find none: the course's row serialises them.
    await lockRow(tx, 'courses', course.id);
    const existing = await certificateOf(tx, course.id, user.id);
    if (existing) return ok({ id: existing.id });
    if (!completed(course, await progressIn(tx, user.id, course.id))) return refuse('courses.errors.not_completed', { status: 409 });
    const issued = { id: newId(), course_id: course.id, course_title: course.title, learner_name: user.name, issued_at: timestamp(ctx.now) };
    const content = certificateContent(issued);
    const index = await appendToLog(tx, { kind: certificateIssuedKind, record: recordOf(issued.id), version: 1, content, actor: user.id, time: ctx.now });
    await coursesDb(tx).insertInto('course_certificates').values({ ...issued, user_id: user.id, log_index: index, content_sha256: contentHash(content) }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'course.certificate_issued', subjectType: 'course_certificate', subjectId: issued.id, isPublic: true });
    return ok({ id: issued.id });
  });
}

/**
 * Keeps an uploaded image for lessons: its type is read from its bytes (PNG, JPEG, WebP or GIF;
 * the name and the declared type count for nothing) and it must be small enough for slow links.
 */
export async function uploadImage(ctx: CommandContext<SignedIn>, upload: File | null): Promise<Result<{ id: string }>> {
  if (!upload || upload.size === 0) return refuse('courses.errors.image_missing', { field: 'image' });
  if (upload.size > maxImageBytes) return refuse('courses.errors.image_too_large', { field: 'image', values: { max: maxImageBytes / 1024 } });
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const type = imageType(bytes);
  if (!type) return refuse('courses.errors.image_type', { field: 'image' });
  return coursesDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    await tx.insertInto('course_images').values({
      id, uploaded_by: ctx.actor.user.id, course_id: null, media_type: type, size: bytes.length, sha256: sha256Hex(bytes),
      data: Buffer.from(bytes).toString('base64'), created_at: timestamp(ctx.now),
    }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'course.image_uploaded', subjectType: 'course_image', subjectId: id, details: { type, size: bytes.length } });
    return ok({ id });
  });
}
