import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import type { Db } from '../../../platform/db/index.ts';
import { sessionTopics, topicLabel, topicList } from './taxonomy.ts';

/** What the session form offers (the topics on offer, and any retired one the session keeps) and what is checked. */
export async function sessionTopicChoices(c: Context<AppEnv>, db: Db, sessionId: string | null): Promise<{ options: Array<{ value: string; label: string }>; chosen: string[] }> {
  const [all, own] = await Promise.all([topicList(db, { withRetired: true }), sessionId ? sessionTopics(db, [sessionId]) : Promise.resolve(new Map<string, string[]>())]);
  const chosen = sessionId ? (own.get(sessionId) ?? []) : [];
  const t = c.get('t');
  const locale = c.get('locale');
  return { options: all.filter((topic) => !topic.retired || chosen.includes(topic.key)).map((topic) => ({ value: topic.key, label: topicLabel(topic, t, locale) })), chosen };
}
