import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../http/env.ts';
import { stakeholderLabel } from '../stakeholders.ts';

/** What a view needs from the request: the translator, the locale, the visitor, the CSRF token and the taxonomy. */
export function useView() {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const stakeholders = c.get('services').config.stakeholders;
  return {
    t,
    locale: c.get('locale'),
    // Errors can be rendered before the visitor is identified.
    actor: c.get('actor') ?? { user: null },
    /** A CSRF token for a form (the page then becomes this visitor's own). */
    csrfToken: () => c.get('csrfToken')?.() ?? '',
    url: new URL(c.req.url),
    stakeholders,
    unreadNotifications: c.get('unreadNotifications') ?? (async () => 0),
    /** Asks the layout for the page's script (progressive enhancement); pages without it load none. */
    enhance: () => c.set('enhanced', true),
    /** Whether a view asked for the script (read at the end of the page, after every view ran). */
    enhanced: () => c.get('enhanced') === true,
    /** A stored stakeholder group, named as this installation's taxonomy counts it. */
    groupLabel: (stored: string) => stakeholderLabel(stakeholders, t, stored),
  };
}
