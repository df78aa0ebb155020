import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import type { FieldErrors } from './forms.ts';

/** An RFC 9457 problem details answer for the JSON API. */
export function problem(
  c: Context<AppEnv>,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
  detail?: string,
  errors?: FieldErrors,
  /** Extension members (RFC 9457 §3.2); they never replace the standard ones. */
  extensions: Record<string, unknown> = {},
): Response {
  const t = c.get('t');
  const body = {
    ...extensions,
    type: `about:blank`,
    title: t(`common.status.${status}`),
    status,
    ...(detail ? { detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...(errors ? { errors: Object.entries(errors).map(([field, message]) => ({ pointer: `#/${field.replaceAll(".", "/")}`, detail: message })) } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}
