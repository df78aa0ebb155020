import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import type { TestClient } from '../../../tests/support/client.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { seedStarterCourse } from './seeds.ts';
import { starterCourse } from './seeds/starterCourse.ts';

const course = '/courses/internet-governance';
const answers = starterCourse.modules.flatMap((m) => m.lessons.map((l) => ({ slug: l.slug, answers: l.answers })));
const form = (chosen: number[]) => Object.fromEntries(chosen.map((c, i) => [`answer_${i}`, String(c)]));

eachApp('in Portuguese, a learner reads the starter course, fails then passes its quizzes, claims a certificate, and anyone checks it against the public log', async (t) => {
  assert.match((await seedStarterCourse({ db: t.database.db, now: t.clock.now, onlyIfEmpty: false }))!, /five lessons/);
  assert.equal(await seedStarterCourse({ db: t.database.db, now: t.clock.now, onlyIfEmpty: false }), null, 'seeding twice adds nothing');
  const learner = await verifiedPerson(t, { email: 'aprendiz@example.org', name: 'Joana Silva', locale: 'pt' });
  learner.language = 'pt';
  const visitor = t.client();
  visitor.language = 'pt';

  const list = await visitor.get('/courses');
  assert.match(list.html, /A governança da Internet e o modelo multissetorial/);
  assert.match(list.html, /Conteúdo inicial/, 'marked as starter content');
  assert.match(list.html, /5 lições/);
  const page = await learner.get(course);
  assert.match(page.html, /0 de 5 lições lidas · 0 de 5 questionários aprovados/);
  assert.match(page.html, /Seja aprovado em todos os questionários/);

  // A lesson's first visit is light: the page and its stylesheet, as sent over HTTP.
  const first = answers[0]!;
  const lesson = await visitor.get(`${course}/${first.slug}`);
  assert.equal(lesson.status, 200);
  assert.match(lesson.html, /<h1 lang="pt">O que é a governança da Internet e o modelo multissetorial<\/h1>/);
  assert.match(lesson.html, /<strong>governança da Internet<\/strong>/, 'Markdown is rendered');
  const stylesheet = lesson.html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!;
  const css = await visitor.request(stylesheet);
  const bytes = Buffer.byteLength(lesson.html) + Buffer.byteLength(css.html);
  assert.ok(bytes <= 50_000, `first visit of a lesson is ${bytes} bytes`);

  // Bad answers: out of range, missing, not a number; each refused beside its question, in Portuguese.
  const outOfRange = await learner.post(`${course}/${first.slug}/quiz`, { ...form(first.answers), answer_1: '7' });
  assert.equal(outOfRange.status, 422);
  assert.match(outOfRange.html, /<p class="error" id="error-answer_1">Essa não é uma das respostas desta pergunta/);
  const missing = await learner.post(`${course}/${first.slug}/quiz`, { answer_0: '0' });
  assert.equal(missing.status, 422);
  assert.match(missing.html, /<p class="error" id="error-answer_1">Escolha uma resposta\.<\/p>/);
  assert.equal((await learner.post(`${course}/${first.slug}/quiz`, { ...form(first.answers), answer_2: '-1' })).status, 422);

  // Claiming before passing is refused.
  const early = await learner.post(`${course}/certificate`, {});
  assert.equal(early.status, 409);
  assert.match(early.html, /Seja aprovado em todos os questionários do curso antes de solicitar o certificado/);

  // One right of three fails; the result explains every answer.
  const wrong = first.answers.map((a, i) => (i === 0 ? a : (a + 1) % 3));
  const failed = await learner.post(`${course}/${first.slug}/quiz`, form(wrong));
  assert.equal(failed.status, 200);
  assert.match(failed.html, /1 de 3 corretas/);
  assert.match(failed.html, /Ainda não aprovado/);
  assert.match(failed.html, /Certo: o parágrafo 34 da Agenda de Túnis/);
  assert.match(failed.html, /Não: o IETF escreve padrões técnicos/, 'the explanation of every choice, not only the chosen one');
  // A visitor may answer too; nothing is kept.
  const anonymous = await visitor.post(`${course}/${first.slug}/quiz`, form(first.answers));
  assert.match(anonymous.html, /3 de 3 corretas/);
  assert.match(anonymous.html, /este resultado não é guardado/);

  // Two of three pass (the pass mark); the rest all right.
  for (const [n, { slug, answers: right }] of answers.entries()) {
    const chosen = n === 0 ? right.map((a, i) => (i === 2 ? (a + 1) % 3 : a)) : right;
    const passed = await learner.post(`${course}/${slug}/quiz`, form(chosen));
    assert.match(passed.html, /Questionário aprovado\./, slug);
  }
  assert.equal((await learner.post(`${course}/${answers[1]!.slug}/read`, {})).status, 303);
  const done = await learner.get(course);
  assert.match(done.html, /5 de 5 lições lidas · 5 de 5 questionários aprovados/);
  const claimed = await learner.post(`${course}/certificate`, {});
  assert.equal(claimed.status, 303);
  const address = claimed.location!.split('?')[0]!;
  assert.match(address, /^\/certificates\/[\w-]+$/);
  assert.equal((await learner.post(`${course}/certificate`, {})).location!.split('?')[0], address, 'claiming again answers the same certificate');
  assert.match((await learner.get(course)).html, new RegExp(`href="${address}"`));

  // Anyone checks it: the page, the API, the log entry and its inclusion proof.
  const certificate = await t.client().get(address);
  assert.equal(certificate.status, 200);
  assert.match(certificate.html, /<strong>Joana Silva<\/strong>/);
  assert.match(certificate.html, /Internet governance and the multistakeholder model/);
  const proof = certificate.html.match(/href="(\/api\/log\/proof\/inclusion\?index=\d+&amp;tree_size=\d+)"/)![1]!.replace('&amp;', '&');
  const inclusion = await t.client().json('GET', proof, undefined);
  assert.equal(inclusion.status, 200);
  const api = await t.client().json('GET', `/api${address}`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.learner_name, 'Joana Silva');
  const entry = await t.client().json('GET', `/api/log/entries?start=${api.body.log.index}&end=${api.body.log.index}`, undefined);
  assert.match(JSON.stringify(entry.body), new RegExp(api.body.log.content_sha256));
  assert.match(JSON.stringify(entry.body), /courses\.certificate_issued/);
  assert.match((await t.client().get('/log')).html, /Course certificate issued/);
  const verified = await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer);
  assert.equal(verified.failure, null, 'cabildo log verify rebuilds the certificate from its row');
  assert.equal((await t.client().get('/certificates/nothing')).status, 404);
}, { postgres: true });

