import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eachApp } from '../../../../tests/support/app.ts';
import { verifiedPerson } from '../../../../tests/support/factories.ts';
import { consultationWithStatements, votersInTwoCamps } from '../../../../tests/support/consultationsOpinion.ts';
import { loadPolisConversation } from '../../opinion/index.ts';
import type { JobHandler } from '../../../platform/jobs/index.ts';
import { nextHour, opinionMapJobs, opinionMapSchedule, staleMaps } from './jobs.ts';

eachApp('participants propose statements and vote; moderators approve or withdraw; the latest vote counts', async (t) => {
  const { chair, map, slug } = await consultationWithStatements(t);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', group: 'civil_society' });
  const visitor = t.client();
  const page = await visitor.get(map);
  assert.equal(page.status, 200);
  assert.match(page.html, /Rural connectivity targets should be public and dated\./);
  assert.match(page.html, /There is no map yet/);
  assert.match(page.html, /Sign in to vote and to propose statements/);
  assert.doesNotMatch(page.html, /name="vote"/, 'visitors read, they do not vote');
  assert.match((await visitor.post(`${map}/statements/0/vote`, { vote: 'agree' })).location ?? '', /^\/login/);

  // Ana's statement waits for a moderator; nobody can vote on it yet.
  const proposed = await ana.post(`${map}/statements`, { statement: 'Public libraries should offer free <b>Wi-Fi</b>.' });
  assert.equal(proposed.status, 303);
  assert.match((await ana.get(proposed.location!.split('#')[0]!)).html, /Your statement will be shown once a moderator approves it\./);
  assert.doesNotMatch((await visitor.get(map)).html, /free &lt;b&gt;Wi-Fi/);
  const early = await ana.post(`${map}/statements/4/vote`, { vote: 'agree' });
  assert.equal(early.status, 409);
  assert.match(early.html, /That statement is waiting for a moderator/);
  assert.equal((await ana.post(`${map}/statements/4/moderation`, { decision: 'approved' })).status, 403, 'participants do not moderate');
  assert.match((await chair.get(map)).html, /Statements waiting for a moderator[\s\S]*free &lt;b&gt;Wi-Fi&lt;\/b&gt;/);
  assert.equal((await chair.post(`${map}/statements/4/moderation`, { decision: 'approved' })).status, 303);
  assert.equal((await chair.post(`${map}/statements/4/moderation`, { decision: 'approved' })).status, 409);
  assert.match((await visitor.get(map)).html, /Public libraries should offer free &lt;b&gt;Wi-Fi&lt;\/b&gt;\./, 'user text is escaped');
  const duplicate = await ana.post(`${map}/statements`, { statement: 'Public libraries should offer free <b>Wi-Fi</b>.' });
  assert.equal(duplicate.status, 409);
  assert.match(duplicate.html, /Statement 4 already says exactly this\./);
  const short = await ana.post(`${map}/statements`, { statement: 'No' });
  assert.equal(short.status, 422);

  // Votes: one per person and statement, the latest counts.
  // From the next-statement form the answer returns there; from the list, to the list's page at the statement.
  const agreed = await ana.post(`${map}/statements/4/vote`, { vote: 'agree' });
  assert.equal(agreed.location, `${map}?notice=voted#next`);
  const changed = await ana.post(`${map}/statements/4/vote`, { vote: 'disagree', page: '1' });
  assert.equal(changed.status, 303);
  assert.equal(changed.location, `${map}?page=1&notice=voted#statement-4`);
  const mine = await ana.get(changed.location!.split('#')[0]!);
  assert.match(mine.html, /Your vote is saved\./);
  assert.match(mine.html, /Your vote: Disagree\. You can change it\./);
  assert.match(mine.html, /1 vote: 0 agree, 1 disagree, 0 pass\./);
  assert.equal((await ana.post(`${map}/statements/4/vote`, { vote: 'maybe' })).status, 422);
  assert.equal((await ana.post(`${map}/statements/99/vote`, { vote: 'agree' })).status, 404);

  // A visitor's copy of the page (kept while nothing changes) shows a new vote at once: every vote moves the data version.
  assert.match((await visitor.get(map)).html, /1 vote: 0 agree, 1 disagree, 0 pass\./);
  const bea = await verifiedPerson(t, { email: 'bea@example.org', group: 'academia' });
  assert.equal((await bea.post(`${map}/statements/4/vote`, { vote: 'pass' })).status, 303);
  assert.match((await visitor.get(map)).html, /2 votes: 0 agree, 1 disagree, 1 pass\./);
  assert.match((await visitor.get(map)).html, /So far: \d+ people, \d+ votes\./);

  // Withdrawn: no more votes.
  assert.equal((await chair.post(`${map}/statements/4/moderation`, { decision: 'withdrawn' })).status, 303);
  const late = await ana.post(`${map}/statements/4/vote`, { vote: 'agree' });
  assert.equal(late.status, 409);
  assert.match(late.html, /That statement was withdrawn and takes no more votes\./);
  assert.doesNotMatch((await visitor.get(map)).html, /Public libraries/);
  assert.equal((await visitor.get(`/consultations/${slug}/opinions/statements/4/vote`)).status, 303);
}, { postgres: true });

