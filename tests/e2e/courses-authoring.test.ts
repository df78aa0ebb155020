/// <reference lib="dom" />
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkPage, journey, newContext, say } from './browser.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';
import { seedDemoInitiatives } from '../../src/modules/initiatives/seeds.ts';

const es = (key: string, values?: Record<string, string | number>) => say('es', key, values);

/** A small real PNG (2×2, coloured), as a coordinator's camera would not make it but a browser shows it. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4EaABRAwQCgAljgUBqTNxyAAAAABJRU5ErkJggg==', 'base64');

/**
 * Issue 14, item 3 (docs/decisions/037): in Spanish, without JavaScript, at phone width, a
 * coordinator writes a short course — a module, a lesson previewed before saving, an image with
 * its description, a quiz whose missing explanation comes back beside its field — publishes it,
 * and a learner finds it in the catalogue, sees the image and passes the quiz. Every new page
 * shape through the HTML validator, axe, reflow at 320 px and the first-visit budget.
 */
journey('in Spanish without JavaScript: a coordinator writes a course with a lesson, an image and a quiz, publishes it, and a learner takes it', async (site) => {
  const db = site.database.db;
  const now = new Date();
  await seedDemoInitiatives({ db, now, onlyIfEmpty: false });
  const initiative = await registryDb(db).selectFrom('initiatives').select(['id', 'slug', 'name']).orderBy('slug').executeTakeFirstOrThrow();
  const userId = newId();
  const stamp = timestamp(now);
  await accountsDb(db).insertInto('users').values({
    id: userId, email: 'coordinacion@example.org', name: 'Coordinación', password_hash: 'x', locale: 'es', country: 'CO', stakeholder_group: 'civil_society', affiliation: null,
    capacity: 'personal', email_verified_at: stamp, is_secretariat: 0, created_at: stamp, updated_at: stamp,
  }).execute();
  await registryDb(db).insertInto('committee_members').values({ id: newId(), initiative_id: initiative.id, user_id: userId, role: 'coordinator', stakeholder_group: 'civil_society', joined_at: stamp }).execute();

  const writer = await newContext(site, 'es', { javaScriptEnabled: false });
  await writer.addCookies([{ name: sessionCookie, value: await startSession(db, userId, now), url: site.baseUrl }]);
  const page = await writer.newPage();
  await page.setViewportSize({ width: 375, height: 720 });
  const go = async (path: string) => {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, path);
    await checkPage(site, page, response, { javaScript: false });
  };
  const press = async (p: Page, name: string, status = 200) => {
    const [response] = await Promise.all([p.waitForNavigation(), p.getByRole('button', { name, exact: true }).click()]);
    assert.equal(response?.status(), status, `${name} → ${response?.status()}`);
    await checkPage(site, p, response, { javaScript: false });
  };
  const follow = async (name: string) => {
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name, exact: true }).first().click()]);
    await checkPage(site, page, response, { javaScript: false });
  };

  // A draft for the initiative.
  await go('/courses');
  await follow(es('courses.list.write_link'));
  await follow(es('courses.write.mine.new'));
  await page.getByLabel(es('courses.write.fields.publisher')).selectOption(initiative.slug);
  await page.getByLabel(es('courses.write.fields.title')).fill('Redes comunitarias');
  await page.getByLabel(es('courses.write.fields.slug')).fill('redes-comunitarias');
  await page.getByLabel(es('courses.write.fields.summary')).fill('Qué es una red comunitaria y quién la opera.');
  await press(page, es('courses.write.new.submit'));
  await page.getByText(es('courses.write.notice.created')).waitFor();

  // A module, then a lesson: previewed, given an image, saved.
  await page.locator('#new-module').getByLabel(es('courses.write.fields.module_title')).first().fill('Primeros pasos');
  await press(page, es('courses.write.modules.add_submit'));
  await follow(es('courses.write.modules.add_lesson', { number: 1 }));
  await page.getByLabel(es('courses.write.fields.lesson_slug')).fill('que-es');
  await page.getByLabel(es('courses.write.fields.lesson_title')).fill('¿Qué es una red comunitaria?');
  await page.getByLabel(es('courses.write.fields.body')).fill('Una red **hecha y operada** por su comunidad.');
  await press(page, es('courses.write.lessons.preview'));
  assert.equal(await page.locator('#preview-title + .prose strong').textContent(), 'hecha y operada');
  await page.getByLabel(es('courses.images.file')).setInputFiles({ name: 'antena.png', mimeType: 'image/png', buffer: png });
  await press(page, es('courses.write.lessons.image_submit'), 422);
  await page.locator('#error-image_alt').getByText(es('courses.errors.alt_missing')).waitFor();
  assert.equal(await page.getByLabel(es('courses.write.fields.lesson_title')).inputValue(), '¿Qué es una red comunitaria?', 'what was typed comes back');
  await page.getByLabel(es('courses.images.file')).setInputFiles({ name: 'antena.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel(es('courses.write.fields.alt')).fill('Una antena sobre un techo');
  await press(page, es('courses.write.lessons.image_submit'));
  assert.match(await page.getByLabel(es('courses.write.fields.body')).inputValue(), /!\[Una antena sobre un techo\]\(image:[\w-]+\)$/);
  await press(page, es('courses.write.save'));
  await page.getByText(es('courses.write.notice.saved')).waitFor();

  // Its quiz: an answer without its explanation comes back beside it.
  await go('/courses/redes-comunitarias/edit');
  await follow(es('courses.write.lessons.edit_quiz'));
  // The first block, by its fields' ids: each answer's name is also the name of its "right answer" button.
  await page.locator('#field-q0_prompt').fill('¿Quién opera una red comunitaria?');
  await page.locator('#field-q0_c0_text').fill('Su comunidad');
  await page.locator('#field-q0_c0_explanation').fill('Sí: la arma y la opera la gente del lugar.');
  await page.locator('#field-q0_c1_text').fill('Un gran operador');
  await page.locator('#question-0').getByRole('group', { name: es('courses.write.quiz.right') }).getByLabel(es('courses.write.quiz.choice', { choice: 1 }), { exact: true }).check();
  await press(page, es('courses.write.quiz.submit'), 422);
  await page.locator('#error-q0_c1_explanation').getByText(es('courses.errors.explanation_missing')).waitFor();
  assert.equal(await page.locator('#field-q0_c1_text').inputValue(), 'Un gran operador', 'what was typed comes back');
  await page.locator('#field-q0_c1_explanation').fill('No: un operador comercial no es la comunidad.');
  await press(page, es('courses.write.quiz.submit'));
  await page.getByText(es('courses.write.notice.quiz_saved')).waitFor();

  // The pages a translation and a module's titles are written on.
  await go('/courses/redes-comunitarias/edit/lessons/que-es?language=pt');
  await page.getByText(es('courses.write.lessons.original_text')).click();
  await page.getByText('hecha y operada').waitFor();
  await go('/courses/redes-comunitarias/edit/modules/0');

  // Published.
  await go('/courses/redes-comunitarias/edit');
  await press(page, es('courses.write.state.publish'));
  await page.getByText(es('courses.write.notice.published')).waitFor();
  await writer.close();

  // A learner finds it, sees the image, and passes the quiz.
  const learner = await newContext(site, 'es', { javaScriptEnabled: false });
  const reader = await learner.newPage();
  await reader.setViewportSize({ width: 375, height: 720 });
  const shown = await reader.goto('/courses');
  await checkPage(site, reader, shown, { javaScript: false });
  await reader.getByRole('link', { name: 'Redes comunitarias' }).click();
  await reader.getByRole('link', { name: '¿Qué es una red comunitaria?' }).click();
  await checkPage(site, reader, undefined, { javaScript: false });
  const image = reader.getByRole('img', { name: 'Una antena sobre un techo' });
  await image.waitFor();
  assert.ok(await image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 2), 'the image loads');
  await reader.locator('#field-answer_0-0').check();
  await press(reader, es('courses.quiz.submit'));
  await reader.getByText(es('courses.result.passed')).waitFor();
  await reader.getByText('Sí: la arma y la opera la gente del lugar.').waitFor();
  await learner.close();
}, { kinds: ['sqlite'] });
