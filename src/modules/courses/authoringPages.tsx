/**
 * The routes that write a course in the browser (docs/decisions/037). Registered before the
 * reading routes, so that `/courses/<slug>/edit` is never read as a lesson ("edit" is reserved).
 */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import type { ZodType } from 'zod';
import type { SignedIn } from '../../platform/http/env.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus, type FormActionSpec } from '../../platform/http/action.ts';
import { readForm, type FormValues } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/policy.ts';
import { locales, type Locale } from '../../platform/i18n/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { membershipsOf } from '../initiatives/index.ts';
import { type LessonDraft, addLesson, addModule, createCourse, editCourseTexts, editModule, moveLesson, moveModule, publishDraft, saveLessonTexts, saveQuiz, withdrawCourse } from './authoring.ts';
import { CourseTextsSchema, LessonFormSchema, ModuleSchema, MoveSchema, NewCourseSchema, QuizFormSchema, quizWordingFromForm } from './authoringSchema.ts';
import { uploadImage } from './commands.ts';
import { coursePolicy } from './policy.ts';
import { coursesEditableBy, findCourse, type Course, type Lesson } from './queries.ts';
import { NothingSchema } from './schema.ts';
import { EditCoursePage, LessonFormPage, ModulePage, MyCoursesPage, NewCoursePage, QuizEditPage, quizValues, quizWordingValues, type DeskSection } from './views/authoring.tsx';

/** Notices the writing pages may show after a redirect: any other value shows nothing. */
const notices = new Set(['created', 'saved', 'module_added', 'moved', 'published', 'withdrawn', 'lesson_added', 'quiz_saved']);
const noticeOf = (c: Context<AppEnv>) => {
  const notice = c.req.query('notice');
  return notice && notices.has(notice) ? notice : undefined;
};

