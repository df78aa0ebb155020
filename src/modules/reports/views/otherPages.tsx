import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, SelectField, TextField } from '../../../platform/views/components.tsx';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { WordDiff, type DiffPart } from '../../../platform/views/wordDiff.tsx';
import { ReportFields } from './editPage.tsx';

/** `/reports/new`: a standalone report, for an initiative whose committee the visitor sits on. */
export function NewReportPage({ initiatives, form }: { initiatives: Array<{ slug: string; name: string }>; form: { values: FormValues; errors: FieldErrors } }) {
  const { t } = useView();
  const labels = { initiative: t('reports.field.initiative'), title: t('reports.field.title'), held_on: t('reports.field.held_on'), place: t('reports.field.place'), language: t('reports.field.language') };
  return (
    <>
      <p><a href="/my/reports">{t('reports.mine.back')}</a></p>
      <h1>{t('reports.new.title')}</h1>
      <p>{t('reports.new.intro')}</p>
      <PostForm action="/reports/new" anchor="new-report" errors={form.errors} labels={labels}>
        <SelectField name="initiative" label={labels.initiative} blank={t('reports.new.choose')} value={valueOf(form.values, 'initiative')} error={form.errors.initiative}
          options={initiatives.map((i) => ({ value: i.slug, label: i.name }))} />
        <ReportFields values={form.values} errors={form.errors} />
        <button type="submit">{t('reports.new.create')}</button>
      </PostForm>
    </>
  );
}

export interface EventReportRow {
  session: { id: string; title: string; ends_at: string | null };
  report: { id: string; status: string } | null;
  due_at: string | null;
  overdue: boolean;
}

/** `/events/<slug>/reports`: the organisers' view of every session's report, the late ones first, and the deadline. */
export function EventReportsPage(props: { event: { slug: string; title: string }; rows: EventReportRow[]; days: number; form: { values: FormValues; errors: FieldErrors }; notice?: string }) {
  const { t } = useView();
  const { event, rows, days, form } = props;
  const overdue = rows.filter((r) => r.overdue);
  const Row = ({ row }: { row: EventReportRow }) => (
    <tr>
      <td data-label={t('reports.event.session')}>{row.session.title}</td>
      <td data-label={t('reports.page.status')}>{row.report ? t(`reports.status.${row.report.status}`) : t('reports.event.not_started')}</td>
      <td data-label={t('reports.page.due')}>{row.due_at ? row.due_at.slice(0, 10) : t('reports.event.not_placed')}</td>
      <td data-label={t('reports.event.action')}>{row.report
        ? <a href={`/reports/${row.report.id}`}>{t('reports.event.open', { title: row.session.title })}</a>
        : <PostForm action={`/sessions/${row.session.id}/report`}><button type="submit" class="secondary">{t('reports.event.start', { title: row.session.title })}</button></PostForm>}</td>
    </tr>
  );
  const Table = ({ list, caption }: { list: EventReportRow[]; caption: string }) => (
    <div>
      {/* A list of cards on narrow screens (table.stack in app.css). */}
      <table class="stack">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{t('reports.event.session')}</th><th scope="col">{t('reports.page.status')}</th><th scope="col">{t('reports.page.due')}</th><th scope="col">{t('reports.event.action')}</th></tr></thead>
        <tbody>{list.map((row) => <Row row={row} />)}</tbody>
      </table>
    </div>
  );
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('reports.page.back_event', { title: event.title })}</a></p>
      <Notice message={props.notice === 'deadline_saved' ? t('reports.notice.deadline_saved') : undefined} />
      <h1>{t('reports.event.title', { title: event.title })}</h1>
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('reports.event.overdue', { count: overdue.length })}</h2>
        {overdue.length > 0 ? <Table list={overdue} caption={t('reports.event.overdue_caption')} /> : <p>{t('reports.event.none_overdue')}</p>}
      </section>
      <section aria-labelledby="all-title">
        <h2 id="all-title">{t('reports.event.all')}</h2>
        {rows.length > 0 ? <Table list={rows} caption={t('reports.event.all_caption')} /> : <p>{t('reports.event.no_sessions')}</p>}
      </section>
      <section aria-labelledby="deadline-title">
        <h2 id="deadline-title">{t('reports.event.deadline')}</h2>
        <p>{t('reports.event.deadline_now', { days })}</p>
        <PostForm action={`/events/${event.slug}/reports/deadline`} anchor="deadline" errors={form.errors} labels={{ days: t('reports.field.days') }}>
          <TextField type="number" name="days" label={t('reports.field.days')} hint={t('reports.event.days_hint')} value={valueOf(form.values, 'days') || String(days)} error={form.errors.days} />
          <button type="submit">{t('reports.event.save_deadline')}</button>
        </PostForm>
      </section>
    </>
  );
}

