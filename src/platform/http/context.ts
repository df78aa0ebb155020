import type { Context } from 'hono';
import type { Actor, AppEnv, CommandContext } from './env.ts';

/** The command context of a request: its database, visitor, language and the time now. */
export function commandContext<A extends Actor>(c: Context<AppEnv>, actor: A): CommandContext<A> {
  const services = c.get('services');
  return { db: services.db, actor, locale: c.get('locale'), now: services.clock(), jobs: services.jobs };
}

/** Renders a page with the given title; the layout adds the site name. */
export function page(c: Context<AppEnv>, title: string, content: unknown, status: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 = 200) {
  c.status(status);
  return c.render(content as string, { title });
}
