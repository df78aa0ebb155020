import { raw } from 'hono/html';
import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, Notice, PostForm } from '../../../platform/views/components.tsx';
import { languageName, type Locale } from '../../../platform/i18n/index.ts';
import { renderMarkdown } from '../../reports/index.ts';
import type { FailedForm } from '../../../platform/http/action.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { inReadersLanguage, quizIn } from '../content.ts';
import type { Course, Lesson, LessonProgress } from '../queries.ts';
import type { LessonTexts } from '../schema.ts';
import type { QuizResult } from '../commands.ts';
import { withImages } from '../images.ts';
import { CsrfField, ErrorSummary } from '../../../platform/views/components.tsx';

type Listed = import('../queries.ts').Listed;

/** A note that the reader sees the original because theirs does not exist yet. */
function NotTranslated({ language }: { language: Locale }) {
  const { t, locale } = useView();
  return <p class="note">{t('courses.page.not_translated', { language: languageName(language, locale) })}</p>;
}

function Publisher({ course }: { course: Pick<Course, 'initiative' | 'starter' | 'updated_at' | 'published_at' | 'status'> }) {
  const { t } = useView();
  return (
    <p class="meta">
      {course.initiative ? <>{t('courses.page.published_by')} <a href={`/initiatives/${course.initiative.slug}`}>{course.initiative.name}</a></> : t('courses.page.by_secretariat')}
      {course.starter && <> · <span class="badge">{t('courses.page.starter')}</span></>}
      <Updated at={course.updated_at} course={course} />
    </p>
  );
}

