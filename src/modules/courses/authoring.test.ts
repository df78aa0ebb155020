import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { eachApp, listen } from '../../../tests/support/app.ts';
import { registerInitiative, secretariat, seatMember, verifiedPerson } from '../../../tests/support/factories.ts';
import type { TestClient } from '../../../tests/support/client.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';

/** A tiny real PNG (1×1). */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** The lesson form as a browser sends it: multipart, with a file when one is chosen. */
async function lessonForm(client: TestClient, path: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }) {
  const body = new FormData();
  body.append('_csrf', await client.csrfToken());
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append('image', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return client.request(path, { method: 'POST', body });
}

/** A quiz form: one question, its answers with their explanations, and the right one. */
const oneQuestion = (prompt: string, choices: Array<[string, string]>, right: string) => ({
  q0_prompt: prompt, q0_right: right, ...Object.fromEntries(choices.flatMap(([text, explanation], c) => [[`q0_c${c}_text`, text], [`q0_c${c}_explanation`, explanation]])),
});

/** A coordinator of an initiative starts a draft course with one module; answers its address. */
async function draftWithModule(coordinator: TestClient, initiative: string, slug = 'redes-comunitarias') {
  const created = await coordinator.post('/my/courses/new', { publisher: initiative, title: 'Redes comunitarias', slug, language: 'es', summary: 'Cómo se arma una red comunitaria.' });
  assert.equal(created.status, 303, created.html.slice(0, 800));
  const edit = `/courses/${slug}/edit`;
  assert.equal((await coordinator.post(`${edit}/modules`, { name_es: 'Primeros pasos' })).status, 303);
  return edit;
}

eachApp('a coordinator writes a course in the browser: a draft only its editors see, a lesson with a preview, an image and a quiz, a translation; published, a learner takes it; edits show an updated date; withdrawn, its certificate still verifies', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society', locale: 'es' });
  const initiative = await registerInitiative(coordinator);
  const learner = await verifiedPerson(t, { email: 'aprendiz@example.org', name: 'Lucía Pérez', locale: 'es' });
  const visitor = t.client();

  assert.match((await coordinator.get('/my/courses/new')).html, /Mesa Colombiana de Gobernanza de Internet/, 'the coordinator writes for their initiative');
  const edit = await draftWithModule(coordinator, initiative);
  const desk = await coordinator.get(edit);
  assert.equal(desk.status, 200);
  assert.match(desk.html, /Borrador: solo lo ven quienes lo editan\./);
  assert.match(desk.html, /Módulo 1: Primeros pasos/);
  // A draft is nobody else's business.
  for (const client of [visitor, learner]) assert.equal((await client.get('/courses/redes-comunitarias')).status, 404);
  assert.doesNotMatch((await visitor.get('/courses')).html, /Redes comunitarias/);
  assert.equal((await coordinator.post(`${edit}/publish`, {})).status, 409, 'a module without lessons cannot be published');

  // A lesson: the preview renders the Markdown without saving it.
  const fields = { module: '0', slug: 'que-es', language: 'es', title: '¿Qué es una red comunitaria?', body: 'Una red **hecha por** su comunidad.' };
  const preview = await lessonForm(coordinator, `${edit}/lessons/new`, { ...fields, intent: 'preview' });
  assert.equal(preview.status, 200);
  assert.match(preview.html, /Vista previa \(todavía sin guardar\)/);
  assert.match(preview.html, /<strong>hecha por<\/strong>/);
  assert.match(preview.html, /name="title"[^>]*value="¿Qué es una red comunitaria\?"/, 'the form keeps what was typed');
  assert.equal((await coordinator.get(edit)).html.includes('¿Qué es una red comunitaria?'), false, 'a preview keeps nothing');

  // An image: its alt text is required; added, its reference ends the text.
  const noAlt = await lessonForm(coordinator, `${edit}/lessons/new`, { ...fields, intent: 'image' }, { bytes: png, name: 'antena.png', type: 'image/png' });
  assert.equal(noAlt.status, 422);
  assert.match(noAlt.html, /Describa la imagen en pocas palabras/);
  const withImage = await lessonForm(coordinator, `${edit}/lessons/new`, { ...fields, intent: 'image', image_alt: 'Una antena en un techo' }, { bytes: png, name: 'antena.png', type: 'image/png' });
  assert.equal(withImage.status, 200, withImage.html.slice(0, 500));
  const body = withImage.html.match(/<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/)![1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"');
  const image = body.match(/!\[Una antena en un techo\]\(image:([\w-]+)\)$/)![1]!;
  assert.match(withImage.html, new RegExp(`<img src="/course-images/${image}" alt="Una antena en un techo"`), 'the preview shows it');
  const saved = await lessonForm(coordinator, `${edit}/lessons/new`, { ...fields, body, intent: 'save' });
  assert.equal(saved.status, 303, saved.html.slice(0, 800));

  // Its quiz: every answer needs an explanation, and the right answer must be one of them.
  const quizPath = `${edit}/lessons/que-es/quiz`;
  const question = oneQuestion('¿Quién opera una red comunitaria?', [['Su comunidad', 'Sí: la arma y la opera la gente del lugar.'], ['Un gran operador', 'No: un operador comercial no es la comunidad.']], '0');
  const unexplained = await coordinator.post(quizPath, { ...question, q0_c1_explanation: '' });
  assert.equal(unexplained.status, 422);
  assert.match(unexplained.html, /Explique por qué esta respuesta es correcta o no/);
  assert.match(unexplained.html, /value="¿Quién opera una red comunitaria\?"/, 'the form keeps what was typed');
  const outOfRange = await coordinator.post(quizPath, { ...question, q0_right: '7' });
  assert.equal(outOfRange.status, 422);
  assert.match(outOfRange.html, /Esa no es una de las respuestas de esta pregunta/);
  assert.equal((await coordinator.post(quizPath, { ...question, q0_right: '' })).status, 422, 'which answer is right is required');
  assert.equal((await coordinator.post(quizPath, question)).status, 303);

  // A translation, with its quiz's wording.
  const halfTranslated = await lessonForm(coordinator, `${edit}/lessons/que-es`, { intent: 'save', language: 'en', title: 'What is a community network?', body: 'A network.', q0_prompt: 'Who runs a community network?' });
  assert.equal(halfTranslated.status, 422);
  for (const field of ['q0_c0_text', 'q0_c0_explanation', 'q0_c1_text', 'q0_c1_explanation']) assert.match(halfTranslated.html, new RegExp(`id="error-${field}">Traduzca esto también`), `${field} is flagged`);
  const english = await lessonForm(coordinator, `${edit}/lessons/que-es`, {
    intent: 'save', language: 'en', title: 'What is a community network?', body: 'A network **built by** its community.',
    q0_prompt: 'Who runs a community network?', q0_c0_text: 'Its community', q0_c0_explanation: 'Yes: local people build and run it.', q0_c1_text: 'A large operator', q0_c1_explanation: 'No: a commercial operator is not the community.',
  });
  assert.equal(english.status, 303, english.html.slice(0, 800));
  const translation = (await coordinator.get(`${edit}/lessons/que-es?language=en`)).html;
  assert.match(translation, /name="q0_prompt"[^>]*value="Who runs a community network\?"/, 'the translation’s form shows its quiz wording');
  assert.match(translation, /Original: ¿Quién opera una red comunitaria\?/);

  const published = await coordinator.post(`${edit}/publish`, {});
  assert.equal(published.status, 303);
  assert.match((await visitor.get('/courses')).html, /Redes comunitarias/);
  assert.equal((await visitor.get(`/course-images/${image}`)).status, 200, 'its images are public once published');
  const lesson = await visitor.get('/courses/redes-comunitarias/que-es');
  assert.match(lesson.html, /A network <strong>built by<\/strong> its community\./, 'an English reader gets the translation');
  assert.match(lesson.html, /Who runs a community network\?/);
  const found = await visitor.json('GET', '/api/search?q=comunitaria', undefined);
  assert.ok(found.body.items.some((hit: { url: string }) => hit.url.endsWith('/courses/redes-comunitarias/que-es')), JSON.stringify(found.body).slice(0, 600));

  assert.equal((await learner.post('/courses/redes-comunitarias/que-es/quiz', { answer_0: '0' })).status, 200);
  const claimed = await learner.post('/courses/redes-comunitarias/certificate', {});
  assert.equal(claimed.status, 303);
  const certificate = claimed.location!.split('?')[0]!;

  // Edited once published: in place, with an updated date; the learner keeps their progress.
  t.clock.now = new Date(t.clock.now.getTime() + 3 * 24 * 3600 * 1000);
  assert.equal((await lessonForm(coordinator, `${edit}/lessons/que-es`, { intent: 'save', language: 'es', title: '¿Qué es una red comunitaria?', body: `${body}\n\nAhora con un ejemplo.` })).status, 303);
  const updated = await learner.get('/courses/redes-comunitarias/que-es');
  assert.match(updated.html, /Ahora con un ejemplo\./);
  assert.match(updated.html, /actualizado el/);
  assert.match((await learner.get('/courses/redes-comunitarias')).html, /1 de 1 lecciones leídas · 1 de 1 cuestionarios aprobados\./);

  // Withdrawn: out of the catalogue and the search; the certificate still verifies.
  assert.equal((await coordinator.post(`${edit}/withdraw`, {})).status, 303);
  assert.doesNotMatch((await visitor.get('/courses')).html, /Redes comunitarias/);
  const gone = await learner.get('/courses/redes-comunitarias');
  assert.equal(gone.status, 404);
  assert.match(gone.html, /Quien lo publicó retiró este curso/);
  const after = await visitor.json('GET', '/api/search?q=comunitaria', undefined);
  assert.ok(!after.body.items.some((hit: { url: string }) => hit.url.includes('/courses/redes-comunitarias')));
  const kept = await visitor.get(certificate);
  assert.equal(kept.status, 200);
  assert.match(kept.html, /Lucía Pérez/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null);
  assert.equal((await coordinator.get(edit)).status, 200, 'its editors still reach it, to publish it again');
}, { postgres: true });

eachApp('only a course’s own publishers edit it: another initiative’s coordinator, a learner and a visitor are refused; nobody writes for an initiative they do not sit on', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const initiative = await registerInitiative(coordinator);
  const edit = await draftWithModule(coordinator, initiative);
  const other = await verifiedPerson(t, { email: 'otra@example.org', group: 'technical' });
  const otherInitiative = await registerInitiative(other, { name: 'Foro Uruguayo de Gobernanza de Internet', acronym: 'FUGI', countries: ['UY'], website: 'https://igf.uy', contact_email: 'foro@example.org' });
  const member = await seatMember(t, initiative, { email: 'miembro@example.org', group: 'academia' });
  const admin = await secretariat(t);

  for (const [path, fields] of [[`${edit}/modules`, { name_es: 'Intruso' }], [`${edit}/publish`, {}], [`${edit}/texts`, { title_es: 'Otro', summary_es: 'Otro' }], [`${edit}/lessons/new`, { intent: 'save' }]] as const) {
    assert.equal((await other.post(path, fields)).status, 403, `${path} as another initiative’s coordinator`);
    assert.equal((await admin.post(path, fields)).status, 403, `${path} as the secretariat (an initiative’s course)`);
    assert.match((await t.client().post(path, fields)).location ?? '', /^\/login/, `${path} asks a visitor to log in`);
  }
  assert.equal((await other.get(edit)).status, 403);
  assert.equal((await member.get(edit)).status, 200, 'any member of its committee edits it');
  const foreign = await other.post('/my/courses/new', { publisher: initiative, title: 'Ajeno', slug: 'ajeno', language: 'es', summary: 'No.' });
  assert.equal(foreign.status, 422);
  assert.match(foreign.html, /Only the initiative’s committee/);
  const noSecretariat = await other.post('/my/courses/new', { publisher: 'secretariat', title: 'Ajeno', slug: 'ajeno', language: 'es', summary: 'No.' });
  assert.equal(noSecretariat.status, 422);
  assert.equal((await other.post('/my/courses/new', { publisher: otherInitiative, title: 'Propio', slug: 'propio', language: 'es', summary: 'Sí.' })).status, 303);
  assert.equal((await admin.post('/my/courses/new', { publisher: 'secretariat', title: 'Del secretariado', slug: 'secretariado', language: 'en', summary: 'Yes.' })).status, 303);
  assert.equal((await other.post('/my/courses/new', { publisher: otherInitiative, title: 'Otra', slug: 'propio', language: 'es', summary: 'Sí.' })).status, 409, 'the address is taken');
  const mine = await other.get('/my/courses');
  assert.match(mine.html, /Propio/);
  assert.doesNotMatch(mine.html, /Redes comunitarias|Del secretariado/);
}, { postgres: true });

