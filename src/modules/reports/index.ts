/** The reports module's public entry: what other modules may use. */
export { overdueReportOrganisers } from './queries.ts';
export { renderMarkdown } from './markdown.ts';
