/** The topic taxonomy's tables (docs/decisions/027), part of the events module's. */
/** A topic the secretariat added, or a built-in one it renamed or retired (the others have no row). */
export interface TopicsTable {
  key: string;
  /** Where an added topic stands in the list (after the built-in ones); a built-in one keeps its place. */
  position: number;
  /** JSON `{ "es": "…", "en": "…" }` for a topic the secretariat added; null for the IGF's, named by the catalogs. */
  labels: string | null;
  /** 1 when no longer offered; its tags stay. */
  retired: number;
}

export interface EventSessionTopicsTable {
  session_id: string;
  topic_key: string;
}

export interface TopicTables {
  topics: TopicsTable;
  event_session_topics: EventSessionTopicsTable;
}

export const topicTables = ['topics', 'event_session_topics'] as const;
