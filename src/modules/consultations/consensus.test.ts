import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eachApp } from '../../../tests/support/app.ts';
import { verifiedPerson } from '../../../tests/support/factories.ts';
import { consultationFields, declaration, openedConsultation } from '../../../tests/support/consultations.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { taxonomies } from '../../platform/stakeholders.ts';
import { modules } from '../index.ts';
import { tally } from './tally.ts';

const anchors = (html: string) => [...html.matchAll(/<section id="p-([a-z0-9]+)" class="paragraph"/g)].map((m) => m[1]!);
const positionsDay = new Date('2026-12-02T10:00:00Z');
const consensusDay = new Date('2026-12-09T10:00:00Z');

async function published(t: Parameters<Parameters<typeof eachApp>[1]>[0]) {
  const opened = await openedConsultation(t);
  assert.equal((await opened.drafter.post(`/consultations/${opened.slug}/publish`, {})).status, 303);
  return opened;
}

/** The objections listed on the positions page, by their author's name. */
const objectionOf = (html: string, name: string) => html.match(new RegExp(`<li id="objection-([A-Za-z0-9_-]+)"><p class="meta">${name}`))![1]!;

eachApp('positions are tallied per stakeholder group with warnings; the chair records the call with every disposition; a participant appeals and the chair answers; the record shows it all with the log', async (t) => {
  const { chair, coordinator, initiative, slug } = await published(t);
  const base = `/consultations/${slug}`;
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Sociedade', group: 'civil_society' });
  const bia = await verifiedPerson(t, { email: 'bia@example.org', name: 'Bia Empresa', group: 'private_sector' });
  const caio = await verifiedPerson(t, { email: 'caio@example.org', name: 'Caio Academia', group: 'academia' });
  const dora = await verifiedPerson(t, { email: 'dora@example.org', name: 'Dora Rede', group: 'civil_society' });
  const eva = await verifiedPerson(t, { email: 'eva@example.org', name: 'Eva Coletivo', group: 'civil_society' });
  const [, rural] = anchors((await ana.get(base)).html);

  const early = await ana.post(`${base}/positions`, { target: 'text', stance: 'support' });
  assert.equal(early.status, 409, 'positions wait for their phase');
  assert.match(early.html, /Positions can only be taken in the positions phase\./);

  t.clock.now = positionsDay;
  const unreasoned = await ana.post(`${base}/positions`, { target: 'text', stance: 'object', reason: '' });
  assert.equal(unreasoned.status, 422);
  assert.match(unreasoned.html, /Say why you object: an objection needs its reason\./);
  assert.equal((await ana.post(`${base}/positions`, { target: 'text', stance: 'object', reason: 'Falta o acesso <script>alert(1)</script> acessível.', blocking: 'on' })).status, 303);
  assert.equal((await bia.post(`${base}/positions`, { target: rural!, stance: 'support' })).status, 303);
  assert.equal((await bia.post(`${base}/positions`, { target: rural!, stance: 'object', reason: 'As metas não devem ser públicas.' })).status, 303, 'a position changes until the call');
  assert.equal((await bia.post(`${base}/positions`, { target: 'text', stance: 'live_with' })).status, 303);
  assert.equal((await caio.post(`${base}/positions`, { target: 'text', stance: 'live_with' })).status, 303);
  for (const person of [dora, eva]) assert.equal((await person.post(`${base}/positions`, { target: 'text', stance: 'support' })).status, 303);
  assert.equal((await t.database.db.selectFrom('consultation_positions').select('id').where('user_id', '=', (await t.database.db.selectFrom('users').select('id').where('email', '=', 'bia@example.org').executeTakeFirstOrThrow()).id).execute()).length, 2, 'one position per person and target');

  const tallies = await t.client().get(`${base}/positions`);
  assert.equal(tallies.status, 200);
  assert.doesNotMatch(tallies.html, /<script>alert/);
  assert.match(tallies.html, /No one from these groups has taken a position: Government, Intergovernmental organisations, Technical community\./);
  assert.match(tallies.html, /These groups have fewer than 3 people: Private sector, Academia\./);
  assert.match(tallies.html, /One group outnumbers the others: 3 of 5 people are from Civil society\./);
  assert.match(tallies.html, /They decide nothing/);
  assert.doesNotMatch(tallies.html, /Rough consensus|No consensus|Consensus with reservations/, 'no screen declares an outcome from counts');
  assert.match(tallies.html, /blocking objection \(flagged by its author\)/);

  // In the positions phase the call cannot be recorded; someone chairing another consultation never may.
  assert.match((await chair.get(`${base}/consensus`)).html, /The consensus call can be recorded from/);
  const otherChair = await verifiedPerson(t, { email: 'outra@example.org', name: 'Otto Outro', group: 'government' });
  assert.equal((await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ slug: 'outra', chairs: 'outra@example.org', drafters: '' }))).status, 303);
  t.clock.now = consensusDay;
  assert.equal((await ana.post(`${base}/positions`, { target: 'text', stance: 'support' })).status, 409, 'positions close with their phase');
  const form = await chair.get(`${base}/consensus`);
  assert.equal(form.status, 200);
  const listed = (await chair.get(`${base}/positions`)).html;
  const [blocking, other] = [objectionOf(listed, 'Ana Sociedade'), objectionOf(listed, 'Bia Empresa')];
  const answer = (extra: Record<string, string>) => ({ outcome: 'rough_consensus', strength: 'Amplo apoio de três setores; o setor privado tem reservas sobre as metas.', ...extra });
  assert.equal((await otherChair.post(`${base}/consensus`, answer({ [`kind_${blocking}`]: 'accommodated', [`text_${blocking}`]: 'Incluído.' }))).status, 403, 'a chair cannot record a call on a consultation they do not chair');

  const held = await chair.post(`${base}/consensus`, answer({ [`kind_${other}`]: 'not_accommodated', [`text_${other}`]: 'Metas públicas têm amplo apoio.' }));
  assert.equal(held.status, 422);
  assert.match(held.html, /The blocking objection by Ana Sociedade has no disposition yet/);
  const reasonless = await chair.post(`${base}/consensus`, answer({ [`kind_${blocking}`]: 'addressed', [`link_${blocking}`]: 'version:1', [`kind_${other}`]: 'not_accommodated', [`text_${other}`]: '' }));
  assert.equal(reasonless.status, 422);
  assert.match(reasonless.html, /Give the reasons it was not accommodated\./);
  const hostile = await chair.post(`${base}/consensus`, answer({ [`kind_${blocking}`]: 'addressed', [`link_${blocking}`]: 'amendment:nothing', [`kind_${other}`]: 'accommodated', [`text_${other}`]: 'x<img src=x onerror=alert(1)>' }));
  assert.equal(hostile.status, 422, 'a link to a change of another consultation is refused');
  assert.equal((await t.database.db.selectFrom('consultation_calls').select('id').execute()).length, 0, 'a refused call stores nothing');

  const called = await chair.post(`${base}/consensus`, answer({
    [`kind_${blocking}`]: 'addressed', [`link_${blocking}`]: 'version:1', [`text_${blocking}`]: 'O parágrafo 2 já fala de acesso; acrescentámos “acessível” na versão 1.',
    [`kind_${other}`]: 'not_accommodated', [`text_${other}`]: 'Metas públicas têm amplo apoio <em>em três setores</em>.',
  }));
  assert.equal(called.status, 303, called.html.slice(0, 1500));
  assert.equal((await chair.post(`${base}/consensus`, answer({}))).status, 409, 'one call per consultation');
  await t.mail.withSubject('ana@example.org', /recorded the consensus call/);

  const record = await t.client().get(`${base}/record`);
  assert.equal(record.status, 200);
  assert.match(record.html, /The chair’s judgement: Rough consensus/);
  assert.match(record.html, /Addressed: the text changed, or the objection was answered/);
  assert.match(record.html, /Not accommodated, with reasons/);
  assert.match(record.html, /Metas públicas têm amplo apoio &lt;em&gt;em três setores&lt;\/em&gt;\./);
  const entry = record.html.match(/href="(\/api\/log\/entries\?start=(\d+)&amp;end=\d+)"/g)!;
  assert.equal(entry.length, 2, 'version 1 and the call, each with its log entry');
  const callIndex = [...record.html.matchAll(/\/api\/log\/entries\?start=(\d+)/g)].map((m) => Number(m[1])).at(-1)!;
  const logged = await t.client().json('GET', `/api/log/entries?start=${callIndex}&end=${callIndex}`, undefined);
  assert.match(JSON.stringify(logged.body), /consultations\.consensus_called/);
  const proof = record.html.match(/href="(\/api\/log\/proof\/inclusion\?index=\d+&amp;tree_size=\d+)"/)![1]!.replaceAll('&amp;', '&');
  assert.equal((await t.client().json('GET', proof, undefined)).status, 200);

  // Appeals: within the window, answered once, then too late.
  const appealed = await bia.post(`${base}/record/appeals`, { appeal: 'O setor privado não foi ouvido sobre as metas de preço.' });
  assert.equal(appealed.status, 303);
  await t.mail.withSubject('chair@example.org', /appealed the consensus call/);
  const appealId = appealed.location!.split('#appeal-')[1]!;
  assert.equal((await bia.post(`${base}/record/appeals/${appealId}/answer`, { answer: 'Respondo eu mesma ao meu recurso.' })).status, 403, 'only the chairs answer');
  assert.equal((await chair.post(`${base}/record/appeals/${appealId}/answer`, { answer: 'As metas de preço ficam para o plano de ação; a decisão mantém-se.' })).status, 303);
  await t.mail.withSubject('bia@example.org', /appeal on .* was answered/);
  assert.equal((await chair.post(`${base}/record/appeals/${appealId}/answer`, { answer: 'Uma segunda resposta.' })).status, 409);
  t.clock.now = new Date('2026-12-24T10:00:00Z');
  // Sessions do not last fifteen days: someone signs in afresh.
  const latecomer = await verifiedPerson(t, { email: 'fabio@example.org', name: 'Fábio Tardio', group: 'academia' });
  const late = await latecomer.post(`${base}/record/appeals`, { appeal: 'Recorro tarde demais, eu sei.' });
  assert.equal(late.status, 409, late.location ?? '');
  assert.match(late.html, /The time to appeal has passed: appeals were open for 14 days, until/);

  const final = await t.client().get(`${base}/record`);
  assert.match(final.html, /As metas de preço ficam para o plano de ação/);
  assert.equal(final.html.match(/\/api\/log\/entries\?start=/g)!.length, 4, 'the version, the call, the appeal and its answer');
  const markdown = await t.client().get(`${base}/record.md`);
  assert.equal(markdown.status, 200);
  assert.match(markdown.html, /\*\*The chair’s judgement: Rough consensus\*\*/);
  assert.match(markdown.html, /Objection by Ana Sociedade \(Civil society\) on The whole text/);
  const json = await t.client().json('GET', `${base}/record.json`, undefined);
  assert.equal(json.body.consensus_call.dispositions.length, 2);
  assert.equal(json.body.appeals[0].answer, 'As metas de preço ficam para o plano de ação; a decisão mantém-se.');
  const api = await t.client().json('GET', `/api${base}/record`, undefined);
  assert.deepEqual(api.body, json.body);
  const openapi = await t.client().json('GET', '/api/openapi.json', undefined);
  assert.ok(openapi.body.paths['/api/consultations/{slug}/record'] ?? openapi.body.paths['/consultations/{slug}/record']);
  assert.equal((await new Validator().validate(openapi.body)).valid, true);
  const print = await chair.get(`${base}/record/print`);
  assert.equal(print.status, 200);
  assert.doesNotMatch(print.html.split('<main')[1]!, /<form/, 'the printable page has no forms, even for a chair');
  assert.match(print.html, /\/api\/log\/entries\?start=\d+&amp;end=\d+<\/a>/, 'the printed page writes the addresses out');
  assert.match((await t.client().get('/log')).html, /Consensus call recorded/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null);
}, { postgres: true });