eachApp('the map: a chair redraws it from the engine in its worker; the API and the Polis export agree with it', async (t) => {
  const { chair, map, slug } = await consultationWithStatements(t);
  const [first] = await votersInTwoCamps(t, map, 12);
  assert.equal((await first!.post(`${map}/recompute`, {})).status, 403, 'only chairs redraw the map');
  const redrawn = await chair.post(`${map}/recompute`, {});
  assert.equal(redrawn.status, 303);
  const page = await t.client().get(map);
  assert.match(page.html, /Drawn on .* from 12 people and 48 votes/);
  assert.match(page.html, /<svg[^>]*role="img"/);
  assert.match(page.html, /Group A: \d+ people/);
  assert.match(page.html, /Group B: \d+ people/);
  assert.match(page.html, /Common ground/);

  const api = await t.client().json('GET', `/api/consultations/${slug}/opinion`, undefined);
  assert.equal(api.status, 200);
  const body = api.body as { participants: number; statements: number; votes: number; opinion_groups: Array<{ id: string; members: number[] }>; bridging: Array<{ statement_id: number; score: number; provisional: boolean }> };
  assert.equal(body.participants, 12);
  assert.equal(body.votes, 48);
  assert.equal(body.statements, 4);
  assert.equal(body.opinion_groups.length, 2);
  // The two camps split on statements 1 and 2: each group is one camp.
  assert.deepEqual(body.opinion_groups.map((g) => g.members.length).sort(), [6, 6]);
  assert.deepEqual(body.opinion_groups.flatMap((g) => g.members).sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 1), 'the chair, who proposed the statements, is participant 0 and never voted');
  assert.equal(body.bridging[0]!.statement_id, 0, 'everyone agrees with statement 0');
  const spec = (await t.client().json('GET', '/api/openapi.json', undefined)).body as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/consultations/{slug}/opinion']);
  const validator = new Validator();
  assert.equal((await validator.validate(spec)).valid, true);

  // Polis's open-data files, read back by the opinion module's loader.
  const dir = mkdtempSync(join(tmpdir(), 'polis-export-'));
  for (const file of ['votes.csv', 'comments.csv', 'participants-votes.csv']) {
    const got = await t.client().get(`${map}/export/${file}`);
    assert.equal(got.status, 200);
    writeFileSync(join(dir, file), got.html);
  }
  const conversation = loadPolisConversation(dir);
  assert.equal(conversation.participantIds.length, 12);
  assert.equal(conversation.statementIds.length, 4);
  assert.equal(conversation.statementTexts[0], 'Rural connectivity targets should be public and dated.');
  assert.equal((await t.client().get(`${map}/export/secrets.csv`)).status, 404);
}, { postgres: true });

eachApp('the same vote sent at once, and first votes racing: one row stands for each person and statement', async (t) => {
  const { map } = await consultationWithStatements(t);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', group: 'civil_society' });
  await ana.csrfToken();
  const answers = await Promise.all((['agree', 'disagree', 'pass', 'agree', 'disagree', 'agree'] as const).map((vote, i) => ana.post(`${map}/statements/${i % 2}/vote`, { vote })));
  assert.deepEqual(answers.map((a) => a.status), [303, 303, 303, 303, 303, 303]);
  const db = t.database.db;
  assert.equal((await db.selectFrom('consultation_opinion_participants').select('id').where('user_id', 'is not', null).execute()).length, 2, 'one participant row for Ana (and the chair’s, from the statements)');
  const votes = await db.selectFrom('consultation_opinion_votes').select(['statement_number', 'vote']).orderBy('statement_number').execute();
  assert.equal(votes.length, 2, 'one vote per statement');
  // The tallies the page shows move with the vote that stands, whichever request came last.
  const tallies = await db.selectFrom('consultation_opinion_tallies').select(['statement_number', 'agree', 'disagree', 'pass']).orderBy('statement_number').execute();
  const name = { 1: 'agree', '-1': 'disagree', 0: 'pass' } as Record<string, 'agree' | 'disagree' | 'pass'>;
  assert.deepEqual(tallies.map((t) => ({ n: Number(t.statement_number), agree: Number(t.agree), disagree: Number(t.disagree), pass: Number(t.pass) })),
    votes.map((v) => ({ n: Number(v.statement_number), agree: 0, disagree: 0, pass: 0, [name[String(v.vote)]!]: 1 })));
  const ana2 = await db.selectFrom('consultation_opinion_participants as p').innerJoin('users as u', 'u.id', 'p.user_id').select('p.votes').where('u.email', '=', 'ana@example.org').executeTakeFirstOrThrow();
  assert.equal(Number(ana2.votes), 2, 'Ana has voted on two statements');
  // Newcomers voting at once each get a number of their own (Polis's voter-id), without waiting on a lock.
  const newcomers = await Promise.all(['bea', 'caio', 'dora', 'eli', 'fer'].map((name) => verifiedPerson(t, { email: `${name}@example.org`, group: 'academia' })));
  for (const person of newcomers) await person.csrfToken();
  const firsts = await Promise.all(newcomers.map((person, i) => person.post(`${map}/statements/${i % 2}/vote`, { vote: 'agree' })));
  assert.deepEqual(firsts.map((a) => a.status), [303, 303, 303, 303, 303]);
  const numbers = (await db.selectFrom('consultation_opinion_participants').select('number').execute()).map((p) => Number(p.number));
  assert.equal(new Set(numbers).size, numbers.length, 'no two participants share a number');
}, { postgres: true });

