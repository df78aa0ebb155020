import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ChoiceField, Notice, PostForm, TextField, type Option } from '../../../platform/views/components.tsx';
import { valueOf, type FormValues } from '../../../platform/http/forms.ts';
import { languageName } from '../../../platform/i18n/index.ts';

/**
 * The session form's topics: checkboxes (no script needed), and a hidden field saying they were
 * shown, so that a form sent with none checked clears them.
 */
export function SessionTopicsField({ options, values, error }: { options: Option[]; values: FormValues; error?: string | undefined }) {
  const { t } = useView();
  if (options.length === 0) return null;
  const raw = values.topics;
  const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return (
    <>
      <input type="hidden" name="topics_shown" value="1" />
      <ChoiceField type="checkbox" name="topics" label={t('events.topics.field')} hint={t('events.topics.hint')} error={error} options={options} value={chosen} />
    </>
  );
}

const localeFields = ['es', 'en', 'pt', 'fr'] as const;

function LabelFields({ values, errors, catalogNames }: { values: FormValues; errors: Record<string, string>; catalogNames: Record<string, string> | null }) {
  const { t } = useView();
  return (
    <>
      {localeFields.map((l) => (
        <TextField name={`label_${l}`} label={t('events.topics.label_in', { language: languageName(l, l) })} value={valueOf(values, `label_${l}`)} error={errors[`label_${l}`]} maxlength={100}
          hint={catalogNames ? t('events.topics.label_default', { name: catalogNames[l] ?? '' }) : undefined} required={!catalogNames} />
      ))}
    </>
  );
}

const labelsOfForm = (t: (key: string, values?: Record<string, string>) => string) =>
  ({ key: t('events.topics.key'), retired: t('events.topics.retired'), ...Object.fromEntries(localeFields.map((l) => [`label_${l}`, t('events.topics.label_in', { language: languageName(l, l) })])) });

/** `/secretariat/topics`: the taxonomy, and a form to add a topic. */
export function TopicsAdminPage({ topics, form, notice }: { topics: Array<{ key: string; label: string; retired: boolean }>; form: { values: FormValues; errors: Record<string, string> }; notice?: string | undefined }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('events.topics.admin_title')}</h1>
      <Notice message={notice === 'topic_added' || notice === 'topic_saved' ? t(`events.topics.${notice}`) : undefined} />
      <p>{t('events.topics.admin_intro')}</p>
      <table>
        <thead><tr><th scope="col">{t('events.topics.name')}</th><th scope="col">{t('events.topics.key')}</th><th scope="col">{t('events.topics.state')}</th></tr></thead>
        <tbody>{topics.map((tp) => (
          <tr id={`topic-${tp.key}`}><th scope="row"><a href={`/secretariat/topics/${tp.key}`}>{tp.label}</a></th><td><code>{tp.key}</code></td><td>{tp.retired ? t('events.topics.retired') : t('events.topics.offered')}</td></tr>
        ))}</tbody>
      </table>
      <section aria-labelledby="add-topic-title">
        <h2 id="add-topic-title">{t('events.topics.add_title')}</h2>
        <PostForm action="/secretariat/topics" anchor="add-topic" errors={form.errors} labels={labelsOfForm(t)}>
          <TextField name="key" label={t('events.topics.key')} hint={t('events.topics.key_hint')} value={valueOf(form.values, 'key')} error={form.errors.key} maxlength={48} required />
          <LabelFields values={form.values} errors={form.errors} catalogNames={null} />
          <button type="submit">{t('events.topics.add')}</button>
        </PostForm>
      </section>
    </>
  );
}

/** `/secretariat/topics/<key>`: its names, and whether it is offered. */
export function TopicEditPage({ topic, catalogNames, form }: { topic: { key: string; label: string }; catalogNames: Record<string, string> | null; form: { values: FormValues; errors: Record<string, string> } }) {
  const { t } = useView();
  return (
    <>
      <p><a href="/secretariat/topics">{t('events.topics.back')}</a></p>
      <h1>{t('events.topics.edit_title', { topic: topic.label })}</h1>
      <p><code>{topic.key}</code></p>
      <PostForm action={`/secretariat/topics/${topic.key}`} anchor="topic" errors={form.errors} labels={labelsOfForm(t)}>
        <LabelFields values={form.values} errors={form.errors} catalogNames={catalogNames} />
        <Checkbox name="retired" label={t('events.topics.retire')} hint={t('events.topics.retire_hint')} checked={valueOf(form.values, 'retired') === 'on'} error={form.errors.retired} />
        <button type="submit">{t('events.topics.save')}</button>
      </PostForm>
    </>
  );
}
