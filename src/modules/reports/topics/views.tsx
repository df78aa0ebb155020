import { raw } from 'hono/html';
import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, ErrorSummary, Notice, PostForm, SelectField } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { renderMarkdown } from '../markdown.ts';
import type { TopicData } from './topicData.ts';
import type { TopicCounts, TopicReport } from './queries.ts';
import type { TopicQuery } from './schema.ts';

export interface TopicOption {
  key: string;
  label: string;
}

/** The topics the report is tagged with, linking to each topic's page. */
export function ReportTopicsLine({ topics }: { topics: TopicOption[] }) {
  const { t } = useView();
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby="topics-title" class="report-topics">
      <h2 id="topics-title">{t('reports.topics.heading')}</h2>
      <ul class="tags">{topics.map((topic) => <li><a href={`/topics/${topic.key}`}>{topic.label}</a></li>)}</ul>
    </section>
  );
}

/** The report form's topics: a group of checkboxes, its own form (topics are no part of the published text). */
export function ReportTopicsForm({ reportId, options, chosen, errors, notice }: { reportId: string; options: TopicOption[]; chosen: string[]; errors: FieldErrors; notice?: string | undefined }) {
  const { t } = useView();
  return (
    <section aria-labelledby="topics-form-title">
      <h2 id="topics-form-title">{t('reports.topics.heading')}</h2>
      <Notice message={notice === 'topics_saved' ? t('reports.topics.saved') : undefined} />
      <PostForm action={`/reports/${reportId}/topics`} anchor="topics" errors={errors} labels={{ topics: t('reports.topics.heading') }}>
        <ChoiceField type="checkbox" name="topics" label={t('reports.topics.choose')} hint={t('reports.topics.choose_hint')} error={errors.topics}
          options={options.map((o) => ({ value: o.key, label: o.label }))} value={chosen} />
        <button type="submit">{t('reports.topics.save')}</button>
      </PostForm>
    </section>
  );
}

/** A failed topics form on a page of its own, under the report's name. */
export function ReportTopicsPage(props: { report: { id: string; title: string }; options: TopicOption[]; chosen: string[]; errors: FieldErrors }) {
  const { t } = useView();
  return (
    <>
      <p><a href={`/reports/${props.report.id}/edit`}>{t('reports.form.back', { title: props.report.title })}</a></p>
      <h1>{t('reports.topics.form_title', { title: props.report.title })}</h1>
      <ReportTopicsForm reportId={props.report.id} options={props.options} chosen={props.chosen} errors={props.errors} />
    </>
  );
}

/** `/topics`: every topic with what the published reports said on it. */
export function TopicsPage({ topics }: { topics: Array<TopicOption & TopicCounts> }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('reports.topics.list_title')}</h1>
      <p>{t('reports.topics.list_intro')}</p>
      <ul class="topic-list">
        {topics.map((topic) => (
          <li><a href={`/topics/${topic.key}`}>{topic.label}</a> — {t('reports.topics.counts', { reports: topic.reports, takeaways: topic.takeaways, calls: topic.calls })}</li>
        ))}
      </ul>
    </>
  );
}

