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

/**
 * An initiative's annual report for a year (docs/decisions/028): the committee's own sections, and
 * once published the whole report as readers saw it, events and takeaways included.
 */
export interface AnnualReportsTable {
  id: string;
  initiative_id: string;
  year: number;
  /** draft or published. */
  status: string;
  /** Markdown, each up to 20,000 characters: the coordinator's introduction, how the year was prepared, its outcomes. */
  introduction: string | null;
  preparation: string | null;
  outcomes: string | null;
  /** Canonical JSON of the published report (`AnnualSnapshot`), and its SHA-256; none while a draft. */
  snapshot: string | null;
  snapshot_sha256: string | null;
  published_by: string | null;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A published report as the public archive lists it (docs/decisions/026); drafts have no row. */
export interface ReportArchiveTable {
  report_id: string;
  initiative_id: string;
  title: string;
  held_on: string;
  language: string;
  /** The session's track, by name, when it was last published. */
  track: string | null;
  /** The stakeholder groups it names (its participants' and those it counted): a bit per stored value (archive/groups.ts). */
  stakeholder_groups: number;
  version: number;
  /** When version 1 was published. */
  published_at: string;
  /** When the latest version was published. */
  updated_at: string;
}

/** A report in another language than its own: its texts by the original's anchors (translations/content.ts). */
export interface ReportTranslationsTable {
  report_id: string;
  language: string;
  /** Canonical JSON of `TranslatedTexts`. */
  content: string;
  /** The original's published version it was made from (0: a draft's). */
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface ReportsTables extends ReportTopicTables {
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_deadlines: ReportDeadlinesTable;
  report_archive: ReportArchiveTable;
  annual_reports: AnnualReportsTable;
  report_translations: ReportTranslationsTable;
}

export const reportsTables = ['reports', 'report_versions', 'report_deadlines', 'report_archive', 'annual_reports', 'report_translations', ...reportTopicTables] as const satisfies ReadonlyArray<keyof ReportsTables>;

export const reportsDb = (db: Db) => tablesOf<ReportsTables>(db);
