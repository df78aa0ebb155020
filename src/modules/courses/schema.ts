import { z } from 'zod';
import { locales, type Locale } from '../../platform/i18n/index.ts';
import { multiLine, optional, singleLine, wholeNumber } from '../../platform/validation.ts';

export const slug = z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'courses.errors.slug' });
/** Addresses under /courses/<slug>/ that are the course's own pages, not lessons. */
export const reservedLessonSlugs = ['certificate', 'download', 'edit', 'new'] as const;

/** The same kind of text in each language it has (at least the original's, checked below). */
function perLanguage<T extends z.ZodTypeAny>(item: T) {
  return z.object(Object.fromEntries(locales.map((l) => [l, item.optional()])) as Record<Locale, z.ZodOptional<T>>).strict();
}

const ChoiceSchema = z.object({ text: singleLine(300), explanation: multiLine(1_000) }).strict();
const QuestionSchema = z.object({ prompt: singleLine(500), choices: z.array(ChoiceSchema).min(2).max(6) }).strict();

/** A lesson's texts in one language: its title, Markdown body and the quiz's wording. */
export const LessonTextsSchema = z.object({ title: singleLine(200), body: multiLine(20_000), questions: z.array(QuestionSchema).max(10) }).strict();

export const LessonSchema = z.object({
  slug: slug.refine((s) => !(reservedLessonSlugs as readonly string[]).includes(s), { message: 'courses.errors.slug' }),
  language: z.enum(locales),
  texts: perLanguage(LessonTextsSchema),
  /** The right choice of each question, from 0. */
  answers: z.array(z.number().int().min(0).max(5)).max(10),
}).strict().superRefine((lesson, ctx) => {
  const original = lesson.texts[lesson.language];
  if (!original) {
    ctx.addIssue({ code: 'custom', path: ['texts', lesson.language], message: 'courses.errors.original_missing' });
    return;
  }
  if (lesson.answers.length !== original.questions.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'courses.errors.answers_count' });
  lesson.answers.forEach((answer, i) => {
    if (original.questions[i] && answer >= original.questions[i]!.choices.length) ctx.addIssue({ code: 'custom', path: ['answers', i], message: 'courses.errors.no_such_choice' });
  });
  // A translation asks the same questions with the same choices, so one set of answers serves every language.
  for (const language of locales) {
    const texts = lesson.texts[language];
    if (!texts || language === lesson.language) continue;
    const same = texts.questions.length === original.questions.length && texts.questions.every((q, i) => q.choices.length === original.questions[i]!.choices.length);
    if (!same) ctx.addIssue({ code: 'custom', path: ['texts', language, 'questions'], message: 'courses.errors.translation_shape' });
  }
});

const CourseTextsSchema = z.object({ title: singleLine(200), summary: multiLine(2_000) }).strict();

/** A whole course as `POST /api/courses` takes it (and as the starter course is written). */
export const CourseSchema = z.object({
  slug,
  language: z.enum(locales),
  /** The initiative (slug) whose committee publishes it; none: the secretariat. */
  initiative: slug.optional(),
  texts: perLanguage(CourseTextsSchema),
  modules: z.array(z.object({ titles: perLanguage(singleLine(200)), lessons: z.array(LessonSchema).min(1).max(30) }).strict()).min(1).max(20),
}).strict().superRefine((course, ctx) => {
  if (!course.texts[course.language]) ctx.addIssue({ code: 'custom', path: ['texts', course.language], message: 'courses.errors.original_missing' });
  course.modules.forEach((m, i) => {
    if (!m.titles[course.language]) ctx.addIssue({ code: 'custom', path: ['modules', i, 'titles', course.language], message: 'courses.errors.original_missing' });
  });
  const slugs = course.modules.flatMap((m) => m.lessons.map((l) => l.slug));
  if (new Set(slugs).size !== slugs.length) ctx.addIssue({ code: 'custom', path: ['modules'], message: 'courses.errors.duplicate_lesson' });
});
export type CourseInput = z.output<typeof CourseSchema>;
export type LessonInput = z.output<typeof LessonSchema>;
export type LessonTexts = z.output<typeof LessonTextsSchema>;

/** A quiz as a form sends it: `answer_0`, `answer_1`… each the index of a choice (the command checks the lesson's range). */
export const QuizSchema = z.object(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`answer_${i}`, optional(wholeNumber(0, 99))])) as Record<string, ReturnType<typeof optional>>);
export type QuizInput = Record<string, number | undefined>;

/** Marking a lesson read, claiming a certificate: nothing to type. */
export const NothingSchema = z.object({});