eachApp('modules and lessons are reordered; a missing module, an unknown lesson and a lesson address twice are refused', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const initiative = await registerInitiative(coordinator);
  const edit = await draftWithModule(coordinator, initiative);
  assert.equal((await coordinator.post(`${edit}/modules`, { name_es: 'Segundo módulo', name_en: 'Second module' })).status, 303);
  assert.equal((await coordinator.post(`${edit}/modules`, { name_en: 'Only English' })).status, 422, 'the title in the course’s language is required');
  for (const [module, slug] of [['0', 'uno'], ['0', 'dos'], ['1', 'tres']]) {
    assert.equal((await lessonForm(coordinator, `${edit}/lessons/new`, { intent: 'save', module: module!, slug: slug!, language: 'es', title: `Lección ${slug}`, body: 'Texto.' })).status, 303);
  }
  assert.equal((await lessonForm(coordinator, `${edit}/lessons/new`, { intent: 'save', module: '1', slug: 'uno', language: 'es', title: 'Otra', body: 'Texto.' })).status, 409);
  assert.equal((await lessonForm(coordinator, `${edit}/lessons/new`, { intent: 'save', module: '7', slug: 'siete', language: 'es', title: 'Otra', body: 'Texto.' })).status, 422);
  for (const reserved of ['new', 'edit', 'download']) {
    const refused = await lessonForm(coordinator, `${edit}/lessons/new`, { intent: 'save', module: '0', slug: reserved, language: 'es', title: 'Otra', body: 'Texto.' });
    assert.equal(refused.status, 422, `“${reserved}” is an address of the course’s own`);
    assert.match(refused.html, /id="error-slug">Use lowercase letters/);
  }
  const stuck = await coordinator.post(`${edit}/modules/0/move`, { direction: 'up' });
  assert.equal(stuck.status, 409, 'the first module cannot go up');
  assert.match(stuck.html, /<p class="alert" role="alert">It cannot move further that way\.<\/p>/);
  assert.equal((await coordinator.post(`${edit}/modules/0/move`, { direction: 'down' })).status, 303);
  assert.equal((await coordinator.post(`${edit}/lessons/dos/move`, { direction: 'up' })).status, 303);
  assert.equal((await coordinator.post(`${edit}/publish`, {})).status, 303);
  const reader = t.client();
  reader.language = 'es';
  const page = (await reader.get('/courses/redes-comunitarias')).html;
  const order = ['Segundo módulo', 'Lección tres', 'Primeros pasos', 'Lección dos', 'Lección uno'].map((s) => page.indexOf(s));
  assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), `in order: ${order}`);
  assert.match((await reader.get('/courses/redes-comunitarias/tres')).html, /Lección 1 de 3/);
  assert.equal((await coordinator.get(`${edit}/lessons/nada`)).status, 404);
  assert.equal((await coordinator.get(`${edit}/modules/9`)).status, 404);
  assert.equal((await coordinator.post(`${edit}/publish`, {})).status, 409, 'already published');
}, { postgres: true });