const languageOf = (value: string | undefined, fallback: string): Locale =>
  (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : (fallback as Locale);

/** What the lesson form did: kept the lesson, or shows the form again with a preview or a new image. */
type LessonOutcome = { kind: 'preview' } | { kind: 'image'; id: string } | { kind: 'saved'; slug: string };

export function authoringPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const edit = (course: Pick<Course, 'slug'>) => `/courses/${course.slug}/edit`;

  const loadCourse = async (c: Context<AppEnv>) => findCourse(db, c.req.param('slug') ?? '');
  const loadModule = async (c: Context<AppEnv>) => {
    const course = await loadCourse(c);
    const module = Number(c.req.param('module'));
    return course && /^\d{1,2}$/.test(c.req.param('module') ?? '') && course.content.modules[module] ? { ...course, module } : undefined;
  };
  const loadLesson = async (c: Context<AppEnv>) => {
    const course = await loadCourse(c);
    const lesson = course?.lessons.find((l) => l.slug === c.req.param('lesson'));
    return course && lesson ? { ...course, lesson } : undefined;
  };
  /** The lesson form's file, if one was chosen: read from the body the pipeline parses once (readForm keeps text only). */
  const uploadOf = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, unknown>));
    return body.image instanceof File && body.image.size > 0 ? body.image : null;
  };

  /** Whether the visitor writes for the secretariat (the policy's rule for a course without an initiative). */
  const writesForSecretariat = (c: Context<AppEnv>) => coursePolicy.publishFor(c.get('actor'), { committee: null });

  /** The publishers someone may write for: the secretariat, and the initiatives on whose committee they sit. */
  const publishersOf = async (c: Context<AppEnv>) => {
    const seats = await membershipsOf(db, c.get('actor').user!.id);
    return [
      ...(writesForSecretariat(c) ? [{ value: 'secretariat', label: c.get('t')('courses.write.fields.secretariat') }] : []),
      ...seats.map((s) => ({ value: s.slug, label: s.name })),
    ];
  };

  app.get('/my/courses', async (c) => {
    authorize(c.get('actor'), coursePolicy.author, undefined);
    const seats = await membershipsOf(db, c.get('actor').user!.id);
    const courses = await coursesEditableBy(db, { initiativeIds: seats.map((s) => s.id), secretariat: writesForSecretariat(c) });
    return page(c, c.get('t')('courses.write.mine.title'), <MyCoursesPage courses={courses} canStart={seats.length > 0 || writesForSecretariat(c)} />);
  });

  const showNew = async (c: Context<AppEnv>, form?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('courses.write.new.title'), <NewCoursePage publishers={await publishersOf(c)} form={form} />, status);
  app.get('/my/courses/new', async (c) => {
    authorize(c.get('actor'), coursePolicy.author, undefined);
    return showNew(c);
  });
  app.post('/my/courses/new', formAction({
    allow: coursePolicy.author,
    schema: NewCourseSchema,
    run: (ctx, input) => createCourse(ctx, input),
    done: (_c, { slug }) => withNotice(`/courses/${slug}/edit`, 'created'),
    retry: (c, failed, { status }) => showNew(c, failed, status),
  }));

  // The writing desk of one course, and the forms on it.
  const showDesk = (c: Context<AppEnv>, course: Course, form?: FailedForm & { which: DeskSection }, status: 200 | FailedStatus = 200) =>
    page(c, course.title, <EditCoursePage course={course} form={form} notice={noticeOf(c)} />, status);
  app.get('/courses/:slug/edit', async (c) => {
    const course = await loadCourse(c);
    if (!course) return c.notFound();
    authorize(c.get('actor'), coursePolicy.edit, course);
    return showDesk(c, course);
  });
  /** A form of the writing desk: on success back to the desk with a notice; refused, the desk with the error in the form's section. */
  const deskAction = <S extends ZodType, V>(which: DeskSection, schema: S, run: FormActionSpec<Course, SignedIn, S, V>['run'], notice: string, anchor?: string) => formAction({
    load: loadCourse,
    allow: coursePolicy.edit,
    schema,
    run,
    done: (_c, _value, { subject }) => withNotice(edit(subject), notice, anchor),
    retry: async (c, failed, { subject, status }) => showDesk(c, (await findCourse(db, subject.slug)) ?? subject, { ...failed, which }, status),
  });
  app.post('/courses/:slug/edit/texts', deskAction('texts', CourseTextsSchema, (ctx, texts, course) => editCourseTexts(ctx, course, texts), 'saved', 'texts'));
  app.get('/courses/:slug/edit/texts', formAddress((c) => `/courses/${c.req.param('slug')}/edit`, 'texts'));
  app.post('/courses/:slug/edit/modules', deskAction('module', ModuleSchema, (ctx, titles, course) => addModule(ctx, course, titles), 'module_added', 'contents'));
  app.get('/courses/:slug/edit/modules', formAddress((c) => `/courses/${c.req.param('slug')}/edit`, 'add-module'));
  app.post('/courses/:slug/edit/publish', deskAction('state', NothingSchema, (ctx, _input, course) => publishDraft(ctx, course), 'published', 'state'));
  app.get('/courses/:slug/edit/publish', formAddress((c) => `/courses/${c.req.param('slug')}/edit`, 'state'));
  app.post('/courses/:slug/edit/withdraw', deskAction('state', NothingSchema, (ctx, _input, course) => withdrawCourse(ctx, course), 'withdrawn', 'state'));
  app.get('/courses/:slug/edit/withdraw', formAddress((c) => `/courses/${c.req.param('slug')}/edit`, 'state'));

  // A module's titles, and its place.
  app.get('/courses/:slug/edit/modules/:module', async (c) => {
    const subject = await loadModule(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), coursePolicy.edit, subject);
    return page(c, subject.title, <ModulePage course={subject} module={subject.module} />);
  });
  app.post('/courses/:slug/edit/modules/:module', formAction({
    load: loadModule,
    allow: coursePolicy.edit,
    schema: ModuleSchema,
    run: (ctx, titles, subject) => editModule(ctx, subject, subject.module, titles),
    done: (_c, _v, { subject }) => withNotice(edit(subject), 'saved', `module-${subject.module}`),
    retry: (c, failed, { subject, status }) => page(c, subject.title, <ModulePage course={subject} module={subject.module} form={failed} />, status),
  }));
  app.post('/courses/:slug/edit/modules/:module/move', formAction({
    load: loadModule,
    allow: coursePolicy.edit,
    schema: MoveSchema,
    run: (ctx, { direction }, subject) => moveModule(ctx, subject, subject.module, direction),
    done: (_c, _v, { subject }) => withNotice(edit(subject), 'moved', 'contents'),
    retry: (c, failed, { subject, status }) => showDesk(c, subject, { ...failed, which: 'contents' }, status),
  }));
  app.get('/courses/:slug/edit/modules/:module/move', formAddress((c) => `/courses/${c.req.param('slug')}/edit`, 'contents'));

  // A lesson in one language: new, edited, translated; its preview and its images.
  const lessonPage = (c: Context<AppEnv>, course: Course, view: Omit<Parameters<typeof LessonFormPage>[0], 'course'>, status: 200 | FailedStatus = 200) =>
    page(c, view.lesson?.title ?? course.title, <LessonFormPage course={course} {...view} />, status);
  /** A lesson's form as stored in one language: its title and text, and in a translation its quiz's wording. */
  const storedValues = (lesson: Lesson, language: Locale): FormValues => {
    const texts = lesson.content.texts[language];
    if (!texts) return {};
    return { title: texts.title, body: texts.body, ...(language !== lesson.language ? quizWordingValues(texts.questions) : {}) };
  };
  const moduleOf = (c: Context<AppEnv>, course: Course) => {
    const module = Number(c.req.query('module') ?? '0');
    return Number.isInteger(module) && course.content.modules[module] ? module : null;
  };

  app.get('/courses/:slug/edit/lessons/new', async (c) => {
    const course = await loadCourse(c);
    if (!course) return c.notFound();
    authorize(c.get('actor'), coursePolicy.edit, course);
    const module = moduleOf(c, course);
    if (module === null) return c.notFound();
    return lessonPage(c, course, { lesson: null, module, language: course.language as Locale, values: {} });
  });
  app.get('/courses/:slug/edit/lessons/:lesson', async (c) => {
    const subject = await loadLesson(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), coursePolicy.edit, subject);
    const language = languageOf(c.req.query('language'), subject.lesson.language);
    return lessonPage(c, subject, { lesson: subject.lesson, module: subject.lesson.module, language, values: storedValues(subject.lesson, language), notice: noticeOf(c) });
  });

  /** One handler for a new lesson and an existing one: save, preview, or add an image. */
  const lessonAction = (load: (c: Context<AppEnv>) => Promise<(Course & { lesson: Lesson | null }) | undefined>) => formAction({
    load: async (c) => {
      const subject = await load(c);
      return subject ? { ...subject, upload: await uploadOf(c), values: await readForm(c) } : undefined;
    },
    allow: coursePolicy.edit,
    schema: LessonFormSchema,
    run: async (ctx, input, subject): Promise<Result<LessonOutcome>> => {
      if (input.intent === 'preview') return ok({ kind: 'preview' as const });
      if (input.intent === 'image') {
        const uploaded = await uploadImage(ctx, subject.upload);
        return uploaded.ok ? ok({ kind: 'image' as const, id: uploaded.value.id }) : uploaded;
      }
      const { lesson } = subject;
      const draft: LessonDraft = { language: input.language!, title: input.title!, body: input.body!, questions: [] };
      if (!lesson) {
        if (!input.slug) return refuse('common.errors.required', { field: 'slug' });
        const added = await addLesson(ctx, subject, { module: input.module ?? 0, slug: input.slug }, draft);
        return added.ok ? ok({ kind: 'saved' as const, slug: added.value.slug }) : added;
      }
      if (draft.language !== lesson.language) {
        const wording = quizWordingFromForm(subject.values, lesson.content.texts[lesson.language as Locale]!.questions);
        if (wording.issues.length) return refuse(wording.issues[0]!.message, { field: wording.issues[0]!.field, values: wording.issues[0]!.params });
        draft.questions = wording.questions;
      }
      const saved = await saveLessonTexts(ctx, subject, lesson, draft);
      return saved.ok ? ok({ kind: 'saved' as const, slug: lesson.slug }) : saved;
    },
    done: async (c, result, { subject, input }) => {
      if (result.kind === 'saved') return withNotice(`${edit(subject)}/lessons/${result.slug}${input.language && subject.lesson && input.language !== subject.lesson.language ? `?language=${input.language}` : ''}`, 'saved', 'lesson-form');
      const { values } = subject;
      const language = subject.lesson ? languageOf(input.language, subject.lesson.language) : languageOf(input.language, subject.language);
      const module = subject.lesson ? subject.lesson.module : moduleOrFirst(subject, input.module);
      if (result.kind === 'image') {
        // The reference goes at the end of the text; the writer moves it where it belongs, and saves.
        const body = `${(input.body ?? '').trimEnd()}\n\n![${input.image_alt!.replace(/[\]\n]/g, ' ')}](image:${result.id})`.trimStart();
        return lessonPage(c, subject, { lesson: subject.lesson, module, language, values: { ...values, body, image_alt: '' }, preview: body, notice: 'image_added' });
      }
      return lessonPage(c, subject, { lesson: subject.lesson, module, language, values, preview: input.body ?? '' });
    },
    retry: async (c, failed, { subject, status }) => {
      const { lesson } = subject;
      const language = languageOf(valueOfForm(failed.values, 'language'), lesson?.language ?? subject.language);
      const module = lesson ? lesson.module : moduleOrFirst(subject, Number(valueOfForm(failed.values, 'module')));
      // The command stops at a translation's first missing word of the quiz: the form shows them all.
      const wording = lesson && language !== lesson.language && failed.values.intent === 'save'
        ? quizWordingFromForm(failed.values, lesson.content.texts[lesson.language as Locale]!.questions).issues : [];
      const errors = { ...Object.fromEntries(wording.map((issue) => [issue.field, c.get('t')(issue.message, issue.params)])), ...failed.errors };
      return lessonPage(c, subject, { lesson, module, language, values: failed.values, errors }, status);
    },
  });
  app.post('/courses/:slug/edit/lessons/new', lessonAction(async (c) => {
    const course = await loadCourse(c);
    return course ? { ...course, lesson: null } : undefined;
  }));
  app.post('/courses/:slug/edit/lessons/:lesson', lessonAction(loadLesson));

  app.post('/courses/:slug/edit/lessons/:lesson/move', formAction({
    load: loadLesson,
    allow: coursePolicy.edit,
    schema: MoveSchema,
    run: (ctx, { direction }, subject) => moveLesson(ctx, subject, subject.lesson, direction),
    done: (_c, _v, { subject }) => withNotice(edit(subject), 'moved', `module-${subject.lesson.module}`),
    retry: (c, failed, { subject, status }) => showDesk(c, subject, { ...failed, which: 'contents' }, status),
  }));
  app.get('/courses/:slug/edit/lessons/:lesson/move', formAddress((c) => `/courses/${c.req.param('slug')}/edit`, 'contents'));

  // A lesson's quiz.
  app.get('/courses/:slug/edit/lessons/:lesson/quiz', async (c) => {
    const subject = await loadLesson(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), coursePolicy.edit, subject);
    const original = subject.lesson.content.texts[subject.lesson.language as Locale]!;
    return page(c, subject.lesson.title, <QuizEditPage course={subject} lesson={subject.lesson} values={quizValues(original.questions, subject.lesson.content.answers)} notice={noticeOf(c)} />);
  });
  app.post('/courses/:slug/edit/lessons/:lesson/quiz', formAction({
    load: loadLesson,
    allow: coursePolicy.edit,
    schema: QuizFormSchema,
    run: (ctx, quiz, subject) => saveQuiz(ctx, subject, subject.lesson, quiz),
    done: (_c, _v, { subject }) => withNotice(`${edit(subject)}/lessons/${subject.lesson.slug}/quiz`, 'quiz_saved', 'quiz-form'),
    retry: (c, failed, { subject, status }) => page(c, subject.lesson.title, <QuizEditPage course={subject} lesson={subject.lesson} values={failed.values} errors={failed.errors} />, status),
  }));
}

const valueOfForm = (values: FormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value[0] : value;
};
const moduleOrFirst = (course: Course, module: number | undefined) => (module !== undefined && Number.isInteger(module) && course.content.modules[module] ? module : 0);
