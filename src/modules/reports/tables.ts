import { tablesOf, type Db } from '../../platform/db/index.ts';
import { reportTopicTables, type ReportTopicTables } from './topics/tables.ts';

/** A session report (docs/decisions/024): bound to an event's session, or standalone. */
export interface ReportsTable {
  id: string;
  /** The session it reports on; none for a standalone report. */
  session_id: string | null;
  event_id: string | null;
  /** The initiative whose committee reviews and publishes it (the event's, for a session). */
  initiative_id: string;
  title: string;
  /** The day it was held, YYYY-MM-DD. */
  held_on: string;
  place: string | null;
  /** The language it is written in. */
  language: string;
  /** draft, in_review, changes_requested or published. */
  status: string;
  /** An account the organisers named to draft it, besides the session's own rapporteurs. */
  rapporteur_id: string | null;
  /** The working text: canonical JSON of `ReportContent` (content.ts). */
  content: string;
  /** What the organisers asked to change, when they sent it back. */
  review_note: string | null;
  /** The latest published version; 0 before the first. */
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Each published version, as the transparency log's hash covers it; never updated. */
export interface ReportVersionsTable {
  id: string;
  report_id: string;
  version: number;
  /** Canonical JSON of the report as published (title, date, place, language and content). */
  snapshot: string;
  snapshot_sha256: string;
  /** Why it changed after the first publication; none for version 1. */
  reason: string | null;
  published_by: string | null;
  published_at: string;
}

/** How many days after a session ends its report is due, per event (default 14). */
export interface ReportDeadlinesTable {
  event_id: string;
  days: number;
  updated_at: string;
}

export interface ReportsTables extends ReportTopicTables {
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_deadlines: ReportDeadlinesTable;
}

export const reportsTables = ['reports', 'report_versions', 'report_deadlines', ...reportTopicTables] as const satisfies ReadonlyArray<keyof ReportsTables>;

export const reportsDb = (db: Db) => tablesOf<ReportsTables>(db);
