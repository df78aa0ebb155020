import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../src/platform/http/env.ts';
import type { ModuleManifest } from '../../src/platform/module.ts';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { initiativeFields } from './factories.ts';

/** 'login' is a redirect to the log-in page; a number is the exact status. */
export type Outcome = number | 'login';

export interface RouteCase<Role extends string> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** With `:name` placeholders filled from the walk's params. */
  path: string;
  body?: 'form' | 'json' | 'initiative';
  expect: Record<Role, Outcome>;
}

/** Helpers to write what each role gets. */
export function outcomes<Role extends string>(roles: readonly Role[]) {
  const everyone = (outcome: Outcome) => Object.fromEntries(roles.map((r) => [r, outcome])) as Record<Role, Outcome>;
  return {
    everyone,
    /** Anonymous visitors are sent to log in. */
    signedIn: (outcome: Outcome) => ({ ...everyone(outcome), anonymous: 'login' }) as Record<Role, Outcome>,
    /** Only the roles named get their outcome; anonymous visitors log in, the others are refused. */
    only: (allowed: Partial<Record<Role, Outcome>>) => ({ ...everyone(403), anonymous: 'login', ...allowed }) as Record<Role, Outcome>,
  };
}

/** The routes a module mounts, as `METHOD /path` with Hono's `:param` placeholders. */
export async function routesOf(module: ModuleManifest, t: TestApp): Promise<string[]> {
  const routes = await module.routes?.();
  const pages = new Hono<AppEnv>();
  routes?.pages?.(pages, t.services);
  const api = new OpenAPIHono<AppEnv>();
  routes?.api?.(api, t.services);
  const mounted = [...pages.routes, ...api.routes.map((r) => ({ ...r, path: `/api${r.path}` }))];
  return [...new Set(mounted.filter((r) => ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method)).map((r) => `${r.method} ${r.path}`))];
}

async function call(client: TestClient, route: RouteCase<string>, path: string) {
  if (route.body === 'json') return client.json(route.method, path, {});
  // Past the duplicate warning: each role registers the same initiative, and the walk is about who may.
  if (route.body === 'initiative') return client.json(route.method, path, { ...initiativeFields, year_established: 2014, create_anyway: true });
  if (route.method === 'GET') return client.get(path);
  return client.post(path, {});
}

/**
 * Calls every route as every role and compares with what the table says; then checks that every
 * route the module mounts is in the table, so a new route cannot go unwalked.
 */
export async function walkRoles<Role extends string>(
  t: TestApp,
  options: {
    module?: ModuleManifest;
    clients: Record<Role, TestClient>;
    cases: Array<RouteCase<Role>>;
    params?: Record<string, string>;
    /** Called after a route that ends sessions (log out), to sign the role in again. */
    afterEach?: (route: RouteCase<Role>, role: Role) => Promise<void>;
  },
): Promise<void> {
  const fill = (path: string) => path.replace(/:(\w+)/g, (whole, name: string) => options.params?.[name] ?? whole);
  const failures: string[] = [];
  for (const route of options.cases) {
    for (const role of Object.keys(options.clients) as Role[]) {
      const page = await call(options.clients[role], route, fill(route.path));
      const location = 'location' in page ? page.location : null;
      const got: Outcome = page.status === 303 && (location === '/login' || location?.startsWith('/login?next=')) ? 'login' : page.status;
      if (got !== route.expect[role]) failures.push(`${route.method} ${route.path} as ${role}: expected ${route.expect[role]}, got ${got}`);
      await options.afterEach?.(route, role);
    }
  }
  assert.deepEqual(failures, []);
  if (!options.module) return;
  const walked = options.cases.map((c) => `${c.method} ${c.path.split('?')[0]}`);
  const unwalked = (await routesOf(options.module, t)).filter((route) => {
    const pattern = new RegExp(`^${route.replace(/:[a-z]+/g, '[^/]+')}$`);
    return !walked.some((w) => pattern.test(w) || w === route);
  });
  assert.deepEqual(unwalked, [], `routes of the ${options.module.name} module missing from its role table`);
}