eachApp('following: people who take part follow by themselves, anyone may follow with the button, and followers hear of new versions; a removed paragraph keeps its discussion on the record', async (t) => {
  const { drafter, slug } = await published(t);
  const base = `/consultations/${slug}`;
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Sociedade', group: 'civil_society' });
  const rui = await verifiedPerson(t, { email: 'rui@example.org', name: 'Rui Leitor', group: 'academia' });
  const [, , community] = anchors((await ana.get(base)).html);
  assert.equal((await ana.post(`${base}/paragraphs/${community}/comments`, { body: 'As redes comunitárias merecem um parágrafo próprio.' })).status, 303);
  const page = await rui.get(base);
  assert.match(page.html, /Follow this consultation/);
  assert.equal((await rui.post(`${base}/follow`, { follow: 'yes', back: 'text' })).status, 303);
  assert.match((await rui.get(base)).html, /You follow this consultation\./);
  assert.equal((await drafter.post(`${base}/versions`, {})).status, 303);
  assert.equal((await drafter.post(`${base}/draft`, { markdown: declaration.replace('Apoiamos as redes comunitárias como complemento dos operadores.\n', '') })).status, 303);
  assert.equal((await drafter.post(`${base}/publish`, {})).status, 303);
  await t.mail.withSubject('rui@example.org', /Version 2 of .* is published/);
  await t.mail.withSubject('ana@example.org', /Version 2 of .* is published/);
  assert.equal((await rui.post(`${base}/follow`, { follow: 'no', back: 'record' })).status, 303);
  assert.equal((await t.database.db.selectFrom('consultation_followers').select('user_id').execute()).length, 1, 'Ana still follows; Rui stopped');
  const record = await t.client().get(`${base}/record`);
  assert.match(record.html, /Paragraph 3, last in version 1/);
  assert.match(record.html, /As redes comunitárias merecem um parágrafo próprio\./);
  assert.match(record.html, /No consensus call has been recorded yet\./);
}, { postgres: true });

