import { useView } from '../../../platform/views/context.ts';
import type { Criterion } from '../recognition.ts';

/** The recognition criteria as they stand; the state is in the text, not only in the mark. */
export function CriteriaList({ criteria }: { criteria: Criterion[] }) {
  const { t } = useView();
  return (
    <ul class="criteria">
      {criteria.map((c) => (
        <li class={c.state}>
          {t(`initiatives.criteria.${c.key}`, c.values)}{' '}
          <span class="visually-hidden">({t(`initiatives.criteria.state.${c.state}`)})</span>
        </li>
      ))}
    </ul>
  );
}
