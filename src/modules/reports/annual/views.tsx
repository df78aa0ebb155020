import { raw } from 'hono/html';
import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, TextArea } from '../../../platform/views/components.tsx';
import { formatDate, formatNumber } from '../../../platform/i18n/index.ts';
import { countryName } from '../../../platform/geo/countryName.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { renderMarkdown } from '../markdown.ts';
import { maxSummary } from '../content.ts';
import type { AssembledYear, CitedItem, Participation, YearReport } from './assemble.ts';

const sections = ['introduction', 'preparation', 'outcomes'] as const;
type Section = (typeof sections)[number];

const Markdown = ({ text }: { text: string }) => <div class="prose">{raw(renderMarkdown(text))}</div>;
const annualHref = (slug: string, year: number) => `/initiatives/${slug}/annual-reports/${year}`;

/** `/initiatives/<slug>/annual-reports`: the years reported, and for the committee the years to write. */
export function AnnualListPage(props: { initiative: { slug: string; name: string }; reports: Array<{ year: number; status: string; published_at: string | null }>; writable: number[] }) {
  const { t, locale } = useView();
  const { initiative, reports, writable } = props;
  const started = new Set(reports.map((r) => r.year));
  const toStart = writable.filter((y) => !started.has(y));
  return (
    <>
      <p><a href={`/initiatives/${initiative.slug}`}>{t('reports.annual.back_initiative', { name: initiative.name })}</a></p>
      <h1>{t('reports.annual.list_title', { name: initiative.name })}</h1>
      <p>{t('reports.annual.list_intro')}</p>
      {reports.length === 0 ? <p>{t('reports.annual.none')}</p> : (
        <ul>{reports.map((r) => (
          <li><a href={annualHref(initiative.slug, r.year)}>{t('reports.annual.year_link', { year: r.year })}</a>{' '}
            {r.status === 'published' && r.published_at ? t('reports.annual.published_on', { date: formatDate(r.published_at, locale) }) : t('reports.annual.draft')}</li>
        ))}</ul>
      )}
      {toStart.length > 0 && (
        <section aria-labelledby="write-title">
          <h2 id="write-title">{t('reports.annual.write_title')}</h2>
          <ul>{toStart.map((year) => <li><a href={annualHref(initiative.slug, year)}>{t('reports.annual.write_year', { year })}</a></li>)}</ul>
        </section>
      )}
    </>
  );
}

function ParticipationTable({ participation, caption }: { participation: Participation; caption: string }) {
  const { t, locale } = useView();
  if (participation.total === 0) return <p>{t('reports.annual.no_counts')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{t('reports.annual.group')}</th><th scope="col">{t('reports.annual.people')}</th></tr></thead>
        <tbody>
          {stakeholderKeys.filter((g) => participation.groups[g]).map((g) => <tr><th scope="row">{t(`common.stakeholder.${g}`)}</th><td>{formatNumber(participation.groups[g]!, locale)}</td></tr>)}
          <tr><th scope="row">{t('reports.annual.total')}</th><td>{formatNumber(participation.total, locale)}</td></tr>
        </tbody>
      </table>
    </div>
  );
}

/** Takeaways and calls to action, each citing its report's item (the anchor a reader can link to). */
function CitedList({ items, title, id }: { items: CitedItem[]; title: string; id: string }) {
  const { t } = useView();
  if (items.length === 0) return null;
  return (
    <>
      <h4 id={id}>{title}</h4>
      <ul>{items.map((item) => (
        <li>{item.who ? <><strong>{item.who}</strong>: </> : null}<Markdown text={item.text} /> <a href={`/reports/${item.report}#${item.anchor}`}>{t('reports.annual.cite')}</a></li>
      ))}</ul>
    </>
  );
}

function Gathered({ block, prefix, caption }: { block: { reports: YearReport[]; participation: Participation; takeaways: CitedItem[]; calls_to_action: CitedItem[] }; prefix: string; caption: string }) {
  const { t, locale } = useView();
  return (
    <>
      <ParticipationTable participation={block.participation} caption={caption} />
      {block.reports.length > 0 ? (
        <>
          <h4 id={`${prefix}-reports`}>{t('reports.annual.session_reports', { count: block.reports.length })}</h4>
          <ul>{block.reports.map((r) => <li><a href={`/reports/${r.id}`} lang={r.language}>{r.title}</a> ({formatDate(r.held_on, locale)})</li>)}</ul>
        </>
      ) : <p>{t('reports.annual.no_reports')}</p>}
      <CitedList items={block.takeaways} title={t('reports.list.takeaways')} id={`${prefix}-takeaways`} />
      <CitedList items={block.calls_to_action} title={t('reports.list.calls_to_action')} id={`${prefix}-calls`} />
    </>
  );
}

