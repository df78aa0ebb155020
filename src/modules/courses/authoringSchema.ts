/**
 * The forms that write a course in the browser (docs/decisions/037). Quizzes arrive as numbered
 * fields (`q0_prompt`, `q0_c1_text`, `q0_c1_explanation`, `q0_right`…), one block per question
 * and a blank block to add one; the schema turns them into questions and right answers, and
 * reports every problem on the field it concerns.
 */
import { z } from 'zod';
import { locales, type Locale } from '../../platform/i18n/index.ts';
import { multiLine, optional, singleLine, wholeNumber } from '../../platform/validation.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { reservedLessonSlugs, slug } from './schema.ts';
import type { LessonTexts } from './schema.ts';

/** Most questions a quiz has, and choices a question has (as the API's schema). */
export const maxQuestions = 10;
export const maxChoices = 6;
/** Choice fields a question's block offers when it has fewer: a question needs two, most have three or four. */
export const choiceSlots = 4;

const lessonSlug = slug.refine((s) => !(reservedLessonSlugs as readonly string[]).includes(s), { message: 'courses.errors.slug' });

/** The publisher a new course is written for: `secretariat`, or an initiative's slug. */
export const NewCourseSchema = z.object({
  slug,
  language: z.enum(locales),
  title: singleLine(200),
  summary: multiLine(2_000),
  publisher: singleLine(80),
});
export type NewCourseInput = z.output<typeof NewCourseSchema>;

const perLanguageFields = <T extends z.ZodTypeAny>(name: string, item: T) =>
  Object.fromEntries(locales.map((l) => [`${name}_${l}`, optional(item)])) as Record<string, ReturnType<typeof optional<T>>>;

/** A course's title and summary in each language it has: a translation needs both. */
export const CourseTextsSchema = z.object({ ...perLanguageFields('title', singleLine(200)), ...perLanguageFields('summary', multiLine(2_000)) })
  .superRefine((form, ctx) => {
    for (const l of locales) {
      const title = form[`title_${l}`];
      const summary = form[`summary_${l}`];
      if (title && !summary) ctx.addIssue({ code: 'custom', path: [`summary_${l}`], message: 'common.errors.required' });
      if (summary && !title) ctx.addIssue({ code: 'custom', path: [`title_${l}`], message: 'common.errors.required' });
    }
  })
  .transform((form) => {
    const texts: Partial<Record<Locale, { title: string; summary: string }>> = {};
    for (const l of locales) if (form[`title_${l}`] && form[`summary_${l}`]) texts[l] = { title: form[`title_${l}`] as string, summary: form[`summary_${l}`] as string };
    return texts;
  });
export type CourseTextsInput = z.output<typeof CourseTextsSchema>;

/** A module's title in each language it has (`name_es`…: the course's own title fields sit on the same page). */
export const ModuleSchema = z.object(perLanguageFields('name', singleLine(200))).transform((form) => {
  const titles: Partial<Record<Locale, string>> = {};
  for (const l of locales) if (form[`name_${l}`]) titles[l] = form[`name_${l}`] as string;
  return titles;
});
export type ModuleInput = z.output<typeof ModuleSchema>;

/** Moving a module or a lesson one place. */
export const MoveSchema = z.object({ direction: z.enum(['up', 'down']) });

/**
 * A lesson's form, in one language: `save` keeps it, `preview` shows the text rendered, `image`
 * uploads the chosen file and adds its reference to the text. Titles and texts are required to
 * save, alt text to add an image. The quiz's wording in a translation (`q…` fields) is read by
 * `quizWordingFromForm`, once the original's questions are known.
 */
export const LessonFormSchema = z.object({
  intent: z.enum(['save', 'preview', 'image']),
  /** A new lesson's address, module and language. */
  slug: optional(lessonSlug),
  module: optional(wholeNumber(0, 99)),
  language: optional(z.enum(locales)),
  title: optional(singleLine(200)),
  body: optional(multiLine(20_000)),
  image_alt: optional(singleLine(300)),
}).superRefine((form, ctx) => {
  if (form.intent === 'save' && !form.language) ctx.addIssue({ code: 'custom', path: ['language'], message: 'common.errors.required' });
  if (form.intent === 'save' && !form.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'common.errors.required' });
  if (form.intent === 'save' && !form.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'common.errors.required' });
  if (form.intent === 'image' && !form.image_alt) ctx.addIssue({ code: 'custom', path: ['image_alt'], message: 'courses.errors.alt_missing' });
});
export type LessonFormInput = z.output<typeof LessonFormSchema>;

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return (Array.isArray(value) ? value[0] ?? '' : value ?? '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
};

