/**
 * Topic pages and the report's topics form (docs/decisions/027): `/topics`, `/topics/<key>`,
 * `POST /reports/<id>/topics`. Registered by the reports module's pages.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm } from '../../../platform/http/action.ts';
import { fieldErrors } from '../../../platform/http/forms.ts';
import { findInitiativeBySlug } from '../../initiatives/index.ts';
import { sessionTopics, topicLabel, topicList, type Topic } from '../../events/index.ts';
import { reportPolicy } from '../policy.ts';
import { findReport, type Report } from '../queries.ts';
import { setReportTopics } from './commands.ts';
import { topicsOfReport } from './indexing.ts';
import { countsByGroup, countsByInitiative, countsByTopic, topicFacets, topicPageSize, topicReports, topicTotals, type TopicFilter } from './queries.ts';
import { ReportTopicsSchema, TopicQuerySchema, type TopicQuery } from './schema.ts';
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

  async function showFailed(c: Context<AppEnv>, report: Report, failed: FailedForm, status: 422 | 409 | 429 | 403 | 400 | 404) {
    const { options } = await topicsFormData(c, db, report);
    const raw = failed.values.topics;
    const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return page(c, c.get('t')('reports.topics.form_title', { title: report.title }), <ReportTopicsPage report={report} options={options} chosen={chosen} errors={failed.errors} />, status as 422);
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
    const topic = (await topicList(db, { withRetired: true })).find((tp) => tp.key === c.req.param('key'));
    if (!topic) return c.notFound();
    const t = c.get('t');
    const raw = c.req.query();
    const values = { year: raw.year ?? '', initiative: raw.initiative ?? '' };
    const parsed = TopicQuerySchema.safeParse(raw);
    let errors = parsed.success ? {} : fieldErrors(parsed.error, t);
    const query: Partial<TopicQuery> = parsed.success ? parsed.data : {};
    const filter: TopicFilter = { topic: topic.key, year: query.year };
    if (parsed.success && query.initiative) {
      const initiative = await findInitiativeBySlug(db, query.initiative);
      if (initiative) filter.initiativeId = initiative.id;
      else errors = { initiative: t('reports.topics.errors.initiative') };
    }
    const failed = Object.keys(errors).length > 0;
    const label = topicLabel(topic, t, c.get('locale'));
    const facets = await topicFacets(db, topic.key);
    // A filter that cannot be read shows the filters with their errors and nothing counted.
    const [totals, initiatives, groups, reports] = failed
      ? [{ reports: 0, takeaways: 0, calls: 0 }, [], [], []]
      : await Promise.all([topicTotals(db, filter), countsByInitiative(db, filter), countsByGroup(db, filter), topicReports(db, filter, query.page ?? 1)]);
    const taxonomy = config.stakeholders;
    const merged = new Map<string, { group: string; people: number; reports: number; label: string }>();
    for (const g of groups) {
      const as = taxonomy.groupOf(g.group);
      const row = merged.get(as) ?? { group: as, people: 0, reports: 0, label: t(taxonomy.labelKey(as)) };
      merged.set(as, { ...row, people: row.people + g.people, reports: row.reports + g.reports });
    }
    const groupRows = taxonomy.groups.filter((g) => merged.has(g)).map((g) => merged.get(g)!);
    const pages = Math.max(1, Math.ceil(totals.reports / topicPageSize));
    return page(c, label, (
      <TopicPage topic={{ key: topic.key, label }} query={query} values={values} errors={errors} facets={facets} totals={totals}
        initiatives={initiatives} groups={groupRows} reports={reports} pages={pages} />
    ), failed ? 422 : 200);
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
