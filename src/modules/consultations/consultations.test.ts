import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { test } from 'node:test';
import { eachApp } from '../../../tests/support/app.ts';
import type { TestClient } from '../../../tests/support/client.ts';
import { seatMember, verifiedPerson } from '../../../tests/support/factories.ts';
import { organiser } from '../../../tests/support/events.ts';
import { consultationFields, declaration, openedConsultation } from '../../../tests/support/consultations.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { carryAnchors, splitText, type Block } from './text.ts';

const anchorsIn = (html: string) => [...html.matchAll(/<section id="p-([a-z0-9]+)" class="paragraph"/g)].map((m) => m[1]!);
const paragraphLink = (html: string, n: number) => anchorsIn(html)[n - 1]!;

async function publish(drafter: TestClient, slug: string) {
  const page = await drafter.post(`/consultations/${slug}/publish`, {});
  assert.equal(page.status, 303, page.html.slice(0, 1500));
}

eachApp('a consultation goes from draft to published versions, with comments and amendments carried forward by anchor', async (t) => {
  const { coordinator, chair, drafter, slug } = await openedConsultation(t);
  const anonymous = t.client();
  assert.equal((await anonymous.get(`/consultations/${slug}`)).status, 404, 'a draft is not public');
  assert.doesNotMatch((await anonymous.get('/consultations')).html, /Declaração do Fórum/);
  const draft = await chair.get(`/consultations/${slug}`);
  assert.match(draft.html, /Draft of version 1/);
  assert.match(draft.html, /Clara Chair \(Government\)/);
  assert.equal((await coordinator.get(`/consultations/${slug}/draft`)).status, 200, 'the coordinators act as chairs');

  // The drafter fixes a word: the paragraph keeps its anchor.
  const before = anchorsIn((await drafter.get(`/consultations/${slug}?view=draft`)).html);
  assert.equal(before.length, 3);
  const saved = await drafter.post(`/consultations/${slug}/draft`, { markdown: declaration.replace('bem comum', 'bem comum global') });
  assert.equal(saved.status, 303);
  assert.deepEqual(anchorsIn((await drafter.get(`/consultations/${slug}?view=draft`)).html), before, 'a slightly changed paragraph keeps its anchor');
  const html = await drafter.post(`/consultations/${slug}/draft`, { markdown: `${declaration}\n<script>alert(1)</script>\n` });
  assert.equal(html.status, 422);
  assert.match(html.html, /Line 11 holds HTML\. Write the text in Markdown only\./);
  await publish(drafter, slug);
  assert.equal((await drafter.post(`/consultations/${slug}/draft`, { markdown: declaration })).status, 409, 'a published version is never edited in place');

  // Public now, paragraph by paragraph.
  const text = await anonymous.get(`/consultations/${slug}`);
  assert.equal(text.status, 200);
  assert.match(text.html, /Version 1 of/);
  const [first, rural] = [paragraphLink(text.html, 1), paragraphLink(text.html, 2)];
  assert.deepEqual([first, rural], before.slice(0, 2));
  assert.match(text.html, new RegExp(`href="/consultations/${slug}/paragraphs/${rural}">Comment on or amend paragraph 2</a> · no comments, no open amendments`));

  // Four stakeholder groups take part.
  const ana = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Sociedade', group: 'civil_society' });
  const bia = await verifiedPerson(t, { email: 'bia@example.org', name: 'Bia Empresa', group: 'private_sector' });
  const caio = await verifiedPerson(t, { email: 'caio@example.org', name: 'Caio Academia', group: 'academia' });
  const paragraph = `/consultations/${slug}/paragraphs/${rural}`;
  const commented = await ana.post(`${paragraph}/comments`, { body: 'Faltam metas de preço.' });
  assert.equal(commented.status, 303);
  const commentId = commented.location!.split('#comment-')[1]!;
  assert.equal((await bia.post(`${paragraph}/comments/${commentId}/replies`, { reply: 'Podemos partilhar dados de cobertura.' })).status, 303);
  assert.equal((await bia.post(`${paragraph}/comments/nothing/replies`, { reply: 'A ninguém.' })).status, 404);
  assert.match((await t.mail.withSubject('ana@example.org', /replied to your comment/)).text, /Bia Empresa replied to your comment on paragraph 2/);
  assert.match((await anonymous.post(`${paragraph}/comments`, { body: 'Anónimo' })).location ?? '', /^\/login/, 'visitors are asked to sign in');
  const proposed = await ana.post(`${paragraph}/amendments`, { proposed: 'Pedimos metas públicas de conectividade acessível nas zonas rurais.', rationale: 'O preço também conta.' });
  assert.equal(proposed.status, 303);
  const amendment = proposed.location!.split('#amendment-')[1]!;
  assert.equal((await ana.post(`/consultations/${slug}/amendments/${amendment}/endorse`, {})).status, 409, 'no endorsing one’s own amendment');
  assert.equal((await bia.post(`/consultations/${slug}/amendments/${amendment}/endorse`, {})).status, 303);
  assert.equal((await bia.post(`/consultations/${slug}/amendments/${amendment}/endorse`, {})).status, 409, 'one endorsement per person');
  assert.equal((await caio.post(`/consultations/${slug}/amendments/${amendment}/endorse`, {})).status, 303);
  const discussed = await anonymous.get(paragraph);
  assert.match(discussed.html, /2 endorsements<!-- -->: Private sector 1 · Academia 1|2 endorsements: Private sector 1 · Academia 1/);
  assert.match(discussed.html, /<ins>acessível <\/ins>|<ins>acessível<\/ins>/, 'the amendment as a word diff');
  assert.match(discussed.html, /Ana Sociedade · Civil society/);
  assert.equal((await ana.post(`/consultations/${slug}/amendments/${amendment}/decision`, { decision: 'accepted', reason: 'Sim' })).status, 403, 'only the drafting group decides');
  assert.equal((await drafter.post(`/consultations/${slug}/amendments/${amendment}/decision`, { decision: 'accepted', reason: 'Apoio de vários setores.' })).status, 303);
  await t.mail.withSubject('ana@example.org', /decided on your amendment/);
  assert.equal((await drafter.post(`/consultations/${slug}/amendments/${amendment}/decision`, { decision: 'rejected', reason: 'Mudei de ideia.' })).status, 409);

  // Version 2 applies it; the comments stay with the paragraph.
  assert.equal((await drafter.post(`/consultations/${slug}/versions`, {})).status, 303);
  assert.equal((await drafter.post(`/consultations/${slug}/versions`, {})).status, 409, 'a second start finds the draft and changes nothing');
  assert.match((await drafter.get(`/consultations/${slug}?view=draft`)).html, /conectividade acessível nas zonas rurais/);
  assert.doesNotMatch((await anonymous.get(`/consultations/${slug}`)).html, /acessível/, 'readers keep version 1 until version 2 is published');
  await publish(drafter, slug);
  const v2 = await anonymous.get(`/consultations/${slug}`);
  assert.match(v2.html, /Version 2 of/);
  assert.equal(paragraphLink(v2.html, 2), rural, 'the amended paragraph keeps its anchor');
  assert.match(v2.html, /Comment on or amend paragraph 2<\/a> · 2 comments, no open amendments/);
  const carried = await anonymous.get(paragraph);
  assert.match(carried.html, /Faltam metas de preço\./);
  assert.match(carried.html, /On version 1/);
  assert.match(carried.html, /applied in version 2/);
  const diff = await anonymous.get(`/consultations/${slug}/versions/2/diff`);
  assert.equal(diff.status, 200);
  assert.match(diff.html, /Changes in version 2 since version 1/);
  assert.match(diff.html, /<ins>acessível/);
  assert.equal((await anonymous.get(`/consultations/${slug}/versions/1`)).status, 200);
  assert.doesNotMatch((await anonymous.get(`/consultations/${slug}/versions/1`)).html, /acessível/, 'version 1 is as it was published');
  assert.equal((await anonymous.get(`/consultations/${slug}/versions/3`)).status, 404);

  // The API, search and the public log.
  const api = await anonymous.json('GET', `/api/consultations/${slug}`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.version, 2);
  assert.equal(api.body.sections[1].blocks[1].anchor, rural);
  assert.equal(api.body.sections[1].blocks[1].comments, 2);
  assert.equal(api.body.versions.length, 2);
  assert.equal((await anonymous.json('GET', '/api/consultations', undefined)).body.items[0].slug, slug);
  const openapi = await anonymous.json('GET', '/api/openapi.json', undefined);
  assert.ok(openapi.body.paths['/api/consultations/{slug}'] ?? openapi.body.paths['/consultations/{slug}'], 'described in the OpenAPI document');
  assert.equal((await new Validator().validate(openapi.body)).valid, true);
  assert.match((await anonymous.get('/search?q=conectividade')).html, /Declaração do Fórum/);
  assert.match((await anonymous.get('/log')).html, /Consultation text version published/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null, 'cabildo log verify rebuilds each version from its rows');
}, { postgres: true });

