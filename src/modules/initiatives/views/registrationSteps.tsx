import { useView } from '../../../platform/views/context.ts';

/** The way from no account to a recognition request, in the order a new coordinator walks it. */
export const registrationSteps = ['account', 'verify', 'initiative', 'committee', 'principles', 'request'] as const;
export type RegistrationStep = (typeof registrationSteps)[number];

/** Where a new coordinator is on that way: an ordered list, the current step marked for assistive technology. */
export function RegistrationSteps({ current }: { current: RegistrationStep }) {
  const { t } = useView();
  const at = registrationSteps.indexOf(current);
  return (
    <nav aria-label={t('initiatives.steps.label')} class="steps">
      <ol>
        {registrationSteps.map((step, i) => (
          <li aria-current={i === at ? 'step' : undefined}>
            {i === at ? <strong>{t(`initiatives.steps.${step}`)}</strong> : t(`initiatives.steps.${step}`)}
            {i < at && <span class="visually-hidden"> ({t('initiatives.steps.done')})</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The step a coordinator of a not-yet-requested initiative is at, from what its criteria still need. */
export function coordinatorStep(criteria: ReadonlyArray<{ key: string; state: string }>): RegistrationStep {
  const unmet = (key: string) => criteria.some((c) => c.key === key && c.state === 'unmet');
  if (unmet('stakeholder_groups') || unmet('coordinator_email')) return 'committee';
  if (unmet('principles')) return 'principles';
  return 'request';
}
