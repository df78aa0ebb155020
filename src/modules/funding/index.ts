/** The funding module's public entry: what other modules may use. */
export { hasPublishedFunding, initiativesWithPublishedFunding } from './queries.ts';