eachApp('comments and amendments follow the phases; a refused write stores nothing', async (t) => {
  const { drafter, slug } = await openedConsultation(t);
  await publish(drafter, slug);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', group: 'civil_society' });
  const anchor = paragraphLink((await ana.get(`/consultations/${slug}`)).html, 1);
  const paragraph = `/consultations/${slug}/paragraphs/${anchor}`;
  const same = await ana.post(`${paragraph}/amendments`, { proposed: 'Nós, participantes do Fórum da Internet no Brasil, reconhecemos a Internet como um bem comum.', rationale: 'Nada muda.' });
  assert.equal(same.status, 422);
  assert.match(same.html, /The new wording is the same as the paragraph’s\./);
  const two = await ana.post(`${paragraph}/amendments`, { proposed: 'Um.\n\nDois.', rationale: 'Dois parágrafos.' });
  assert.match(two.html, /An amendment is new wording for one paragraph/);
  t.clock.now = new Date('2026-12-02T10:00:00Z');
  const late = await ana.post(`${paragraph}/comments`, { body: 'Tarde demais?' });
  assert.equal(late.status, 409);
  assert.match(late.html, /Comments are not open in this phase\./);
  assert.doesNotMatch((await ana.get(paragraph)).html, /Tarde demais/);
  assert.equal((await t.database.db.selectFrom('consultation_amendments').select('id').execute()).length, 0);
  assert.doesNotMatch((await ana.get(paragraph)).html, /action="[^"]*\/comments/, 'no comment form out of its phase');
}, { postgres: true });

