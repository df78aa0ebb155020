/** The reports module's public entry: what other modules may use. */
export { overdueReportOrganisers, publishedCallsToAction, publishedReportCounts } from './queries.ts';
export type { CitedCallToAction } from './queries.ts';
export { renderMarkdown } from './markdown.ts';
