/** Writing a session's topics (docs/decisions/027), inside the session command's transaction. */
import type { Db } from '../../../platform/db/index.ts';
import { tablesOf } from '../../../platform/db/index.ts';
import type { TopicTables } from './tables.ts';
import { sessionTopics, topicList } from './taxonomy.ts';

const topicsDb = (db: Db) => tablesOf<TopicTables>(db);

/**
 * Whether every key may be chosen: offered now, or already the session's (a topic retired since
 * stays on what it tagged). Checked before anything is written, so a refusal leaves nothing half-done.
 */
export async function topicsAllowed(db: Db, keys: readonly string[] | undefined, sessionId: string | null): Promise<boolean> {
  if (!keys || keys.length === 0) return true;
  const [offered, had] = await Promise.all([topicList(db), sessionId ? sessionTopics(db, [sessionId]) : Promise.resolve(new Map<string, string[]>())]);
  const allowed = new Set([...offered.map((t) => t.key), ...(sessionId ? (had.get(sessionId) ?? []) : [])]);
  return keys.every((key) => allowed.has(key));
}

/** Sets the session's topics to exactly these keys; none given (undefined) leaves them. */
export async function writeSessionTopics(db: Db, sessionId: string, keys: readonly string[] | undefined): Promise<void> {
  if (keys === undefined) return;
  await topicsDb(db).deleteFrom('event_session_topics').where('session_id', '=', sessionId).execute();
  const unique = [...new Set(keys)];
  if (unique.length > 0) await topicsDb(db).insertInto('event_session_topics').values(unique.map((topic_key) => ({ session_id: sessionId, topic_key }))).execute();
}
