import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/policy.ts';
import { committeeOf, membershipsOf } from '../initiatives/index.ts';
import { findEventBySlug, sessionForReport, sessionsOfEventForReports } from '../events/index.ts';
import { contentValues, reportErrorsToFields, reportFromForm } from './content.ts';
import { nameRapporteur, publishReport, requestChanges, saveReport, setDeadline, startReport, startStandalone, submitReport } from './commands.ts';
import { reportPolicy } from './policy.ts';
import { deadlineDays, draftersOf, dueAt, findReport, reportsOf, reportsOfEvent, versionsOf, type Report } from './queries.ts';
import { DeadlineSchema, NameRapporteurSchema, ReportSaveSchema, ReviewSchema, StandaloneSchema, StartSchema } from './schema.ts';
import { snapshotText } from './diff.ts';
import { wordDiff } from '../../platform/views/wordDiff.tsx';
import type { ReportSnapshot } from './outcomes.ts';
import { translationsOf } from './translations/store.ts';
import { ReportPage, type ReportView } from './views/reportPage.tsx';
import { EditPage } from './views/editPage.tsx';
import { EventReportsPage, HistoryPage, MyReportsPage, NewReportPage, type EventReportRow } from './views/otherPages.tsx';
import { sessionsReportedBy } from '../events/index.ts';
import { archiveRoutes } from './archive/pages.tsx';
import { reportTopicPages, reportTopicsForm, reportTopicsLine } from './topics/pages.tsx';

type Forms = { review?: FailedForm; rapporteur?: FailedForm; workflow?: FailedForm };

/** What a page shows of a report: no account ids, no people's addresses. */
export const presentReport = (r: Report): ReportView => ({
  id: r.id, title: r.title, held_on: r.held_on, place: r.place, language: r.language, status: r.status, version: r.version, review_note: r.review_note, due_at: r.due_at,
  initiative: r.initiative, session: r.session ? { title: r.session.title, event: { slug: r.session.event.slug, title: r.session.event.title } } : null, content: r.content,
});

const reportValues = (r: Report): FormValues => ({ title: r.title, held_on: r.held_on, place: r.place ?? '', language: r.language, ...contentValues(r.content) });

