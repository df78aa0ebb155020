import { raw } from 'hono/html';
import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import { renderMarkdown } from '../../reports/index.ts';
import { quizIn, inReadersLanguage } from '../content.ts';
import { withImages } from '../images.ts';
import type { Course } from '../queries.ts';

/** Enough style to read comfortably on a phone or print; inline, so the file needs nothing else. */
const style = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:0 auto;padding:1rem;color:#1a1a1a}
h1,h2,h3{line-height:1.25}section{border-top:1px solid #ccc;margin-top:2rem}.note{background:#f3f3f3;padding:.5rem 1rem}
.right{font-weight:700}a{color:#0645ad}img{max-width:100%;height:auto}@media print{section{break-before:page}}`;

/**
 * A whole course as one HTML file for reading offline: every lesson in the reader's language (or
 * the original), then every quiz with its answers and explanations. No scripts, no outside files:
 * images are data URIs.
 */
export function offlineCourse(course: Course, locale: Locale, t: Translate, address: string, images: ReadonlyMap<string, string>): string {
  const shown = inReadersLanguage(course.content.texts, course.language, locale);
  const lessons = course.lessons.map((lesson) => ({ lesson, shown: inReadersLanguage(lesson.content.texts, lesson.language, locale), quiz: quizIn(lesson, locale) }));
  const page = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{shown.texts.title}</title>
        <style>{raw(style)}</style>
      </head>
      <body>
        <header>
          <h1 lang={shown.language}>{shown.texts.title}</h1>
          <p lang={shown.language}>{shown.texts.summary}</p>
          <p class="note">{t('courses.offline.note', { address })}</p>
          <nav aria-label={t('courses.offline.contents')}>
            <ol>{lessons.map(({ lesson, shown: s }) => <li><a href={`#${lesson.slug}`} lang={s.language}>{s.texts.title}</a></li>)}</ol>
          </nav>
        </header>
        <main>
          {lessons.map(({ lesson, shown: s }) => (
            <section id={lesson.slug} lang={s.language}>
              <h2>{s.texts.title}</h2>
              {s.fallback && <p class="note" lang={locale}>{t('courses.offline.not_translated')}</p>}
              <div>{raw(withImages(s.texts.body, renderMarkdown, (id) => images.get(id) ?? null))}</div>
            </section>
          ))}
          <section id="answers">
            <h2>{t('courses.offline.answers')}</h2>
            {lessons.map(({ lesson, shown: s, quiz }) => quiz.questions.length > 0 && (
              <div lang={quiz.language}>
                <h3 lang={s.language}>{s.texts.title}</h3>
                <ol>
                  {quiz.questions.map((q, i) => (
                    <li>
                      <p>{q.prompt}</p>
                      <ul>{q.choices.map((choice, c) => <li><span class={c === lesson.content.answers[i] ? 'right' : undefined}>{choice.text}{c === lesson.content.answers[i] ? ` ✔ (${t('courses.result.correct_answer')})` : ''}</span> — {choice.explanation}</li>)}</ul>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}