eachApp('images in the lesson form: a disguised or oversized file is refused in the writer’s language and the text typed stays; a 200 KB image passes; a 2 MB one gets the “too large” page', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society', locale: 'es' });
  const initiative = await registerInitiative(coordinator);
  const edit = await draftWithModule(coordinator, initiative);
  const fields = { intent: 'image', module: '0', slug: 'mapa', language: 'es', title: 'El mapa', body: 'Un texto que no se pierde.', image_alt: 'Mapa' };
  const disguised = await lessonForm(coordinator, `${edit}/lessons/new`, fields, { bytes: Buffer.from('<svg onload="alert(1)"/>'), name: 'mapa.png', type: 'image/png' });
  assert.equal(disguised.status, 422);
  assert.match(disguised.html, /<p class="error" id="error-image">/);
  assert.match(disguised.html, /Un texto que no se pierde\./);
  const big = await lessonForm(coordinator, `${edit}/lessons/new`, fields, { bytes: Buffer.concat([png, Buffer.alloc(210 * 1024)]), name: 'mapa.png', type: 'image/png' });
  assert.equal(big.status, 422);
  assert.match(big.html, /Un texto que no se pierde\./);
  assert.equal((await t.database.db.selectFrom('course_images').select('id').execute()).length, 0);
  const largest = await lessonForm(coordinator, `${edit}/lessons/new`, fields, { bytes: Buffer.concat([png, Buffer.alloc(200 * 1024 - png.length)]), name: 'mapa.png', type: 'image/png' });
  assert.equal(largest.status, 200, 'a 200 KB image fits in the body limit with the rest of the form');

  // The lesson page shows the images its first visit has room for; the others are links with their size.
  let body = 'Un texto corto.';
  for (const [alt, size] of [['Primera', 30 * 1024], ['Segunda', 30 * 1024], ['Tercera', png.length]] as const) {
    const added = await lessonForm(coordinator, `${edit}/lessons/new`, { ...fields, body, image_alt: alt }, { bytes: Buffer.concat([png, Buffer.alloc(size - png.length)]), name: 'f.png', type: 'image/png' });
    body = added.html.match(/<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/)![1]!;
  }
  assert.equal((await lessonForm(coordinator, `${edit}/lessons/new`, { ...fields, body, intent: 'save' })).status, 303);
  assert.equal((await coordinator.post(`${edit}/publish`, {})).status, 303);
  const [first, second, third] = [...body.matchAll(/image:([\w-]+)/g)].map((m) => m[1]!);
  const page = (await coordinator.get('/courses/redes-comunitarias/mapa')).html;
  assert.match(page, new RegExp(`<img src="/course-images/${first}" alt="Primera"`));
  assert.match(page, new RegExp(`<a href="/course-images/${second}">Segunda</a> \\(imagen de 30 KB: ábrala cuando quiera\\)`));
  assert.match(page, new RegExp(`<img src="/course-images/${third}" alt="Tercera"`), 'a small one after it still fits');
  // Over real HTTP, as a browser sends it: the platform answers 413 with its page, not a crash.
  const server = await listen(t);
  try {
    const body = new FormData();
    body.append('_csrf', await coordinator.csrfToken());
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('image', new Blob([new Uint8Array(2 * 1024 * 1024)], { type: 'image/png' }), 'enorme.png');
    const response = await fetch(`${server.url}${edit}/lessons/new`, { method: 'POST', body, headers: { Cookie: ['cabildo_session', 'cabildo_csrf'].map((name) => `${name}=${coordinator.cookie(name) ?? ''}`).join('; '), Origin: server.url, 'Accept-Language': 'es' } });
    assert.equal(response.status, 413);
    assert.match(await response.text(), /Demasiado grande/);
  } finally {
    await server.close();
  }
}, { postgres: true });