/** The page's address with its filters and a page number. */
export function topicHref(key: string, query: Partial<TopicQuery>, page: number): string {
  const params = new URLSearchParams();
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.initiative) params.set('initiative', query.initiative);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/topics/${key}${search ? `?${search}` : ''}`;
}

/** What a topic's page shows: the data the JSON answer holds too (topicData.ts). */
export type TopicPageProps = TopicData;

function Filters({ topic, values, errors, facets }: Pick<TopicPageProps, 'topic' | 'values' | 'errors' | 'facets'>) {
  const { t } = useView();
  const any = t('reports.topics.any');
  return (
    <form method="get" action={`/topics/${topic.key}`} class="filters" role="search" aria-label={t('reports.topics.filters')}>
      <SelectField name="year" label={t('reports.topics.year')} blank={any} value={values.year} error={errors.year}
        options={facets.years.map((y) => ({ value: String(y), label: String(y) }))} />
      <SelectField name="initiative" label={t('reports.topics.initiative')} blank={any} value={values.initiative} error={errors.initiative}
        options={facets.initiatives.map((i) => ({ value: i.slug, label: i.name }))} />
      <div class="field"><button type="submit">{t('reports.topics.apply')}</button></div>
    </form>
  );
}

function Pager({ topic, query, pages }: { topic: string; query: Partial<TopicQuery>; pages: number }) {
  const { t } = useView();
  const current = query.page ?? 1;
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination.label')}>
      <ul class="pager">
        {current > 1 && <li><a href={topicHref(topic, query, current - 1)} rel="prev">{t('common.pagination.previous')}</a></li>}
        <li aria-current="page">{t('common.pagination.page_of', { page: current, pages })}</li>
        {current < pages && <li><a href={topicHref(topic, query, current + 1)} rel="next">{t('common.pagination.next')}</a></li>}
      </ul>
    </nav>
  );
}

function Said({ report }: { report: TopicReport }) {
  const { t, locale } = useView();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${report.held_on}T00:00:00Z`));
  const cite = (anchor: string) => `/reports/${report.id}#${anchor}`;
  return (
    <article class="topic-report" lang={report.language}>
      <h3><a href={`/reports/${report.id}`}>{report.title}</a></h3>
      <p class="meta">{report.initiative.name} · <time datetime={report.held_on}>{day}</time></p>
      {report.takeaways.length > 0 && (
        <>
          <h4>{t('reports.list.takeaways')}</h4>
          <ul>{report.takeaways.map((item) => <li><blockquote cite={cite(item.id)}>{raw(renderMarkdown(item.text))}</blockquote> <a href={cite(item.id)}>{t('reports.topics.cite')}</a></li>)}</ul>
        </>
      )}
      {report.calls_to_action.length > 0 && (
        <>
          <h4>{t('reports.list.calls_to_action')}</h4>
          <ul>{report.calls_to_action.map((item) => <li><blockquote cite={cite(item.id)}><p><strong>{item.who}</strong>:</p>{raw(renderMarkdown(item.what))}</blockquote> <a href={cite(item.id)}>{t('reports.topics.cite')}</a></li>)}</ul>
        </>
      )}
    </article>
  );
}

/** `/topics/<key>`: what every initiative's published reports said on the topic, with counts. */
export function TopicPage(props: TopicPageProps) {
  const { t } = useView();
  const { topic, totals } = props;
  const labels = { year: t('reports.topics.year'), initiative: t('reports.topics.initiative'), page: t('reports.topics.page') };
  return (
    <>
      <p><a href="/topics">{t('reports.topics.all')}</a></p>
      <h1>{topic.label}</h1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <Filters topic={topic} values={props.values} errors={props.errors} facets={props.facets} />
      <p role="status">{t('reports.topics.counts', { reports: totals.reports, takeaways: totals.takeaways, calls: totals.calls })}</p>
      {totals.reports > 0 && (
        <div class="topic-counts">
          <section aria-labelledby="by-initiative">
            <h2 id="by-initiative">{t('reports.topics.by_initiative')}</h2>
            <table>
              <thead><tr><th scope="col">{t('reports.topics.initiative')}</th><th scope="col">{t('reports.topics.reports')}</th><th scope="col">{t('reports.list.takeaways')}</th><th scope="col">{t('reports.list.calls_to_action')}</th></tr></thead>
              <tbody>{props.initiatives.map((i) => (
                <tr><th scope="row"><a href={topicHref(topic.key, { ...props.query, initiative: i.slug, page: 1 }, 1)}>{i.name}</a></th><td>{i.reports}</td><td>{i.takeaways}</td><td>{i.calls}</td></tr>
              ))}</tbody>
            </table>
          </section>
          <section aria-labelledby="by-group">
            <h2 id="by-group">{t('reports.topics.by_group')}</h2>
            <p class="hint">{t('reports.topics.by_group_hint')}</p>
            <table>
              <thead><tr><th scope="col">{t('reports.topics.group')}</th><th scope="col">{t('reports.topics.people')}</th><th scope="col">{t('reports.topics.reports_present')}</th></tr></thead>
              <tbody>{props.groups.map((g) => <tr><th scope="row">{g.label}</th><td>{g.people}</td><td>{g.reports}</td></tr>)}</tbody>
            </table>
          </section>
        </div>
      )}
      <section aria-labelledby="said">
        <h2 id="said">{t('reports.topics.said')}</h2>
        {props.reports.length === 0 ? <p>{t('reports.topics.none')}</p> : props.reports.map((r) => <Said report={r} />)}
        <Pager topic={topic.key} query={props.query} pages={props.pages} />
      </section>
    </>
  );
}
