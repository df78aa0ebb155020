/**
 * Topic pages and the report's topics form (docs/decisions/027): `/topics`, `/topics/<key>`,
 * `POST /reports/<id>/topics`. Registered by the reports module's pages.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { sessionTopics, topicLabel, topicList, type Topic } from '../../events/index.ts';
import { reportPolicy } from '../policy.ts';
import { findReport, type Report } from '../queries.ts';
import { setReportTopics } from './commands.ts';
import { topicsOfReport } from './indexing.ts';
import { countsByTopic } from './queries.ts';
import { topicData } from './topicData.ts';
import { ReportTopicsSchema } from './schema.ts';
import { ReportTopicsForm, ReportTopicsLine, ReportTopicsPage, TopicPage, TopicsPage, type TopicOption } from './views.tsx';

const optionsOf = (c: Context<AppEnv>, topics: readonly Topic[]): TopicOption[] => topics.map((topic) => ({ key: topic.key, label: topicLabel(topic, c.get('t'), c.get('locale')) }));

/**
 * What the report's form offers: the topics on offer and any retired one it still carries; checked,
 * its own topics, or its session's while it has none.
 */
async function topicsFormData(c: Context<AppEnv>, db: Services['db'], report: Pick<Report, 'id' | 'session_id'>) {
  const [all, own] = await Promise.all([topicList(db, { withRetired: true }), topicsOfReport(db, report.id)]);
  const chosen = own.length > 0 || !report.session_id ? own : ((await sessionTopics(db, [report.session_id])).get(report.session_id) ?? []);
  return { options: optionsOf(c, all.filter((topic) => !topic.retired || own.includes(topic.key))), chosen };
}

/** The topics section of the report's edit page. */
export async function reportTopicsForm(c: Context<AppEnv>, db: Services['db'], report: Pick<Report, 'id' | 'session_id'>) {
  const { options, chosen } = await topicsFormData(c, db, report);
  return <ReportTopicsForm reportId={report.id} options={options} chosen={chosen} errors={{}} notice={c.req.query('notice')} />;
}

/** The report page's line of topics. */
export async function reportTopicsLine(c: Context<AppEnv>, db: Services['db'], reportId: string) {
  const [all, own] = await Promise.all([topicList(db, { withRetired: true }), topicsOfReport(db, reportId)]);
  return <ReportTopicsLine topics={optionsOf(c, all.filter((topic) => own.includes(topic.key)))} />;
}

export function reportTopicPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;

  const loadReport = async (c: Context<AppEnv>) => {
    const report = await findReport(db, c.req.param('id') ?? '');
    return report && reportPolicy.view(c.get('actor'), report) ? report : undefined;
  };

  async function showFailed(c: Context<AppEnv>, report: Report, failed: FailedForm, status: FailedStatus) {
    const { options } = await topicsFormData(c, db, report);
    const raw = failed.values.topics;
    const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return page(c, c.get('t')('reports.topics.form_title', { title: report.title }), <ReportTopicsPage report={report} options={options} chosen={chosen} errors={failed.errors} />, status);
  }

  app.get('/topics', async (c) => {
    const [topics, counts] = await Promise.all([topicList(db, { withRetired: true }), countsByTopic(db)]);
    const none = { reports: 0, takeaways: 0, calls: 0 };
    // A retired topic stays listed while published reports carry it.
    const shown = topics.filter((topic) => !topic.retired || counts.has(topic.key));
    const rows = optionsOf(c, shown).map((o) => ({ ...o, ...(counts.get(o.key) ?? none) }));
    return page(c, c.get('t')('reports.topics.list_title'), <TopicsPage topics={rows} />);
  });

  app.get('/topics/:key', async (c) => {
    const data = await topicData(db, config.stakeholders, c.req.param('key'), c.req.query(), c.get('t'), c.get('locale'));
    if (!data) return c.notFound();
    return page(c, data.topic.label, <TopicPage {...data} />, Object.keys(data.errors).length > 0 ? 422 : 200);
  });

  app.post('/reports/:id/topics', formAction({
    load: loadReport,
    allow: reportPolicy.edit,
    schema: ReportTopicsSchema,
    run: (ctx, input, report) => setReportTopics(ctx, report, input),
    done: (_, __, { subject }) => withNotice(`/reports/${subject.id}/edit`, 'topics_saved', 'topics'),
    retry: (c, failed, { subject, status }) => showFailed(c, subject, failed, status),
  }));
  app.get('/reports/:id/topics', formAddress((c) => `/reports/${c.req.param('id')}/edit`, 'topics'));
}