eachApp('script in every field of a course written in the browser is shown as text', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const initiative = await registerInitiative(coordinator);
  const script = '<script>alert(1)</script>';
  const created = await coordinator.post('/my/courses/new', { publisher: initiative, title: `Curso ${script}`, slug: 'curso', language: 'es', summary: `Resumen ${script}` });
  assert.equal(created.status, 303);
  const edit = '/courses/curso/edit';
  assert.equal((await coordinator.post(`${edit}/modules`, { name_es: `Módulo ${script}` })).status, 303);
  assert.equal((await lessonForm(coordinator, `${edit}/lessons/new`, { intent: 'save', module: '0', slug: 'uno', language: 'es', title: `Lección ${script}`, body: `Texto ${script} <img src=x onerror=alert(1)> [x](javascript:alert(1))` })).status, 303);
  assert.equal((await coordinator.post(`${edit}/lessons/uno/quiz`, oneQuestion(`¿${script}?`, [[`Sí ${script}`, `Porque ${script}`], ['No', `No ${script}`]], '0'))).status, 303);
  assert.equal((await coordinator.post(`${edit}/publish`, {})).status, 303);
  const preview = await lessonForm(coordinator, `${edit}/lessons/uno`, { intent: 'preview', language: 'es', title: script, body: script });
  for (const page of [preview, ...await Promise.all([edit, `${edit}/lessons/uno`, `${edit}/lessons/uno/quiz`, `${edit}/lessons/uno?language=fr`, `${edit}/modules/0`, '/my/courses', '/courses', '/courses/curso', '/courses/curso/uno'].map((p) => coordinator.get(p)))]) {
    assert.equal(page.status, 200);
    assert.ok(!page.html.includes(script), 'no script');
    assert.ok(!/onerror=|javascript:/.test(page.html.replace(/&lt;[^&]*&gt;/g, '').replace(/<textarea[^>]*>[^<]*<\/textarea>/g, '')), 'no handler nor script link');
  }
}, { postgres: true });

