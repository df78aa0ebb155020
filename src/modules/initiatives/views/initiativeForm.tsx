import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ChecklistField, ChoiceField, PostForm, SelectField, TextArea, TextField } from '../../../platform/views/components.tsx';
import { countryOptions, languageOptions } from '../../../platform/views/options.ts';
import { languageName, locales } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf, valuesOf } from '../../../platform/http/forms.ts';
import { commonLanguages, initiativeTypes, regions } from '../vocabulary.ts';
import { regionFromCountries } from '../schema.ts';

const fields = ['name', 'acronym', 'type', 'countries', 'region', 'languages', 'year_established', 'website', 'contact_email', 'description_locale', 'description'];

/** Create and edit share one form; `action` says where it goes. */
/** The initiatives a new one looks like: each one's page, and for a demo entry the way to claim it instead. */
function LikelyDuplicates({ duplicates }: { duplicates: ReadonlyArray<{ slug: string; name: string; is_demo: number }> }) {
  const { t } = useView();
  if (duplicates.length === 0) return null;
  return (
    <div class="note">
      <p>{t('initiatives.claim.duplicates_intro')}</p>
      <ul>
        {duplicates.map((d) => (
          <li>
            <a href={`/initiatives/${d.slug}`}>{d.name}</a>
            {d.is_demo === 1 && <>{' — '}<a href={`/initiatives/${d.slug}#claim`}>{t('initiatives.claim.claim_it', { name: d.name })}</a></>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InitiativeForm({ action, values, errors, editing, cancel, offerCreateAnyway, duplicates = [] }: {
  action: string; values?: FormValues; errors?: FieldErrors; editing: boolean; cancel: string; offerCreateAnyway?: boolean;
  duplicates?: ReadonlyArray<{ slug: string; name: string; is_demo: number }>;
}) {
  const { t, locale } = useView();
  const labels = Object.fromEntries(fields.map((f) => [f, t(`initiatives.fields.${f}`)]));
  for (const l of locales) labels[`translation_${l}`] = t('initiatives.form.translation_in', { language: languageName(l, locale) });
  const original = valueOf(values, 'description_locale') || locale;
  return (
    <>
      <p><a href={cancel}>{t('initiatives.form.cancel')}</a></p>
      <h1>{editing ? t('initiatives.form.edit_title') : t('initiatives.form.create_title')}</h1>
      {!editing && <p>{t('initiatives.form.intro')}</p>}
      <PostForm action={action} errors={errors} labels={labels}>
        <TextField name="name" label={labels.name!} value={valueOf(values, 'name')} error={errors?.name} required maxlength={200} />
        <TextField name="acronym" label={labels.acronym!} hint={t('initiatives.form.acronym_hint')} value={valueOf(values, 'acronym')} error={errors?.acronym} maxlength={30} />
        <ChoiceField type="radio" name="type" label={labels.type!} value={valueOf(values, 'type')} error={errors?.type}
          options={initiativeTypes.map((v) => ({ value: v, label: t(`initiatives.type.${v}`) }))} />
        <ChecklistField name="countries" label={labels.countries!} hint={t('initiatives.form.countries_hint')} value={valuesOf(values, 'countries')} error={errors?.countries}
          options={countryOptions(locale)} filterLabel={t('initiatives.form.filter_countries')} />
        <SelectField name="region" label={labels.region!} hint={t('initiatives.form.region_hint')} value={valueOf(values, 'region')} error={errors?.region}
          options={[
            { value: regionFromCountries, label: t('initiatives.form.region_auto') },
            ...regions.map((v) => ({ value: v, label: t(`initiatives.region.${v}`) })),
            { value: '', label: t('initiatives.region.none') },
          ]} />
        <ChecklistField name="languages" label={labels.languages!} hint={t('initiatives.form.languages_hint')} value={valuesOf(values, 'languages')} error={errors?.languages}
          options={languageOptions(commonLanguages, locale)} filterLabel={t('initiatives.form.filter_languages')} />
        <TextField name="year_established" type="number" label={labels.year_established!} value={valueOf(values, 'year_established')} error={errors?.year_established} />
        <TextField name="website" type="url" label={labels.website!} hint={t('initiatives.form.website_hint')} value={valueOf(values, 'website')} error={errors?.website} maxlength={500} />
        <TextField name="contact_email" type="email" label={labels.contact_email!} value={valueOf(values, 'contact_email')} error={errors?.contact_email} required maxlength={254} />
        <SelectField name="description_locale" label={labels.description_locale!} value={original} error={errors?.description_locale}
          options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
        <TextArea name="description" label={labels.description!} hint={t('initiatives.form.description_hint')} value={valueOf(values, 'description')} error={errors?.description} required maxlength={5000} />
        <fieldset>
          <legend>{t('initiatives.form.translations')}</legend>
          <p class="hint">{t('initiatives.form.translations_hint')}</p>
          {locales.map((l) => (
            <TextArea name={`translation_${l}`} lang={l} label={t('initiatives.form.translation_in', { language: languageName(l, locale) })}
              value={valueOf(values, `translation_${l}`)} error={errors?.[`translation_${l}`]} maxlength={5000} />
          ))}
        </fieldset>
        <LikelyDuplicates duplicates={duplicates} />
        {offerCreateAnyway && <Checkbox name="create_anyway" label={t('initiatives.form.create_anyway')} />}
        <button type="submit">{editing ? t('initiatives.form.save') : t('initiatives.form.create')}</button>
      </PostForm>
    </>
  );
}
