import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { problem } from '../../../platform/http/problem.ts';
import { problemResponse } from '../../../platform/http/openapi.ts';
import { findConsultation } from '../queries.ts';
import { opinionPolicy } from './policy.ts';
import { lastAnalysis, liveCounts, statementsOf } from './queries.ts';

const OpinionJson = z.object({
  participants: z.number().int().openapi({ description: 'People who voted, now' }),
  statements: z.number().int().openapi({ description: 'Approved statements, now' }),
  votes: z.number().int().openapi({ description: 'Votes, now (one per participant and statement: the latest)' }),
  computed_at: z.string().nullable().openapi({ description: 'When the last analysis ran; null before the first' }),
  opinion_groups: z.array(z.object({
    id: z.string().openapi({ example: 'A' }),
    members: z.array(z.number().int()).openapi({ description: 'Participant ids as in Polis (`voter-id`): kept from an import, numbered on for new voters' }),
  })),
  bridging: z.array(z.object({
    statement_id: z.number().int().openapi({ description: 'The statement’s Polis `comment-id`' }),
    score: z.number().openapi({ description: 'The lowest agreement (lower bound of a 90% interval) over every opinion group and every stakeholder group' }),
    provisional: z.boolean().openapi({ description: 'Some group has too few votes on it for the score to include it' }),
  })).openapi({ description: 'Statements ranked by how well every opinion group and every stakeholder group agree' }),
}).openapi('ConsultationOpinion');

export function opinionApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db } = services;
  api.openapi(
    createRoute({
      method: 'get', path: '/consultations/{slug}/opinion', summary: 'A consultation’s opinion map: counts now, and the opinion groups and bridging statements of the last analysis',
      request: { params: z.object({ slug: z.string().min(1).max(100) }) },
      responses: {
        200: { description: 'The opinion map', content: { 'application/json': { schema: OpinionJson } } },
        404: problemResponse('No such consultation, or none published'),
      },
    }),
    async (c) => {
      const found = await findConsultation(db, c.req.valid('param').slug);
      if (!found || !opinionPolicy.view(c.get('actor'), found)) return problem(c, 404) as never;
      const [live, statements, analysis] = await Promise.all([liveCounts(db, found.id), statementsOf(db, found.id), lastAnalysis(db, found.id)]);
      return c.json({
        participants: live.participants, statements: statements.length, votes: live.votes, computed_at: analysis?.computed_at ?? null,
        opinion_groups: analysis?.map.opinion_groups ?? [], bridging: analysis?.map.bridging ?? [],
      }, 200);
    },
  );
}
