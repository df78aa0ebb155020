import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, SelectField, TextArea, TextField } from '../../../platform/views/components.tsx';
import { languageName, locales } from '../../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { blankRows, genders, linkKinds, maxItem, maxItems, maxParticipants, maxSummary, participantRoles, presences, rowFields, textLists, type TextList } from '../content.ts';

/** Rows a list shows: those filled in, then a few blank ones (no script adds rows). */
function rowCount(values: FormValues, list: string, max: number): number {
  let highest = -1;
  const pattern = new RegExp(`^${list}_(\\d+)_`);
  for (const key of Object.keys(values)) {
    const match = pattern.exec(key);
    if (match && Object.keys(values).some((k) => k.startsWith(`${list}_${match[1]}_`) && !k.endsWith('_id') && valueOf(values, k).trim() !== '')) highest = Math.max(highest, Number(match[1]));
  }
  return Math.min(max, highest + 1 + blankRows);
}

/** The fields every report states (a standalone report's form shows them alone at first). */
export function ReportFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const { t, locale } = useView();
  const field = (name: string) => ({ name, label: t(`reports.field.${name}`), value: valueOf(values, name), error: errors[name] });
  return (
    <>
      <TextField {...field('title')} required maxlength={300} />
      <TextField {...field('held_on')} hint={t('reports.field.held_on_hint')} maxlength={10} />
      <TextField {...field('place')} maxlength={200} />
      <SelectField {...field('language')} value={valueOf(values, 'language') || locale} options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
    </>
  );
}

function TextRows({ list, values, errors }: { list: TextList; values: FormValues; errors: FieldErrors }) {
  const { t } = useView();
  return (
    <fieldset>
      <legend>{t(`reports.list.${list}`)}</legend>
      <p class="hint">{t('reports.form.items_hint')}</p>
      {Array.from({ length: rowCount(values, list, maxItems) }, (_, i) => (
        <>
          <input type="hidden" name={`${list}_${i}_id`} value={valueOf(values, `${list}_${i}_id`)} />
          <TextArea name={`${list}_${i}_text`} label={t('reports.form.item', { n: i + 1 })} value={valueOf(values, `${list}_${i}_text`)} error={errors[`${list}_${i}_text`] ?? errors[`${list}_${i}_id`]} maxlength={maxItem} />
        </>
      ))}
    </fieldset>
  );
}

export interface EditPageProps {
  report: { id: string; title: string; status: string };
  form: { values: FormValues; errors: FieldErrors };
  /** "started": the report was just created, here to be written. */
  notice?: string;
}

