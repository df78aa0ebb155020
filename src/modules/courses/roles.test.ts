import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { coursesModule } from './module.ts';
import { seedStarterCourse } from './seeds.ts';
import { starterCourse } from './seeds/starterCourse.ts';

const roles = ['anonymous', 'unverified', 'learner', 'committee', 'secretariat'] as const;
const { everyone, signedIn, only } = outcomes(roles);

/**
 * Every route of the module and what each role gets: courses, lessons, downloads and certificates
 * are public; progress and certificates need an account; publishing a verified one (the command
 * then checks the publisher). Writes carry empty bodies.
 */
const cases: Array<RouteCase<(typeof roles)[number]>> = [
  { method: 'GET', path: '/courses', expect: everyone(200) },
  { method: 'GET', path: '/courses/:course', expect: everyone(200) },
  { method: 'GET', path: '/courses/nothing', expect: everyone(404) },
  { method: 'GET', path: '/courses/:course/download', expect: everyone(200) },
  // Nobody but the learner has passed the quizzes; the learner's claim answers their certificate.
  { method: 'POST', path: '/courses/:course/certificate', body: 'form', expect: { ...signedIn(409), learner: 303 } },
  { method: 'GET', path: '/courses/:course/certificate', expect: everyone(303) },
  { method: 'GET', path: '/certificates/:certificate', expect: everyone(200) },
  { method: 'GET', path: '/certificates/nothing', expect: everyone(404) },
  { method: 'GET', path: '/courses/:course/:lesson', expect: everyone(200) },
  { method: 'GET', path: '/courses/:course/nothing', expect: everyone(404) },
  { method: 'POST', path: '/courses/:course/:lesson/read', body: 'form', expect: signedIn(303) },
  { method: 'GET', path: '/courses/:course/:lesson/read', expect: everyone(303) },
  // Anyone may answer a quiz: an empty one lacks its answers.
  { method: 'POST', path: '/courses/:course/:lesson/quiz', body: 'form', expect: everyone(422) },
  { method: 'POST', path: '/courses/:course/nothing/quiz', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/courses/:course/:lesson/quiz', expect: everyone(303) },
  { method: 'GET', path: '/api/courses', expect: everyone(200) },
  { method: 'GET', path: '/api/certificates/:certificate', expect: everyone(200) },
  { method: 'GET', path: '/api/certificates/nothing', expect: everyone(404) },
  { method: 'POST', path: '/api/courses', body: 'json', expect: { ...everyone(422), anonymous: 401, unverified: 403 } },
  // Images for lessons: a verified account uploads them; one no course uses yet is its uploader's alone.
  { method: 'GET', path: '/my/course-images', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/my/course-images', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  { method: 'GET', path: '/course-images/:image', expect: { ...everyone(404), learner: 200 } },
  { method: 'GET', path: '/course-images/nothing', expect: everyone(404) },
  // Writing courses (docs/decisions/037): a verified account opens the forms; a course's own
  // publisher (here the committee's initiative) edits it. The draft has a lesson in its first
  // module and none in its second, so publishing it is refused (409) and nothing changes.
  { method: 'GET', path: '/my/courses', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'GET', path: '/my/courses/new', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/my/courses/new', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  { method: 'GET', path: '/courses/:draft', expect: { ...everyone(404), committee: 200 } },
  { method: 'GET', path: '/courses/:draft/:dlesson', expect: { ...everyone(404), committee: 200 } },
  { method: 'GET', path: '/courses/:draft/edit', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/courses/nothing/edit', expect: everyone(404) },
  { method: 'POST', path: '/courses/:draft/edit/texts', body: 'form', expect: only({ committee: 422 }) },
  { method: 'GET', path: '/courses/:draft/edit/texts', expect: everyone(303) },
  { method: 'POST', path: '/courses/:draft/edit/modules', body: 'form', expect: only({ committee: 422 }) },
  { method: 'GET', path: '/courses/:draft/edit/modules', expect: everyone(303) },
  { method: 'POST', path: '/courses/:draft/edit/publish', body: 'form', expect: only({ committee: 409 }) },
  { method: 'GET', path: '/courses/:draft/edit/publish', expect: everyone(303) },
  { method: 'POST', path: '/courses/:draft/edit/withdraw', body: 'form', expect: only({ committee: 409 }) },
  { method: 'GET', path: '/courses/:draft/edit/withdraw', expect: everyone(303) },
  { method: 'GET', path: '/courses/:draft/edit/modules/0', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/courses/:draft/edit/modules/9', expect: everyone(404) },
  { method: 'POST', path: '/courses/:draft/edit/modules/0', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/courses/:draft/edit/modules/0/move', body: 'form', expect: only({ committee: 422 }) },
  { method: 'GET', path: '/courses/:draft/edit/modules/0/move', expect: everyone(303) },
  { method: 'GET', path: '/courses/:draft/edit/lessons/new?module=0', expect: only({ committee: 200 }) },
  { method: 'POST', path: '/courses/:draft/edit/lessons/new', body: 'form', expect: only({ committee: 422 }) },
  { method: 'GET', path: '/courses/:draft/edit/lessons/:dlesson', expect: only({ committee: 200 }) },
  { method: 'GET', path: '/courses/:draft/edit/lessons/nothing', expect: everyone(404) },
  { method: 'POST', path: '/courses/:draft/edit/lessons/:dlesson', body: 'form', expect: only({ committee: 422 }) },
  { method: 'POST', path: '/courses/:draft/edit/lessons/:dlesson/move', body: 'form', expect: only({ committee: 422 }) },
  { method: 'GET', path: '/courses/:draft/edit/lessons/:dlesson/move', expect: everyone(303) },
  { method: 'GET', path: '/courses/:draft/edit/lessons/:dlesson/quiz', expect: only({ committee: 200 }) },
  // An empty quiz form changes nothing (the lesson has no quiz yet).
  { method: 'POST', path: '/courses/:draft/edit/lessons/:dlesson/quiz', body: 'form', expect: only({ committee: 303 }) },
];

eachApp('every courses route answers every role as its policy says', async (t) => {
  await seedStarterCourse({ db: t.database.db, now: t.clock.now, onlyIfEmpty: false });
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const initiative = await registerInitiative(coordinator);
  await coordinator.post('/my/courses/new', { publisher: initiative, title: 'Borrador', slug: 'borrador', language: 'es', summary: 'Un curso a medio escribir.' });
  await coordinator.post('/courses/borrador/edit/modules', { name_es: 'Uno' });
  await coordinator.post('/courses/borrador/edit/modules', { name_es: 'Dos' });
  const lessonForm = new FormData();
  for (const [name, value] of Object.entries({ _csrf: await coordinator.csrfToken(), intent: 'save', module: '0', slug: 'primera', language: 'es', title: 'Primera', body: 'Texto.' })) lessonForm.append(name, value);
  await coordinator.request('/courses/borrador/edit/lessons/new', { method: 'POST', body: lessonForm });
  const learner = await verifiedPerson(t, { email: 'learner@example.org' });
  const lessons = starterCourse.modules.flatMap((m) => m.lessons);
  for (const lesson of lessons) {
    await learner.post(`/courses/${starterCourse.slug}/${lesson.slug}/quiz`, Object.fromEntries(lesson.answers.map((a, i) => [`answer_${i}`, String(a)])));
  }
  const certificate = (await learner.post(`/courses/${starterCourse.slug}/certificate`, {})).location!.split('?')[0]!.split('/')[2]!;
  // A private image of the learner's (a 1×1 GIF).
  const gif = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
  const body = new FormData();
  body.append('_csrf', await learner.csrfToken());
  body.append('image', new Blob([gif], { type: 'image/gif' }), 'dot.gif');
  await learner.request('/my/course-images', { method: 'POST', body });
  const image = (await learner.get('/my/course-images')).html.match(/image:([\w-]+)\)/)![1]!;
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    learner,
    committee: coordinator,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: coursesModule, clients, cases, params: { course: starterCourse.slug, lesson: lessons[0]!.slug, certificate, image, draft: 'borrador', dlesson: 'primera' } });
}, { postgres: true });