export function CoursesPage({ courses }: { courses: Listed[] }) {
  const { t, locale, actor } = useView();
  return (
    <>
      <h1>{t('courses.list.title')}</h1>
      <p class="lead">{t('courses.list.intro')}</p>
      {actor.user && <p><a href="/my/courses">{t('courses.list.write_link')}</a></p>}
      {courses.length === 0 ? <p>{t('courses.list.none')}</p> : (
        <ul class="results">
          {courses.map((course) => {
            const shown = inReadersLanguage(course.content.texts, course.language, locale);
            return (
              <li lang={shown.language}>
                <h2><a href={`/courses/${course.slug}`}>{shown.texts.title}</a></h2>
                <Publisher course={course} />
                <p>{shown.texts.summary}</p>
                <p class="meta">{t('courses.list.lessons', { count: course.lessons })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

export interface CourseProgressView {
  signedIn: boolean;
  byLesson: Map<string, LessonProgress>;
  completed: boolean;
  certificate: string | null;
}

/** A course's state and the way to its writing desk, for its editors; and when it changed since it was published. */
function EditorNote({ course, editable }: { course: Course; editable: boolean }) {
  const { t } = useView();
  if (!editable && course.status === 'published') return null;
  return (
    <p class="note">
      {course.status !== 'published' && <>{t(`courses.write.state.${course.status}`)} </>}
      {editable && <a href={`/courses/${course.slug}/edit`}>{t('courses.write.edit.link')}</a>}
    </p>
  );
}

/** "Updated on …" once something changed after the course was (last) published. */
function Updated({ at, course }: { at: string; course: Pick<Course, 'published_at' | 'status'> }) {
  const { t, locale } = useView();
  if (course.status !== 'published' || !course.published_at || at <= course.published_at) return null;
  return <> · {t('courses.page.updated', { date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at)) })}</>;
}

/** A withdrawn course's address: it says so (certificates issued for it still verify). */
export function WithdrawnPage({ title, language }: { title: string; language: string }) {
  const { t } = useView();
  return (
    <>
      <p class="back"><a href="/courses">{t('courses.page.back_to_list')}</a></p>
      <h1 lang={language}>{title}</h1>
      <p>{t('courses.page.withdrawn')}</p>
    </>
  );
}

export function CoursePage({ course, progress, notice, editable = false }: { course: Course; progress: CourseProgressView; notice?: string; editable?: boolean }) {
  const { t, locale } = useView();
  const shown = inReadersLanguage(course.content.texts, course.language, locale);
  const quizzes = course.lessons.filter((l) => l.content.answers.length > 0);
  const read = course.lessons.filter((l) => progress.byLesson.get(l.id)?.read).length;
  const passed = quizzes.filter((l) => progress.byLesson.get(l.id)?.passed).length;
  return (
    <>
      <p class="back"><a href="/courses">{t('courses.page.back_to_list')}</a></p>
      <h1 lang={shown.language}>{shown.texts.title}</h1>
      <Publisher course={course} />
      <EditorNote course={course} editable={editable} />
      <Notice message={notice ? t(`courses.notice.${notice}`) : undefined} />
      {shown.fallback && <NotTranslated language={shown.language} />}
      <p lang={shown.language}>{shown.texts.summary}</p>
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">{t('courses.progress.title')}</h2>
        {progress.signedIn
          ? <p>{t('courses.progress.summary', { read, lessons: course.lessons.length, passed, quizzes: quizzes.length })}</p>
          : <p><a href={`/login?next=${encodeURIComponent(`/courses/${course.slug}`)}`}>{t('courses.progress.sign_in')}</a></p>}
      </section>
      {course.content.modules.map((module, m) => {
        const title = inReadersLanguage(module.titles, course.language, locale);
        return (
          <section aria-labelledby={`module-${m}`}>
            <h2 id={`module-${m}`} lang={title.language}>{t('courses.page.module', { number: m + 1, title: title.texts })}</h2>
            <ol>
              {course.lessons.filter((l) => l.module === m).map((lesson) => {
                const texts = inReadersLanguage(lesson.content.texts, lesson.language, locale);
                const mine = progress.byLesson.get(lesson.id);
                const state = mine?.passed ? 'passed' : mine?.read ? 'read' : null;
                return (
                  <li>
                    <a href={`/courses/${course.slug}/${lesson.slug}`} lang={texts.language}>{texts.texts.title}</a>
                    {state && <> <span class="badge">{t(`courses.progress.${state}`)}</span></>}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      <section aria-labelledby="certificate-title">
        <h2 id="certificate-title">{t('courses.certificate.title')}</h2>
        {progress.certificate
          ? <p><a href={`/certificates/${progress.certificate}`}>{t('courses.certificate.yours')}</a></p>
          : progress.completed
            ? <PostForm action={`/courses/${course.slug}/certificate`} anchor="claim"><p>{t('courses.certificate.ready')}</p><button type="submit">{t('courses.certificate.claim')}</button></PostForm>
            : <p>{t('courses.certificate.how')}</p>}
      </section>
      <section aria-labelledby="offline-title">
        <h2 id="offline-title">{t('courses.offline.title')}</h2>
        <p><a href={`/courses/${course.slug}/download`} download>{t('courses.offline.download')}</a></p>
      </section>
    </>
  );
}

/** The lesson's Markdown, rendered and sanitised as reports' are, with its public images. */
function Prose({ text, lang, images }: { text: string; lang: string; images: LessonImages }) {
  const { t } = useView();
  const source = (id: string) => {
    const shown = images.get(id);
    if (!shown) return null;
    return shown === 'shown' ? `/course-images/${id}` : { link: `/course-images/${id}`, note: t('courses.lesson.image_link', { kb: shown.kb }) };
  };
  return <div class="prose" lang={lang}>{raw(withImages(text, renderMarkdown, source))}</div>;
}

/** How the lesson shows each of its public images (content.ts, imagesInBudget). */
type LessonImages = ReadonlyMap<string, 'shown' | { kb: number }>;

export function LessonPage({ course, lesson, read, form, signedIn, notice, images }: { course: Course; lesson: Lesson; read: boolean; form?: FailedForm; signedIn: boolean; notice?: string; images: LessonImages }) {
  const { t, locale } = useView();
  const courseTitle = inReadersLanguage(course.content.texts, course.language, locale);
  const shown = inReadersLanguage(lesson.content.texts, lesson.language, locale);
  const quiz = quizIn(lesson, locale);
  const next = course.lessons.find((l) => l.position === lesson.position + 1);
  const previous = course.lessons.find((l) => l.position === lesson.position - 1);
  return (
    <>
      <p class="back"><a href={`/courses/${course.slug}`} lang={courseTitle.language}>{courseTitle.texts.title}</a></p>
      <h1 lang={shown.language}>{shown.texts.title}</h1>
      <p class="meta">{t('courses.lesson.position', { number: lesson.position + 1, count: course.lessons.length })}<Updated at={lesson.updated_at} course={course} /></p>
      <Notice message={notice ? t(`courses.notice.${notice}`) : undefined} />
      {shown.fallback && <NotTranslated language={shown.language} />}
      {/* The lesson's own headings (### …) render as h3: this one keeps the outline in order. */}
      <h2 class="visually-hidden">{t('courses.lesson.text')}</h2>
      <Prose text={shown.texts.body} lang={shown.language} images={images} />
      {signedIn && !read && (
        <PostForm action={`/courses/${course.slug}/${lesson.slug}/read`} anchor="read"><button type="submit" class="secondary">{t('courses.lesson.mark_read')}</button></PostForm>
      )}
      {quiz.questions.length > 0 && <QuizForm course={course} lesson={lesson} questions={quiz.questions} language={quiz.language} form={form} />}
      <nav aria-label={t('courses.lesson.navigation')}>
        <ul>
          {previous && <li><a href={`/courses/${course.slug}/${previous.slug}`}>{t('courses.lesson.previous')}</a></li>}
          {next && <li><a href={`/courses/${course.slug}/${next.slug}`}>{t('courses.lesson.next')}</a></li>}
        </ul>
      </nav>
    </>
  );
}

function QuizForm({ course, lesson, questions, language, form }: { course: Course; lesson: Lesson; questions: LessonTexts['questions']; language: Locale; form?: FailedForm }) {
  const { t } = useView();
  const labels = Object.fromEntries(questions.map((q, i) => [`answer_${i}`, t('courses.quiz.question', { number: i + 1 })]));
  return (
    <section aria-labelledby="quiz-title">
      <h2 id="quiz-title">{t('courses.quiz.title')}</h2>
      <p>{t('courses.quiz.intro')}</p>
      <PostForm action={`/courses/${course.slug}/${lesson.slug}/quiz`} anchor="quiz" errors={form?.errors} labels={labels}>
        {form?.errors._form && <p class="error">{form.errors._form}</p>}
        <div lang={language}>
          {questions.map((question, i) => (
            <ChoiceField type="radio" name={`answer_${i}`} label={`${i + 1}. ${question.prompt}`} error={form?.errors[`answer_${i}`]} value={valueOf(form?.values, `answer_${i}`)}
              options={question.choices.map((choice, c) => ({ value: String(c), label: choice.text }))} />
          ))}
        </div>
        <button type="submit">{t('courses.quiz.submit')}</button>
      </PostForm>
    </section>
  );
}

export function QuizResultPage({ course, lesson, result }: { course: Course; lesson: Lesson; result: QuizResult }) {
  const { t, locale, actor } = useView();
  const shown = inReadersLanguage(lesson.content.texts, lesson.language, locale);
  const quiz = quizIn(lesson, locale);
  const next = course.lessons.find((l) => l.position === lesson.position + 1);
  const total = quiz.questions.length;
  return (
    <>
      <p class="back"><a href={`/courses/${course.slug}/${lesson.slug}`} lang={shown.language}>{shown.texts.title}</a></p>
      <h1>{t('courses.result.title', { right: result.right, total })}</h1>
      <p class={result.passed ? 'notice' : 'alert'} role="status">{t(result.passed ? 'courses.result.passed' : 'courses.result.failed')}</p>
      {!actor.user && <p>{t('courses.result.not_kept')}</p>}
      <ol lang={quiz.language}>
        {quiz.questions.map((question, i) => {
          const right = lesson.content.answers[i];
          const chose = result.chosen[i];
          return (
            <li>
              <h2>{question.prompt}</h2>
              <p><strong>{t(chose === right ? 'courses.result.right' : 'courses.result.wrong')}</strong></p>
              <ul>
                {question.choices.map((choice, c) => (
                  <li>
                    <strong>{choice.text}</strong>
                    {c === chose && <> <span class="badge">{t('courses.result.your_answer')}</span></>}
                    {c === right && <> <span class="badge">{t('courses.result.correct_answer')}</span></>}
                    <br />{choice.explanation}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <ul>
        {!result.passed && <li><a href={`/courses/${course.slug}/${lesson.slug}#quiz`}>{t('courses.result.again')}</a></li>}
        {next && <li><a href={`/courses/${course.slug}/${next.slug}`}>{t('courses.lesson.next')}</a></li>}
        <li><a href={`/courses/${course.slug}`}>{t('courses.result.to_course')}</a></li>
      </ul>
    </>
  );
}

export interface CertificateView {
  id: string;
  learner_name: string;
  course_title: string;
  course_slug: string | null;
  issued_at: string;
  log_index: number;
  content_sha256: string;
  tree_size: number;
  address: string;
}

/** The certificate, printable as it is, and how anyone checks it against the public log. */
export function CertificatePage({ certificate, notice }: { certificate: CertificateView; notice?: string }) {
  const { t, locale } = useView();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(certificate.issued_at));
  const proof = `/api/log/proof/inclusion?index=${certificate.log_index}&tree_size=${certificate.tree_size}`;
  return (
    <>
      {certificate.course_slug && <p class="back no-print"><a href={`/courses/${certificate.course_slug}`}>{certificate.course_title}</a></p>}
      <Notice message={notice ? t(`courses.notice.${notice}`) : undefined} />
      <section class="summary" aria-labelledby="certificate-heading">
        <h1 id="certificate-heading">{t('courses.certificate.heading')}</h1>
        <p>{t('courses.certificate.certifies')}</p>
        <p><strong>{certificate.learner_name}</strong></p>
        <p>{t('courses.certificate.completed')}</p>
        <p><strong>{certificate.course_title}</strong></p>
        <p>{t('courses.certificate.on', { date: day })}</p>
        <p>{t('courses.certificate.address')} <a href={`/certificates/${certificate.id}`}>{certificate.address}</a></p>
      </section>
      <section aria-labelledby="verify-title">
        <h2 id="verify-title">{t('courses.certificate.verify_title')}</h2>
        <p>{t('courses.certificate.verify_intro')}</p>
        <p>{t('courses.certificate.log_index')}: <strong>{certificate.log_index}</strong></p>
        {/* Breakable every 16 characters, so it fits a phone; copied, it is still one word. */}
        <p>{t('courses.certificate.hash')}: <code>{certificate.content_sha256.match(/.{1,16}/g)!.map((part) => <>{part}<wbr /></>)}</code></p>
        <ul>
          <li><a href={proof}>{t('courses.certificate.proof')}</a></li>
          <li><a href={`/api/log/entries?start=${certificate.log_index}&end=${certificate.log_index}`}>{t('courses.certificate.entry')}</a></li>
          <li><a href={`/api/certificates/${certificate.id}`}>{t('courses.certificate.json')}</a></li>
          <li><a href="/log">{t('courses.certificate.log')}</a></li>
        </ul>
      </section>
    </>
  );
}

export interface UploadedImage {
  id: string;
  media_type: string;
  size: number;
  course_id: string | null;
}

/** A publisher's images: the upload form (multipart, so it cannot use PostForm) and the Markdown that shows each. */
export function ImagesPage({ images, form, notice, maxKb }: { images: UploadedImage[]; form?: FailedForm; notice?: string; maxKb: number }) {
  const { t } = useView();
  const error = form?.errors.image ?? form?.errors._form;
  return (
    <>
      <p class="back"><a href="/courses">{t('courses.page.back_to_list')}</a></p>
      <h1>{t('courses.images.title')}</h1>
      <p>{t('courses.images.intro')}</p>
      <Notice message={notice ? t(`courses.notice.${notice}`) : undefined} />
      <form method="post" action="/my/course-images#upload" id="upload" enctype="multipart/form-data" novalidate>
        <CsrfField />
        <ErrorSummary errors={form?.errors} labels={{ image: t('courses.images.file') }} />
        <div class="field">
          <label for="field-image">{t('courses.images.file')}</label>
          <p class="hint" id="hint-image">{t('courses.images.hint', { max: maxKb })}</p>
          {error && <p class="error" id="error-image">{error}</p>}
          <input type="file" id="field-image" name="image" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby={error ? 'hint-image error-image' : 'hint-image'} aria-invalid={error ? 'true' : undefined} />
        </div>
        <button type="submit">{t('courses.images.upload')}</button>
      </form>
      <section aria-labelledby="yours-title">
        <h2 id="yours-title">{t('courses.images.yours')}</h2>
        {images.length === 0 ? <p>{t('courses.images.none')}</p> : (
          <ul>
            {images.map((image) => (
              <li>
                <a href={`/course-images/${image.id}`}>{t('courses.images.item', { type: image.media_type, kb: Math.ceil(image.size / 1024) })}</a>
                {' · '}{t(image.course_id ? 'courses.images.public' : 'courses.images.private')}
                <br /><code>{`![…](image:${image.id})`}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