/** `/reports/<id>/edit`: everything the report says; once published, a change with its reason. */
export function EditPage({ report, form, notice }: EditPageProps) {
  const { t } = useView();
  const { values, errors } = form;
  const published = report.status === 'published';
  const labels: Record<string, string> = { ...(published ? { reason: t('reports.field.reason') } : {}), title: t('reports.field.title'), held_on: t('reports.field.held_on'), place: t('reports.field.place'), language: t('reports.field.language'), summary: t('reports.field.summary') };
  // Rows and counts are named by their list and number in the error summary.
  for (const key of Object.keys(errors)) {
    const row = /^(key_issues|takeaways|proposals|follow_ups|calls_to_action|participants)_(\d+)_/.exec(key);
    const count = /^(onsite|online)_(group|gender)_([a-z_]+)$/.exec(key);
    labels[key] ??= row ? t('reports.form.row_label', { list: t(`reports.list.${row[1]}`), n: Number(row[2]) + 1 })
      : count ? t('reports.form.participation', { presence: t(`reports.presence.${count[1]}`) })
        : key.startsWith('link_') ? t(`reports.link.${key.slice(5)}`) : key;
  }
  return (
    <>
      <p><a href={`/reports/${report.id}`}>{t('reports.form.back', { title: report.title })}</a></p>
      <Notice message={notice === 'started' ? t('reports.notice.started') : undefined} />
      <h1>{published ? t('reports.form.amend_title', { title: report.title }) : t('reports.form.edit_title', { title: report.title })}</h1>
      <PostForm action={`/reports/${report.id}/edit`} anchor="report" errors={errors} labels={labels}>
        {published && <TextField name="reason" label={t('reports.field.reason')} hint={t('reports.form.reason_hint')} value={valueOf(values, 'reason')} error={errors.reason} maxlength={500} required />}
        <ReportFields values={values} errors={errors} />
        <TextArea name="summary" label={t('reports.field.summary')} hint={t('reports.form.markdown_hint', { max: maxSummary })} value={valueOf(values, 'summary')} error={errors.summary} maxlength={maxSummary} />
        {textLists.map((list) => <TextRows list={list} values={values} errors={errors} />)}
        <fieldset>
          <legend>{t('reports.list.calls_to_action')}</legend>
          <p class="hint">{t('reports.form.calls_hint')}</p>
          {Array.from({ length: rowCount(values, 'calls_to_action', maxItems) }, (_, i) => (
            <fieldset class="person-row">
              <legend>{t('reports.form.item', { n: i + 1 })}</legend>
              <input type="hidden" name={`calls_to_action_${i}_id`} value={valueOf(values, `calls_to_action_${i}_id`)} />
              <TextField name={`calls_to_action_${i}_who`} label={t('reports.form.who')} value={valueOf(values, `calls_to_action_${i}_who`)} error={errors[`calls_to_action_${i}_who`]} maxlength={200} />
              <TextArea name={`calls_to_action_${i}_what`} label={t('reports.form.what')} value={valueOf(values, `calls_to_action_${i}_what`)} error={errors[`calls_to_action_${i}_what`]} maxlength={maxItem} />
            </fieldset>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('reports.list.participants')}</legend>
          <p class="hint">{t('reports.form.participants_hint')}</p>
          {Array.from({ length: rowCount(values, 'participants', maxParticipants) }, (_, i) => {
            const name = (f: string) => `participants_${i}_${f}`;
            return (
              <fieldset class="person-row">
                <legend>{t('reports.form.participant', { n: i + 1 })}</legend>
                <TextField name={name('name')} label={t('reports.form.name')} value={valueOf(values, name('name'))} error={errors[name('name')]} maxlength={200} autocomplete="off" />
                <SelectField name={name('role')} label={t('reports.form.role')} value={valueOf(values, name('role')) || 'speaker'} error={errors[name('role')]} options={participantRoles.map((r) => ({ value: r, label: t(`reports.role.${r}`) }))} />
                <TextField name={name('organisation')} label={t('reports.form.organisation')} value={valueOf(values, name('organisation'))} error={errors[name('organisation')]} maxlength={200} autocomplete="off" />
                <SelectField name={name('stakeholder_group')} label={t('reports.form.stakeholder_group')} blank={t('reports.form.no_group')} value={valueOf(values, name('stakeholder_group'))} error={errors[name('stakeholder_group')]}
                  options={stakeholderKeys.map((g) => ({ value: g, label: t(`common.stakeholder.${g}`) }))} />
              </fieldset>
            );
          })}
        </fieldset>
        {presences.map((presence) => (
          <fieldset>
            <legend>{t('reports.form.participation', { presence: t(`reports.presence.${presence}`) })}</legend>
            {stakeholderKeys.map((g) => <TextField type="number" name={`${presence}_group_${g}`} label={t(`common.stakeholder.${g}`)} value={valueOf(values, `${presence}_group_${g}`)} error={errors[`${presence}_group_${g}`]} />)}
            {genders.map((g) => <TextField type="number" name={`${presence}_gender_${g}`} label={t(`reports.gender.${g}`)} value={valueOf(values, `${presence}_gender_${g}`)} error={errors[`${presence}_gender_${g}`]} />)}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('reports.page.links')}</legend>
          {linkKinds.map((k) => <TextField type="url" name={`link_${k}`} label={t(`reports.link.${k}`)} value={valueOf(values, `link_${k}`)} error={errors[`link_${k}`]} maxlength={500} />)}
        </fieldset>
        <button type="submit">{published ? t('reports.form.save_version') : t('reports.form.save')}</button>
      </PostForm>
    </>
  );
}

export { rowFields };