eachApp('on PostgreSQL, editors working at once lose nothing: two modules added together are both kept, and two drafts at one address give one course', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const initiative = await registerInitiative(coordinator);
  const edit = await draftWithModule(coordinator, initiative);
  const member = await seatMember(t, initiative, { email: 'miembro@example.org', group: 'academia' });
  await member.csrfToken();
  const added = await Promise.all([coordinator.post(`${edit}/modules`, { name_es: 'Módulo A' }), member.post(`${edit}/modules`, { name_es: 'Módulo B' })]);
  assert.deepEqual(added.map((p) => p.status), [303, 303]);
  const desk = (await coordinator.get(edit)).html;
  assert.match(desk, /Módulo A/);
  assert.match(desk, /Módulo B/);
  const twice = await Promise.all([coordinator, member].map((c) => c.post('/my/courses/new', { publisher: initiative, title: 'Doble', slug: 'doble', language: 'es', summary: 'Dos a la vez.' })));
  assert.deepEqual(twice.map((p) => p.status).sort(), [303, 409]);
}, { postgres: true });

/** Prose-like words (as lessons are written), deterministic. */
function prose(length: number, seed: number): string {
  const vocabulary = 'la gobernanza de internet es un proceso abierto en el que gobiernos sector privado sociedad civil comunidad técnica y academia participan con sus propios roles para decidir cómo se desarrolla y usa la red los foros nacionales regionales y juveniles llevan esas conversaciones a cada país con reglas claras transparencia y actas públicas que cualquiera puede leer comentar y citar'.split(' ');
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 48271) % 2147483647;
    text += `${vocabulary[state % vocabulary.length]}${state % 13 === 0 ? '. ' : ' '}`;
  }
  return text.slice(0, length).trim();
}

