import assert from 'node:assert/strict';
import { checkPage, journey, newContext, say } from './browser.ts';
import { day, person, submit } from './consultationsPeople.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { consultationsDb } from '../../src/modules/consultations/tables.ts';
import { importConsultation } from '../../src/modules/consultations/commands.ts';

const declaration = `# Preâmbulo

Nós, participantes do Fórum da Internet no Brasil, reconhecemos a Internet como um bem comum.

# Acesso

Pedimos metas públicas de conectividade nas zonas rurais.
`;

journey('in Portuguese without JavaScript: positions with an objection, the chair records the consensus call with its disposition, a participant appeals, the chair answers, and the record shows it all with its log entries', async (site) => {
  const db = site.database.db;
  await seedDemoInitiatives({ db, now: new Date(), onlyIfEmpty: false });
  const initiative = await registryDb(db).selectFrom('initiatives').select(['id', 'slug']).orderBy('slug').executeTakeFirstOrThrow();
  const chair = await person(site, 'coordenacao@example.org', 'Clara Coordenação', 'government');
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiative.id, user_id: chair.id, role: 'coordinator', stakeholder_group: 'government', joined_at: timestamp(new Date()) }).execute();
  // The positions phase starts today.
  const imported = await importConsultation(db, new Date(), {
    initiative_id: initiative.id, title: 'Declaração do Fórum', slug: 'declaracao-forum', text_kind: 'declaration', language: 'pt', languages: ['pt'],
    comments_from: day(-3), amendments_from: day(-2), positions_from: day(0), consensus_from: day(7), closes_on: day(21), min_per_group: 3, appeal_days: 14,
    chairs: [], drafters: [], moderators: [], markdown: declaration,
  });
  assert.ok(imported.ok);
  const base = '/consultations/declaracao-forum';
  const chairPage = await chair.context.newPage();
  await chairPage.goto(`${base}/draft`);
  await submit(chairPage, say('pt', 'consultations.draft.publish', { n: 1 }));

  // Ana objects, first without a reason (refused, beside its field), then with one, as blocking.
  const ana = await (await person(site, 'ana@example.org', 'Ana Sociedade', 'civil_society')).context.newPage();
  const positions = await ana.goto(`${base}/positions`);
  await checkPage(site, ana, positions, { javaScript: false });
  await ana.getByLabel(say('pt', 'consultations.positions.stance.object'), { exact: true }).check();
  const refused = await submit(ana, say('pt', 'consultations.positions.submit'));
  assert.equal(refused?.status(), 422);
  await checkPage(site, ana, refused, { javaScript: false });
  assert.ok((await ana.locator('main').textContent())!.includes(say('pt', 'consultations.positions.errors.reason_needed')));
  await ana.getByLabel(say('pt', 'consultations.positions.field.reason'), { exact: true }).fill('Faltam metas de preço: sem elas, a conectividade não chega a quem não pode pagar.');
  await ana.getByLabel(say('pt', 'consultations.positions.field.blocking'), { exact: true }).check();
  await submit(ana, say('pt', 'consultations.positions.submit'));
  assert.ok((await ana.locator('.notice').textContent())!.includes(say('pt', 'consultations.positions.notice.taken')));
  const bruno = await (await person(site, 'bruno@example.org', 'Bruno Empresa', 'private_sector')).context.newPage();
  await bruno.goto(`${base}/positions`);
  await bruno.getByLabel(say('pt', 'consultations.positions.stance.support'), { exact: true }).check();
  await submit(bruno, say('pt', 'consultations.positions.submit'));

  // The chair reads the tally and its warnings: numbers, never an outcome.
  const tally = await chairPage.goto(`${base}/positions`);
  await checkPage(site, chairPage, tally, { javaScript: false });
  const tallyText = (await chairPage.locator('main').textContent())!;
  assert.ok(tallyText.includes(say('pt', 'consultations.positions.warnings_title')));
  assert.ok(tallyText.includes(say('pt', 'consultations.positions.blocking_by.author')));
  assert.ok(!tallyText.includes(say('pt', 'consultations.consensus.outcome.rough_consensus')));

  // The consensus phase starts today: the chair records the call with the objection's disposition.
  await consultationsDb(db).updateTable('consultations').set({ positions_from: day(-1), consensus_from: day(0) }).where('slug', '=', 'declaracao-forum').execute();
  const callForm = await chairPage.goto(`${base}/consensus`);
  await checkPage(site, chairPage, callForm, { javaScript: false });
  await chairPage.getByLabel(say('pt', 'consultations.consensus.kind.not_accommodated'), { exact: true }).check();
  await chairPage.getByLabel(say('pt', 'consultations.consensus.field.text'), { exact: true }).fill('As metas de preço ficam para o plano de ação; a declaração trata da cobertura.');
  await chairPage.getByLabel(say('pt', 'consultations.consensus.outcome.with_reservations'), { exact: true }).check();
  await chairPage.getByLabel(say('pt', 'consultations.consensus.field.strength'), { exact: true }).fill('Apoio do setor privado e do governo; a sociedade civil mantém uma reserva sobre o preço.');
  const recorded = await submit(chairPage, say('pt', 'consultations.consensus.submit'));
  assert.equal(recorded?.status(), 200);
  assert.ok((await chairPage.locator('.notice').textContent())!.includes(say('pt', 'consultations.record.notice.called')));

  // Ana appeals; the chair answers.
  const appealForm = await ana.goto(`${base}/record`);
  await checkPage(site, ana, appealForm, { javaScript: false });
  await ana.getByLabel(say('pt', 'consultations.appeal.field.appeal'), { exact: true }).fill('O preço é parte do acesso; peço que a decisão seja revista.');
  await submit(ana, say('pt', 'consultations.appeal.submit'));
  assert.ok((await ana.locator('.notice').textContent())!.includes(say('pt', 'consultations.record.notice.appealed')));
  const answerForm = await chairPage.goto(`${base}/record`);
  await checkPage(site, chairPage, answerForm, { javaScript: false });
  await chairPage.getByLabel(say('pt', 'consultations.appeal.field.answer'), { exact: true }).fill('A decisão mantém-se: o plano de ação tratará do preço, com metas próprias.');
  await submit(chairPage, say('pt', 'consultations.appeal.answer_submit'));

  // Anyone reads the whole record, with a link to each log entry.
  const reader = await (await newContext(site, 'pt', { javaScriptEnabled: false })).newPage();
  const record = await reader.goto(`${base}/record`);
  await checkPage(site, reader, record, { javaScript: false });
  const text = (await reader.locator('main').textContent())!;
  for (const expected of [
    say('pt', 'consultations.record.outcome', { outcome: say('pt', 'consultations.consensus.outcome.with_reservations') }),
    say('pt', 'consultations.consensus.kind.not_accommodated'), 'As metas de preço ficam para o plano de ação', 'O preço é parte do acesso', 'A decisão mantém-se',
  ]) assert.ok(text.includes(expected), expected);
  const entries = await reader.locator('a[href^="/api/log/entries"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  assert.equal(entries.length, 4, 'version 1, the call, the appeal and its answer');
  const entry = await reader.goto(entries[1]!);
  assert.match(await entry!.text(), /consultations\.consensus_called/);
  const print = await reader.goto(`${base}/record/print`);
  await checkPage(site, reader, print, { javaScript: false });
}, { kinds: ['sqlite'] });