export function reportPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  archiveRoutes(app, services);

  /** A report the visitor may see; others are told it does not exist. */
  const loadReport = async (c: Context<AppEnv>) => {
    const report = await findReport(db, c.req.param('id') ?? '');
    return report && reportPolicy.view(c.get('actor'), report) ? report : undefined;
  };

  /** A session, as the rule to start its report reads it: its organisers and its rapporteurs. */
  const loadSession = async (c: Context<AppEnv>) => {
    const session = await sessionForReport(db, c.req.param('session') ?? '');
    if (!session) return undefined;
    const committee = await committeeOf(db, session.event.initiative_id);
    return Object.assign(session, { status: 'none', organisers: { committee }, drafters: draftersOf(session, null) });
  };

  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    return event ? Object.assign(event, { committee: event.initiative.committee }) : undefined;
  };

  async function showReport(c: Context<AppEnv>, report: Report, forms: Forms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const can = {
      edit: reportPolicy.edit(actor, report), submit: reportPolicy.submit(actor, report),
      review: reportPolicy.review(actor, report), nameRapporteur: reportPolicy.nameRapporteur(actor, report),
    };
    const late = report.due_at !== null && report.status !== 'published' && report.due_at < services.clock().toISOString();
    const translations = await translationsOf(db, report.id);
    return page(c, report.title, <><ReportPage report={presentReport(report)} can={can} notice={c.req.query('notice')} late={late} forms={forms} translations={translations} />{await reportTopicsLine(c, db, report.id)}</>, status);
  }

  // The topics form says its own notice (docs/decisions/027).
  const editNotice = (c: Context<AppEnv>) => (c.req.query('notice') === 'topics_saved' ? undefined : c.req.query('notice'));
  const showEdit = async (c: Context<AppEnv>, report: Report, form?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('reports.form.edit_title', { title: report.title }), <><EditPage report={report} form={form ?? { values: reportValues(report), errors: {} }} notice={form ? undefined : editNotice(c)} />{await reportTopicsForm(c, db, report)}</>, status);

  async function showNew(c: Context<AppEnv>, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const user = c.get('actor').user!;
    const initiatives = (await membershipsOf(db, user.id)).map((m) => ({ slug: m.slug, name: m.name }));
    return page(c, c.get('t')('reports.new.title'), <NewReportPage initiatives={initiatives} form={form ?? { values: { language: c.get('locale') }, errors: {} }} />, status);
  }

  async function showEventReports(c: Context<AppEnv>, event: NonNullable<Awaited<ReturnType<typeof loadEvent>>>, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const now = services.clock().toISOString();
    const [sessions, reports, days] = await Promise.all([sessionsOfEventForReports(db, event.id), reportsOfEvent(db, event.id), deadlineDays(db, event.id)]);
    const rows: EventReportRow[] = sessions.map((s) => {
      const report = reports.get(s.id) ?? null;
      const due = s.ends_at ? dueAt(s.ends_at, days) : null;
      return { session: s, report, due_at: due, overdue: due !== null && due < now && report?.status !== 'published' };
    });
    return page(c, c.get('t')('reports.event.title', { title: event.title }), (
      <EventReportsPage event={event} rows={rows} days={days} form={form ?? { values: {}, errors: {} }} notice={c.req.query('notice')} />
    ), status);
  }

  app.get('/my/reports', async (c) => {
    const user = c.get('actor').user;
    authorize(c.get('actor'), reportPolicy.seeOwnReports, undefined);
    const sessions = await sessionsReportedBy(db, user!.id);
    const reports = await reportsOf(db, user!.id, sessions.map((s) => s.id));
    const started = new Set(reports.map((r) => r.session_id));
    const memberships = await membershipsOf(db, user!.id);
    return page(c, c.get('t')('reports.mine.title'), (
      <MyReportsPage reports={reports} sessions={sessions.filter((s) => !started.has(s.id))} committees={memberships.map((m) => ({ slug: m.slug, name: m.name }))} />
    ));
  });

  app.get('/reports/new', async (c) => {
    authorize(c.get('actor'), reportPolicy.startStandalone, { organisers: undefined });
    return showNew(c);
  });

  app.post('/reports/new', formAction({
    load: async (c) => ({ organisers: undefined }),
    allow: reportPolicy.startStandalone,
    schema: StandaloneSchema,
    run: (ctx, input) => startStandalone(ctx, input),
    done: (_, { id }) => withNotice(`/reports/${id}/edit`, 'started', 'report'),
    retry: (c, failed, { status }) => showNew(c, failed, status),
  }));

  app.post('/sessions/:session/report', formAction({
    load: loadSession,
    allow: reportPolicy.start,
    schema: StartSchema,
    run: (ctx, _, session) => startReport(ctx, session),
    done: (_, { id }) => withNotice(`/reports/${id}/edit`, 'started', 'report'),
    retry: (c) => c.redirect('/my/reports', 303),
  }));
  app.get('/sessions/:session/report', formAddress(() => '/my/reports'));

  app.get('/reports/:id', async (c) => {
    const report = await loadReport(c);
    return report ? showReport(c, report) : c.notFound();
  });

  app.get('/reports/:id/edit', async (c) => {
    const report = await loadReport(c);
    if (!report) return c.notFound();
    authorize(c.get('actor'), reportPolicy.edit, report);
    return showEdit(c, report);
  });

  app.post('/reports/:id/edit', formAction({
    load: loadReport,
    allow: reportPolicy.edit,
    schema: ReportSaveSchema,
    fromForm: reportFromForm,
    toFields: reportErrorsToFields,
    run: (ctx, input, report) => saveReport(ctx, report, input),
    done: (_, { version }, { subject }) => withNotice(`/reports/${subject.id}`, subject.status === 'published' ? 'amended' : 'saved', subject.status === 'published' ? `version-${version}` : undefined),
    retry: (c, failed, { subject, status }) => showEdit(c, subject, failed, status),
  }));

  const workflow = <S extends 'submit' | 'publish'>(path: S, run: S extends 'submit' ? typeof submitReport : typeof publishReport, notice: string) => {
    app.post(`/reports/:id/${path}`, formAction({
      load: loadReport,
      allow: path === 'submit' ? reportPolicy.submit : reportPolicy.publish,
      schema: StartSchema,
      run: (ctx, _, report) => (run as (c: typeof ctx, r: Report) => ReturnType<typeof submitReport>)(ctx, report),
      done: (_, __, { subject }) => withNotice(`/reports/${subject.id}`, notice),
      retry: (c, failed, { subject, status }) => showReport(c, subject, { workflow: failed }, status),
    }));
    app.get(`/reports/:id/${path}`, formAddress((c) => `/reports/${c.req.param('id')}`, path));
  };
  workflow('submit', submitReport, 'submitted');
  workflow('publish', publishReport, 'published');

  app.post('/reports/:id/request-changes', formAction({
    load: loadReport,
    allow: reportPolicy.review,
    schema: ReviewSchema,
    run: (ctx, input, report) => requestChanges(ctx, report, input),
    done: (_, __, { subject }) => withNotice(`/reports/${subject.id}`, 'changes_requested'),
    retry: (c, failed, { subject, status }) => showReport(c, subject, { review: failed }, status),
  }));
  app.get('/reports/:id/request-changes', formAddress((c) => `/reports/${c.req.param('id')}`, 'request-changes'));

  app.post('/reports/:id/rapporteur', formAction({
    load: loadReport,
    allow: reportPolicy.nameRapporteur,
    schema: NameRapporteurSchema,
    run: (ctx, input, report) => nameRapporteur(ctx, report, input),
    done: (_, __, { subject }) => withNotice(`/reports/${subject.id}`, 'rapporteur_named'),
    retry: (c, failed, { subject, status }) => showReport(c, subject, { rapporteur: failed }, status),
  }));
  app.get('/reports/:id/rapporteur', formAddress((c) => `/reports/${c.req.param('id')}`, 'rapporteur'));

  app.get('/reports/:id/history', async (c) => {
    const report = await loadReport(c);
    if (!report) return c.notFound();
    const t = c.get('t');
    const rows = await versionsOf(db, report.id);
    const texts = rows.map((r) => snapshotText(JSON.parse(r.snapshot) as ReportSnapshot, t));
    const versions = rows.map((r, i) => ({ ...r, diff: i > 0 ? wordDiff(texts[i - 1]!, texts[i]!) : null }));
    return page(c, t('reports.history.title', { title: report.title }), <HistoryPage report={report} versions={versions} />);
  });

  app.get('/events/:slug/reports', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), reportPolicy.manageEventReports, event);
    return showEventReports(c, event);
  });

  app.post('/events/:slug/reports/deadline', formAction({
    load: loadEvent,
    allow: reportPolicy.manageEventReports,
    schema: DeadlineSchema,
    run: (ctx, input, event) => setDeadline(ctx, event, input),
    done: (_, __, { subject }) => withNotice(`/events/${subject.slug}/reports`, 'deadline_saved', 'deadline'),
    retry: (c, failed, { subject, status }) => showEventReports(c, subject, failed, status),
  }));
  app.get('/events/:slug/reports/deadline', formAddress((c) => `/events/${c.req.param('slug')}/reports`, 'deadline'));

  reportTopicPages(app, services);
}
