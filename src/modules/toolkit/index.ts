/** The setup toolkit's public entry: what other modules may use (mentoring will read open steps here). */
export { progressOf } from './queries.ts';
export type { Progress, StepStatus } from './queries.ts';
export { steps as toolkitSteps } from './steps.ts';