type Issue = { field: string; message: string; params?: Record<string, number> };

/** A text checked as its schema says, or the issue it raises (by message key). */
function checked(schema: z.ZodTypeAny, value: string, field: string, issues: Issue[]): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as string;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'too_big') issues.push({ field, message: 'common.errors.too_long', params: { max: Number(issue.maximum) } });
  else issues.push({ field, message: issue.message.startsWith('common.') ? issue.message : 'common.errors.invalid_value' });
  return value;
}

const promptText = singleLine(500);
const choiceText = singleLine(300);
const explanationText = multiLine(1_000);

export interface QuizDraft {
  questions: LessonTexts['questions'];
  answers: number[];
}

/**
 * A quiz from its form: blank blocks and blank choices are left out, as is a block marked for
 * removal; every kept question needs its prompt, at least two choices, an explanation for every
 * choice, and which choice is right.
 */
export function quizFromForm(values: FormValues): { quiz: QuizDraft; issues: Issue[] } {
  const issues: Issue[] = [];
  const quiz: QuizDraft = { questions: [], answers: [] };
  for (let q = 0; q <= maxQuestions; q++) {
    const at = (name: string) => `q${q}_${name}`;
    const slots = Array.from({ length: maxChoices }, (_, c) => ({ c, text: text(values, at(`c${c}_text`)), explanation: text(values, at(`c${c}_explanation`)) }));
    const prompt = text(values, at('prompt'));
    if (text(values, at('remove')) || (!prompt && slots.every((s) => !s.text && !s.explanation))) continue;
    if (quiz.questions.length === maxQuestions) {
      issues.push({ field: at('prompt'), message: 'courses.errors.too_many_questions', params: { max: maxQuestions } });
      continue;
    }
    if (!prompt) issues.push({ field: at('prompt'), message: 'common.errors.required' });
    const kept = slots.filter((s) => s.text || s.explanation);
    const choices = kept.map((s) => {
      if (!s.text) issues.push({ field: at(`c${s.c}_text`), message: 'common.errors.required' });
      if (!s.explanation) issues.push({ field: at(`c${s.c}_explanation`), message: 'courses.errors.explanation_missing' });
      return { text: checked(choiceText, s.text, at(`c${s.c}_text`), issues), explanation: checked(explanationText, s.explanation, at(`c${s.c}_explanation`), issues) };
    });
    if (kept.length < 2) issues.push({ field: at(`c${kept.length}_text`), message: 'courses.errors.two_choices' });
    const right = text(values, at('right'));
    const index = kept.findIndex((s) => String(s.c) === right);
    if (!right) issues.push({ field: at('right'), message: 'courses.errors.right_missing' });
    else if (index < 0) issues.push({ field: at('right'), message: 'courses.errors.no_such_choice' });
    quiz.questions.push({ prompt: prompt ? checked(promptText, prompt, at('prompt'), issues) : prompt, choices });
    quiz.answers.push(index);
  }
  return { quiz, issues };
}

/** The quiz's form: any field, read by `quizFromForm`. */
export const QuizFormSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())])).superRefine((values, ctx) => {
  for (const issue of quizFromForm(values).issues) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message, params: issue.params });
}).transform((values) => quizFromForm(values).quiz);

/**
 * A translation's wording of the original's quiz: as many questions and choices, every field
 * filled; all blank, the readers of that language get the quiz in the original's words.
 */
export function quizWordingFromForm(values: FormValues, original: LessonTexts['questions']): { questions: LessonTexts['questions']; issues: Issue[] } {
  const issues: Issue[] = [];
  const fields = original.flatMap((question, q) => [`q${q}_prompt`, ...question.choices.flatMap((_, c) => [`q${q}_c${c}_text`, `q${q}_c${c}_explanation`])]);
  if (fields.every((f) => !text(values, f))) return { questions: [], issues };
  const filled = (field: string, schema: z.ZodTypeAny) => {
    const value = text(values, field);
    if (!value) {
      issues.push({ field, message: 'courses.errors.wording_missing' });
      return value;
    }
    return checked(schema, value, field, issues);
  };
  const questions = original.map((question, q) => ({
    prompt: filled(`q${q}_prompt`, promptText),
    choices: question.choices.map((_, c) => ({ text: filled(`q${q}_c${c}_text`, choiceText), explanation: filled(`q${q}_c${c}_explanation`, explanationText) })),
  }));
  return { questions, issues };
}
