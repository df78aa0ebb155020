import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { authorize } from '../../platform/policy.ts';
import { answerQuiz, claimCertificate, markRead, uploadImage } from './commands.ts';
import { imagesInBudget, inReadersLanguage, lessonWeight, quizIn } from './content.ts';
import { coursePolicy } from './policy.ts';
import { imageData, imagesIn, maxImageBytes } from './images.ts';
import { certificateOf, completed, courseSlugOf, findImage, imagesUploadedBy, publicImages, findCertificate, findCourse, listCourses, progressIn, type Course, type Lesson } from './queries.ts';
import { NothingSchema, QuizSchema, type QuizInput } from './schema.ts';
import { CertificatePage, CoursePage, CoursesPage, ImagesPage, LessonPage, QuizResultPage, WithdrawnPage, type CertificateView } from './views/pages.tsx';
import { offlineCourse } from './views/offline.tsx';
import type { CourseCertificatesTable } from './tables.ts';
import { authoringPages } from './authoringPages.tsx';

/** Notices a redirect may ask for: any other value shows nothing. */
const notices = new Set(['read', 'issued', 'uploaded']);
const noticeOf = (c: Context<AppEnv>) => {
  const notice = c.req.query('notice');
  return notice && notices.has(notice) ? notice : undefined;
};

/** The certificate as its page and the API show it, with the log's size now (the tree its inclusion proof is asked in). */
export async function presentCertificate(services: Services, row: CourseCertificatesTable): Promise<CertificateView> {
  const course = await courseSlugOf(services.db, row.course_id);
  return {
    id: row.id, learner_name: row.learner_name, course_title: row.course_title, course_slug: course, issued_at: row.issued_at, log_index: Number(row.log_index),
    content_sha256: row.content_sha256, tree_size: await services.transparencyLog.size(), address: `${services.config.baseUrl}/certificates/${row.id}`,
  };
}

