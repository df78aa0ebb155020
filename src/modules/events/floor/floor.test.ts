import assert from 'node:assert/strict';
import { eachApp, listen, type TestApp } from '../../../../tests/support/app.ts';
import { insertPerson, loggedIn } from '../../../../tests/support/factories.ts';
import { liveSession, participant } from '../../../../tests/support/eventsFloor.ts';
import { atOnce, served } from '../../../../tests/support/served.ts';
import { eventsDb } from '../tables.ts';
import { streamTiming } from './pages.tsx';

async function requests(t: TestApp) {
  return eventsDb(t.database.db).selectFrom('event_floor_requests').select(['id', 'name', 'kind', 'status', 'presence', 'stakeholder_group', 'handled_by', 'question'])
    .orderBy('position').execute();
}

/** The id of a request from the moderator's page (its row's anchor), in the queue's order. */
const queueIds = (html: string) => [...html.matchAll(/<tr id="request-([^"]+)"/g)].map((m) => m[1]!);

eachApp('participants ask for the floor and post questions, see their place and withdraw; the moderator works through the queue and sees the balance', async (t) => {
  const { slug, live, moderator, coordinator } = await liveSession(t);
  const rosa = await participant(t, slug, 'rosa@example.org', 'Rosa Técnica', 'technical_community');
  // Pedro is in the room: his registration says onsite, and the balance counts him so.
  const pedro = await participant(t, slug, 'pedro@example.org', 'Pedro Privado', 'private_sector', 'onsite');
  const anonymous = t.client();
  // A verified person who did not register may not join.
  const stranger = await loggedIn(t, await insertPerson(t, { email: 'stranger@example.org' }));
  assert.equal((await stranger.post(`${live}/ask`, { kind: 'floor' })).status, 403);
  assert.match((await stranger.get(live)).html, /Only people registered for this event can join the queue/);

  // The published program links each session to its live queue; the event page to its statistics.
  assert.match((await anonymous.get(`/events/${slug}/program`)).html, new RegExp(`<a href="${live}">Live queue<span class="visually-hidden">: Coordinación`));
  assert.match((await anonymous.get(`/events/${slug}`)).html, new RegExp(`<a href="/events/${slug}/statistics">Participation statistics</a>`));

  // Anonymous: the number waiting and a way to sign in, no form.
  const outside = await anonymous.get(live);
  assert.equal(outside.status, 200);
  assert.match(outside.html, /No one is waiting/);
  assert.match(outside.html, /Sign in to ask for the floor/);
  assert.doesNotMatch(outside.html, /action="[^"]*\/live\/ask/);

  // Rosa asks for the floor, Pedro posts a question, Rosa a question too.
  assert.equal((await rosa.post(`${live}/ask`, { kind: 'floor' })).status, 303);
  assert.equal((await pedro.post(`${live}/ask`, { kind: 'question', question: '¿Cómo participan las <b>comunidades</b> rurales?' })).status, 303);
  assert.equal((await rosa.post(`${live}/ask`, { kind: 'question', question: 'Y el financiamiento?' })).status, 303);

  // Bad input: a question without text, a second floor request; beside the field, nothing written.
  const before = await requests(t);
  const empty = await pedro.post(`${live}/ask`, { kind: 'question', question: '   ' });
  assert.equal(empty.status, 422);
  assert.match(empty.html, /<p class="error" id="error-question">Write your question\.<\/p>/);
  const twice = await rosa.post(`${live}/ask`, { kind: 'floor' });
  assert.equal(twice.status, 409);
  assert.match(twice.html, /You are already waiting for the floor/);
  const huge = await pedro.post(`${live}/ask`, { kind: 'question', question: 'x'.repeat(5_000) });
  assert.equal(huge.status, 422);
  assert.deepEqual(await requests(t), before);

  // Each sees their own places; names and questions of others are not shown to participants.
  const rosaPage = await rosa.get(live);
  assert.match(rosaPage.html, /3 requests waiting/);
  assert.match(rosaPage.html, /You asked for the floor: number 1 in the queue/);
  assert.match(rosaPage.html, /Your question: number 3 in the queue/);
  assert.doesNotMatch(rosaPage.html, /Pedro|comunidades/);
  const pedroPage = await pedro.get(live);
  assert.match(pedroPage.html, /Your question: number 2 in the queue/);
  assert.match(pedroPage.html, /&lt;b&gt;comunidades&lt;\/b&gt;/, 'the question is escaped');

  // The moderator sees the queue in order, with group and presence.
  const queue = await moderator.get(live);
  assert.equal(queue.status, 200);
  const [rosaFloor, pedroQuestion, rosaQuestion] = queueIds(queue.html);
  assert.ok(rosaFloor && pedroQuestion && rosaQuestion);
  assert.ok(queue.html.indexOf('Rosa Técnica') < queue.html.indexOf('Pedro Privado'));
  assert.match(queue.html, /Technical community/);
  assert.match(queue.html, /No one has spoken yet/);

  // Rosa withdraws her question; Pedro cannot withdraw Rosa's floor request.
  assert.equal((await pedro.post(`${live}/requests/${rosaFloor}/withdraw`, {})).status, 409);
  assert.equal((await rosa.post(`${live}/requests/${rosaQuestion}/withdraw`, {})).status, 303);
  assert.match((await pedro.get(live)).html, /Your question: number 2 in the queue/);

  // Participants may not mark; the moderator marks; a wrong mark is refused.
  assert.equal((await rosa.post(`${live}/requests/${rosaFloor}`, { status: 'took_floor' })).status, 403);
  const wrong = await moderator.post(`${live}/requests/${rosaFloor}`, { status: 'answered' });
  assert.equal(wrong.status, 422);
  assert.equal((await moderator.post(`${live}/requests/${rosaFloor}`, { status: 'took_floor' })).status, 303);
  assert.equal((await moderator.post(`${live}/requests/${pedroQuestion}`, { status: 'answered' })).status, 303);
  const again = await coordinator.post(`${live}/requests/${pedroQuestion}`, { status: 'dismissed' });
  assert.equal(again.status, 409, 'already answered');
  assert.match(again.html, /no longer waiting/);

  // An onsite speaker without a name, from government; and a bad group.
  assert.equal((await moderator.post(`${live}/speakers`, { stakeholder_group: 'government', presence: 'onsite' })).status, 303);
  assert.equal((await moderator.post(`${live}/speakers`, { stakeholder_group: 'martians' })).status, 422);
  assert.equal((await rosa.post(`${live}/speakers`, { stakeholder_group: 'government' })).status, 403);

  // The balance: 3 interventions, by group and by presence, as text and in a table.
  const balance = await moderator.get(live);
  assert.match(balance.html, /3 interventions/);
  assert.match(balance.html, /<th scope="row">Government<\/th><td>1<\/td>/);
  assert.match(balance.html, /<th scope="row">Technical community<\/th><td>1<\/td>/);
  assert.match(balance.html, /<th scope="row">Private sector<\/th><td>1<\/td>/);
  assert.match(balance.html, /<th scope="row">Civil society<\/th><td>0<\/td>/);
  assert.match(balance.html, /<th scope="row">Onsite<\/th><td>2<\/td>/);
  assert.match(balance.html, /<th scope="row">Online<\/th><td>1<\/td>/);
  assert.match(balance.html, /<desc id="balance-groups-desc">[^<]*Government: 1/);
  assert.match(balance.html, /No one is waiting/);

  const stored = await requests(t);
  assert.deepEqual(stored.map((r) => r.status), ['took_floor', 'answered', 'withdrawn', 'took_floor']);
  assert.equal(stored[3]!.name, null);

  // The audit log names the request, never the person or the question.
  const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'event.floor_%').execute();
  assert.equal(audit.length, 7);
  assert.ok(audit.every((a) => !/Rosa|Pedro|comunidades|financiamiento/.test(String(a.details))));
}, { postgres: true });

