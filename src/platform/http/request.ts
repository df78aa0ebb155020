import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { parse } from 'hono/utils/cookie';
import type { AppEnv } from './env.ts';

/**
 * A request header, read from Node's own message when the app runs in Node's server: asking the
 * Fetch `Request` for one header makes it copy them all into a `Headers` object first, which
 * costs more than answering a cached page. (Under `app.request()`, in tests, there is no Node
 * message, and the `Request` answers.)
 */
export function requestHeader(c: Context<AppEnv>, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** One cookie's value, read the same way. */
export function requestCookie(c: Context<AppEnv>, name: string): string | undefined {
  const header = requestHeader(c, 'cookie');
  return header ? parse(header, name)[name] : undefined;
}
