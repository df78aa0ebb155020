/**
 * The topic taxonomy (docs/decisions/027): one list for the whole installation, which sessions and
 * reports are tagged with. Keys are stable (links and exports name them); labels come from the
 * catalogs for the built-in topics and from the row for the ones the secretariat adds.
 */
import type { Db } from '../../../platform/db/index.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { tablesOf } from '../../../platform/db/index.ts';
import type { TopicTables } from './tables.ts';

/**
 * The IGF's themes: its 2025 subthemes (the same keys as a call's default tracks) and the
 * standing issue areas national and regional initiatives report on. Catalog `events.topics.<key>`.
 */
export const defaultTopics = [
  'digital_trust_resilience', 'responsible_innovation', 'universal_access_rights', 'digital_cooperation',
  'community_networks', 'ai_emerging_technologies', 'cybersecurity_safety', 'data_governance',
  'human_rights', 'environment_sustainability', 'internet_fragmentation',
] as const;

/** What a key may look like: it ends up in addresses and form field values. */
export const topicKeyPattern = /^[a-z][a-z0-9_]{1,47}$/;

export interface Topic {
  key: string;
  /** Labels the secretariat typed, by language; none for the built-in topics. */
  labels: Partial<Record<string, string>> | null;
  retired: boolean;
}

const topicsDb = (db: Db) => tablesOf<TopicTables>(db);

function readLabels(text: string | null): Topic['labels'] {
  if (!text) return null;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return null;
  }
}

/**
 * Every topic in the taxonomy's order: the built-in ones, as the secretariat may have renamed or
 * retired them, then those it added. Retired ones only when asked (to name old tags).
 */
export async function topicList(db: Db, options: { withRetired?: boolean } = {}): Promise<Topic[]> {
  const rows = await topicsDb(db).selectFrom('topics').select(['key', 'position', 'labels', 'retired']).orderBy('position').orderBy('key').execute();
  const changed = new Map(rows.map((r) => [r.key, r]));
  const builtIn = defaultTopics.map((key) => changed.get(key) ?? { key, labels: null, retired: 0 });
  const added = rows.filter((r) => !(defaultTopics as readonly string[]).includes(r.key));
  return [...builtIn, ...added]
    .map((r) => ({ key: r.key, labels: readLabels(r.labels), retired: Number(r.retired) === 1 }))
    .filter((topic) => options.withRetired || !topic.retired);
}

/**
 * A topic's name in the reader's language: the secretariat's, else the catalog's (built-in
 * topics), else the secretariat's in English or any language, else its key.
 */
export function topicLabel(topic: Topic, t: Translate, locale: string): string {
  const own = topic.labels?.[locale];
  if (own) return own;
  const key = `events.topics.${topic.key}`;
  const catalog = t(key);
  if (catalog !== key) return catalog;
  return topic.labels?.en ?? Object.values(topic.labels ?? {})[0] ?? topic.key;
}

/** The topics of these sessions, by session (one query). */
export async function sessionTopics(db: Db, sessionIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (sessionIds.length === 0) return result;
  const rows = await topicsDb(db).selectFrom('event_session_topics').select(['session_id', 'topic_key'])
    .where('session_id', 'in', [...sessionIds]).orderBy('session_id').orderBy('topic_key').execute();
  for (const row of rows) result.set(row.session_id, [...(result.get(row.session_id) ?? []), row.topic_key]);
  return result;
}
