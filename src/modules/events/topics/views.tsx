import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, type Option } from '../../../platform/views/components.tsx';
import type { FormValues } from '../../../platform/http/forms.ts';

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