eachApp('who may use the queue: unverified people may not ask, sessions outside the published program are not found, the JSON API', async (t) => {
  const { live, slug, session, moderator, coordinator } = await liveSession(t);
  const unverified = await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false }));
  assert.equal((await unverified.post(`${live}/ask`, { kind: 'floor' })).status, 403);
  assert.match((await unverified.get(live)).html, /Only people registered for this event/);

  // A session added after the program was published is not public yet; its moderators see it.
  const draftSession = (await coordinator.post(`/events/${slug}/sessions`, { title: 'Nueva', original_locale: 'es', modality: 'online' })).location!.split('?')[0]!.split('/').pop()!;
  assert.equal((await t.client().get(`/events/${slug}/sessions/${draftSession}/live`)).status, 404);
  assert.equal((await coordinator.get(`/events/${slug}/sessions/${draftSession}/live`)).status, 200);

  // The API: ask, read the queue (moderators only), mark.
  const rosa = await participant(t, slug, 'rosa@example.org', 'Rosa Técnica', 'technical_community');
  const api = `/api/events/${slug}/sessions/${session}/floor`;
  const asked = await rosa.json('POST', api, { kind: 'question', question: '¿Y la brecha de género?' });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  assert.equal(asked.body.place, 1);
  assert.equal((await rosa.json('POST', api, { kind: 'question' })).status, 422);
  assert.equal((await rosa.json('GET', api, undefined)).status, 403);
  assert.equal((await t.client().json('GET', api, undefined)).status, 401);
  const read = await moderator.json('GET', api, undefined);
  assert.equal(read.status, 200);
  assert.equal(read.body.waiting[0].name, 'Rosa Técnica');
  assert.equal(read.body.waiting[0].question, '¿Y la brecha de género?');
  assert.equal((await rosa.json('PATCH', `${api}/${asked.body.id}`, { status: 'answered' })).status, 403);
  assert.equal((await moderator.json('PATCH', `${api}/${asked.body.id}`, { status: 'took_floor' })).status, 422);
  const marked = await moderator.json('PATCH', `${api}/${asked.body.id}`, { status: 'answered' });
  assert.equal(marked.status, 200);
  assert.equal(marked.body.status, 'answered');
  assert.equal((await moderator.json('PATCH', `${api}/${asked.body.id}`, { status: 'dismissed' })).status, 409);
  assert.equal((await moderator.json('GET', api, undefined)).body.balance.by_group.find((g: { key: string }) => g.key === 'technical_community').count, 1);
  assert.equal((await moderator.json('PATCH', `${api}/nothing`, { status: 'dismissed' })).status, 404);
}, { postgres: true });

