import { raw } from 'hono/html';
import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, TextArea, TextField } from '../../../platform/views/components.tsx';
import { languageName } from '../../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { genders, linkKinds, presences, textLists, type ReportContent } from '../content.ts';
import { renderMarkdown } from '../markdown.ts';

export interface ReportView {
  id: string;
  title: string;
  held_on: string;
  place: string | null;
  language: string;
  status: string;
  version: number;
  review_note: string | null;
  due_at: string | null;
  initiative: { slug: string; name: string };
  session: { title: string; event: { slug: string; title: string } } | null;
  content: ReportContent;
}

export interface ReportCan {
  edit: boolean;
  submit: boolean;
  review: boolean;
  nameRapporteur: boolean;
}

const Markdown = ({ text }: { text: string }) => <div class="prose">{raw(renderMarkdown(text))}</div>;

/** The report's body: what the public reads once it is published, and what its writers check before. */
export function ReportBody({ report }: { report: Pick<ReportView, 'id' | 'content' | 'language'> }) {
  const { t } = useView();
  const { content } = report;
  // Each item's permalink, visible and working without script: the address to cite it by (docs/decisions/026).
  const Cite = ({ anchor }: { anchor: string }) => <a href={`/reports/${report.id}#${anchor}`} class="anchor">{t('reports.page.link_here')}</a>;
  const total = (presence: 'onsite' | 'online', kind: 'groups' | 'genders') => Object.values(content.participation[presence][kind]).reduce((a, b) => a + b, 0);
  const anyCounts = presences.some((p) => total(p, 'groups') + total(p, 'genders') > 0);
  return (
    <div lang={report.language}>
      {content.summary && (
        <section aria-labelledby="summary-title"><h2 id="summary-title">{t('reports.field.summary')}</h2><Markdown text={content.summary} /></section>
      )}
      {textLists.map((list) => content[list].length > 0 && (
        <section aria-labelledby={`${list}-title`}>
          <h2 id={`${list}-title`}>{t(`reports.list.${list}`)}</h2>
          <ol>{content[list].map((item) => <li id={item.id}><Markdown text={item.text} /> <Cite anchor={item.id} /></li>)}</ol>
        </section>
      ))}
      {content.calls_to_action.length > 0 && (
        <section aria-labelledby="calls-title">
          <h2 id="calls-title">{t('reports.list.calls_to_action')}</h2>
          <ol>{content.calls_to_action.map((item) => <li id={item.id}><strong>{item.who}</strong>: <Markdown text={item.what} /> <Cite anchor={item.id} /></li>)}</ol>
        </section>
      )}
      {content.participants.length > 0 && (
        <section aria-labelledby="participants-title">
          <h2 id="participants-title">{t('reports.list.participants')}</h2>
          <ul>{content.participants.map((p) => (
            <li>{t('reports.page.participant', { role: t(`reports.role.${p.role}`), name: p.name })}{p.organisation ? `, ${p.organisation}` : ''}{p.stakeholder_group ? ` (${t(`common.stakeholder.${p.stakeholder_group}`)})` : ''}</li>
          ))}</ul>
        </section>
      )}
      {anyCounts && (
        <section aria-labelledby="participation-title">
          <h2 id="participation-title">{t('reports.page.participation')}</h2>
          <div class="table-scroll">
            <table>
              <thead><tr><th scope="col">{t('reports.page.counted')}</th>{presences.map((p) => <th scope="col">{t(`reports.presence.${p}`)}</th>)}</tr></thead>
              <tbody>
                {stakeholderKeys.map((g) => <tr><th scope="row">{t(`common.stakeholder.${g}`)}</th>{presences.map((p) => <td>{content.participation[p].groups[g] ?? '–'}</td>)}</tr>)}
                {genders.map((g) => <tr><th scope="row">{t(`reports.gender.${g}`)}</th>{presences.map((p) => <td>{content.participation[p].genders[g] ?? '–'}</td>)}</tr>)}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {Object.keys(content.links).length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('reports.page.links')}</h2>
          <ul>{linkKinds.map((k) => content.links[k] && <li><a href={content.links[k]} rel="nofollow ugc noopener">{t(`reports.link.${k}`)}</a></li>)}</ul>
        </section>
      )}
    </div>
  );
}

export interface ReportPageProps {
  report: ReportView;
  can: ReportCan;
  notice?: string;
  /** Past its deadline and not published: said beside the deadline, as in the organisers' list of late reports. */
  late: boolean;
  forms: { review?: { values: FormValues; errors: FieldErrors }; rapporteur?: { values: FormValues; errors: FieldErrors }; workflow?: { errors: FieldErrors } };
}