eachApp('the secretariat and an initiative’s committee publish courses; others are refused; script is escaped; readers get their language or the original with a note; a course downloads as one file', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const initiative = await registerInitiative(coordinator);
  const admin = await secretariat(t);
  const outsider = await verifiedPerson(t, { email: 'someone@example.org' });
  const unverified = await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false }));
  const script = '<script>alert(1)</script>';
  const texts = {
    title: `Lección ${script}`, body: `Texto con **énfasis** ${script} <img src=x onerror=alert(1)> [enlace](javascript:alert(1))`,
    questions: [{ prompt: `¿Pregunta ${script}?`, choices: [{ text: `Sí ${script}`, explanation: `Porque ${script}` }, { text: 'No', explanation: 'No es así.' }] }],
  };
  const body = {
    slug: 'curso-local', language: 'es', initiative,
    texts: { es: { title: `Curso ${script}`, summary: `Resumen ${script}` } },
    modules: [{ titles: { es: `Módulo ${script}` }, lessons: [{ slug: 'primera', language: 'es', answers: [0], texts: { es: texts } }] }],
  };
  assert.equal((await t.client().json('POST', '/api/courses', body)).status, 401);
  assert.equal((await unverified.json('POST', '/api/courses', body)).status, 403);
  const refused = await outsider.json('POST', '/api/courses', body);
  assert.equal(refused.status, 422);
  assert.match(JSON.stringify(refused.body), /Only the initiative’s committee/);
  assert.equal((await outsider.json('POST', '/api/courses', { ...body, initiative: undefined })).status, 422, 'only the secretariat publishes without an initiative');
  const badShape = { ...body, modules: [{ titles: { es: 'M' }, lessons: [{ slug: 'primera', language: 'es', answers: [5], texts: { es: texts, en: { ...texts, questions: [] } } }] }] };
  const invalid = await coordinator.json('POST', '/api/courses', badShape);
  assert.equal(invalid.status, 422);
  assert.match(JSON.stringify(invalid.body), /same questions/);
  const published = await coordinator.json('POST', '/api/courses', body);
  assert.equal(published.status, 201, JSON.stringify(published.body));
  assert.equal((await coordinator.json('POST', '/api/courses', body)).status, 409, 'the address is taken');
  const english = { ...body, slug: 'open-standards', language: 'en', initiative: undefined, texts: { en: { title: 'Open standards', summary: 'Why they matter.' } },
    modules: [{ titles: { en: 'One' }, lessons: [{ slug: 'why', language: 'en', answers: [1], texts: { en: { ...texts, title: 'Why open standards', body: 'Because anyone can implement them.' }, fr: { ...texts, title: 'Pourquoi des normes ouvertes', body: 'Parce que chacun peut les mettre en œuvre.' } } }] }] };
  assert.equal((await admin.json('POST', '/api/courses', english)).status, 201);

  const reader = t.client();
  for (const path of ['/courses', '/courses/curso-local', '/courses/curso-local/primera', '/courses/curso-local/download']) {
    const shown = await reader.get(path);
    assert.equal(shown.status, 200, path);
    assert.ok(!shown.html.includes(script), `${path} escapes script`);
    assert.ok(!/onerror=|javascript:/.test(shown.html.replace(/&lt;[^&]*&gt;/g, '')), `${path} drops handlers and script links`);
  }
  const lesson = await reader.get('/courses/curso-local/primera');
  assert.match(lesson.html, /<strong>énfasis<\/strong>/);
  assert.match(lesson.html, /This is not translated into your language yet: you are reading the original, in Spanish\./);
  const listed = await reader.json('GET', '/api/courses', undefined);
  assert.equal(listed.body.items[0].title, `Curso ${script}`, 'the API gives the text as typed, as JSON');
  assert.deepEqual(listed.body.items.map((c: { slug: string; publisher: { kind: string } }) => [c.slug, c.publisher.kind]), [['curso-local', 'initiative'], ['open-standards', 'secretariat']]);

  // A French reader gets the translation; a Portuguese one the original, with a note.
  reader.language = 'fr';
  assert.match((await reader.get('/courses/open-standards/why')).html, /Pourquoi des normes ouvertes/);
  reader.language = 'pt';
  assert.match((await reader.get('/courses/open-standards/why')).html, /Ainda não traduzido para o seu idioma/);

  // The offline file: one document, nothing fetched from elsewhere, quizzes answered at the end.
  const file = await reader.get('/courses/curso-local/download');
  assert.match(file.response.headers.get('content-disposition')!, /attachment; filename="curso-local\.pt\.html"/);
  assert.match(file.html, /^<!doctype html>/);
  assert.match(file.html, /<style>/);
  assert.doesNotMatch(file.html, /<script|<link|src="http/);
  assert.match(file.html, /No es así\./, 'every explanation is in the file');

  // Lessons are found by search, in their own words.
  const found = await reader.json('GET', '/api/search?q=normes+ouvertes', undefined);
  assert.ok(found.body.items.some((hit: { url: string }) => hit.url.endsWith('/courses/open-standards/why')), JSON.stringify(found.body).slice(0, 500));
}, { postgres: true });

