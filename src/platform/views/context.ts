import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../http/env.ts';

/** What a view needs from the request: the translator, the locale, the visitor and the CSRF token. */
export function useView() {
  const c = useRequestContext<AppEnv>();
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    // Errors can be rendered before the visitor is identified.
    actor: c.get('actor') ?? { user: null },
    csrfToken: c.get('csrfToken') ?? '',
    url: new URL(c.req.url),
  };
}