/** `/reports/<id>`: the report, and for its writers and organisers the steps it goes through. */
export function ReportPage({ report, can, notice, late, forms }: ReportPageProps) {
  const { t, locale } = useView();
  const back = report.session ? `/events/${report.session.event.slug}` : `/initiatives/${report.initiative.slug}`;
  return (
    <>
      <p><a href={back}>{report.session ? t('reports.page.back_event', { title: report.session.event.title }) : t('reports.page.back_initiative', { name: report.initiative.name })}</a></p>
      <Notice message={notice && /^[a-z_]+$/.test(notice) ? t(`reports.notice.${notice}`) : undefined} />
      <h1 lang={report.language}>{report.title}</h1>
      <dl class="facts">
        <dt>{t('reports.page.status')}</dt><dd>{t(`reports.status.${report.status}`)}{report.version > 0 && ` · ${t('reports.page.version', { version: report.version })}`}</dd>
        <dt>{t('reports.field.held_on')}</dt><dd>{report.held_on}</dd>
        {report.place && <><dt>{t('reports.field.place')}</dt><dd>{report.place}</dd></>}
        {report.session && <><dt>{t('reports.page.session')}</dt><dd>{report.session.title} · <a href={`/events/${report.session.event.slug}/program`}>{report.session.event.title}</a></dd></>}
        <dt>{t('reports.page.initiative')}</dt><dd>{report.initiative.name}</dd>
        <dt>{t('reports.field.language')}</dt><dd>{languageName(report.language, locale)}</dd>
        {report.due_at && report.status !== 'published' && <><dt>{t('reports.page.due')}</dt><dd>{report.due_at.slice(0, 10)}{late && <> <span class="badge">{t('reports.page.late')}</span></>}</dd></>}
      </dl>
      {report.version > 0 && <p><a href={`/reports/${report.id}/history`}>{t('reports.page.history')}</a></p>}
      {report.status === 'changes_requested' && report.review_note && (
        <section class="alert" aria-labelledby="review-note-title"><h2 id="review-note-title">{t('reports.page.changes_requested')}</h2><p>{report.review_note}</p></section>
      )}
      <ReportBody report={report} />
      {(can.edit || can.submit || can.review) && (
        <section aria-labelledby="workflow-title">
          <h2 id="workflow-title">{t('reports.page.workflow')}</h2>
          {forms.workflow?.errors._form && <p class="error" id="error-workflow">{forms.workflow.errors._form}</p>}
          {can.edit && <p><a href={`/reports/${report.id}/edit`}>{report.status === 'published' ? t('reports.page.amend') : t('reports.page.edit')}</a></p>}
          {can.submit && (report.status === 'draft' || report.status === 'changes_requested') && (
            <PostForm action={`/reports/${report.id}/submit`} anchor="submit"><button type="submit">{t('reports.page.submit')}</button></PostForm>
          )}
          {can.review && report.status !== 'published' && (
            <PostForm action={`/reports/${report.id}/publish`} anchor="publish">
              <p class="hint">{t('reports.page.publish_hint')}</p>
              <button type="submit">{t('reports.page.publish')}</button>
            </PostForm>
          )}
          {can.review && report.status === 'in_review' && (
            <PostForm action={`/reports/${report.id}/request-changes`} anchor="request-changes" errors={forms.review?.errors} labels={{ note: t('reports.field.note') }}>
              <TextArea name="note" label={t('reports.field.note')} value={valueOf(forms.review?.values, 'note')} error={forms.review?.errors.note} maxlength={2_000} />
              <button type="submit" class="secondary">{t('reports.page.request_changes')}</button>
            </PostForm>
          )}
          {can.nameRapporteur && report.status !== 'published' && (
            <PostForm action={`/reports/${report.id}/rapporteur`} anchor="rapporteur" errors={forms.rapporteur?.errors} labels={{ email: t('reports.field.rapporteur_email') }}>
              <TextField name="email" type="email" label={t('reports.field.rapporteur_email')} hint={t('reports.page.rapporteur_hint')} value={valueOf(forms.rapporteur?.values, 'email')} error={forms.rapporteur?.errors.email} />
              <button type="submit" class="secondary">{t('reports.page.name_rapporteur')}</button>
            </PostForm>
          )}
        </section>
      )}
    </>
  );
}
