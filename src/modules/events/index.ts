/** The events module's public entry: what other modules may use. */
export { findEventBySlug, listEvents, publicEvents } from './queries.ts';
export type { EventDetail, EventSummary } from './queries.ts';
