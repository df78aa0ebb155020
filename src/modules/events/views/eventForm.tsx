import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, PostForm, SelectField, TextArea, TextField } from '../../../platform/views/components.tsx';
import { countryOptions, languageOptions } from '../../../platform/views/options.ts';
import { languageName, locales } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf, valuesOf } from '../../../platform/http/forms.ts';
import { eventFormats, eventKinds, eventLanguages, interpretationPairs } from '../vocabulary.ts';

const fields = [
  'kind', 'format', 'title', 'description_locale', 'description', 'venue_name', 'venue_city', 'venue_country', 'time_zone', 'start', 'end', 'languages',
  'interpretation',
];

/** A date and time field (the browser's picker, or "2026-12-01T09:00" typed where there is none). */
function DateTimeField({ name, label, hint, value, error }: { name: string; label: string; hint: string; value: string; error?: string }) {
  const described = [`hint-${name}`, error ? `error-${name}` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <p class="hint" id={`hint-${name}`}>{hint}</p>
      {error && <p class="error" id={`error-${name}`}>{error}</p>}
      <input id={`field-${name}`} name={name} type="datetime-local" value={value} required aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
    </div>
  );
}

/** "Español ↔ English": an interpretation pair named in the reader's language. */
export function pairLabel(pair: string, locale: string): string {
  const [a = '', b = ''] = pair.split('-');
  return `${languageName(a, locale as never)} ↔ ${languageName(b, locale as never)}`;
}

/** Create and edit share one form; `action` says where it goes. */
export function EventForm(props: { action: string; values?: FormValues; errors?: FieldErrors; editing: boolean; cancel: string; initiativeName: string }) {
  const { action, values, errors, editing, cancel, initiativeName } = props;
  const { t, locale } = useView();
  const labels = Object.fromEntries(fields.map((f) => [f, t(`events.fields.${f}`)]));
  return (
    <>
      <p><a href={cancel}>{t('events.form.cancel')}</a></p>
      <h1>{editing ? t('events.form.edit_title') : t('events.form.create_title')}</h1>
      <p>{t('events.form.for_initiative', { name: initiativeName })}</p>
      <PostForm action={action} errors={errors} labels={labels}>
        <ChoiceField type="radio" name="kind" label={labels.kind!} value={valueOf(values, 'kind')} error={errors?.kind}
          options={eventKinds.map((v) => ({ value: v, label: t(`events.kind.${v}`) }))} />
        <ChoiceField type="radio" name="format" label={labels.format!} value={valueOf(values, 'format')} error={errors?.format}
          options={eventFormats.map((v) => ({ value: v, label: t(`events.format.${v}`) }))} />
        <TextField name="title" label={labels.title!} value={valueOf(values, 'title')} error={errors?.title} required maxlength={200} />
        <SelectField name="description_locale" label={labels.description_locale!} value={valueOf(values, 'description_locale') || locale} error={errors?.description_locale}
          options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
        <TextArea name="description" label={labels.description!} value={valueOf(values, 'description')} error={errors?.description} maxlength={20_000} />
        <fieldset>
          <legend>{t('events.form.venue')}</legend>
          <p class="hint">{t('events.form.venue_hint')}</p>
          <TextField name="venue_name" label={labels.venue_name!} value={valueOf(values, 'venue_name')} error={errors?.venue_name} maxlength={200} />
          <TextField name="venue_city" label={labels.venue_city!} value={valueOf(values, 'venue_city')} error={errors?.venue_city} maxlength={100} />
          <SelectField name="venue_country" label={labels.venue_country!} blank={t('events.form.no_country')} value={valueOf(values, 'venue_country')}
            error={errors?.venue_country} options={countryOptions(locale)} />
        </fieldset>
        <fieldset>
          <legend>{t('events.form.when')}</legend>
          <TextField name="time_zone" label={labels.time_zone!} hint={t('events.form.time_zone_hint')} value={valueOf(values, 'time_zone')} error={errors?.time_zone}
            required maxlength={64} autocomplete="off" />
          <DateTimeField name="start" label={labels.start!} hint={t('events.form.time_hint')} value={valueOf(values, 'start')} error={errors?.start} />
          <DateTimeField name="end" label={labels.end!} hint={t('events.form.time_hint')} value={valueOf(values, 'end')} error={errors?.end} />
        </fieldset>
        <ChoiceField type="checkbox" name="languages" label={labels.languages!} value={valuesOf(values, 'languages')} error={errors?.languages}
          options={languageOptions(eventLanguages, locale)} />
        <ChoiceField type="checkbox" name="interpretation" label={labels.interpretation!} hint={t('events.form.interpretation_hint')}
          value={valuesOf(values, 'interpretation')} error={errors?.interpretation}
          options={interpretationPairs.map((pair) => ({ value: pair, label: pairLabel(pair, locale) }))} />
        <button type="submit">{editing ? t('events.form.save') : t('events.form.create')}</button>
      </PostForm>
    </>
  );
}
