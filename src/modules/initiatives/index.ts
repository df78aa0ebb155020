/** The initiative registry's public entry: what other modules may use. */
export { committeeOf, countriesOfInitiatives, findInitiativeBySlug, initiativeNames, initiativesInCountry, listInitiatives, membershipsOf, registryOverview } from './queries.ts';
export type { InitiativeDetail, InitiativeSummary, CommitteeSeat } from './queries.ts';
export { importInitiatives } from './commands/importInitiatives.ts';
export { demoInitiativesFile } from './seeds.ts';
export { recordAnnualReport } from './commands/annualReport.ts';
export { committeesOf, initiativeSummaries } from './queries.ts';
export { commonLanguages, initiativeTypes, regions } from './vocabulary.ts';
