/** Reports' topics (docs/decisions/027), part of the reports module's tables. */
export interface ReportTopicsTable {
  report_id: string;
  topic_key: string;
  /** Copied from the report, so that a topic page filters and counts from this table's index alone. */
  initiative_id: string;
  held_on: string;
  year: number;
  /** 1 once the report is published: drafts are never counted nor shown. */
  published: number;
  takeaways: number;
  calls: number;
}

/** A report's participants by stakeholder group (stored value), as its counts or its list of people say. */
export interface ReportGroupsTable {
  report_id: string;
  stakeholder_group: string;
  people: number;
}

/** Published reports, takeaways and calls to action per topic, year and initiative (a cell). */
export interface ReportTopicStatsTable {
  topic_key: string;
  year: number;
  initiative_id: string;
  reports: number;
  takeaways: number;
  calls: number;
}

/** Participants per cell and stakeholder group (stored value), and how many reports had the group present. */
export interface ReportTopicGroupStatsTable {
  topic_key: string;
  year: number;
  initiative_id: string;
  stakeholder_group: string;
  people: number;
  reports: number;
}

/** The cells summed over initiatives: one row per topic and year. */
export interface ReportTopicYearStatsTable {
  topic_key: string;
  year: number;
  reports: number;
  takeaways: number;
  calls: number;
}

export interface ReportTopicYearGroupStatsTable {
  topic_key: string;
  year: number;
  stakeholder_group: string;
  people: number;
  reports: number;
}

export interface ReportTopicTables {
  report_topics: ReportTopicsTable;
  report_groups: ReportGroupsTable;
  report_topic_stats: ReportTopicStatsTable;
  report_topic_group_stats: ReportTopicGroupStatsTable;
  report_topic_year_stats: ReportTopicYearStatsTable;
  report_topic_year_group_stats: ReportTopicYearGroupStatsTable;
}

export const reportTopicTables = ['report_topics', 'report_groups', 'report_topic_stats', 'report_topic_group_stats', 'report_topic_year_stats', 'report_topic_year_group_stats'] as const;
