import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { eachApp } from '../support/app.ts';
import { insertPerson, loggedIn, secretariat } from '../support/factories.ts';
import { outcomes, routesOf, walkRoles, type RouteCase } from '../support/roleWalk.ts';
import { modules } from '../../src/modules/index.ts';

const roles = ['anonymous', 'unverified', 'secretariat'] as const;
const { everyone, only, signedIn } = outcomes(roles);

/** The routes the platform itself mounts (modules walk their own, in src/modules/<name>/roles.test.ts). */
const platformCases: Array<RouteCase<(typeof roles)[number]>> = [
  { method: 'GET', path: '/healthz', expect: everyone(200) },
  { method: 'GET', path: '/language/es?next=/', expect: everyone(303) },
  { method: 'GET', path: '/api/openapi.json', expect: everyone(200) },
  { method: 'GET', path: '/search?q=gobernanza', expect: everyone(200) },
  { method: 'GET', path: '/api/search?q=gobernanza', expect: everyone(200) },
  { method: 'GET', path: '/secretariat/jobs', expect: only({ secretariat: 200 }) },
  { method: 'POST', path: '/secretariat/jobs/nope/retry', body: 'form', expect: only({ secretariat: 404 }) },
  { method: 'GET', path: '/notifications', expect: signedIn(200) },
  { method: 'GET', path: '/notifications/nope/open', expect: signedIn(404) },
  { method: 'POST', path: '/notifications/read', body: 'form', expect: signedIn(303) },
  { method: 'GET', path: '/notifications/preferences', expect: signedIn(200) },
  { method: 'POST', path: '/notifications/preferences', body: 'form', expect: signedIn(422) },
  { method: 'GET', path: '/unsubscribe/nope', expect: everyone(404) },
  { method: 'POST', path: '/unsubscribe/nope', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/log', expect: everyone(200) },
  { method: 'GET', path: '/api/log/checkpoint', expect: everyone(200) },
  { method: 'GET', path: '/api/log/key', expect: everyone(200) },
  { method: 'GET', path: '/api/log/entries?start=0&end=10', expect: everyone(200) },
  { method: 'GET', path: '/api/log/proof/inclusion?index=0&tree_size=1', expect: everyone(400) },
  { method: 'GET', path: '/api/log/proof/consistency?first=1&second=1', expect: everyone(400) },
  { method: 'GET', path: '/api/log/witnessed', expect: everyone(200) },
];

eachApp('the platform routes answer every role, and every route of the app is walked by its owner', async (t) => {
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { clients, cases: platformCases });
  const owned = new Set([
    ...platformCases.map((c) => `${c.method} ${c.path.split('?')[0]}`), 'GET /language/:code', 'POST /secretariat/jobs/:id/retry',
    'GET /notifications/:id/open', 'GET /unsubscribe/:token', 'POST /unsubscribe/:token',
    ...(await Promise.all(modules.map((m) => routesOf(m, t)))).flat(),
  ]);
  const mounted = t.app.routes
    .filter((r) => ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method) && !r.path.startsWith('/assets/'))
    .map((r) => `${r.method} ${r.path}`);
  assert.deepEqual([...new Set(mounted.filter((r) => !owned.has(r)))], [], 'routes nobody walks');
});

test('every module that mounts routes walks them by role in its own roles.test.ts', () => {
  const missing = modules
    .filter((m) => m.routes)
    .filter((m) => !existsSync(new URL(`../../src/modules/${m.name}/roles.test.ts`, import.meta.url)))
    .map((m) => m.name);
  assert.deepEqual(missing, []);
});
