import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ConsultationRef } from '../../consultations/index.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { languageName } from '../../../platform/i18n/index.ts';
import { enablerGoals, perspectives, properties, type Grid, type GridItem } from '../grid.ts';
import type { BriefSnapshot } from '../outcomes.ts';
import { BriefChart, BriefChartTable } from './chart.tsx';
import { useJurisdiction } from './common.tsx';
import { CommentsOn, GeneralDiscussion, ReviewSection, ReviewState, type Discussion } from './discussion.tsx';

/** What the page shows: the latest published version, or the draft to its authors. */
export type BriefView = Omit<BriefSnapshot, 'version'>;

type Form = { values: FormValues; errors: FieldErrors };

export interface BriefPageProps {
  brief: BriefView;
  /** Which version is shown: its number, or null for the working copy. */
  shownVersion: number | null;
  /** The latest published version (0: none), and whether the working copy has changed since. */
  version: number;
  status: string;
  /** Addresses of the other view, for authors: the working copy or the published version. */
  otherView?: { href: string; label: string };
  can: { edit: boolean; publish: boolean; addAuthor: boolean };
  forms: { publish?: Form; author?: Form; attach?: Form };
  notice?: string;
  /** On the working copy, for its authors and reviewers: the comments and reviews. */
  discussion?: Discussion;
  /** The consultations it is attached to; for its authors once published, those it may be attached to. */
  consultations: { attached: ConsultationRef[]; attachable: ConsultationRef[]; mayAttach: boolean };
}

const notices = ['started', 'saved', 'published', 'author_added', 'commented', 'review_requested', 'reviewed', 'attached'] as const;

function Entry({ item, grid, lang, briefId, discussion }: { item: GridItem; grid: Grid; lang: string; briefId: string; discussion?: Discussion }) {
  const { t } = useView();
  const e = grid[item];
  const notes = perspectives.filter((p) => e.notes[p]);
  return (
    <section aria-labelledby={`item-${item}`} id={item} class="brief-item">
      <h4 id={`item-${item}`}>{t(`briefs.item.${item}.name`)}</h4>
      <p><strong>{t('briefs.grid.rating')}:</strong> {e.rating ? t(`briefs.rating.${e.rating}`) : t('briefs.rating.missing')}</p>
      {e.reasoning && <><p><strong>{t('briefs.grid.reasoning')}</strong></p><p class="prose" lang={lang}>{e.reasoning}</p></>}
      {e.evidence && <><p><strong>{t('briefs.grid.evidence')}</strong></p><p class="prose" lang={lang}>{e.evidence}</p></>}
      {notes.length > 0 && (
        <dl>
          {notes.map((p) => <><dt>{t(`briefs.perspective.${p}`)}</dt><dd lang={lang}>{e.notes[p]}</dd></>)}
        </dl>
      )}
      {discussion && <CommentsOn briefId={briefId} anchor={item} lang={lang} discussion={discussion} />}
    </section>
  );
}

/** `/briefs/<id>`: a brief's published version (or, for its authors, the working copy), its chart and grid. */
/** The consultations whose texts it analyses, and for its authors the form to add one. */
function Consultations(props: BriefPageProps['consultations'] & { briefId: string; form?: Form }) {
  const { t } = useView();
  const { attached, attachable, mayAttach, form } = props;
  if (attached.length === 0 && !mayAttach) return null;
  return (
    <section aria-labelledby="consultations-title" class="no-print">
      <h2 id="consultations-title">{t('briefs.consultations.title')}</h2>
      {attached.length === 0 ? <p>{t('briefs.consultations.none')}</p> : <ul>{attached.map((c) => <li><a href={`/consultations/${c.slug}`}>{c.title}</a></li>)}</ul>}
      {mayAttach && (attachable.length === 0 ? (
        <>
          {form && <p class="alert" role="alert">{Object.values(form.errors)[0]}</p>}
          <p>{t('briefs.consultations.none_open')}</p>
        </>
      ) : (
        <PostForm action={`/briefs/${props.briefId}/consultations`} anchor="attach" errors={form?.errors} labels={{ consultation: t('briefs.consultations.field') }}>
          <SelectField name="consultation" label={t('briefs.consultations.field')} hint={t('briefs.consultations.hint')} blank="" required
            value={valueOf(form?.values, 'consultation')} error={form?.errors.consultation} options={attachable.map((c) => ({ value: c.slug, label: c.title }))} />
          <button type="submit">{t('briefs.consultations.submit')}</button>
        </PostForm>
      ))}
    </section>
  );
}

