/** The events module's public entry: what other modules may use. */
export { findEventBySlug, listEvents, publicEvents } from './queries.ts';
export type { EventDetail, EventSummary } from './queries.ts';
export { sessionForReport, peopleOfEndedSessions, sessionsOfEventForReports, sessionsReportedBy } from './program/reportSessions.ts';
export type { ReportSession, ReportSessionPerson } from './program/reportSessions.ts';
export { provideOverdueReportOrganisers } from './call/reportsHook.ts';
export type { PersonRef } from './domain/types.ts';
export { defaultTopics, sessionTopics, topicKeyPattern, topicLabel, topicList } from './topics/taxonomy.ts';
export type { Topic } from './topics/taxonomy.ts';
