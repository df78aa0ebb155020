import { Hono } from 'hono';
import { OpenAPIHono } from '@hono/zod-openapi';
import { jsxRenderer } from 'hono/jsx-renderer';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Services } from './platform/http/env.ts';
import { csrfProtection, identification, localeSelection, rejectNulInAddress, requestLogging, rememberLanguage } from './platform/http/middleware.ts';
import { registerCatalogs, isLocale } from './platform/i18n/index.ts';
import { Layout, setNavigation } from './platform/views/layout.tsx';
import { setJourneys } from './platform/journeys.ts';
import { assets } from './platform/views/assets.ts';
import { NotAllowed } from './platform/policy.ts';
import { problem } from './platform/http/problem.ts';
import { delivery, prepare, send } from './platform/http/delivery.ts';
import { jobPages } from './platform/jobs/pages.tsx';
import { notificationPages } from './platform/notifications/pages.tsx';
import { logKinds, notificationKinds, searchSources } from './platform/manifests.ts';
import { logApi } from './platform/log/api.ts';
import { logPages } from './platform/log/pages.tsx';
import { searchApi, searchPages } from './platform/search/pages.tsx';
import { isSecretariat } from './platform/policy.ts';
import type { NavLink } from './platform/views/layout.tsx';
import { fieldErrors } from './platform/http/forms.ts';
import { ErrorPage } from './platform/views/errorPage.tsx';
import { safeNext } from './platform/http/redirects.ts';
import { learnRouteWords } from './platform/http/paths.ts';
import type { ModuleManifest } from './platform/module.ts';
import { HTTPException } from 'hono/http-exception';

/**
 * Two requests racing to create the same thing (the same email, a second answer to an
 * invitation) meet a unique constraint; that is a conflict to report, not a server error.
 */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

const loadedCatalogs = new Set<string>();
function loadCatalogs(modules: readonly ModuleManifest[]): void {
  const sources: Array<[string, URL]> = [['common', new URL('./platform/i18n/', import.meta.url)]];
  for (const module of modules) if (module.catalogs) sources.push([module.name, module.catalogs]);
  for (const [namespace, dir] of sources) {
    if (loadedCatalogs.has(namespace)) continue;
    registerCatalogs(namespace, dir);
    loadedCatalogs.add(namespace);
  }
}


/** The platform's own pages in the main navigation. */
const platformNavigation: NavLink[] = [
  { href: '/secretariat/jobs', label: 'common.jobs.title', visible: (actor) => actor.user !== null && isSecretariat(actor.user) },
];

/** Builds Cabildo's HTTP app from the module manifests. */
export async function createApp(services: Services, modules: readonly ModuleManifest[]): Promise<Hono<AppEnv>> {
  loadCatalogs(modules);
  setNavigation([...modules.flatMap((m) => m.nav ?? []), ...platformNavigation]);
  setJourneys(modules.flatMap((m) => m.journeys ?? []));
  const app = new Hono<AppEnv>();

  // Before everything else: load balancers probe it every few seconds, and it is not a page. It
  // answers with no request log line and only the headers a JSON probe needs.
  app.get('/healthz', async () => {
    const healthy = await services.ping();
    return new Response(healthy ? '{"status":"ok"}' : '{"status":"database unavailable"}', {
      status: healthy ? 200 : 503,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  });
  app.use(requestLogging(services));

  for (const asset of assets) {
    const ready = prepare(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' }, new TextEncoder().encode(asset.body));
    app.get(asset.path, (c) => send(c, ready, true));
  }

  app.use(localeSelection());
  app.use(delivery(services));
  app.use(jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, { docType: true }));
  app.use(rejectNulInAddress());
  app.use(identification(services));
  // After the renderer, the translator and the visitor (who may have chosen a language), so that
  // a refused body gets a page in the reader's language whether it was announced as too large
  // (refused at once) or found to be so while read; before anything reads a body (CSRF).
  const tooLarge = () => { throw new HTTPException(413); };
  const limitBody = bodyLimit({ maxSize: 256 * 1024, onError: tooLarge });
  const uploads = modules.flatMap((m) => m.largeBodies ?? []).map((u) => ({ path: u.path, limit: bodyLimit({ maxSize: u.maxBytes, onError: tooLarge }) }));
  // Only requests that may carry a body: reading a GET's body would build a whole Request for nothing.
  app.use((c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (uploads.find((u) => u.path.test(c.req.path))?.limit ?? limitBody)(c, next);
  });
  app.use(csrfProtection(services));

  jobPages(app, services);
  notificationPages(app, services, notificationKinds(modules));
  const sources = searchSources(modules);
  searchPages(app, services, sources);
  logPages(app, services, logKinds(modules));

  app.get('/language/:code', (c) => {
    const code = c.req.param('code');
    if (!isLocale(code)) return c.notFound();
    rememberLanguage(c, code);
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const t = c.get('t');
        return problem(c as never, 422, t('common.errors.invalid_request'), fieldErrors(result.error, t));
      }
    },
  });
  for (const module of modules) {
    const routes = await module.routes?.();
    routes?.pages?.(app, services);
    routes?.api?.(api, services);
  }
  logApi(api, services);
  searchApi(api, services, sources);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Cabildo API', version: '1', description: 'Open data and writes for the Cabildo platform.' },
  });
  api.notFound((c) => problem(c, 404));
  app.route('/api', api);
  learnRouteWords(app.routes);

  app.notFound((c) => {
    if (new URL(c.req.url).pathname.startsWith('/api/')) return problem(c, 404);
    c.status(404);
    return c.render(<ErrorPage status={404} />, { title: c.get('t')('common.status.404') });
  });
  app.onError((error, c) => {
    const isApi = new URL(c.req.url).pathname.startsWith('/api/');
    if (error instanceof NotAllowed) {
      if (isApi) return problem(c, error.status);
      if (error.status === 401) {
        // After logging in, come back to the page; a form post cannot be replayed, so not to it.
        const url = new URL(c.req.url);
        return c.redirect(c.req.method === 'GET' ? `/login?next=${encodeURIComponent(url.pathname + url.search)}` : '/login', 303);
      }
      c.status(403);
      return c.render(<ErrorPage status={403} />, { title: c.get('t')('common.status.403') });
    }
    const status = isUniqueViolation(error) ? 409 : (error as { status?: number }).status;
    if (status === 400 || status === 409 || status === 413 || status === 415) {
      if (isApi) return problem(c, status);
      c.status(status);
      return c.render(<ErrorPage status={status} />, { title: c.get('t')(`common.status.${status}`) });
    }
    services.log.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    if (isApi) return problem(c, 500);
    c.status(500);
    return c.render(<ErrorPage status={500} />, { title: 'Error' });
  });
  return app;
}
