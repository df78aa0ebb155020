import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { checkPage, journey, newContext, say } from './browser.ts';
import { day, person, submit } from './consultationsPeople.ts';
import { testConfig } from '../support/app.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';
import { importConsultationCommand } from '../../src/modules/consultations/cli.ts';
import { modules } from '../../src/modules/index.ts';

const declaration = `# Preâmbulo

Nós, participantes do Fórum da Internet no Brasil, de governos, sociedade civil, setor privado, comunidade técnica e academia, reconhecemos a Internet como um bem comum.

# Acesso

Pedimos metas públicas de conectividade nas zonas rurais.

Apoiamos as redes comunitárias como complemento dos operadores.
`;

journey('in Portuguese: a declaration imported from Markdown is commented and amended by four stakeholder groups without JavaScript, an amendment accepted, and version 2 published with the comments carried over', async (site) => {
  const db = site.database.db;
  await seedDemoInitiatives({ db, now: new Date(), onlyIfEmpty: false });
  const initiative = await registryDb(db).selectFrom('initiatives').select(['id', 'slug']).orderBy('slug').executeTakeFirstOrThrow();

  // The operator imports the text; the initiative's coordinator chairs it.
  const coordinator = await person(site, 'coordenacao@example.org', 'Coordenação', 'civil_society');
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiative.id, user_id: coordinator.id, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: timestamp(new Date()) }).execute();
  const file = join(mkdtempSync(join(tmpdir(), 'cabildo-declaracao-')), 'declaracao.md');
  writeFileSync(file, declaration);
  const out: string[] = [];
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s), interactive: false };
  const code = await importConsultationCommand.run([file, '--initiative', initiative.slug, '--title', 'Declaração do Fórum da Internet no Brasil', '--text-lang', 'pt', '--lang', 'pt'], {
    io, config: () => testConfig({ baseUrl: site.baseUrl }), withDatabase: (run) => run(site.database, []), modules,
  });
  assert.equal(code, 0, out.join(''));
  const slug = 'declaracao-do-forum-da-internet-no-brasil';
  assert.match(out.join(''), new RegExp(`/consultations/${slug}`));

  // The coordinator opens the amendments phase today, names the drafting group, and publishes version 1.
  const drafter = await person(site, 'redacao@example.org', 'Rita Redação', 'technical_community');
  const chairPage = await coordinator.context.newPage();
  const settings = await chairPage.goto(`/consultations/${slug}/settings`);
  await checkPage(site, chairPage, settings, { javaScript: false });
  const form = chairPage.locator('form#settings');
  await form.getByLabel(say('pt', 'consultations.field.amendments_from'), { exact: true }).fill(day(0));
  for (const [field, offset] of [['positions_from', 7], ['consensus_from', 14], ['closes_on', 21]] as const) await form.getByLabel(say('pt', `consultations.field.${field}`), { exact: true }).fill(day(offset));
  await form.getByLabel(say('pt', 'consultations.field.drafters'), { exact: true }).fill('redacao@example.org');
  const saved = await submit(chairPage, say('pt', 'consultations.settings.submit'));
  assert.equal(saved?.status(), 200);
  assert.ok((await chairPage.locator('main').textContent())!.includes('Rita Redação'));
  const draftPage = await chairPage.goto(`/consultations/${slug}/draft`);
  await checkPage(site, chairPage, draftPage, { javaScript: false });
  await submit(chairPage, say('pt', 'consultations.draft.publish', { n: 1 }));
  assert.ok((await chairPage.locator('.notice').textContent())!.includes(say('pt', 'consultations.notice.published')));

  // Four stakeholder groups take part, with plain forms.
  const reader = await (await newContext(site, 'pt', { javaScriptEnabled: false })).newPage();
  const text = await reader.goto(`/consultations/${slug}`);
  await checkPage(site, reader, text, { javaScript: false });
  const rural = await reader.getByRole('link', { name: say('pt', 'consultations.paragraph.discuss', { n: 2 }) }).getAttribute('href');
  const participants = [
    await person(site, 'ana@example.org', 'Ana Sociedade', 'civil_society'),
    await person(site, 'bruno@example.org', 'Bruno Empresa', 'private_sector'),
    await person(site, 'carla@example.org', 'Carla Academia', 'academia'),
    await person(site, 'davi@example.org', 'Davi Governo', 'government'),
  ];
  const comments = ['Faltam metas de preço.', 'Podemos partilhar dados de cobertura.', 'Temos medições de qualidade no interior.', 'O plano nacional de conectividade já prevê metas.'];
  const pages: Page[] = [];
  for (const [i, p] of participants.entries()) {
    const page = await p.context.newPage();
    pages.push(page);
    const shown = await page.goto(rural!);
    if (i === 0) await checkPage(site, page, shown, { javaScript: false });
    await page.locator('form#comment').getByLabel(say('pt', 'consultations.field.comment'), { exact: true }).fill(comments[i]!);
    await submit(page, say('pt', 'consultations.comment.submit'));
    assert.ok((await page.locator('.notice').textContent())!.includes(say('pt', 'consultations.notice.commented')));
  }
  // Ana proposes new wording; an empty reason comes back beside its field, then she gives one.
  const ana = pages[0]!;
  const amend = ana.locator('form#amend');
  await amend.getByLabel(say('pt', 'consultations.field.proposed'), { exact: true }).fill('Pedimos metas públicas de conectividade acessível nas zonas rurais.');
  const refused = await submit(ana, say('pt', 'consultations.amendment.submit'));
  assert.equal(refused?.status(), 422);
  await checkPage(site, ana, refused, { javaScript: false });
  await ana.locator('form#amend').getByLabel(say('pt', 'consultations.field.rationale'), { exact: true }).fill('O preço também conta.');
  await submit(ana, say('pt', 'consultations.amendment.submit'));
  for (const page of pages.slice(1)) {
    await page.reload();
    await submit(page, say('pt', 'consultations.amendment.endorse'));
    assert.ok((await page.locator('.notice').textContent())!.includes(say('pt', 'consultations.notice.endorsed')));
  }
  const endorsed = (await pages[3]!.locator('.amendments').textContent())!;
  assert.ok(endorsed.includes(say('pt', 'consultations.amendment.endorsements', { count: 3 })));
  assert.match(endorsed, /Setor privado 1 · Governo 1 · Academia 1|Governo 1 · Setor privado 1 · Academia 1|Governo 1/);

  // The drafting group accepts it with a reason, starts version 2 and publishes it.
  const drafting = await drafter.context.newPage();
  const decide = await drafting.goto(rural!);
  await checkPage(site, drafting, decide, { javaScript: false });
  await drafting.getByLabel(say('pt', 'consultations.amendment.accept'), { exact: true }).check();
  await drafting.getByLabel(say('pt', 'consultations.field.reason'), { exact: true }).fill('Tem apoio de quatro setores.');
  await submit(drafting, say('pt', 'consultations.amendment.decide'));
  assert.ok((await drafting.locator('.amendments').textContent())!.includes(say('pt', 'consultations.amendment.status.accepted')));
  await drafting.goto(`/consultations/${slug}`);
  await submit(drafting, say('pt', 'consultations.manage.start_version', { n: 2 }));
  await submit(drafting, say('pt', 'consultations.draft.publish', { n: 2 }));

  // Readers see version 2, the amended wording, and every comment still on its paragraph.
  const v2 = await reader.goto(`/consultations/${slug}`);
  await checkPage(site, reader, v2, { javaScript: false });
  const main = (await reader.locator('main').textContent())!;
  assert.ok(main.includes('conectividade acessível nas zonas rurais'));
  assert.ok(main.includes(say('pt', 'consultations.paragraph.counts', { comments: 4, amendments: 0 })));
  const carried = await reader.goto(rural!);
  await checkPage(site, reader, carried, { javaScript: false });
  const discussion = (await reader.locator('main').textContent())!;
  for (const comment of comments) assert.ok(discussion.includes(comment), comment);
  assert.ok(discussion.includes(say('pt', 'consultations.comment.on_version', { n: 1 })));
  const diff = await reader.goto(`/consultations/${slug}/versions/2/diff`);
  await checkPage(site, reader, diff, { javaScript: false });
  assert.equal(await reader.locator('ins').first().textContent(), 'acessível ');
}, { kinds: ['sqlite'] });
