import assert from 'node:assert/strict';
import { eachApp } from '../../../../tests/support/app.ts';
import { secretariat } from '../../../../tests/support/factories.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import { eventsDb } from '../tables.ts';

eachApp('organisers tag a session with topics in its form; unknown keys are refused beside the field, unchecking all clears them', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  const blank = await coordinator.get(`/events/${slug}/sessions/new`);
  assert.match(blank.html, /<input type="hidden" name="topics_shown" value="1"\/>/);
  assert.match(blank.html, /<legend>Topics<\/legend>/);
  assert.match(blank.html, /name="topics" value="community_networks"\/?>\s*<label for="field-topics-\d+">Community networks<\/label>/);

  const base = { title: 'Redes comunitarias', original_locale: 'es', modality: 'hybrid', topics_shown: '1' };
  const added = await coordinator.post(`/events/${slug}/sessions`, { ...base, topics: ['community_networks', 'universal_access_rights'] });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const session = added.location!.split('?')[0]!.split('/').pop()!;
  const topicsOf = async () => (await eventsDb(t.database.db).selectFrom('event_session_topics').select('topic_key').where('session_id', '=', session).orderBy('topic_key').execute()).map((r) => r.topic_key);
  assert.deepEqual(await topicsOf(), ['community_networks', 'universal_access_rights']);
  const form = await coordinator.get(`/events/${slug}/sessions/${session}`);
  assert.match(form.html, /name="topics" value="community_networks" checked=""/);
  assert.doesNotMatch(form.html, /name="topics" value="human_rights" checked=""/);

  // A key not offered, markup for a key, too many keys: 422 beside the field, nothing changed.
  for (const topics of [['no_such_topic'], ['<script>alert(1)</script>'], Array.from({ length: 21 }, (_, i) => `topic_${i}`)]) {
    const refused = await coordinator.post(`/events/${slug}/sessions/${session}`, { ...base, topics });
    assert.equal(refused.status, 422, refused.html.slice(0, 1000));
    assert.doesNotMatch(refused.html, /<script>alert/);
  }
  assert.match((await coordinator.post(`/events/${slug}/sessions/${session}`, { ...base, topics: 'nope' })).html, /<p class="error" id="error-topics">Choose topics from the list\.<\/p>/);
  assert.deepEqual(await topicsOf(), ['community_networks', 'universal_access_rights']);

  // One checked (a single value), then none: the form said it showed them, so none means none.
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}`, { ...base, topics: 'human_rights' })).status, 303);
  assert.deepEqual(await topicsOf(), ['human_rights']);
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}`, base)).status, 303);
  assert.deepEqual(await topicsOf(), []);
  // A client that does not send the field (an API client knowing nothing of topics) leaves them.
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}`, { ...base, topics: ['data_governance'] })).status, 303);
  const { topics_shown: _, ...withoutTopics } = base;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}`, withoutTopics)).status, 303);
  assert.deepEqual(await topicsOf(), ['data_governance']);
}, { postgres: true });

eachApp('the secretariat adds a topic named in four languages, renames a built-in one and retires another; others may not', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const desk = await secretariat(t);
  const list = await desk.get('/secretariat/topics');
  assert.equal(list.status, 200);
  assert.match(list.html, /<a href="\/secretariat\/topics\/community_networks">Community networks<\/a>/);
  assert.equal((await coordinator.get('/secretariat/topics')).status, 403);
  assert.equal((await coordinator.post('/secretariat/topics', { key: 'meaningful_access' })).status, 403);

  // A new topic needs a well-formed, free key and its name in every language.
  const names = { label_es: 'Acceso significativo', label_en: 'Meaningful access', label_pt: 'Acesso significativo', label_fr: 'Accès significatif' };
  const missing = await desk.post('/secretariat/topics', { key: 'meaningful_access', label_es: 'Acceso significativo' });
  assert.equal(missing.status, 422);
  assert.match(missing.html, /id="error-label_en"/);
  for (const key of ['Mal Formada!', '<script>x</script>', '1starts_with_digit', 'x']) {
    const bad = await desk.post('/secretariat/topics', { key, ...names });
    assert.equal(bad.status, 422, key);
    assert.doesNotMatch(bad.html, /<script>x/);
  }
  assert.equal((await desk.post('/secretariat/topics', { key: 'community_networks', ...names })).status, 409);
  const added = await desk.post('/secretariat/topics', { key: 'meaningful_access', ...names, label_fr: '<b>Accès</b> significatif' });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const reader = t.client();
  reader.language = 'fr';
  assert.match((await reader.get('/topics')).html, /<a href="\/topics\/meaningful_access">&lt;b&gt;Accès&lt;\/b&gt; significatif<\/a>/, 'a label is text, never markup');

  // A built-in topic renamed in one language keeps the catalog's names in the others; retiring one stops offering it.
  assert.equal((await desk.post('/secretariat/topics/community_networks', { label_en: 'Community-run networks' })).status, 303);
  assert.equal((await desk.post('/secretariat/topics/internet_fragmentation', { retired: 'on' })).status, 303);
  const slug = await createEvent(coordinator, initiative);
  const form = await coordinator.get(`/events/${slug}/sessions/new`);
  assert.match(form.html, /Community-run networks/);
  assert.match(form.html, /value="meaningful_access"/);
  assert.doesNotMatch(form.html, /value="internet_fragmentation"/);
  reader.language = 'es';
  assert.match((await reader.get('/topics')).html, /Redes comunitarias/);
  assert.equal((await desk.post('/secretariat/topics/nothing', {})).status, 404);
}, { postgres: true });