eachApp('two moderators marking the same request at once make one change', async (t) => {
  const { slug, live, moderator, coordinator } = await liveSession(t);
  const rosa = await participant(t, slug, 'rosa@example.org', 'Rosa Técnica', 'technical_community');
  assert.equal((await rosa.post(`${live}/ask`, { kind: 'floor' })).status, 303);
  const [id] = queueIds((await moderator.get(live)).html);
  const server = await served(t);
  try {
    const [a, b] = [server.client(), server.client()];
    for (const [client, from] of [[a, moderator], [b, coordinator]] as const) client.setCookie('cabildo_session', from.cookie('cabildo_session') ?? '');
    // Both fetch a form token first, so the posts themselves go at once.
    await Promise.all([a.csrfToken(), b.csrfToken()]);
    const statuses = await atOnce([() => a.post(`${live}/requests/${id}`, { status: 'took_floor' }), () => b.post(`${live}/requests/${id}`, { status: 'dismissed' })]);
    assert.deepEqual([...statuses].sort(), [303, 409]);
  } finally {
    await server.close();
  }
  const rows = await requests(t);
  assert.equal(rows.length, 1);
  assert.ok(['took_floor', 'dismissed'].includes(rows[0]!.status));
  const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'in', ['event.floor_took_floor', 'event.floor_dismissed']).execute();
  assert.equal(audit.length, 1);
}, { postgres: true });

/** Reads server-sent events from a real HTTP response until `until` says so. */
async function readEvents(response: Response, until: (events: string[]) => boolean, ms: number): Promise<string[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  try {
    while (!until(events) && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const data = /^data: (.*)$/m.exec(block);
        if (/^event: queue$/m.test(block) && data) events.push(data[1]!);
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

eachApp('the live stream sends the queue’s version, and a new one when the queue changes', async (t) => {
  const { slug, live, moderator } = await liveSession(t);
  const rosa = await participant(t, slug, 'rosa@example.org', 'Rosa Técnica', 'technical_community');
  const server = await listen(t);
  const pollMs = streamTiming.pollMs;
  streamTiming.pollMs = 100;
  try {
    const page = await moderator.get(live);
    const script = /<script src="(\/assets\/floor-live\.[0-9a-f]{12}\.js)" defer/.exec(page.html)?.[1];
    assert.ok(script, 'the live page loads its script');
    const asset = await t.client().get(script);
    assert.equal(asset.status, 200);
    assert.ok(Buffer.byteLength(asset.html) < 10 * 1024, 'the script stays within the 10 KB budget');
    assert.match(page.html, /data-stream="[^"]+\/live\/stream" data-version="0"/);

    // A real HTTP client reading the stream as it comes.
    const response = await fetch(`${server.url}${live}/stream`, { headers: { cookie: `cabildo_session=${moderator.cookie('cabildo_session')}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reading = readEvents(response, (events) => events.length >= 2, 5_000);
    // A change made after the stream started (the stream reads the database, so any server's change).
    await new Promise((r) => setTimeout(r, 150));
    assert.equal((await rosa.post(`${live}/ask`, { kind: 'floor' })).status, 303);
    const events = await reading;
    assert.deepEqual(events, ['0', '1']);
    // Without a session the stream is refused.
    assert.equal((await t.client().get(`${live}/stream`)).status, 401);
  } finally {
    streamTiming.pollMs = pollMs;
    await server.close();
  }
}, { postgres: true });
