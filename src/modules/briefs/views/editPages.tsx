import { useView } from '../../../platform/views/context.ts';
import { PostForm, SelectField, TextArea, TextField } from '../../../platform/views/components.tsx';
import { languageName, locales } from '../../../platform/i18n/index.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { enablerGoals, gridItems, kinds, maxEvidence, maxLinks, maxNote, maxReasoning, maxSummary, perspectives, properties, ratings, stages, type GridItem } from '../grid.ts';
import { useJurisdictionOptions } from './common.tsx';

type Form = { values: FormValues; errors: FieldErrors };

/** What every brief states first: title, kind, jurisdiction, language. */
function StartFields({ values, errors }: Form) {
  const { t, locale } = useView();
  const jurisdictions = useJurisdictionOptions();
  return (
    <>
      <TextField name="title" label={t('briefs.field.title')} hint={t('briefs.field.title_hint')} value={valueOf(values, 'title')} error={errors.title} required maxlength={300} />
      <SelectField name="kind" label={t('briefs.field.kind')} blank={t('briefs.field.choose')} value={valueOf(values, 'kind')} error={errors.kind} options={kinds.map((k) => ({ value: k, label: t(`briefs.kind.${k}`) }))} />
      <SelectField name="jurisdiction" label={t('briefs.field.jurisdiction')} hint={t('briefs.field.jurisdiction_hint')} blank={t('briefs.field.choose')} value={valueOf(values, 'jurisdiction')} error={errors.jurisdiction} options={jurisdictions} />
      <SelectField name="language" label={t('briefs.field.language')} value={valueOf(values, 'language') || locale} error={errors.language} options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
    </>
  );
}

const startLabels = (t: (k: string) => string) => ({ title: t('briefs.field.title'), kind: t('briefs.field.kind'), jurisdiction: t('briefs.field.jurisdiction'), language: t('briefs.field.language') });

/** `/briefs/new`: what the brief is about; the grid comes next. */
export function NewBriefPage({ form }: { form: Form }) {
  const { t } = useView();
  return (
    <>
      <nav aria-label={t('briefs.page.breadcrumb')}><p><a href="/briefs">{t('briefs.page.back')}</a></p></nav>
      <h1>{t('briefs.new.title')}</h1>
      <p>{t('briefs.new.intro')}</p>
      <PostForm action="/briefs/new" anchor="new-brief" errors={form.errors} labels={startLabels(t)}>
        <StartFields {...form} />
        <button type="submit">{t('briefs.new.create')}</button>
      </PostForm>
    </>
  );
}

function ItemFields({ item, form, lang }: { item: GridItem; form: Form; lang: string }) {
  const { t } = useView();
  const { values, errors } = form;
  const name = (f: string) => `grid_${item}_${f}`;
  const noteErrors = perspectives.some((p) => errors[name(p)]);
  return (
    <fieldset id={`item-${item}`} class="brief-item">
      <legend>{t(`briefs.item.${item}.name`)}</legend>
      <p class="hint" id={`guidance-${item}`}>{t(`briefs.item.${item}.guidance`)}</p>
      <SelectField name={name('rating')} label={t('briefs.grid.rating')} blank={t('briefs.rating.missing')} value={valueOf(values, name('rating'))} error={errors[name('rating')]}
        options={ratings.map((r) => ({ value: r, label: t(`briefs.rating.${r}`) }))} />
      <TextArea name={name('reasoning')} label={t('briefs.grid.reasoning')} lang={lang} value={valueOf(values, name('reasoning'))} error={errors[name('reasoning')]} maxlength={maxReasoning} />
      <TextArea name={name('evidence')} label={t('briefs.grid.evidence')} hint={t('briefs.grid.evidence_hint')} lang={lang} value={valueOf(values, name('evidence'))} error={errors[name('evidence')]} maxlength={maxEvidence} />
      <details open={noteErrors || perspectives.some((p) => valueOf(values, name(p)) !== '')}>
        <summary>{t('briefs.grid.perspectives')}</summary>
        <p class="hint">{t('briefs.grid.perspectives_hint')}</p>
        {perspectives.map((p) => <TextArea name={name(p)} label={t(`briefs.perspective.${p}`)} lang={lang} value={valueOf(values, name(p))} error={errors[name(p)]} maxlength={maxNote} />)}
      </details>
    </fieldset>
  );
}

/** `/briefs/<id>/edit`: the whole working copy, the grid with each item's guidance beside its fields. */
export function EditBriefPage({ brief, form, published }: { brief: { id: string; title: string; language: string }; form: Form; published: number }) {
  const { t } = useView();
  const { values, errors } = form;
  const labels: Record<string, string> = { ...startLabels(t), stage: t('briefs.field.stage'), summary: t('briefs.field.summary'), links: t('briefs.field.links') };
  for (const item of gridItems) {
    for (const f of ['rating', 'reasoning', 'evidence', ...perspectives]) {
      const field = f === 'rating' || f === 'reasoning' || f === 'evidence' ? t(`briefs.grid.${f}`) : t(`briefs.perspective.${f}`);
      labels[`grid_${item}_${f}`] = t('briefs.grid.field_of', { item: t(`briefs.item.${item}.name`), field });
    }
  }
  const lang = valueOf(values, 'language') || brief.language;
  return (
    <>
      <nav aria-label={t('briefs.page.breadcrumb')}><p><a href={`/briefs/${brief.id}`}>{t('briefs.edit.back', { title: brief.title })}</a></p></nav>
      <h1>{t('briefs.edit.title', { title: brief.title })}</h1>
      <p>{published > 0 ? t('briefs.edit.after_publish', { version: published, next: published + 1 }) : t('briefs.edit.intro')}</p>
      <PostForm action={`/briefs/${brief.id}/edit`} anchor="brief" errors={errors} labels={labels}>
        <StartFields values={values} errors={errors} />
        <SelectField name="stage" label={t('briefs.field.stage')} hint={t('briefs.field.stage_hint')} value={valueOf(values, 'stage') || 'preliminary'} error={errors.stage} options={stages.map((s) => ({ value: s, label: t(`briefs.stage.${s}`) }))} />
        <TextArea name="summary" label={t('briefs.field.summary')} hint={t('briefs.field.summary_hint')} lang={lang} value={valueOf(values, 'summary')} error={errors.summary} maxlength={maxSummary} />
        <TextArea name="links" label={t('briefs.field.links')} hint={t('briefs.field.links_hint', { max: maxLinks })} value={valueOf(values, 'links')} error={errors.links} />
        <h2>{t('briefs.grid.properties')}</h2>
        <p>{t('briefs.grid.properties_intro')}</p>
        {properties.map((item) => <ItemFields item={item} form={form} lang={lang} />)}
        <h2>{t('briefs.grid.enablers')}</h2>
        <p>{t('briefs.grid.enablers_intro')}</p>
        {(Object.keys(enablerGoals) as Array<keyof typeof enablerGoals>).map((goal) => (
          <>
            <h3>{t(`briefs.goal.${goal}`)}</h3>
            {enablerGoals[goal].map((item) => <ItemFields item={item} form={form} lang={lang} />)}
          </>
        ))}
        <button type="submit">{t('briefs.edit.save')}</button>
      </PostForm>
    </>
  );
}

