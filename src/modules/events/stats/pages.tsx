import type { Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug } from '../queries.ts';
import { eventStatistics } from './statistics.ts';
import { StatsPage } from './views/statsPage.tsx';

export function statsPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  app.get('/events/:slug/statistics', async (c) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event || !eventPolicy.seeStatistics(c.get('actor'), event)) return c.notFound();
    const stats = await eventStatistics(db, event.id, services.config.stakeholders.groups);
    return page(c, c.get('t')('events.stats.title', { title: event.title }), <StatsPage event={event} stats={stats} />);
  });
}
