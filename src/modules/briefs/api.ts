import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { problem } from '../../platform/http/problem.ts';
import { problemResponse } from '../../platform/http/openapi.ts';
import { gridItems, jurisdictions, kinds, perspectives, ratings, stages } from './grid.ts';
import { briefPolicy } from './policy.ts';
import { findBrief, latestVersion, listBriefs } from './queries.ts';
import { exportOf } from './export.ts';

const schemaLink = 'The same document as the brief page’s JSON export; its JSON Schema is at [/briefs/schema.json](/briefs/schema.json).';

const BriefJson = z.object({
  $schema: z.string(),
  id: z.string(),
  url: z.string(),
  version: z.number().int().openapi({ description: 'The latest published version' }),
  published_at: z.string(),
  snapshot_sha256: z.string().openapi({ description: 'SHA-256 of the version as the transparency log covers it' }),
  title: z.string(),
  kind: z.enum(kinds),
  jurisdiction: z.string().openapi({ description: 'ISO 3166-1 alpha-2, `regional` or `global`', example: 'CO' }),
  language: z.string(),
  stage: z.enum(stages),
  summary: z.string().nullable(),
  links: z.array(z.string()),
  authors: z.array(z.object({ name: z.string(), stakeholder_group: z.string().nullable() })),
  grid: z.array(z.object({
    item: z.enum(gridItems), group: z.enum(['property', 'enabler']), rating: z.enum(ratings), reasoning: z.string().nullable(), evidence: z.string().nullable(),
    notes: z.object(Object.fromEntries(perspectives.map((p) => [p, z.string().optional()]))),
  })),
}).openapi('ImpactBrief', { description: schemaLink });

const ListedJson = z.object({
  id: z.string(), title: z.string(), kind: z.enum(kinds), jurisdiction: z.string(), stage: z.enum(stages), language: z.string(), version: z.number().int(),
  published_at: z.string().openapi({ description: 'When version 1 was published' }), updated_at: z.string().openapi({ description: 'When the latest version was published' }), url: z.string(),
}).openapi('ListedImpactBrief');

const ListQuery = z.object({
  jurisdiction: z.enum(jurisdictions as unknown as [string, ...string[]]).optional().openapi({ description: 'ISO 3166-1 alpha-2, `regional` or `global`', example: 'CO' }),
  kind: z.enum(kinds).optional(),
  rating: z.enum(ratings).optional().openapi({ description: 'Briefs that give this rating to any item, or to `item` when given' }),
  item: z.enum(gridItems).optional().openapi({ description: 'A critical property or enabler, with `rating`' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const IdParam = z.object({ id: z.string().min(1).max(40) });

export function briefApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;

  api.openapi(
    createRoute({
      method: 'get', path: '/briefs', summary: 'Published Internet impact briefs, most recently published first',
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of published briefs', content: { 'application/json': { schema: z.object({ total: z.number().int(), items: z.array(ListedJson) }).openapi('ImpactBriefs') } } },
        422: problemResponse('Invalid query'),
      },
    }),
    async (c) => {
      const { limit, offset, ...filters } = c.req.valid('query');
      const { total, items } = await listBriefs(db, filters, { limit, offset });
      return c.json({ total, items: items.map((b) => ({ ...b, kind: b.kind as (typeof kinds)[number], stage: b.stage as (typeof stages)[number], url: `${config.baseUrl}/briefs/${b.id}` })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/briefs/{id}', summary: 'A published Internet impact brief (its latest version)', description: schemaLink,
      request: { params: IdParam },
      responses: { 200: { description: 'The brief', content: { 'application/json': { schema: BriefJson } } }, 404: problemResponse('No such published brief') },
    }),
    async (c: Context<AppEnv>) => {
      const brief = await findBrief(db, c.req.param('id') ?? '');
      const latest = brief && brief.version > 0 && briefPolicy.view(c.get('actor'), brief) ? await latestVersion(db, brief.id) : undefined;
      if (!latest) return problem(c, 404) as never;
      return c.json(exportOf(latest.snapshot, latest, config.baseUrl) as z.infer<typeof BriefJson>, 200);
    },
  );
}