export function BriefPage(props: BriefPageProps) {
  const { t, groupLabel } = useView();
  const jurisdiction = useJurisdiction();
  const { brief, can, forms, discussion } = props;
  const entry = (item: GridItem) => <Entry item={item} grid={brief.grid} lang={brief.language} briefId={brief.id} discussion={discussion} />;
  const notice = notices.find((n) => n === props.notice);
  return (
    <>
      <nav aria-label={t('briefs.page.breadcrumb')} class="no-print"><p><a href="/briefs">{t('briefs.page.back')}</a></p></nav>
      <Notice message={notice ? t(`briefs.notice.${notice}`) : undefined} />
      <h1 lang={brief.language}>{brief.title}</h1>
      <p>
        {props.shownVersion ? t('briefs.page.version', { version: props.shownVersion }) : t('briefs.page.working_copy')}
        {' · '}{t(`briefs.stage.${brief.stage}`)}
        {props.shownVersion === null && props.version > 0 && props.status === 'draft' ? <>{' · '}{t('briefs.page.changed_since', { version: props.version })}</> : null}
      </p>
      {props.otherView && <p class="no-print"><a href={props.otherView.href}>{props.otherView.label}</a></p>}
      <dl class="facts">
        <dt>{t('briefs.field.kind')}</dt><dd>{t(`briefs.kind.${brief.kind}`)}</dd>
        <dt>{t('briefs.field.jurisdiction')}</dt><dd>{jurisdiction(brief.jurisdiction)}</dd>
        <dt>{t('briefs.field.language')}</dt><dd>{languageName(brief.language, useView().locale)}</dd>
      </dl>
      <section aria-labelledby="authors-title">
        <h2 id="authors-title">{t('briefs.page.authors')}</h2>
        <ul>{brief.authors.map((a) => <li>{a.name}{a.stakeholder_group ? <> ({groupLabel(a.stakeholder_group)})</> : null}</li>)}</ul>
      </section>
      {discussion && <ReviewSection briefId={brief.id} lang={brief.language} discussion={discussion} />}
      {(brief.summary || discussion) && (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t('briefs.field.summary')}</h2>
          {brief.summary ? <p class="prose" lang={brief.language}>{brief.summary}</p> : <p>{t('briefs.page.no_summary')}</p>}
          {discussion && <CommentsOn briefId={brief.id} anchor="summary" lang={brief.language} discussion={discussion} />}
        </section>
      )}
      {brief.links.length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('briefs.field.links')}</h2>
          <ul>{brief.links.map((href) => <li><a href={href} rel="nofollow noopener">{href}</a></li>)}</ul>
        </section>
      )}
      <section aria-labelledby="chart-section">
        <h2 id="chart-section">{t('briefs.chart.heading')}</h2>
        <BriefChart grid={brief.grid} />
        <BriefChartTable grid={brief.grid} />
      </section>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('briefs.grid.title')}</h2>
        <h3>{t('briefs.grid.properties')}</h3>
        {properties.map(entry)}
        <h3>{t('briefs.grid.enablers')}</h3>
        {Object.values(enablerGoals).flat().map(entry)}
      </section>
      {discussion && <GeneralDiscussion briefId={brief.id} lang={brief.language} discussion={discussion} />}
      <Consultations briefId={brief.id} {...props.consultations} form={forms.attach} />
      <section aria-labelledby="more-title" class="no-print">
        <h2 id="more-title">{t('briefs.page.more')}</h2>
        <ul>
          {props.version > 0 && <li><a href={`/briefs/${brief.id}/versions`}>{t('briefs.page.versions')}</a></li>}
          {props.version > 0 && <li><a href={`/briefs/${brief.id}/export.json`}>{t('briefs.page.export')}</a> (<a href="/briefs/schema.json">{t('briefs.page.schema')}</a>)</li>}
          {props.version > 0 && <li><a href={`/briefs/${brief.id}/print`}>{t('briefs.page.print')}</a></li>}
          {can.edit && <li><a href={`/briefs/${brief.id}/edit`}>{t('briefs.page.edit')}</a></li>}
        </ul>
      </section>
      {can.publish && props.status === 'draft' && (
        <section aria-labelledby="publish-title" class="no-print">
          <h2 id="publish-title">{t('briefs.publish.title')}</h2>
          <p>{t('briefs.publish.intro', { version: props.version + 1 })}</p>
          {discussion && <ReviewState reviews={discussion.reviews} />}
          <PostForm action={`/briefs/${brief.id}/publish`} anchor="publish" errors={forms.publish?.errors} labels={{}}>
            <button type="submit">{t('briefs.publish.button', { version: props.version + 1 })}</button>
          </PostForm>
        </section>
      )}
      {can.addAuthor && (
        <section aria-labelledby="author-title" class="no-print">
          <h2 id="author-title">{t('briefs.author.title')}</h2>
          <PostForm action={`/briefs/${brief.id}/authors`} anchor="author" errors={forms.author?.errors} labels={{ email: t('briefs.author.email') }}>
            <TextField type="email" name="email" label={t('briefs.author.email')} hint={t('briefs.author.hint')} value={valueOf(forms.author?.values ?? {}, 'email')} error={forms.author?.errors.email} autocomplete="off" maxlength={254} />
            <button type="submit">{t('briefs.author.button')}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}
