import { journeyByKey, journeyTowards, type Journey } from '../journeys.ts';
import { useView } from './context.ts';

/**
 * Where the visitor is on a journey: an ordered list, the current step marked for assistive
 * technology and the steps before it said to be done. The journey is named (`journey`, on the
 * module's own pages) or found from the `next` address the visitor carries (the identity pages);
 * with no journey, or a step the journey does not have, nothing is shown.
 */
export function JourneySteps({ journey, next, at }: { journey?: string; next?: string; at: string }) {
  const { t } = useView();
  const found: Journey | undefined = journey ? journeyByKey(journey) : journeyTowards(next);
  const current = found ? found.steps.findIndex((s) => s.key === at) : -1;
  if (!found || current < 0) return null;
  return (
    <nav aria-label={t(found.label)} class="journey">
      <ol>
        {found.steps.map((step, i) => (
          <li aria-current={i === current ? 'step' : undefined}>
            {i === current ? <strong>{t(step.label)}</strong> : t(step.label)}
            {i < current && <span class="visually-hidden"> ({t('common.journey.done')})</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