/** The year's events and reports, as assembled: the same for the draft's preview and the published report. */
function AssembledPart({ assembled }: { assembled: AssembledYear }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{t('reports.annual.events_title', { count: assembled.events.length })}</h2>
      {assembled.events.length === 0 && <p>{t('reports.annual.no_events')}</p>}
      {assembled.events.map((e, i) => {
        const venue = [e.venue_name, e.venue_city, e.venue_country && countryName(e.venue_country, locale)].filter(Boolean).join(', ');
        return (
          <article aria-labelledby={`event-${i}`}>
            <h3 id={`event-${i}`}><a href={`/events/${e.slug}`}>{e.title}</a></h3>
            <p>{t(`events.kind.${e.kind}`)} · {t(`events.format.${e.format}`)} · {e.first_day === e.last_day ? formatDate(e.first_day, locale) : `${formatDate(e.first_day, locale)} – ${formatDate(e.last_day, locale)}`}{venue ? ` · ${venue}` : ''}</p>
            <Gathered block={e} prefix={`event-${i}`} caption={t('reports.annual.participation_caption', { title: e.title })} />
          </article>
        );
      })}
      {assembled.standalone.reports.length > 0 && (
        <article aria-labelledby="other-title">
          <h3 id="other-title">{t('reports.annual.other_reports')}</h3>
          <Gathered block={assembled.standalone} prefix="other" caption={t('reports.annual.participation_other')} />
        </article>
      )}
    </section>
  );
}

export interface AnnualPageProps {
  initiative: { slug: string; name: string };
  year: number;
  status: 'none' | 'draft' | 'published';
  published_at: string | null;
  texts: Record<Section, string | null>;
  assembled: AssembledYear;
  can: { write: boolean; publish: boolean };
  form: { values: FormValues; errors: FieldErrors };
  notice?: string;
}

/** `/initiatives/<slug>/annual-reports/<year>`: the report (printable), and for its committee the form that writes it. */
export function AnnualPage(props: AnnualPageProps) {
  const { t, locale } = useView();
  const { initiative, year, status, texts, assembled, can, form } = props;
  const href = annualHref(initiative.slug, year);
  const labels = Object.fromEntries(sections.map((s) => [s, t(`reports.annual.section.${s}`)]));
  const notices: Record<string, string> = { saved: t('reports.annual.notice.saved'), published: t('reports.annual.notice.published') };
  const Text = ({ section }: { section: Section }) => (
    <section aria-labelledby={`${section}-title`}>
      <h2 id={`${section}-title`}>{labels[section]}</h2>
      {texts[section] ? <Markdown text={texts[section]!} /> : <p>{t('reports.annual.not_written')}</p>}
    </section>
  );
  return (
    <>
      <p class="no-print"><a href={`/initiatives/${initiative.slug}/annual-reports`}>{t('reports.annual.back_list', { name: initiative.name })}</a></p>
      <Notice message={props.notice ? notices[props.notice] : undefined} />
      <h1>{t('reports.annual.title', { year, name: initiative.name })}</h1>
      <p>{status === 'published' && props.published_at ? t('reports.annual.published_on', { date: formatDate(props.published_at, locale) }) : t('reports.annual.draft_note')}</p>
      {status === 'published' && <p class="no-print hint">{t('reports.annual.print_hint')}</p>}
      <Text section="introduction" />
      <Text section="preparation" />
      <AssembledPart assembled={assembled} />
      <Text section="outcomes" />
      {can.write && (
        <section aria-labelledby="write-form-title" class="no-print">
          <h2 id="write-form-title">{t('reports.annual.form_title')}</h2>
          <p>{t('reports.annual.form_intro')}</p>
          <PostForm action={href} anchor="annual-form" errors={form.errors} labels={labels}>
            {sections.map((s) => <TextArea name={s} label={labels[s]!} hint={t(`reports.annual.hint.${s}`)} value={valueOf(form.values, s)} error={form.errors[s]} maxlength={maxSummary} />)}
            <button type="submit">{t('reports.annual.save')}</button>
          </PostForm>
        </section>
      )}
      {can.publish && (
        <section aria-labelledby="publish-title" class="no-print">
          <h2 id="publish-title">{t('reports.annual.publish_title')}</h2>
          <p>{t('reports.annual.publish_intro')}</p>
          <PostForm action={`${href}/publish`} anchor="annual-publish">
            <button type="submit">{t('reports.annual.publish', { year })}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}
