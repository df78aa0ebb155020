import { identitySteps, type Journey } from '../../platform/journeys.ts';

/** The way from no account to a recognition request, in the order a new coordinator walks it. */
export const registrationSteps = [identitySteps.account, identitySteps.verify, 'initiative', 'committee', 'principles', 'request'] as const;
export type RegistrationStep = (typeof registrationSteps)[number];

/** Declared in the manifest: the accounts pages show these steps to a visitor whose `next` is the initiative form. */
export const registrationJourney: Journey = {
  key: 'initiatives.register',
  label: 'initiatives.steps.label',
  destination: '/initiatives/new',
  steps: registrationSteps.map((key) => ({ key, label: `initiatives.steps.${key}` })),
};

/** The step a coordinator of a not-yet-requested initiative is at, from what its criteria still need. */
export function coordinatorStep(criteria: ReadonlyArray<{ key: string; state: string }>): RegistrationStep {
  const unmet = (key: string) => criteria.some((c) => c.key === key && c.state === 'unmet');
  if (unmet('stakeholder_groups') || unmet('coordinator_email')) return 'committee';
  if (unmet('principles')) return 'principles';
  return 'request';
}
