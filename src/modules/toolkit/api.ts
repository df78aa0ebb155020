import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { problem } from '../../platform/http/problem.ts';
import { problemResponse } from '../../platform/http/openapi.ts';
import { authorize } from '../../platform/policy.ts';
import { translate } from '../../platform/i18n/index.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { mentorCoordinatorsOf } from '../mentoring/index.ts';
import { toolkitPolicy } from './policy.ts';
import { progressOf } from './queries.ts';

const StepJson = z.object({
  key: z.string().openapi({ example: 'logistics', description: 'Stable across releases' }),
  title: z.string().openapi({ description: 'In the language of the request' }),
  kind: z.enum(['automatic', 'manual']).openapi({ description: 'automatic: Cabildo checks it; manual: the committee ticks it with evidence' }),
  check: z.string().nullable().openapi({ description: 'The automatic check that decides it' }),
  state: z.enum(['automatic', 'ticked', 'open']).openapi({ description: 'automatic: done, as Cabildo checked; ticked: done, with evidence; open' }),
  evidence: z.object({
    note: z.string().nullable(),
    link: z.string().nullable(),
    ticked_at: z.string(),
    ticked_by: z.string().nullable().openapi({ description: 'The name of who ticked it' }),
  }).nullable(),
  guidance_url: z.string(),
});

const ToolkitJson = z.object({
  initiative: z.object({ slug: z.string(), name: z.string() }),
  done: z.number().int(),
  total: z.number().int(),
  next: z.string().nullable().openapi({ description: 'The key of the first open step; null when every step is done' }),
  steps: z.array(StepJson),
}).openapi('InitiativeToolkit');

export function toolkitApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  api.openapi(
    createRoute({
      method: 'get', path: '/initiatives/{slug}/toolkit',
      summary: 'An initiative’s progress through the setup toolkit: each step, done automatically, ticked with evidence or open, and the next step (its committee, its active mentor’s coordinators and the secretariat)',
      security: [{ bearerAuth: [] }],
      request: { params: z.object({ slug: z.string().min(1).max(100) }) },
      responses: {
        200: { description: 'The progress', content: { 'application/json': { schema: ToolkitJson } } },
        401: problemResponse('Log in or send a token'), 403: problemResponse('Neither on its committee, its active mentor’s coordinators nor the secretariat'), 404: problemResponse('No such initiative'),
      },
    }),
    async (c) => {
      const initiative = await findInitiativeBySlug(db, c.req.valid('param').slug);
      if (!initiative) return problem(c, 404) as never;
      authorize(c.get('actor'), toolkitPolicy.viewProgress, { ...initiative, mentors: await mentorCoordinatorsOf(db, initiative.id) });
      const progress = await progressOf(db, initiative, { now: services.clock(), stakeholders: config.stakeholders });
      const locale = c.get('locale');
      return c.json({
        initiative: { slug: initiative.slug, name: initiative.name }, done: progress.done, total: progress.total, next: progress.next,
        steps: progress.steps.map((s) => ({
          key: s.key, title: translate(locale, `toolkit.steps.${s.key}.title`), kind: s.check ? 'automatic' as const : 'manual' as const, check: s.check, state: s.state,
          evidence: s.tick, guidance_url: `${config.baseUrl}/toolkit#step-${s.key}`,
        })),
      }, 200);
    },
  );
}
