import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, TextArea, TextField } from '../../../platform/views/components.tsx';
import { languageName } from '../../../platform/i18n/index.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { maxItem, maxSummary, textLists, type ReportContent } from '../content.ts';
import { ReportBody } from '../views/reportPage.tsx';

interface Original {
  id: string;
  title: string;
  language: string;
  version: number;
  content: ReportContent;
}

/** The original's text above the field that translates it, in its own language. */
const Quoted = ({ text, language, label }: { text: string; language: string; label: string }) => (
  <div class="original"><p class="hint">{label}</p><blockquote lang={language}>{text}</blockquote></div>
);

/** `/reports/<id>/translations/<lang>`: the report in another language, citable by the original's anchors. */
export function TranslationPage(props: { report: Original; language: string; title: string; content: ReportContent; complete: boolean; fromVersion: number; canEdit: boolean; notice?: string }) {
  const { t, locale } = useView();
  const { report, language } = props;
  const original = `/reports/${report.id}`;
  return (
    <>
      <p><a href={original} hreflang={report.language}>{t('reports.translations.back', { title: report.title })}</a></p>
      <Notice message={props.notice === 'saved' ? t('reports.translations.saved') : undefined} />
      <h1 lang={language}>{props.title}</h1>
      <p>{t('reports.translations.note', { language: languageName(language, locale), original: languageName(report.language, locale) })}</p>
      {props.fromVersion > 0 && report.version > props.fromVersion && (
        <p class="alert">{t('reports.translations.stale', { version: props.fromVersion, current: report.version })} <a href={`${original}/history`}>{t('reports.translations.see_changes')}</a></p>
      )}
      {!props.complete && <p>{t('reports.translations.incomplete')} <a href={original} hreflang={report.language}>{t('reports.translations.read_original')}</a></p>}
      <ReportBody report={{ id: report.id, content: props.content, language }} at={`${original}/translations/${language}`} />
      {props.canEdit && <p><a href={`${original}/translations/${language}/edit`}>{t('reports.translations.edit')}</a></p>}
    </>
  );
}

/** The form that writes a translation: each text of the original quoted above its field. */
export function TranslationForm(props: { report: Original; language: string; form: { values: FormValues; errors: FieldErrors } }) {
  const { t, locale } = useView();
  const { report, language, form } = props;
  const { content } = report;
  const label = t('reports.translations.original', { language: languageName(report.language, locale) });
  const field = (name: string) => ({ name, value: valueOf(form.values, name), error: form.errors[name], lang: language });
  // Every field's label, in the form's order, for the error summary at its top.
  const labels: Record<string, string> = {
    title: t('reports.field.title'), summary: t('reports.field.summary'),
    ...Object.fromEntries(textLists.flatMap((list) => content[list].map((item, i) => [`text_${item.id}`, `${t(`reports.list.${list}`)}: ${t('reports.translations.item', { n: i + 1 })}`]))),
    ...Object.fromEntries(content.calls_to_action.flatMap((call, i) => [[`who_${call.id}`, t('reports.translations.who', { n: i + 1 })], [`what_${call.id}`, t('reports.translations.what', { n: i + 1 })]])),
  };
  return (
    <>
      <p><a href={`/reports/${report.id}`}>{t('reports.translations.back', { title: report.title })}</a></p>
      <h1>{t('reports.translations.form_title', { title: report.title, language: languageName(language, locale) })}</h1>
      <p>{t('reports.translations.form_intro')}</p>
      <PostForm action={`/reports/${report.id}/translations/${language}/edit`} anchor="translation" errors={form.errors} labels={labels}>
        <Quoted text={report.title} language={report.language} label={label} />
        <TextField {...field('title')} label={labels.title!} maxlength={300} />
        {content.summary && <><Quoted text={content.summary} language={report.language} label={label} /><TextArea {...field('summary')} label={labels.summary!} maxlength={maxSummary} /></>}
        {textLists.map((list) => content[list].length > 0 && (
          <fieldset>
            <legend>{t(`reports.list.${list}`)}</legend>
            {content[list].map((item, i) => (
              <>
                <Quoted text={item.text} language={report.language} label={label} />
                <TextArea {...field(`text_${item.id}`)} label={t('reports.translations.item', { n: i + 1 })} maxlength={maxItem} />
              </>
            ))}
          </fieldset>
        ))}
        {content.calls_to_action.length > 0 && (
          <fieldset>
            <legend>{t('reports.list.calls_to_action')}</legend>
            {content.calls_to_action.map((call, i) => (
              <>
                <Quoted text={`${call.who}: ${call.what}`} language={report.language} label={label} />
                <TextField {...field(`who_${call.id}`)} label={t('reports.translations.who', { n: i + 1 })} maxlength={200} />
                <TextArea {...field(`what_${call.id}`)} label={t('reports.translations.what', { n: i + 1 })} maxlength={maxItem} />
              </>
            ))}
          </fieldset>
        )}
        <button type="submit">{t('reports.translations.save')}</button>
      </PostForm>
    </>
  );
}
