import { useView } from '../../../../platform/views/context.ts';
import { describeResult, type Screening } from '../screening.ts';

/** Each screening rule's result, with what to fix: shown on every rendering of the form and on the proposal's page. */
export function ScreeningPanel({ screening }: { screening: Screening }) {
  const { t, groupLabel } = useView();
  return (
    <section aria-labelledby="screening-title" id="screening" class="screening">
      <h2 id="screening-title">{t('events.screening.title')}</h2>
      <p role="status">{screening.passed ? t('events.screening.all_passed') : t('events.screening.some_failed', { count: screening.results.filter((r) => r.applies && !r.passed).length })}</p>
      <ul>
        {screening.results.map((result) => {
          const { outcome, title, message } = describeResult(result, t, groupLabel);
          return (
            <li class={`screening-${outcome}`}>
              <strong>{t(`events.screening.outcome.${outcome}`)}: {title}.</strong> {message}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
