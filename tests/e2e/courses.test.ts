/// <reference lib="dom" />
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { budgetSummary, checkPage, journey, newContext, say } from './browser.ts';
import { insertPersonInto } from './coursesPeople.ts';
import { seedStarterCourse } from '../../src/modules/courses/seeds.ts';
import { starterCourse } from '../../src/modules/courses/seeds/starterCourse.ts';

const pt = (key: string, values?: Record<string, string | number>) => say('pt', key, values);
const lessons = starterCourse.modules.flatMap((m) => m.lessons);

/**
 * Issue 14, item 6 (the course's half): in Portuguese, without JavaScript, at 320 px, a learner
 * takes the starter course, fails a quiz and reads why, passes every quiz, claims a certificate,
 * and a visitor checks it against the public log. Every page through axe, reflow and the budget.
 */
journey('in Portuguese without JavaScript: a learner takes the starter course, passes its quizzes, gets a certificate, and a visitor verifies it', async (site) => {
  await seedStarterCourse({ db: site.database.db, now: new Date(), onlyIfEmpty: false });
  await insertPersonInto(site.database.db, { name: 'Joana Silva', email: 'joana@example.org' });
  const context = await newContext(site, 'pt', { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 720 });
  // Pages already seen in their shape (the other lessons and results) are not checked again: the journey stays under a minute.
  const go = async (path: string, check = true) => {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, path);
    if (check) await checkPage(site, page, response, { javaScript: false });
  };
  const press = async (name: string, status = 200, check = true) => {
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
    assert.equal(response?.status(), status, `${name} → ${response?.status()}`);
    if (check) await checkPage(site, page, response, { javaScript: false });
  };
  const answer = async (p: Page, chosen: readonly number[]) => {
    for (const [i, choice] of chosen.entries()) await p.locator(`#field-answer_${i}-${choice}`).check();
  };

  await go('/login');
  await page.getByLabel(pt('accounts.fields.email')).fill('joana@example.org');
  await page.getByLabel(pt('accounts.fields.password')).fill('correct horse battery');
  await press(pt('accounts.login.submit'));
  await go('/courses');
  await page.getByRole('link', { name: 'A governança da Internet e o modelo multissetorial' }).waitFor();
  await go(`/courses/${starterCourse.slug}`);
  await page.getByText(pt('courses.progress.summary', { read: 0, lessons: 5, passed: 0, quizzes: 5 })).waitFor();

  // A question left unanswered comes back beside it; a wrong answer is explained.
  await go(`/courses/${starterCourse.slug}/${lessons[0]!.slug}`);
  await answer(page, [lessons[0]!.answers[0]!]);
  await press(pt('courses.quiz.submit'), 422);
  await page.locator('#error-answer_1').getByText(pt('courses.errors.answer_missing')).waitFor();
  await answer(page, lessons[0]!.answers.map((a) => (a + 1) % 3));
  await press(pt('courses.quiz.submit'));
  await page.getByText(pt('courses.result.failed')).waitFor();
  await page.getByText('Não: o IETF escreve padrões técnicos; a definição veio de uma cúpula de governos com os demais setores.').waitFor();

  for (const [n, lesson] of lessons.entries()) {
    await go(`/courses/${starterCourse.slug}/${lesson.slug}`, n > 0);
    await answer(page, lesson.answers);
    await press(pt('courses.quiz.submit'), 200, n === 0);
    await page.getByText(pt('courses.result.passed')).waitFor();
  }
  await go(`/courses/${starterCourse.slug}`);
  await press(pt('courses.certificate.claim'));
  await page.getByRole('heading', { name: pt('courses.certificate.heading') }).waitFor();
  const address = new URL(page.url()).pathname;

  // A visitor, elsewhere, checks it: the page, and the inclusion proof it links to.
  const visitor = await (await newContext(site, 'pt', { javaScriptEnabled: false })).newPage();
  const response = await visitor.goto(address);
  assert.equal(response?.status(), 200);
  await checkPage(site, visitor, response, { javaScript: false });
  await visitor.getByText('Joana Silva').waitFor();
  const proof = await visitor.getByRole('link', { name: pt('courses.certificate.proof') }).getAttribute('href');
  const inclusion = await visitor.request.get(proof!);
  assert.equal(inclusion.status(), 200);
  assert.ok(Array.isArray((await inclusion.json()).audit_path));
  console.log(budgetSummary(site, 'courses'));
}, { kinds: ['sqlite'] });
