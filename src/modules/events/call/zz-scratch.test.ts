import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { writeFileSync } from 'node:fs';
import { eachApp } from '../../../../tests/support/app.ts';
import { verifiedPerson } from '../../../../tests/support/factories.ts';
import { eventWithCall, goodProposal } from '../../../../tests/support/eventsCall.ts';
import { eventsDb } from '../tables.ts';

eachApp('scratch html', async (t) => {
  const { slug, coordinator } = await eventWithCall(t);
  const db = eventsDb(t.database.db);
  const [track] = await db.selectFrom('event_tracks').select('id').orderBy('position').execute();
  const [question] = await db.selectFrom('event_call_questions').select('id').execute();
  const proposer = await verifiedPerson(t, { email: 'p@example.org' });
  const good = goodProposal(track!.id, question!.id);
  const path = (await proposer.post(`/events/${slug}/proposals/new`, { ...good, intent: 'submit' })).location!.split('?')[0]!;
  const v = new HtmlValidate({ extends: ['html-validate:standard'] });
  const pages: Array<[string, string]> = [
    ['event', (await t.client().get(`/events/${slug}?zone=Asia/Tokyo`)).html],
    ['call', (await t.client().get(`/events/${slug}/call`)).html],
    ['callEdit', (await coordinator.get(`/events/${slug}/call/edit`)).html],
    ['callEdit422', (await coordinator.post(`/events/${slug}/call/edit`, { opens: 'x' })).html],
    ['new', (await proposer.get(`/events/${slug}/proposals/new`)).html],
    ['check', (await proposer.post(`/events/${slug}/proposals/new`, { title: 'x', intent: 'check' })).html],
    ['new422', (await proposer.post(`/events/${slug}/proposals/new`, { ...good, title: '', speaker_1_name: '', intent: 'submit' })).html],
    ['proposal', (await coordinator.get(path)).html],
    ['edit', (await proposer.get(`${path}/edit`)).html],
    ['list', (await coordinator.get(`/events/${slug}/proposals`)).html],
    ['mine', (await proposer.get('/my/proposals')).html],
  ];
  const bad: string[] = [];
  for (const [name, html] of pages) {
    writeFileSync(`/tmp/evcall/${name}.html`, html);
    const r = await v.validateString(html);
    if (!r.valid) bad.push(`${name}: ${JSON.stringify(r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId} ${m.message} @${m.line}`)))}`);
  }
  assert.deepEqual(bad, []);
});
