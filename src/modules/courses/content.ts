import { locales, type Locale } from '../../platform/i18n/index.ts';
import type { LessonTexts } from './schema.ts';

/** What a course stores besides its columns: its texts and its modules' titles, per language. */
export interface CourseContent {
  texts: Partial<Record<Locale, { title: string; summary: string }>>;
  modules: Array<{ titles: Partial<Record<Locale, string>> }>;
}

/** A lesson's texts per language and its quiz's right answers (shared by every language). */
export interface LessonContent {
  texts: Partial<Record<Locale, LessonTexts>>;
  answers: number[];
}

/**
 * The version a reader gets: theirs when there is one, else the original (and `fallback`, so the
 * page can say it is not yet in their language).
 */
export function inReadersLanguage<T>(texts: Partial<Record<Locale, T>>, original: string, reader: Locale): { language: Locale; texts: T; fallback: boolean } {
  const own = texts[reader];
  if (own) return { language: reader, texts: own, fallback: false };
  const language = (locales as readonly string[]).includes(original) ? (original as Locale) : (Object.keys(texts)[0] as Locale);
  return { language, texts: texts[language]!, fallback: true };
}

/** Whether the reader has the text in their language (the original counts). */
export const hasLanguage = (texts: Partial<Record<Locale, unknown>>, reader: Locale) => texts[reader] !== undefined;

/** The languages a text exists in, the original first. */
export const languagesOf = (texts: Partial<Record<Locale, unknown>>, original: string) =>
  [original, ...locales.filter((l) => l !== original && texts[l] !== undefined)];

/**
 * The pass mark (docs/decisions/033): at least two thirds of the questions right — two of three for
 * the starter course's quizzes. One slip does not hold a learner back; guessing does not pass.
 */
export const passes = (right: number, questions: number) => questions === 0 || right * 3 >= questions * 2;

/**
 * A quiz's wording for a reader (docs/decisions/037): the translation's when it asks the same
 * questions with the same choices as the original, else the original's. A translation may be
 * written before its quiz, and an edited quiz leaves older translations' wording behind.
 */
export function quizIn(lesson: { language: string; content: LessonContent }, reader: Locale): { language: Locale; questions: LessonTexts['questions'] } {
  const original = lesson.content.texts[lesson.language as Locale]!;
  const own = lesson.content.texts[reader];
  if (own && sameShape(own.questions, original.questions)) return { language: reader, questions: own.questions };
  return { language: lesson.language as Locale, questions: original.questions };
}

/** Whether two wordings of a quiz ask as many questions, each with as many choices. */
export const sameShape = (a: LessonTexts['questions'], b: LessonTexts['questions']) =>
  a.length === b.length && a.every((q, i) => q.choices.length === b[i]!.choices.length);