eachApp('the hourly job redraws the maps that took votes since their last analysis, and only those', async (t) => {
  const { map, slug } = await consultationWithStatements(t);
  const [first] = await votersInTwoCamps(t, map, 8);
  const db = t.database.db;
  const { id } = await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  assert.deepEqual(await staleMaps(db), [id], 'votes and no analysis yet');
  const jobs = { enqueue: async () => {} };
  const log = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Parameters<JobHandler>[1]['log'];
  t.clock.now = new Date(t.clock.now.getTime() + 60_000);
  await opinionMapJobs[opinionMapSchedule.kind]!({}, { db, now: t.clock.now, log, jobs });
  assert.deepEqual(await staleMaps(db), [], 'drawn');
  assert.match((await t.client().get(map)).html, /from 8 people and 32 votes/);
  t.clock.now = new Date(t.clock.now.getTime() + 60_000);
  assert.equal((await first!.post(`${map}/statements/3/vote`, { vote: 'disagree' })).status, 303);
  assert.deepEqual(await staleMaps(db), [id], 'a newer vote makes it stale again');
  assert.equal(nextHour(new Date('2026-11-23T10:15:00Z')).toISOString(), '2026-11-23T11:00:00.000Z');
});

eachApp('many statements: the list shows fifty at a time, and each voter is asked next about the least voted statement they have not voted on', async (t) => {
  const { chair, map } = await consultationWithStatements(t);
  for (let i = 4; i < 56; i++) assert.equal((await chair.post(`${map}/statements`, { statement: `Extra statement number ${i} for the list.` })).status, 303);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', group: 'civil_society' });
  const first = await ana.get(map);
  assert.match(first.html, /Statements 1–50 of 56\./);
  assert.match(first.html, /Extra statement number 49 for/);
  assert.doesNotMatch(first.html, /Extra statement number 50 for/, 'the fifty-first is on the next page');
  assert.equal((first.html.match(/name="vote" value="agree"/g) ?? []).length, 51, 'fifty in the list and the next statement');
  const second = await ana.get(`${map}?page=2`);
  assert.match(second.html, /Statements 51–56 of 56\./);
  assert.match(second.html, /Extra statement number 55 for/);
  assert.match((await ana.get(`${map}?page=99`)).html, /Statements 51–56 of 56\./, 'a page past the end shows the last');

  // Nobody has voted: the next statement is the first; once it has a vote, another unvoted one comes first.
  const next = (html: string) => html.match(/id="next-statement-text"[^>]*><span class="statement-number">(\d+)\./)?.[1];
  assert.equal(next(first.html), '0');
  assert.match(first.html, /You have voted on 0 of 56 statements\./);
  const voted = await ana.post(`${map}/statements/0/vote`, { vote: 'agree' });
  assert.equal(voted.location, `${map}?notice=voted#next`);
  const after = await ana.get(`${map}?notice=voted`);
  assert.equal(next(after.html), '1');
  assert.match(after.html, /You have voted on 1 of 56 statements\./);
  // Bea has not voted on 0 either, but it now has a vote: she is asked about 1 first.
  const bea = await verifiedPerson(t, { email: 'bea@example.org', group: 'academia' });
  assert.equal(next((await bea.get(map)).html), '1');
  // From page 2 of the list, the answer returns to page 2.
  const fromList = await bea.post(`${map}/statements/53/vote`, { vote: 'pass', page: '2' });
  assert.equal(fromList.location, `${map}?page=2&notice=voted#statement-53`);
  assert.match((await bea.get(`${map}?page=2`)).html, /Your vote: Pass\./);
});