export function coursePages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  // First: `/courses/<slug>/edit…` are the writing pages, never a lesson.
  authoringPages(app, services);

  /** A course the reader may see: published, or a draft or withdrawn course to its editors (others get 404). */
  const loadCourse = async (c: Context<AppEnv>) => {
    const course = await findCourse(db, c.req.param('slug') ?? '');
    return course && coursePolicy.viewCourse(c.get('actor'), course) ? course : undefined;
  };
  /** What a course's address answers when the reader may not see it: a withdrawn course says so. */
  const hidden = async (c: Context<AppEnv>) => {
    const course = await findCourse(db, c.req.param('slug') ?? '');
    if (course?.status !== 'withdrawn') return c.notFound();
    const shown = inReadersLanguage(course.content.texts, course.language, c.get('locale'));
    return page(c, shown.texts.title, <WithdrawnPage title={shown.texts.title} language={shown.language} />, 404);
  };
  const loadLesson = async (c: Context<AppEnv>) => {
    const course = await loadCourse(c);
    const lesson = course?.lessons.find((l) => l.slug === c.req.param('lesson'));
    return course && lesson ? { course, lesson } : undefined;
  };

  async function showLesson(c: Context<AppEnv>, subject: { course: Course; lesson: Lesson }, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const user = c.get('actor').user;
    const progress = user ? await progressIn(db, user.id, subject.course.id) : new Map();
    const shown = inReadersLanguage(subject.lesson.content.texts, subject.lesson.language, c.get('locale'));
    // Images the first visit has room for are shown; the others are links with their size.
    const words = lessonWeight({ ...shown.texts, questions: quizIn(subject.lesson, c.get('locale')).questions });
    const images = imagesInBudget(words, await publicImages(db, imagesIn(shown.texts.body)));
    return page(c, shown.texts.title, <LessonPage course={subject.course} lesson={subject.lesson} read={progress.get(subject.lesson.id)?.read ?? false} signedIn={user !== null} form={form} notice={noticeOf(c)} images={images} />, status);
  }

  async function showImages(c: Context<AppEnv>, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const images = await imagesUploadedBy(db, c.get('actor').user!.id);
    return page(c, c.get('t')('courses.images.title'), <ImagesPage images={images} form={form} notice={noticeOf(c)} maxKb={maxImageBytes / 1024} />, status);
  }

  app.get('/my/course-images', async (c) => {
    authorize(c.get('actor'), coursePolicy.uploadImages, undefined);
    return showImages(c);
  });

  app.post('/my/course-images', formAction({
    // The file itself is not a form value (readForm keeps text only): it is read here, from the
    // body the pipeline parses once, and the command checks it.
    load: async (c) => {
      const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, unknown>));
      const file = body.image;
      return { upload: file instanceof File ? file : null };
    },
    allow: coursePolicy.uploadImages,
    authorizeBeforeLoading: true,
    schema: NothingSchema,
    run: (ctx, _input, { upload }) => uploadImage(ctx, upload),
    done: () => withNotice('/my/course-images', 'uploaded', 'yours-title'),
    retry: (c, failed, { status }) => showImages(c, failed, status),
  }));

  app.get('/course-images/:id', async (c) => {
    const image = await findImage(db, c.req.param('id'));
    if (!image || !coursePolicy.viewImage(c.get('actor'), image)) return c.notFound();
    // Never sniffed as anything else (the platform sends nosniff); an image only, never a document.
    return c.body(Buffer.from(image.data, 'base64'), 200, {
      'Content-Type': image.media_type, 'Content-Disposition': 'inline', 'Cache-Control': image.course_id ? 'public, max-age=86400' : 'private, no-store',
    });
  });

  app.get('/courses', async (c) => {
    authorize(c.get('actor'), coursePolicy.view, undefined);
    return page(c, c.get('t')('courses.list.title'), <CoursesPage courses={await listCourses(db)} />);
  });

  app.get('/courses/:slug', async (c) => {
    const course = await loadCourse(c);
    if (!course) return hidden(c);
    authorize(c.get('actor'), coursePolicy.view, undefined);
    const user = c.get('actor').user;
    const byLesson = user ? await progressIn(db, user.id, course.id) : new Map();
    const certificate = user ? await certificateOf(db, course.id, user.id) : undefined;
    const shown = inReadersLanguage(course.content.texts, course.language, c.get('locale'));
    return page(c, shown.texts.title, (
      <CoursePage course={course} notice={noticeOf(c)} editable={coursePolicy.edit(c.get('actor'), course)} progress={{ signedIn: user !== null, byLesson, completed: user !== null && completed(course, byLesson), certificate: certificate?.id ?? null }} />
    ));
  });

  // The whole course in one file, to keep and read offline.
  app.get('/courses/:slug/download', async (c) => {
    const course = await loadCourse(c);
    if (!course) return c.notFound();
    authorize(c.get('actor'), coursePolicy.view, undefined);
    const named = course.lessons.flatMap((l) => Object.values(l.content.texts).flatMap((texts) => (texts ? imagesIn(texts.body) : [])));
    const html = offlineCourse(course, c.get('locale'), c.get('t'), `${services.config.baseUrl}/courses/${course.slug}`, await imageData(db, [...new Set(named)]));
    c.header('Content-Disposition', `attachment; filename="${course.slug}.${c.get('locale')}.html"`);
    return c.html(html);
  });

  app.post('/courses/:slug/certificate', formAction({
    load: loadCourse,
    allow: coursePolicy.claimCertificate,
    schema: NothingSchema,
    run: (ctx, _input, course) => claimCertificate(ctx, course),
    done: (_c, { id }) => withNotice(`/certificates/${id}`, 'issued'),
    retry: async (c, failed, { subject, status }) => {
      const user = c.get('actor').user!;
      const byLesson = await progressIn(db, user.id, subject.id);
      c.status(status);
      return page(c, subject.title, <><p class="alert" role="alert">{failed.errors._form}</p><CoursePage course={subject} progress={{ signedIn: true, byLesson, completed: false, certificate: null }} /></>, status);
    },
  }));
  app.get('/courses/:slug/certificate', formAddress((c) => `/courses/${c.req.param('slug')}`, 'certificate-title'));

  app.get('/certificates/:id', async (c) => {
    const row = await findCertificate(db, c.req.param('id'));
    if (!row) return c.notFound();
    authorize(c.get('actor'), coursePolicy.view, undefined);
    return page(c, c.get('t')('courses.certificate.heading'), <CertificatePage certificate={await presentCertificate(services, row)} notice={noticeOf(c)} />);
  });

  app.get('/courses/:slug/:lesson', async (c) => {
    const subject = await loadLesson(c);
    if (!subject) return (await loadCourse(c)) ? c.notFound() : hidden(c);
    authorize(c.get('actor'), coursePolicy.view, undefined);
    return showLesson(c, subject);
  });

  app.post('/courses/:slug/:lesson/read', formAction({
    load: loadLesson,
    allow: coursePolicy.learn,
    schema: NothingSchema,
    run: (ctx, _input, { course, lesson }) => markRead(ctx, course, lesson),
    done: (c) => withNotice(`/courses/${c.req.param('slug')}/${c.req.param('lesson')}`, 'read', 'quiz-title'),
    retry: (c, failed, { subject, status }) => showLesson(c, subject, failed, status),
  }));
  app.get('/courses/:slug/:lesson/read', formAddress((c) => `/courses/${c.req.param('slug')}/${c.req.param('lesson')}`));

  // The result is a page of its own: what was right, and why, for every choice.
  app.post('/courses/:slug/:lesson/quiz', formAction({
    load: loadLesson,
    allow: coursePolicy.answer,
    schema: QuizSchema,
    run: (ctx, input, { course, lesson }) => answerQuiz(ctx, course, lesson, input as QuizInput),
    done: (c, result, { subject }) => {
      const shown = inReadersLanguage(subject.lesson.content.texts, subject.lesson.language, c.get('locale'));
      return page(c, shown.texts.title, <QuizResultPage course={subject.course} lesson={subject.lesson} result={result} />);
    },
    retry: (c, failed, { subject, status }) => showLesson(c, subject, failed, status),
  }));
  app.get('/courses/:slug/:lesson/quiz', formAddress((c) => `/courses/${c.req.param('slug')}/${c.req.param('lesson')}`, 'quiz'));
}