/** `/my/reports`: the reports the visitor writes, and the sessions they are rapporteur of. */
export function MyReportsPage(props: { reports: Array<{ id: string; title: string; status: string }>; sessions: Array<{ id: string; title: string; event_title: string }>; committees: Array<{ slug: string; name: string }> }) {
  const { t } = useView();
  return (
    <>
      <p><a href="/">{t('reports.mine.home')}</a></p>
      <h1>{t('reports.mine.title')}</h1>
      {props.reports.length > 0 ? <ul>{props.reports.map((r) => <li><a href={`/reports/${r.id}`}>{r.title}</a> ({t(`reports.status.${r.status}`)})</li>)}</ul> : <p>{t('reports.mine.none')}</p>}
      {props.sessions.length > 0 && (
        <section aria-labelledby="to-report-title">
          <h2 id="to-report-title">{t('reports.mine.to_report')}</h2>
          <ul>{props.sessions.map((s) => (
            <li>{s.title} ({s.event_title})
              <PostForm action={`/sessions/${s.id}/report`}><button type="submit" class="secondary">{t('reports.event.start', { title: s.title })}</button></PostForm>
            </li>
          ))}</ul>
        </section>
      )}
      {props.committees.length > 0 && <p><a href="/reports/new">{t('reports.mine.standalone')}</a></p>}
      {props.committees.length > 0 && (
        <section aria-labelledby="annual-title">
          <h2 id="annual-title">{t('reports.annual.mine_title')}</h2>
          <ul>{props.committees.map((i) => <li><a href={`/initiatives/${i.slug}/annual-reports`}>{t('reports.annual.list_title', { name: i.name })}</a></li>)}</ul>
        </section>
      )}
    </>
  );
}

export interface ShownVersion {
  version: number;
  published_at: string;
  reason: string | null;
  snapshot_sha256: string;
  diff: DiffPart[] | null;
}

/** `/reports/<id>/history`: every published version, why it changed, and what changed, word by word. */
export function HistoryPage({ report, versions }: { report: { id: string; title: string; language: string }; versions: ShownVersion[] }) {
  const { t } = useView();
  return (
    <>
      <p><a href={`/reports/${report.id}`}>{t('reports.form.back', { title: report.title })}</a></p>
      <h1>{t('reports.history.title', { title: report.title })}</h1>
      <p>{t('reports.history.intro')}</p>
      {[...versions].reverse().map((v) => (
        <section aria-labelledby={`version-${v.version}`}>
          <h2 id={`version-${v.version}`}>{t('reports.page.version', { version: v.version })}</h2>
          <p>{t('reports.history.published_at', { at: v.published_at.slice(0, 16).replace('T', ' ') })}</p>
          {v.reason && <p>{t('reports.history.reason', { reason: v.reason })}</p>}
          <p class="hint">{t('reports.history.hash')} <code>{v.snapshot_sha256}</code></p>
          {v.diff && <WordDiff diff={v.diff} language={report.language} legend={t('reports.history.legend')} />}
        </section>
      ))}
    </>
  );
}
