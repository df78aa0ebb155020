/** The events module's public entry: what other modules may use. */
export { findEventBySlug, listEvents, publicEvents, publicEventsInYear } from './queries.ts';
export type { EventDetail, EventSummary, EventOfYear } from './queries.ts';
export { sessionForReport, peopleOfEndedSessions, sessionsOfEventForReports, sessionsReportedBy, sessionsEndedBetween, trackOfSessions } from './program/reportSessions.ts';
export type { ReportSession, ReportSessionPerson, EndedSession } from './program/reportSessions.ts';
export { provideOverdueReportOrganisers } from './call/reportsHook.ts';
export type { PersonRef } from './domain/types.ts';
export { defaultTopics, sessionTopics, topicKeyPattern, topicLabel, topicList } from './topics/taxonomy.ts';
export type { Topic } from './topics/taxonomy.ts';
export { heldEventCounts } from './queries.ts';
export { eventRefs } from './queries.ts';
export type { EventRef } from './queries.ts';
export { eventVisibleTo } from './policy.ts';
export { provideEventSection } from './sections.ts';
export type { EventSection, SectionEvent } from './sections.ts';
