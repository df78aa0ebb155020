/** Writing a session's topics, and the secretariat's changes to the taxonomy (docs/decisions/027). */
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { serializeOn, tablesOf, type Db } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { TopicTables } from './tables.ts';
import { defaultTopics, sessionTopics, topicList } from './taxonomy.ts';
import type { TopicAddInput, TopicSaveInput } from './schema.ts';

type TopicLabelsInput = Pick<TopicAddInput, 'label_es' | 'label_en' | 'label_pt' | 'label_fr'>;

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

const labelFields = { es: 'label_es', en: 'label_en', pt: 'label_pt', fr: 'label_fr' } as const;

/** The labels typed, as stored (null when none: the catalog names the topic). */
function labelsOf(input: TopicLabelsInput): string | null {
  const entries = Object.entries(labelFields).flatMap(([locale, field]) => (input[field] ? [[locale, input[field]] as const] : []));
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : null;
}

/** A topic that is not one of the IGF's built-in ones has no catalog names: all four are needed. */
function missingLabel(key: string, input: TopicLabelsInput): string | undefined {
  if ((defaultTopics as readonly string[]).includes(key)) return undefined;
  return Object.values(labelFields).find((field) => !input[field]);
}

/** The secretariat adds a topic at the end of the list. */
export async function addTopic(ctx: CommandContext<SignedIn>, input: TopicAddInput): Promise<Result<{ key: string }>> {
  const missing = missingLabel(input.key, input);
  if (missing) return refuse('common.errors.required', { field: missing });
  return topicsDb(ctx.db).transaction().execute(async (tx) => {
    await serializeOn(tx, 'topics');
    const taken = (defaultTopics as readonly string[]).includes(input.key) || (await tx.selectFrom('topics').select('key').where('key', '=', input.key).executeTakeFirst());
    if (taken) return refuse('events.topics.key_taken', { field: 'key', status: 409 });
    // After the built-in ones, whose places are their order in the code.
    const { last } = await tx.selectFrom('topics').select((eb) => eb.fn.max('position').as('last')).executeTakeFirstOrThrow();
    await tx.insertInto('topics').values({ key: input.key, position: Math.max(Number(last ?? 0), defaultTopics.length) + 1, labels: labelsOf(input), retired: 0 }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'topic.added', subjectType: 'topic', subjectId: input.key });
    return ok({ key: input.key });
  });
}

/** Renames a topic (blank: the catalog's name, for the built-in ones), retires it or offers it again. Its tags stay either way. */
export async function saveTopic(ctx: CommandContext<SignedIn>, topic: { key: string }, input: TopicSaveInput): Promise<Result<void>> {
  const missing = missingLabel(topic.key, input);
  if (missing) return refuse('common.errors.required', { field: missing });
  const builtIn = (defaultTopics as readonly string[]).indexOf(topic.key);
  return topicsDb(ctx.db).transaction().execute(async (tx) => {
    const values = { labels: labelsOf(input), retired: input.retired ? 1 : 0 };
    if (builtIn >= 0) {
      // A built-in topic gets its row when first changed.
      await tx.insertInto('topics').values({ key: topic.key, position: builtIn, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
    } else {
      const changed = await tx.updateTable('topics').set(values).where('key', '=', topic.key).executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) return refuse('events.topics.gone', { status: 404 });
    }
    await audit(tx, ctx.actor, ctx.now, { action: input.retired ? 'topic.retired' : 'topic.saved', subjectType: 'topic', subjectId: topic.key });
    return ok();
  });
}