/** A whole quiz form: ten questions of six answers, each field as long as the form allows. */
const fullQuiz = (text: (length: number, seed: number) => string) => Object.fromEntries(Array.from({ length: 10 }, (_, q) => [
  [`q${q}_prompt`, text(500, q + 1)], [`q${q}_right`, '0'],
  ...Array.from({ length: 6 }, (_, c) => [[`q${q}_c${c}_text`, text(300, 100 * q + c + 1)], [`q${q}_c${c}_explanation`, text(1_000, 1_000 * q + c + 1)]]).flat(),
]).flat());

eachApp('a lesson stays within the first-visit budget: the longest lesson and quiz the forms take weighs under 50 KB with its stylesheet, compressed as sent; words that do not compress are refused', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society', locale: 'es' });
  const initiative = await registerInitiative(coordinator);
  const edit = await draftWithModule(coordinator, initiative);
  const saved = await lessonForm(coordinator, `${edit}/lessons/new`, { intent: 'save', module: '0', slug: 'larga', language: 'es', title: prose(200, 1), body: prose(20_000, 2) });
  assert.equal(saved.status, 303, saved.html.slice(0, 500));
  assert.equal((await coordinator.post(`${edit}/lessons/larga/quiz`, fullQuiz(prose))).status, 303);
  assert.equal((await coordinator.post(`${edit}/publish`, {})).status, 303);
  const visitor = t.client();
  visitor.language = 'es';
  const lesson = await visitor.get('/courses/redes-comunitarias/larga');
  assert.equal(lesson.status, 200);
  const css = await visitor.get(lesson.html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!);
  const sent = brotliCompressSync(Buffer.from(lesson.html)).length + brotliCompressSync(Buffer.from(css.html)).length;
  assert.ok(sent <= 50 * 1024, `the longest lesson’s first visit is ${sent} bytes compressed`);

  const noise = (length: number) => randomBytes(length).toString('base64').slice(0, length);
  const heavy = await coordinator.post(`${edit}/lessons/larga/quiz`, fullQuiz(noise));
  assert.equal(heavy.status, 422);
  assert.match(heavy.html, /Esta lección pesaría \d+ KB comprimida, más que los 40 KB/);
  assert.ok((await visitor.get('/courses/redes-comunitarias/larga')).html.includes(prose(500, 1)), 'the quiz as it was');
}, { postgres: true });
