import { brotliCompressSync, constants } from 'node:zlib';
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

/** A page's first visit, compressed as sent, images included (DESIGN §6). */
export const firstVisitBudget = 50 * 1024;
/** What a lesson page weighs around the lesson's words: the layout and the stylesheet (about 4 KB compressed) and the quiz form's markup, with room to spare. */
export const pageAllowance = 10 * 1024;
/**
 * The most a lesson's own words (title, text and quiz in one language) may weigh once compressed
 * (docs/decisions/037), so that with the page around them a first visit stays within budget.
 * Ordinary prose at the longest the forms allow stays well below; only text that does not
 * compress (pasted data, say) reaches it.
 */
export const maxLessonWeight = firstVisitBudget - pageAllowance;

/**
 * What a lesson's words in one language weigh, compressed. A fast brotli level: it runs on every
 * lesson page, and it weighs a little more than the server's own compression, so it errs safe.
 */
export const lessonWeight = (texts: LessonTexts) => brotliCompressSync(Buffer.from(JSON.stringify(texts)), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;

/**
 * How a lesson page shows each image, in the order the text names them: shown in the page while
 * the first visit stays within budget (the words weighed, the images' bytes added), and past that
 * as a link with its size, so a reader on a slow link chooses to load it.
 */
export function imagesInBudget(words: number, images: ReadonlyArray<{ id: string; size: number }>): Map<string, 'shown' | { kb: number }> {
  let room = firstVisitBudget - pageAllowance - words;
  return new Map(images.map(({ id, size }): [string, 'shown' | { kb: number }] => {
    if (size <= room) {
      room -= size;
      return [id, 'shown'];
    }
    return [id, { kb: Math.ceil(size / 1024) }];
  }));
}
