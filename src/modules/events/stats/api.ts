import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { problem } from '../../../platform/http/problem.ts';
import { problemResponse } from '../../../platform/http/openapi.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug } from '../queries.ts';
import { smallCell, type Cell, type GroupStatistics } from './counts.ts';
import { eventStatistics } from './statistics.ts';

const Count = z.number().int().nullable().openapi({ description: `null when from 1 to ${smallCell - 1}, or hidden so that another such count cannot be worked out` });
const Part = z.object({
  total: Count,
  by: z.record(z.string(), z.array(z.object({ key: z.string(), count: Count }))).openapi({ description: 'stakeholder_group, presence; for speakers also gender (woman, man, another, unknown) and region (UN regional groups)' }),
});
const Statistics = z.object({
  registrations: Part.openapi({ description: 'Confirmed registrations for the event' }),
  speakers: Part,
  floor: Part.openapi({ description: 'Interventions: each time someone took the floor or had a question answered' }),
}).openapi('EventStatistics');

const count = (cell: Cell) => (cell.hidden ? null : cell.count);
const present = (s: GroupStatistics) => ({ total: count(s.total), by: Object.fromEntries(Object.entries(s.by).map(([d, cells]) => [d, cells.map((c) => ({ key: c.key, count: count(c) }))])) });

export function statsApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}/statistics', summary: 'Participation statistics of an event: counts only, small ones hidden',
      request: { params: z.object({ slug: z.string().min(1).max(100) }) },
      responses: { 200: { description: 'The counts', content: { 'application/json': { schema: Statistics } } }, 404: problemResponse('No such event') },
    }),
    async (c) => {
      const event = await findEventBySlug(services.db, c.req.param('slug') ?? '');
      if (!event || !eventPolicy.seeStatistics(c.get('actor'), event)) return problem(c, 404) as never;
      const stats = await eventStatistics(services.db, event.id, services.config.stakeholders.groups);
      return c.json({ registrations: present(stats.registrations), speakers: present(stats.speakers), floor: present(stats.floor) }, 200);
    },
  );
}
