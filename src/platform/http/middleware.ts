import type { MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { requestCookie, requestHeader } from './request.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Services } from './env.ts';
import { isLocale, negotiateLocale, translator } from '../i18n/index.ts';
import { sessionCookie } from '../auth/identity.ts';
import { newSecret, sameText, sign } from '../auth/tokens.ts';
import { problem } from './problem.ts';
import { unreadableBody } from './forms.ts';
import { addPlatformHeaders } from './headers.ts';
import { accessLogger } from '../logger.ts';
import { unreadCount } from '../notifications/index.ts';

export const languageCookie = 'cabildo_lang';
const csrfCookie = 'cabildo_csrf';

/**
 * Gives each request an id, sees that the response carries the security headers
 * and the id, and logs one line when it ends (no query strings: they may hold tokens).
 */
export function requestLogging(services: Services): MiddlewareHandler<AppEnv> {
  const access = accessLogger(services.log);
  return async (c, next) => {
    const requestId = requestHeader(c, 'x-request-id')?.slice(0, 64).replace(/[^\w-]/g, '') || randomUUID();
    c.set('requestId', requestId);
    c.set('services', services);
    const started = performance.now();
    await next();
    addPlatformHeaders(c);
    // Invitation links carry their secret in the path.
    const path = c.req.path.replace(/^\/invitations\/[^/]+/, '/invitations/:token');
    access.info({ requestId, method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  };
}

/**
 * Refuses a NUL character anywhere in the address: no page needs one, and PostgreSQL cannot
 * even compare text containing it, so it would otherwise surface as a database error.
 */
export function rejectNulInAddress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.url;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      decoded = raw;
    }
    if (decoded.includes('\u0000')) throw new HTTPException(400, { message: 'NUL in the address' });
    await next();
  };
}

/** Reader's language: remembered choice, then the signed-in user's, then Accept-Language. */
export function localeSelection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const chosen = requestCookie(c, languageCookie);
    const locale = isLocale(chosen) ? chosen : negotiateLocale(requestHeader(c, 'accept-language'));
    c.set('locale', locale);
    c.set('t', translator(locale));
    await next();
  };
}

/** Cookies are Secure when Cabildo is served over HTTPS. */
export function secureCookie(services: Services): boolean {
  return services.config.baseUrl.startsWith('https://');
}

/** Loads the visitor from the session cookie or an API token (the identity provider says whose they are). */
export function identification(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', { user: null });
    c.set('sessionId', null);
    c.set('viaApiToken', false);
    const authorization = requestHeader(c, 'authorization');
    if (authorization?.startsWith('Bearer ') && new URL(c.req.url).pathname.startsWith('/api/')) {
      const user = await services.identity.fromApiToken(services.db, authorization.slice(7).trim(), services.clock());
      if (!user) return problem(c, 401, c.get('t')('common.errors.bad_token'));
      c.set('actor', { user });
      c.set('viaApiToken', true);
      return next();
    }
    const secret = requestCookie(c, sessionCookie);
    if (secret) {
      const session = await services.identity.fromSession(services.db, secret, services.clock());
      if (session) {
        c.set('actor', { user: session.user });
        c.set('sessionId', session.sessionId);
        c.set('unreadNotifications', () => unreadCount(services.db, session.user.id));
        if (!requestCookie(c, languageCookie) && isLocale(session.user.locale)) {
          c.set('locale', session.user.locale);
          c.set('t', translator(session.user.locale));
        }
      }
    }
    await next();
  };
}

/**
 * CSRF defence for every unsafe request made with a cookie: the form field `_csrf` (or the
 * `X-CSRF-Token` header for scripts) must match an HMAC of a per-browser cookie, and a present
 * Origin header must be ours. Requests authenticated by an API token carry no ambient authority.
 */
export function csrfProtection(services: Services): MiddlewareHandler<AppEnv> {
  const allowedOrigins = new Set([new URL(services.config.baseUrl).origin]);
  return async (c, next) => {
    const cookie = requestCookie(c, csrfCookie);
    const known = cookie && cookie.length <= 100 ? cookie : undefined;
    let browserSecret = known;
    // Tokens are made only for pages that carry a form, so pages without one (most public pages)
    // set no cookie and can be shared from the response cache.
    c.set('csrfToken', () => {
      c.set('personal', true);
      if (!browserSecret) {
        browserSecret = newSecret();
        setCookie(c, csrfCookie, browserSecret, { httpOnly: true, sameSite: 'Lax', path: '/', secure: secureCookie(services) });
      }
      // A fresh nonce per page keeps the token from repeating in compressed responses (BREACH).
      const nonce = randomBytes(9).toString('base64url');
      return `${nonce}.${sign(services.config.secret, `${browserSecret}.${nonce}`)}`;
    });
    // One-click unsubscribe (RFC 8058) is posted by mail programs with neither cookie nor token;
    // its signed link is its authority.
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.get('viaApiToken') || c.req.path.startsWith('/unsubscribe/')) return next();

    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const originOk = origin === undefined || allowedOrigins.has(origin) || origin === ownOrigin;
    let given = c.req.header('x-csrf-token');
    const type = c.req.header('content-type') ?? '';
    if (!given && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
      try {
        // Parse with `all` as readForm does: Hono caches the first parse whatever its options.
        const body = await c.req.parseBody({ all: true });
        const field = Array.isArray(body._csrf) ? body._csrf[0] : body._csrf;
        given = typeof field === 'string' ? field : undefined;
      } catch (error) {
        throw unreadableBody(error);
      }
    }
    if (!originOk || !given || !known || !csrfTokenMatches(services.config.secret, known, given)) {
      services.log.warn({ requestId: c.get('requestId'), originOk }, 'csrf check failed');
      if (new URL(c.req.url).pathname.startsWith('/api/')) return problem(c, 403, c.get('t')('common.errors.csrf'));
      return c.html(csrfPage(c.get('t')('common.errors.csrf'), c.get('locale')), 403);
    }
    return next();
  };
}

function csrfTokenMatches(secret: string, browserSecret: string, token: string): boolean {
  const [nonce, signature] = token.split('.');
  return nonce !== undefined && signature !== undefined && nonce.length <= 24 && sameText(signature, sign(secret, `${browserSecret}.${nonce}`));
}

function csrfPage(message: string, locale: string): string {
  const text = message.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>403</title></head><body><main><h1>403</h1><p>${text}</p><p><a href="/">Cabildo</a></p></main></body></html>`;
}

export function rememberLanguage(c: Parameters<MiddlewareHandler<AppEnv>>[0], locale: string): void {
  setCookie(c, languageCookie, locale, {
    path: '/',
    maxAge: 365 * 86_400,
    sameSite: 'Lax',
    secure: secureCookie(c.get('services')),
  });
}