eachApp('opening a consultation checks its people, its phases and its text', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const outsider = await verifiedPerson(t, { email: 'other@example.org', group: 'government' });
  const member = await seatMember(t, initiative, { email: 'member@example.org', group: 'academia' });
  assert.equal((await outsider.post(`/initiatives/${initiative}/consultations`, consultationFields())).status, 403);
  assert.equal((await member.post(`/initiatives/${initiative}/consultations`, consultationFields())).status, 403, 'opening speaks for the initiative: its coordinators');
  const refused = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ positions_from: '2026-11-01', chairs: 'nobody@example.org' }));
  assert.equal(refused.status, 422);
  assert.match(refused.html, /A phase cannot start before the one before it\./);
  const people = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ chairs: 'nobody@example.org' }));
  assert.match(people.html, /Nobody has a confirmed account with the address nobody@example\.org\./);
  const definition = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ chairs: '', drafters: '', markdown: `${declaration}\n[ref]: https://example.org\n` }));
  assert.match(definition.html, /defines a link for use elsewhere/);
  const empty = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ chairs: '', drafters: '', markdown: '# Só um título\n\n## Outro' }));
  assert.match(empty.html, /The text has no paragraph to comment on\./);
  assert.equal((await t.database.db.selectFrom('consultations').select('id').execute()).length, 0);
  const script = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ chairs: '', drafters: '', title: '<script>alert(1)</script> Declaração', slug: '', markdown: `${declaration}\nUm *link* <img src=x onerror=alert(1)> [aqui](javascript:alert(1)).\n` }));
  assert.equal(script.status, 303);
  const page = await coordinator.get(script.location!.split('?')[0]!);
  assert.doesNotMatch(page.html, /<script>alert|onerror|javascript:/);
  assert.match(page.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Declaração/);
  assert.equal((await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ chairs: '', drafters: '', slug: 'declaracao-forum' }))).status, 303);
  const taken = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields({ chairs: '', drafters: '', slug: 'declaracao-forum' }));
  assert.equal(taken.status, 409);
}, { postgres: true });

eachApp('two endorsements sent at once by the same person: one stands', async (t) => {
  const { drafter, slug } = await openedConsultation(t);
  await publish(drafter, slug);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', group: 'civil_society' });
  const bia = await verifiedPerson(t, { email: 'bia@example.org', group: 'private_sector' });
  const anchor = paragraphLink((await ana.get(`/consultations/${slug}`)).html, 2);
  const amendment = (await ana.post(`/consultations/${slug}/paragraphs/${anchor}/amendments`, { proposed: 'Pedimos metas de conectividade.', rationale: 'Mais curto.' })).location!.split('#amendment-')[1]!;
  await bia.csrfToken();
  const answers = await Promise.all(Array.from({ length: 4 }, () => bia.post(`/consultations/${slug}/amendments/${amendment}/endorse`, {})));
  assert.deepEqual(answers.map((a) => a.status).sort(), [303, 409, 409, 409]);
  const rows = await t.database.db.selectFrom('consultation_endorsements').select('user_id').execute();
  assert.equal(rows.length, 1);
}, { postgres: true });

test('anchors follow unchanged and slightly changed paragraphs; a rewritten one gets a new anchor', () => {
  const blocks = (text: string) => { const split = splitText(text); assert.ok(split.ok); return split.blocks; };
  const previous: Array<Block & { anchor: string }> = blocks('# A\n\nOne two three four five six.\n\nSeven eight nine ten.\n\nEleven twelve thirteen.').map((b, i) => ({ ...b, anchor: `a${i}` }));
  let n = 0;
  const anchors = carryAnchors(blocks('# A\n\nEleven twelve thirteen.\n\nOne two three four five seven.\n\nSomething else entirely now.'), previous, () => `new${n++}`);
  assert.deepEqual(anchors, ['a0', 'a3', 'a1', 'new0']);
  assert.deepEqual(splitText('Um\n\n<div>x</div>\n'), { ok: false, problem: { key: 'consultations.errors.text_html', line: 3 } });
});
