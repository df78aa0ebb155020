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

export interface ReportTopicTables {
  report_topics: ReportTopicsTable;
  report_groups: ReportGroupsTable;
}

export const reportTopicTables = ['report_topics', 'report_groups'] as const;
