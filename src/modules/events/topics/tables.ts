/** The topic taxonomy's tables (docs/decisions/027), part of the events module's. */
export interface TopicsTable {
  key: string;
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
