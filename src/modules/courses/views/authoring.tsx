/** The pages that write a course (docs/decisions/037): every one a plain form, no script needed. */
import { raw } from 'hono/html';
import { useView } from '../../../platform/views/context.ts';
import { Checkbox, FileField, Notice, PostForm, SelectField, TextArea, TextField } from '../../../platform/views/components.tsx';
import { languageName, locales, type Locale } from '../../../platform/i18n/index.ts';
import type { FailedForm } from '../../../platform/http/action.ts';
import { valueOf, type FormValues } from '../../../platform/http/forms.ts';
import { renderMarkdown } from '../../reports/index.ts';
import { inReadersLanguage, languagesOf } from '../content.ts';
import { maxImageBytes, withImages } from '../images.ts';
import type { Course, Lesson, Listed } from '../queries.ts';
import { choiceSlots, maxChoices, maxQuestions } from '../authoringSchema.ts';

const editAddress = (course: Pick<Course, 'slug'>) => `/courses/${course.slug}/edit`;

function StatusBadge({ status }: { status: Course['status'] }) {
  const { t } = useView();
  return <span class="badge">{t(`courses.write.status.${status}`)}</span>;
}

/** The courses someone may write, whatever their state, and the way to start one. */
export function MyCoursesPage({ courses, canStart }: { courses: Listed[]; canStart: boolean }) {
  const { t, locale } = useView();
  return (
    <>
      <p class="back"><a href="/courses">{t('courses.page.back_to_list')}</a></p>
      <h1>{t('courses.write.mine.title')}</h1>
      <p>{t('courses.write.mine.intro')}</p>
      {canStart ? <p><a href="/my/courses/new">{t('courses.write.mine.new')}</a></p> : <p>{t('courses.write.mine.who')}</p>}
      <p><a href="/my/course-images">{t('courses.list.images_link')}</a></p>
      {courses.length === 0 ? <p>{t('courses.write.mine.none')}</p> : (
        <ul class="results">
          {courses.map((course) => {
            const shown = inReadersLanguage(course.content.texts, course.language, locale);
            return (
              <li lang={shown.language}>
                <h2><a href={editAddress(course)}>{shown.texts.title}</a></h2>
                <p class="meta"><StatusBadge status={course.status} /> · {course.initiative ? course.initiative.name : t('courses.page.by_secretariat')} · {t('courses.list.lessons', { count: course.lessons })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Starting a course: its address, language, title and summary, and for whom it is written. */
export function NewCoursePage({ publishers, form }: { publishers: Array<{ value: string; label: string }>; form?: FailedForm }) {
  const { t, locale } = useView();
  const labels = { slug: t('courses.write.fields.slug'), language: t('courses.write.fields.language'), title: t('courses.write.fields.title'), summary: t('courses.write.fields.summary'), publisher: t('courses.write.fields.publisher') };
  const value = (name: string) => valueOf(form?.values, name);
  return (
    <>
      <p class="back"><a href="/my/courses">{t('courses.write.mine.title')}</a></p>
      <h1>{t('courses.write.new.title')}</h1>
      <p>{t('courses.write.new.intro')}</p>
      <PostForm action="/my/courses/new" anchor="new-course" errors={form?.errors} labels={labels}>
        <SelectField name="publisher" label={labels.publisher} options={publishers} value={value('publisher')} error={form?.errors.publisher} />
        <TextField name="title" label={labels.title} value={value('title')} error={form?.errors.title} maxlength={200} />
        <TextField name="slug" label={labels.slug} hint={t('courses.write.fields.slug_hint')} value={value('slug')} error={form?.errors.slug} maxlength={80} />
        <SelectField name="language" label={labels.language} hint={t('courses.write.fields.language_hint')} value={value('language') || locale}
          options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} error={form?.errors.language} />
        <TextArea name="summary" label={labels.summary} value={value('summary')} error={form?.errors.summary} maxlength={2_000} />
        <button type="submit">{t('courses.write.new.submit')}</button>
      </PostForm>
    </>
  );
}

/** A title (and summary) in each language: the original's first and required, the others optional. */
function PerLanguage({ course, names, values, errors }: { course: Pick<Course, 'language'>; names: Array<{ name: string; label: string; long?: boolean }>; values: (field: string) => string; errors?: Record<string, string> }) {
  const { t, locale } = useView();
  const order = [course.language as Locale, ...locales.filter((l) => l !== course.language)];
  return (
    <>
      {order.map((l) => (
        <fieldset lang={l}>
          <legend>{l === course.language ? t('courses.write.fields.in_original', { language: languageName(l, locale) }) : t('courses.write.fields.in_translation', { language: languageName(l, locale) })}</legend>
          {names.map(({ name, label, long }) => (long
            ? <TextArea name={`${name}_${l}`} label={label} value={values(`${name}_${l}`)} error={errors?.[`${name}_${l}`]} maxlength={2_000} />
            : <TextField name={`${name}_${l}`} label={label} value={values(`${name}_${l}`)} error={errors?.[`${name}_${l}`]} maxlength={200} />))}
        </fieldset>
      ))}
    </>
  );
}

const perLanguageLabels = (course: Pick<Course, 'language'>, names: Array<{ name: string; label: string }>, t: (key: string, values?: Record<string, string>) => string, locale: Locale) =>
  Object.fromEntries([course.language as Locale, ...locales.filter((l) => l !== course.language)].flatMap((l) => names.map(({ name, label }) => [`${name}_${l}`, `${label} (${languageName(l, locale)})`])));

/** The course's writing desk: its state, its texts, its modules and lessons, publishing and withdrawing. */
/** The part of the writing desk a refused form belongs to, where its errors show. */
export type DeskSection = 'texts' | 'module' | 'state' | 'contents';

export function EditCoursePage({ course, form, notice }: { course: Course; form?: FailedForm & { which: DeskSection }; notice?: string }) {
  const { t, locale } = useView();
  const shown = inReadersLanguage(course.content.texts, course.language, locale);
  const textNames = [{ name: 'title', label: t('courses.write.fields.title') }, { name: 'summary', label: t('courses.write.fields.summary'), long: true }];
  const textValue = (field: string) => {
    if (form?.which === 'texts') return valueOf(form.values, field);
    const [name, l] = field.split('_') as ['title' | 'summary', Locale];
    return course.content.texts[l]?.[name] ?? '';
  };
  const moduleNames = [{ name: 'name', label: t('courses.write.fields.module_title') }];
  const moduleValue = (field: string) => (form?.which === 'module' ? valueOf(form.values, field) : '');
  const day = (at: string | null) => (at ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at)) : '');
  return (
    <>
      <p class="back"><a href="/my/courses">{t('courses.write.mine.title')}</a></p>
      <h1 lang={shown.language}>{t('courses.write.edit.title', { title: shown.texts.title })}</h1>
      <p class="meta">
        <StatusBadge status={course.status} /> · {course.initiative ? course.initiative.name : t('courses.page.by_secretariat')}
        {course.published_at && course.status === 'published' && <> · {t('courses.write.edit.published_on', { date: day(course.published_at) })}</>}
      </p>
      <Notice message={notice ? t(`courses.write.notice.${notice}`) : undefined} />
      {course.status !== 'draft' && <p><a href={`/courses/${course.slug}`}>{t('courses.write.edit.see')}</a></p>}

      <section aria-labelledby="state">
        <h2 id="state">{t('courses.write.state.title')}</h2>
        <p>{t(`courses.write.state.${course.status}`)}</p>
        {form?.which === 'state' && <p class="alert" role="alert">{form.errors._form}</p>}
        {course.status === 'published'
          ? <PostForm action={`${editAddress(course)}/withdraw`} anchor="withdraw"><button type="submit" class="secondary">{t('courses.write.state.withdraw')}</button></PostForm>
          : <PostForm action={`${editAddress(course)}/publish`} anchor="publish"><button type="submit">{t('courses.write.state.publish')}</button></PostForm>}
      </section>

      <section aria-labelledby="contents">
        <h2 id="contents">{t('courses.write.modules.title')}</h2>
        {form?.which === 'contents' && <p class="alert" role="alert">{Object.values(form.errors)[0]}</p>}
        {course.content.modules.length === 0 && <p>{t('courses.write.modules.none')}</p>}
        {course.content.modules.map((module, m) => {
          const title = inReadersLanguage(module.titles, course.language, locale);
          const lessons = course.lessons.filter((l) => l.module === m);
          return (
            <section aria-labelledby={`module-${m}`} class="summary">
              <h3 id={`module-${m}`} lang={title.language}>{t('courses.page.module', { number: m + 1, title: title.texts })}</h3>
              <p>
                <a href={`${editAddress(course)}/modules/${m}`}>{t('courses.write.modules.edit', { number: m + 1 })}</a>
                {' · '}<a href={`${editAddress(course)}/lessons/new?module=${m}`}>{t('courses.write.modules.add_lesson', { number: m + 1 })}</a>
              </p>
              <MoveButtons action={`${editAddress(course)}/modules/${m}/move`} first={m === 0} last={m === course.content.modules.length - 1} what={t('courses.write.modules.which', { number: m + 1 })} />
              {lessons.length === 0 ? <p>{t('courses.write.modules.empty')}</p> : (
                <ol>
                  {lessons.map((lesson, i) => <LessonItem course={course} lesson={lesson} first={i === 0} last={i === lessons.length - 1} />)}
                </ol>
              )}
            </section>
          );
        })}
        <h3 id="add-module">{t('courses.write.modules.add')}</h3>
        <PostForm action={`${editAddress(course)}/modules`} anchor="new-module" errors={form?.which === 'module' ? form.errors : undefined} labels={perLanguageLabels(course, moduleNames, t, locale)}>
          <PerLanguage course={course} names={moduleNames} values={moduleValue} errors={form?.which === 'module' ? form.errors : undefined} />
          <button type="submit">{t('courses.write.modules.add_submit')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="texts">
        <h2 id="texts">{t('courses.write.texts.title')}</h2>
        <p>{t('courses.write.texts.intro')}</p>
        <PostForm action={`${editAddress(course)}/texts`} anchor="course-texts" errors={form?.which === 'texts' ? form.errors : undefined} labels={perLanguageLabels(course, textNames, t, locale)}>
          <PerLanguage course={course} names={textNames} values={textValue} errors={form?.which === 'texts' ? form.errors : undefined} />
          <button type="submit">{t('courses.write.texts.submit')}</button>
        </PostForm>
      </section>
    </>
  );
}

/** Two small forms that move a module or a lesson one place (the first cannot go up, the last down). */
function MoveButtons({ action, first, last, what }: { action: string; first: boolean; last: boolean; what: string }) {
  const { t } = useView();
  if (first && last) return null;
  return (
    <div class="actions">
      {/* The visible words start the button's name; what it moves follows, for screen readers. */}
      {!first && <PostForm action={action}><input type="hidden" name="direction" value="up" /><button type="submit" class="secondary">{t('courses.write.move.up')}<span class="visually-hidden"> ({what})</span></button></PostForm>}
      {!last && <PostForm action={action}><input type="hidden" name="direction" value="down" /><button type="submit" class="secondary">{t('courses.write.move.down')}<span class="visually-hidden"> ({what})</span></button></PostForm>}
    </div>
  );
}

function LessonItem({ course, lesson, first, last }: { course: Course; lesson: Lesson; first: boolean; last: boolean }) {
  const { t, locale } = useView();
  const base = `${editAddress(course)}/lessons/${lesson.slug}`;
  const questions = lesson.content.answers.length;
  return (
    <li>
      <strong lang={lesson.language}>{lesson.title}</strong>{' '}
      <span class="meta">({languageName(lesson.language as Locale, locale)} · {t('courses.write.lessons.questions', { count: questions })})</span>
      <ul>
        <li><a href={base}>{t('courses.write.lessons.edit')}</a></li>
        <li><a href={`${base}/quiz`}>{t('courses.write.lessons.edit_quiz')}</a></li>
        <li>
          {t('courses.write.lessons.translations')}{' '}
          {locales.filter((l) => l !== lesson.language).map((l, i) => (
            <>{i > 0 && ', '}<a href={`${base}?language=${l}`}>{languageName(l, locale)}</a>{lesson.content.texts[l] ? ` (${t('courses.write.lessons.translated')})` : ''}</>
          ))}
        </li>
      </ul>
      <MoveButtons action={`${base}/move`} first={first} last={last} what={lesson.title} />
    </li>
  );
}

/** A module's titles. */
export function ModulePage({ course, module, form }: { course: Course; module: number; form?: FailedForm }) {
  const { t, locale } = useView();
  const names = [{ name: 'name', label: t('courses.write.fields.module_title') }];
  const titles = course.content.modules[module]!.titles;
  const value = (field: string) => (form ? valueOf(form.values, field) : titles[field.split('_')[1] as Locale] ?? '');
  return (
    <>
      <p class="back"><a href={`${editAddress(course)}#module-${module}`}>{t('courses.write.back')}</a></p>
      <h1>{t('courses.write.modules.which', { number: module + 1 })}</h1>
      <PostForm action={`${editAddress(course)}/modules/${module}`} anchor="module" errors={form?.errors} labels={perLanguageLabels(course, names, t, locale)}>
        <PerLanguage course={course} names={names} values={value} errors={form?.errors} />
        <button type="submit">{t('courses.write.save')}</button>
      </PostForm>
    </>
  );
}

/** The lesson's text, its images rendered as readers see them (the writer's private ones included). */
const Preview = ({ text, lang }: { text: string; lang: string }) => (
  <div class="prose" lang={lang}>{raw(withImages(text, renderMarkdown, (id) => `/course-images/${id}`))}</div>
);

export interface LessonFormView {
  course: Course;
  /** None: a new lesson, in `module`. */
  lesson: Lesson | null;
  module: number;
  /** The language written in this form. */
  language: Locale;
  /** What the form shows: what was sent, else what is stored. */
  values: FormValues;
  errors?: Record<string, string>;
  /** The text to show rendered above the form (after "Preview"). */
  preview?: string;
  notice?: string;
}

/** Writing a lesson in one language: its text in Markdown, a preview, images, and in a translation its quiz's wording. */
export function LessonFormPage(view: LessonFormView) {
  const { t, locale } = useView();
  const { course, lesson, language, values, errors } = view;
  const isNew = lesson === null;
  const isTranslation = lesson !== null && language !== lesson.language;
  const original = lesson ? lesson.content.texts[lesson.language as Locale]! : null;
  const action = isNew ? `${editAddress(course)}/lessons/new` : `${editAddress(course)}/lessons/${lesson.slug}`;
  const labels: Record<string, string> = {
    ...(isNew ? { slug: t('courses.write.fields.lesson_slug'), language: t('courses.write.fields.lesson_language') } : {}),
    title: t('courses.write.fields.lesson_title'), body: t('courses.write.fields.body'),
    ...(isTranslation && original ? wordingLabels(original.questions, t) : {}),
    image: t('courses.images.file'), image_alt: t('courses.write.fields.alt'),
  };
  const value = (name: string) => valueOf(values, name);
  const heading = isNew
    ? t('courses.write.lessons.new', { number: view.module + 1 })
    : isTranslation ? t('courses.write.lessons.translating', { title: lesson.title, language: languageName(language, locale) }) : t('courses.write.lessons.editing', { title: lesson.title });
  return (
    <>
      <p class="back"><a href={`${editAddress(course)}#module-${view.module}`}>{t('courses.write.back')}</a></p>
      <h1>{heading}</h1>
      {lesson && languagesOf(lesson.content.texts, lesson.language).length > 0 && (
        <p class="meta">{t('courses.write.lessons.languages')}{' '}
          {[lesson.language as Locale, ...locales.filter((l) => l !== lesson.language)].map((l, i) => (
            <>{i > 0 && ' · '}{l === language ? <strong>{languageName(l, locale)}</strong> : <a href={`${action}?language=${l}`}>{languageName(l, locale)}</a>}</>
          ))}
        </p>
      )}
      <Notice message={view.notice ? t(`courses.write.notice.${view.notice}`) : undefined} />
      {/* Multipart, for the image. */}
      <PostForm action={action} anchor="lesson-form" errors={errors} labels={labels} multipart>
        {view.preview !== undefined && (
          <section aria-labelledby="preview-title" class="note">
            <h2 id="preview-title">{t('courses.write.lessons.preview_title')}</h2>
            <Preview text={view.preview} lang={language} />
          </section>
        )}
        {isNew ? (
          <>
            <input type="hidden" name="module" value={String(view.module)} />
            <TextField name="slug" label={labels.slug!} hint={t('courses.write.fields.lesson_slug_hint')} value={value('slug')} error={errors?.slug} maxlength={80} />
            <SelectField name="language" label={labels.language!} value={value('language') || language} options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} error={errors?.language} />
          </>
        ) : <input type="hidden" name="language" value={language} />}
        {isTranslation && original && (
          <>
            <p class="hint">{t('courses.write.lessons.original_is', { title: original.title })}</p>
            <details>
              <summary>{t('courses.write.lessons.original_text')}</summary>
              <Preview text={original.body} lang={lesson.language} />
            </details>
          </>
        )}
        <TextField name="title" label={labels.title!} value={value('title')} error={errors?.title} maxlength={200} lang={isNew ? undefined : language} />
        <div lang={isNew ? undefined : language}>
          <TextArea name="body" label={labels.body!} hint={t('courses.write.fields.body_hint')} value={value('body')} error={errors?.body} maxlength={20_000} />
        </div>
        {isTranslation && original && original.questions.length > 0 && <QuizWording questions={original.questions} values={values} errors={errors} language={language} />}
        <div class="actions">
          <button type="submit" name="intent" value="save">{t('courses.write.save')}</button>
          <button type="submit" name="intent" value="preview" class="secondary">{t('courses.write.lessons.preview')}</button>
        </div>
        <fieldset id="image">
          <legend>{t('courses.write.lessons.image_title')}</legend>
          <p class="hint">{t('courses.write.lessons.image_hint')}</p>
          <FileField name="image" label={labels.image!} hint={t('courses.images.hint', { max: maxImageBytes / 1024 })} error={errors?.image} accept="image/png,image/jpeg,image/webp,image/gif" />
          <TextField name="image_alt" label={labels.image_alt!} hint={t('courses.write.fields.alt_hint')} value={value('image_alt')} error={errors?.image_alt} maxlength={300} />
          <button type="submit" name="intent" value="image" class="secondary">{t('courses.write.lessons.image_submit')}</button>
        </fieldset>
      </PostForm>
    </>
  );
}

type Questions = NonNullable<Lesson['content']['texts'][Locale]>['questions'];

const wordingLabels = (questions: Questions, t: (key: string, values?: Record<string, string | number>) => string) =>
  Object.fromEntries(questions.flatMap((q, i) => [
    [`q${i}_prompt`, t('courses.write.quiz.prompt_of', { number: i + 1 })],
    ...q.choices.flatMap((_, c) => [[`q${i}_c${c}_text`, t('courses.write.quiz.choice_of', { number: i + 1, choice: c + 1 })], [`q${i}_c${c}_explanation`, t('courses.write.quiz.explanation_of', { number: i + 1, choice: c + 1 })]]),
  ]));

/** A translation's wording of the quiz: each field shows the original's words as its hint. */
function QuizWording({ questions, values, errors, language }: { questions: Questions; values: FormValues; errors?: Record<string, string>; language: Locale }) {
  const { t } = useView();
  return (
    <section aria-labelledby="wording-title">
      <h2 id="wording-title">{t('courses.write.quiz.wording_title')}</h2>
      <p>{t('courses.write.quiz.wording_intro')}</p>
      {questions.map((q, i) => (
        <fieldset lang={language}>
          <legend>{t('courses.quiz.question', { number: i + 1 })}</legend>
          <TextField name={`q${i}_prompt`} label={t('courses.write.quiz.prompt')} hint={t('courses.write.quiz.original', { text: q.prompt })} value={valueOf(values, `q${i}_prompt`)} error={errors?.[`q${i}_prompt`]} maxlength={500} />
          {q.choices.map((choice, c) => (
            <>
              <TextField name={`q${i}_c${c}_text`} label={t('courses.write.quiz.choice', { choice: c + 1 })} hint={t('courses.write.quiz.original', { text: choice.text })} value={valueOf(values, `q${i}_c${c}_text`)} error={errors?.[`q${i}_c${c}_text`]} maxlength={300} />
              <TextArea name={`q${i}_c${c}_explanation`} label={t('courses.write.quiz.explanation', { choice: c + 1 })} hint={t('courses.write.quiz.original', { text: choice.explanation })} value={valueOf(values, `q${i}_c${c}_explanation`)} error={errors?.[`q${i}_c${c}_explanation`]} maxlength={1_000} />
            </>
          ))}
        </fieldset>
      ))}
    </section>
  );
}

/** A translation's wording of the quiz as form values (no right answers: they are the original's). */
export function quizWordingValues(questions: Questions): FormValues {
  return Object.fromEntries(questions.flatMap((q, i) => [
    [`q${i}_prompt`, q.prompt],
    ...q.choices.flatMap((choice, c) => [[`q${i}_c${c}_text`, choice.text], [`q${i}_c${c}_explanation`, choice.explanation]]),
  ]));
}

/** The form values of a stored quiz: one block per question, and a blank one to add a question. */
export function quizValues(questions: Questions, answers: readonly number[]): FormValues {
  const values: FormValues = {};
  questions.forEach((q, i) => {
    values[`q${i}_prompt`] = q.prompt;
    values[`q${i}_right`] = String(answers[i]);
    q.choices.forEach((choice, c) => {
      values[`q${i}_c${c}_text`] = choice.text;
      values[`q${i}_c${c}_explanation`] = choice.explanation;
    });
  });
  return values;
}

/** How many question blocks the form shows: those sent or stored, and one more to add. */
const blocksOf = (values: FormValues) => {
  let last = -1;
  for (const key of Object.keys(values)) {
    const m = /^q(\d+)_/.exec(key);
    if (m && Number(m[1]) <= maxQuestions && valueOf(values, key) !== '') last = Math.max(last, Number(m[1]));
  }
  return Math.min(last + 2, maxQuestions + 1);
};

/** Writing a lesson's quiz in its own language: questions, choices, an explanation for every choice, the right one. */
export function QuizEditPage({ course, lesson, values, errors, notice }: { course: Course; lesson: Lesson; values: FormValues; errors?: Record<string, string>; notice?: string }) {
  const { t } = useView();
  const blocks = blocksOf(values);
  const slotsOf = (q: number) => {
    let last = -1;
    for (let c = 0; c < maxChoices; c++) if (valueOf(values, `q${q}_c${c}_text`) || valueOf(values, `q${q}_c${c}_explanation`)) last = c;
    return Math.min(Math.max(choiceSlots, last + 1), maxChoices);
  };
  const labels: Record<string, string> = {};
  for (let q = 0; q < blocks; q++) {
    labels[`q${q}_prompt`] = t('courses.write.quiz.prompt_of', { number: q + 1 });
    for (let c = 0; c < slotsOf(q); c++) {
      labels[`q${q}_c${c}_text`] = t('courses.write.quiz.choice_of', { number: q + 1, choice: c + 1 });
      labels[`q${q}_c${c}_explanation`] = t('courses.write.quiz.explanation_of', { number: q + 1, choice: c + 1 });
    }
    labels[`q${q}_right`] = t('courses.write.quiz.right_of', { number: q + 1 });
  }
  const stored = lesson.content.answers.length;
  return (
    <>
      <p class="back"><a href={`${editAddress(course)}#module-${lesson.module}`}>{t('courses.write.back')}</a></p>
      <h1>{t('courses.write.quiz.title', { title: lesson.title })}</h1>
      <p>{t('courses.write.quiz.intro')}</p>
      <Notice message={notice ? t(`courses.write.notice.${notice}`) : undefined} />
      <PostForm action={`${editAddress(course)}/lessons/${lesson.slug}/quiz`} anchor="quiz-form" errors={errors} labels={labels}>
        <div lang={lesson.language}>
          {Array.from({ length: blocks }, (_, q) => (
            <fieldset id={`question-${q}`}>
              <legend>{q < stored ? t('courses.quiz.question', { number: q + 1 }) : t('courses.write.quiz.new_question')}</legend>
              <TextField name={`q${q}_prompt`} label={t('courses.write.quiz.prompt')} value={valueOf(values, `q${q}_prompt`)} error={errors?.[`q${q}_prompt`]} maxlength={500} />
              {Array.from({ length: slotsOf(q) }, (_, c) => (
                <div class="field">
                  <TextField name={`q${q}_c${c}_text`} label={t('courses.write.quiz.choice', { choice: c + 1 })} value={valueOf(values, `q${q}_c${c}_text`)} error={errors?.[`q${q}_c${c}_text`]} maxlength={300} />
                  <TextArea name={`q${q}_c${c}_explanation`} label={t('courses.write.quiz.explanation', { choice: c + 1 })} value={valueOf(values, `q${q}_c${c}_explanation`)} error={errors?.[`q${q}_c${c}_explanation`]} maxlength={1_000} />
                </div>
              ))}
              <fieldset id={`field-q${q}_right`}>
                <legend>{t('courses.write.quiz.right')}</legend>
                {errors?.[`q${q}_right`] && <p class="error" id={`error-q${q}_right`}>{errors[`q${q}_right`]}</p>}
                <div class="choices">
                  {Array.from({ length: slotsOf(q) }, (_, c) => (
                    <span>
                      <input type="radio" id={`field-q${q}_right-${c}`} name={`q${q}_right`} value={String(c)} checked={valueOf(values, `q${q}_right`) === String(c)} />{' '}
                      <label for={`field-q${q}_right-${c}`}>{t('courses.write.quiz.choice', { choice: c + 1 })}</label>
                    </span>
                  ))}
                </div>
              </fieldset>
              {q < stored && <Checkbox name={`q${q}_remove`} label={t('courses.write.quiz.remove')} checked={valueOf(values, `q${q}_remove`) !== ''} />}
            </fieldset>
          ))}
        </div>
        <button type="submit">{t('courses.write.quiz.submit')}</button>
      </PostForm>
    </>
  );
}
