import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, registerInitiative, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { coursesModule } from './module.ts';
import { seedStarterCourse } from './seeds.ts';
import { starterCourse } from './seeds/starterCourse.ts';

const roles = ['anonymous', 'unverified', 'learner', 'committee', 'secretariat'] as const;
const { everyone, signedIn } = outcomes(roles);

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
];

eachApp('every courses route answers every role as its policy says', async (t) => {
  await seedStarterCourse({ db: t.database.db, now: t.clock.now, onlyIfEmpty: false });
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  await registerInitiative(coordinator);
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
  await walkRoles(t, { module: coursesModule, clients, cases, params: { course: starterCourse.slug, lesson: lessons[0]!.slug, certificate, image } });
}, { postgres: true });