/** A tiny real PNG (1×1, transparent). */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function upload(client: TestClient, bytes: Uint8Array, name: string, type: string) {
  const body = new FormData();
  body.append('_csrf', await client.csrfToken());
  body.append('image', new Blob([new Uint8Array(bytes)], { type }), name);
  return client.request('/my/course-images', { method: 'POST', body });
}

eachApp('images for lessons are checked by their bytes and size, private until a course uses them, shown in lessons and inlined in the offline file', async (t) => {
  const admin = await secretariat(t);
  const other = await verifiedPerson(t, { email: 'other@example.org' });
  assert.match((await t.client().get('/my/course-images')).location!, /^\/login/, 'log in first');

  // Disguised, oversized, scripted or empty files are refused beside the field, and nothing is kept.
  const html = await upload(admin, Buffer.from('<html><script>alert(1)</script></html>'), 'map.png', 'image/png');
  assert.equal(html.status, 422);
  assert.match(html.html, /<p class="error" id="error-image">This file is not a PNG, JPEG, WebP or GIF image/);
  const svg = await upload(admin, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'map.svg', 'image/svg+xml');
  assert.equal(svg.status, 422);
  const big = await upload(admin, Buffer.concat([png, Buffer.alloc(201 * 1024)]), 'big.png', 'image/png');
  assert.equal(big.status, 422);
  assert.match(big.html, /larger than 200 KB/);
  assert.equal((await upload(admin, Buffer.alloc(0), 'empty.png', 'image/png')).status, 422);
  assert.equal((await t.database.db.selectFrom('course_images').select('id').execute()).length, 0);

  // A real PNG, named and declared as something else, is a PNG.
  const uploaded = await upload(admin, png, 'notes.txt', 'text/plain');
  assert.equal(uploaded.status, 303);
  const mine = await admin.get('/my/course-images');
  const id = mine.html.match(/image:([\w-]+)\)/)![1]!;
  assert.match(mine.html, /image\/png, 1 KB/);
  assert.equal((await admin.get(`/course-images/${id}`)).status, 200, 'its uploader sees it');
  assert.equal((await t.client().get(`/course-images/${id}`)).status, 404, 'private until a course uses it');

  const lesson = (body: string) => ({ slug: 'mapa', language: 'en', answers: [], texts: { en: { title: 'The map', body, questions: [] } } });
  const course = (slug: string, body: string) => ({ slug, language: 'en', texts: { en: { title: 'Maps', summary: 'Maps.' } }, modules: [{ titles: { en: 'One' }, lessons: [lesson(body)] }] });
  const stolen = await other.json('POST', '/api/courses', course('stolen', `![Map](image:${id})`));
  assert.equal(stolen.status, 422, 'only its uploader may use a private image');
  assert.equal((await admin.json('POST', '/api/courses', course('maps', `Regions:\n\n![The five "regions" <b>](image:${id})\n\n![Gone](image:nothing)`))).status, 422, 'an image nobody uploaded');
  assert.equal((await admin.json('POST', '/api/courses', course('maps', `Regions:\n\n![The five "regions" <b>](image:${id})`))).status, 201);

  const page = await t.client().get('/courses/maps/mapa');
  assert.match(page.html, new RegExp(`<img src="/course-images/${id}" alt="The five &quot;regions&quot; &lt;b&gt;" loading="lazy">`));
  const served = await t.client().get(`/course-images/${id}`);
  assert.equal(served.status, 200);
  assert.equal(served.response.headers.get('content-type'), 'image/png');
  const file = await t.client().get('/courses/maps/download');
  assert.match(file.html, new RegExp(`<img src="data:image/png;base64,${png.toString('base64').replace(/[+/]/g, '\\$&')}"`));
}, { postgres: true });
