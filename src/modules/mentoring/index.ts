/**
 * Mentoring's public entry: who mentors an initiative. The toolkit's policy lets an active
 * mentor's coordinators see the newcomer's progress (docs/decisions/035-mentoring.md).
 */
export { mentorCoordinatorsOf } from './queries.ts';