eachApp('two positions sent at once by the same person on the same target: one row stands', async (t) => {
  const { slug } = await published(t);
  t.clock.now = positionsDay;
  const ana = await verifiedPerson(t, { email: 'ana@example.org', group: 'civil_society' });
  await ana.csrfToken();
  const stances = ['support', 'live_with', 'support', 'live_with'];
  const answers = await Promise.all(stances.map((stance) => ana.post(`/consultations/${slug}/positions`, { target: 'text', stance })));
  assert.deepEqual(answers.map((a) => a.status), [303, 303, 303, 303]);
  assert.equal((await t.database.db.selectFrom('consultation_positions').select('id').execute()).length, 1);
}, { postgres: true });

eachApp('a chair flags an objection as blocking; the call then waits for it', async (t) => {
  const { chair, slug } = await published(t);
  const base = `/consultations/${slug}`;
  t.clock.now = positionsDay;
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Sociedade', group: 'civil_society' });
  assert.equal((await ana.post(`${base}/positions`, { target: 'text', stance: 'object', reason: 'Falta ambição.' })).status, 303);
  const objection = objectionOf((await chair.get(`${base}/positions`)).html, 'Ana Sociedade');
  assert.equal((await ana.post(`${base}/positions/${objection}/blocking`, {})).status, 403, 'only chairs flag');
  assert.equal((await chair.post(`${base}/positions/${objection}/blocking`, {})).status, 303);
  assert.match((await ana.get(`${base}/positions`)).html, /blocking objection \(flagged by the chair\)/);
  t.clock.now = consensusDay;
  const held = await chair.post(`${base}/consensus`, { outcome: 'no_consensus', strength: 'Sem apoio suficiente ainda.' });
  assert.match(held.html, /The blocking objection by Ana Sociedade has no disposition yet/);
}, { postgres: true });

test('the tally weighs each group the same and warns of absent, small, concentrated and outnumbering groups', () => {
  const p = (stance: string, stakeholder_group: string) => ({ stance, stakeholder_group });
  const result = tally(taxonomies.igf, [p('support', 'civil_society'), p('support', 'civil_society'), p('support', 'civil_society'), p('object', 'academia'), p('object', 'technical_community'), p('support', 'government')], 2);
  const group = (g: string) => result.groups.find((x) => x.group === g)!;
  assert.equal(group('technical_community').people, 2, 'academia counts as the technical community in the IGF taxonomy');
  assert.equal(result.equalWeight.support, (1 + 0 + 1) / 3, 'each present group weighs the same');
  assert.deepEqual(result.warnings.map((w) => w.key), ['absent', 'few', 'concentrated']);
  assert.deepEqual(tally(taxonomies.six, [], 3).warnings.map((w) => w.key), ['absent']);
});
