/**
 * The secretariat's topic taxonomy (docs/decisions/027): `/secretariat/topics` lists the topics and
 * adds one; `/secretariat/topics/<key>` renames, retires or offers one again.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { authorize } from '../../../platform/policy.ts';
import { eventPolicy } from '../policy.ts';
import { addTopic, saveTopic } from './commands.ts';
import { TopicAddSchema, TopicSaveSchema } from './schema.ts';
import { defaultTopics, topicLabel, topicList, type Topic } from './taxonomy.ts';
import { TopicEditPage, TopicsAdminPage } from './views.tsx';

const locales = ['es', 'en', 'pt', 'fr'] as const;

const labelValues = (topic: Topic) => ({
  ...Object.fromEntries(locales.map((l) => [`label_${l}`, topic.labels?.[l] ?? ''])), retired: topic.retired ? 'on' : '',
});

export function topicAdminPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;

  const loadTopic = async (c: Context<AppEnv>) => (await topicList(db, { withRetired: true })).find((tp) => tp.key === c.req.param('key'));

  async function showList(c: Context<AppEnv>, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const t = c.get('t');
    const topics = (await topicList(db, { withRetired: true })).map((tp) => ({ key: tp.key, label: topicLabel(tp, t, c.get('locale')), retired: tp.retired }));
    return page(c, t('events.topics.admin_title'), <TopicsAdminPage topics={topics} form={form ?? { values: {}, errors: {} }} notice={c.req.query('notice')} />, status);
  }

  function showEdit(c: Context<AppEnv>, topic: Topic, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const t = c.get('t');
    const builtIn = (defaultTopics as readonly string[]).includes(topic.key);
    const catalogNames = builtIn ? Object.fromEntries(locales.map((l) => [l, topicLabel({ ...topic, labels: null }, t, l)])) : null;
    const label = topicLabel(topic, t, c.get('locale'));
    return page(c, t('events.topics.edit_title', { topic: label }), (
      <TopicEditPage topic={{ key: topic.key, label }} catalogNames={catalogNames} form={form ?? { values: labelValues(topic), errors: {} }} />
    ), status);
  }

  app.get('/secretariat/topics', async (c) => {
    authorize(c.get('actor'), eventPolicy.manageTopics, undefined);
    return showList(c);
  });

  app.post('/secretariat/topics', formAction({
    authorizeBeforeLoading: true,
    load: async () => ({}),
    allow: eventPolicy.manageTopics,
    schema: TopicAddSchema,
    run: (ctx, input) => addTopic(ctx, input),
    done: (_, { key }) => withNotice('/secretariat/topics', 'topic_added', `topic-${key}`),
    retry: (c, failed, { status }) => showList(c, failed, status),
  }));

  app.get('/secretariat/topics/:key', async (c) => {
    authorize(c.get('actor'), eventPolicy.manageTopics, undefined);
    const topic = await loadTopic(c);
    return topic ? showEdit(c, topic) : c.notFound();
  });

  app.post('/secretariat/topics/:key', formAction({
    authorizeBeforeLoading: true,
    load: loadTopic,
    allow: eventPolicy.manageTopics,
    schema: TopicSaveSchema,
    run: (ctx, input, topic) => saveTopic(ctx, topic, input),
    done: (_, __, { subject }) => withNotice('/secretariat/topics', 'topic_saved', `topic-${subject.key}`),
    retry: (c, failed, { subject, status }) => showEdit(c, subject, failed, status),
  }));
}
