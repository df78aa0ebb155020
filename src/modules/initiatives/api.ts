import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { jsonAction } from '../../platform/http/action.ts';
import { problem } from '../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../platform/http/openapi.ts';
import { countByGroup, type StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { DirectoryQuerySchema, InitiativeApiCreateSchema, InitiativeCreateSchema, InitiativeFieldsSchema } from './schema.ts';
import { duplicatesRefusal } from './duplicates.ts';
import { initiativePolicy } from './policy.ts';
import { findInitiativeBySlug, listInitiatives, type InitiativeDetail, type InitiativeSummary } from './queries.ts';
import { recognitionCriteria } from './recognition.ts';
import { updateInitiative } from './commands/saveInitiative.ts';
import { createWithinLimit } from './limits.ts';

const InitiativeItem = z
  .object({
    slug: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    type: z.string(),
    countries: z.array(z.string()),
    region: z.string().nullable(),
    languages: z.array(z.string()),
    year_established: z.number().int().nullable(),
    website: z.string().nullable(),
    status: z.string(),
    demo: z.boolean(),
    url: z.string(),
  })
  .openapi('InitiativeItem');

const InitiativeFull = InitiativeItem.extend({
  contact_email: z.string(),
  original_locale: z.string(),
  descriptions: z.record(z.string(), z.string()),
  committee_balance: z.record(z.string(), z.number().int()),
  criteria: z.array(z.object({ key: z.string(), state: z.enum(['met', 'unmet', 'pending']) })),
}).openapi('Initiative');

const InitiativeList = z
  .object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(InitiativeItem) })
  .openapi('InitiativeList');

const ListQuery = z.object({
  q: z.string().max(100).optional(),
  type: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional().openapi({ example: 'CO' }),
  language: z.string().optional(),
  status: z.string().optional().openapi({ description: 'listed (default), in_process, delisted or any' }),
  sort: z.string().optional().openapi({ description: 'name (default), newest or established' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The 409 of a creation that looks like a second entry for an initiative already here. */
const DuplicatesProblem = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })),
    duplicates: z.array(z.object({ slug: z.string(), name: z.string(), acronym: z.string().nullable(), demo: z.boolean(), url: z.string() })),
  })
  .openapi('DuplicatesProblem');

const SlugParam = z.object({ slug: z.string().min(1).max(100) });

function present(baseUrl: string, i: InitiativeSummary) {
  return {
    slug: i.slug, name: i.name, acronym: i.acronym, type: i.type, countries: i.countries, region: i.region, languages: i.languages,
    year_established: i.year_established, website: i.website, status: i.status, demo: i.is_demo === 1, url: `${baseUrl}/initiatives/${i.slug}`,
  };
}

function presentFull(baseUrl: string, taxonomy: StakeholderTaxonomy, i: InitiativeDetail, now: Date) {
  const balance = Object.fromEntries(countByGroup(taxonomy, i.committee.map((m) => m.stakeholder_group)));
  return {
    ...present(baseUrl, i),
    contact_email: i.contact_email,
    original_locale: i.original_locale,
    descriptions: Object.fromEntries(i.descriptions.map((d) => [d.locale, d.body])),
    committee_balance: balance,
    criteria: recognitionCriteria(i, taxonomy, now).map((c) => ({ key: c.key, state: c.state })),
  };
}

/** The fields an API write may leave out, taken from the initiative as it stands. */
function currentFields(initiative: InitiativeDetail) {
  const descriptions = Object.fromEntries(initiative.descriptions.map((d) => [d.locale, d.body]));
  const { [initiative.original_locale]: description, ...translations } = descriptions;
  return {
    name: initiative.name, acronym: initiative.acronym ?? undefined, type: initiative.type, countries: initiative.countries,
    region: initiative.region ?? undefined, languages: initiative.languages, year_established: initiative.year_established ?? undefined,
    website: initiative.website ?? undefined, contact_email: initiative.contact_email, description_locale: initiative.original_locale,
    description, translations,
  };
}

/**
 * Applies a JSON merge patch (RFC 7396) to the current fields: given members replace, `null`
 * clears, and translations merge by language. The whole is validated again afterwards, since a
 * change can break a rule that spans fields.
 */
function mergePatch(current: ReturnType<typeof currentFields>, patch: unknown): unknown {
  // RFC 7396: a patch that is not an object replaces the whole, which then fails validation.
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'translations' && value && typeof value === 'object' && !Array.isArray(value)) {
      const translations: Record<string, unknown> = { ...current.translations };
      for (const [locale, text] of Object.entries(value)) translations[locale] = text === null ? undefined : text;
      merged.translations = translations;
    } else {
      merged[key] = value === null ? undefined : value;
    }
  }
  return merged;
}

export function initiativeApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;
  const full = (initiative: InitiativeDetail) => presentFull(config.baseUrl, taxonomy, initiative, services.clock());
  const loadInitiative = (c: Context<AppEnv>) => findInitiativeBySlug(db, c.req.param('slug') ?? '');

  api.openapi(
    createRoute({
      method: 'get', path: '/initiatives', summary: 'List initiatives (the directory, paginated)',
      request: { query: ListQuery },
      responses: { 200: { description: 'A page of initiatives', content: { 'application/json': { schema: InitiativeList } } }, 422: problemResponse('Invalid query') },
    }),
    async (c) => {
      const { limit, offset, ...filters } = c.req.valid('query');
      const query = DirectoryQuerySchema.parse(filters);
      const { total, items } = await listInitiatives(db, query, { limit, offset });
      return c.json({ total, limit, offset, items: items.map((i) => present(config.baseUrl, i)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/initiatives/{slug}', summary: 'One initiative',
      request: { params: SlugParam },
      responses: { 200: { description: 'The initiative', content: { 'application/json': { schema: InitiativeFull } } }, 404: problemResponse('No such initiative') },
    }),
    async (c) => {
      const initiative = await findInitiativeBySlug(db, c.req.valid('param').slug);
      if (!initiative) return problem(c, 404) as never;
      return c.json(full(initiative), 200);
    },
  );

  documentedWrite(api, createRoute({
    method: 'post', path: '/initiatives', summary: 'Register an initiative (you become its coordinator)',
    security: [{ bearerAuth: [] }],
    request: { body: { content: { 'application/json': { schema: InitiativeApiCreateSchema } }, required: true } },
    responses: {
      201: { description: 'Created', content: { 'application/json': { schema: InitiativeFull } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Verify your email first'), 422: problemResponse('Invalid fields'),
      409: { description: 'Likely duplicates: initiatives of the same type sharing a country, with a similar name. Nothing was created; send again with `create_anyway: true` if yours is another one, or claim a demo entry that is yours.', content: { 'application/problem+json': { schema: DuplicatesProblem } } },
      429: problemResponse('Too many initiatives registered in the last hour (see Retry-After)'),
    },
  }), jsonAction({
    allow: initiativePolicy.create,
    schema: InitiativeApiCreateSchema,
    run: async (ctx, { create_anyway, ...input }) => {
      const duplicates = create_anyway ? null : await duplicatesRefusal(ctx.db, input, config.baseUrl);
      return duplicates ?? createWithinLimit(services.limits)(ctx, input);
    },
    present: async (c, { slug }) => {
      c.header('Location', `${config.baseUrl}/api/initiatives/${slug}`);
      return c.json(full((await findInitiativeBySlug(db, slug))!), 201);
    },
  }));

  documentedWrite(api, createRoute({
    method: 'patch', path: '/initiatives/{slug}', summary: "Change an initiative's fields (coordinators; a JSON merge patch)",
    security: [{ bearerAuth: [] }],
    request: { params: SlugParam, body: { content: { 'application/json': { schema: InitiativeFieldsSchema.partial() } }, required: true } },
    responses: {
      200: { description: 'Updated', content: { 'application/json': { schema: InitiativeFull } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not a coordinator'), 404: problemResponse('No such initiative'),
      415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields'),
    },
  }), jsonAction({
    load: loadInitiative,
    allow: initiativePolicy.edit,
    schema: InitiativeCreateSchema,
    fromBody: (body, initiative) => mergePatch(currentFields(initiative), body),
    run: (ctx, input, initiative) => updateInitiative(ctx, initiative.id, input),
    present: async (c, _, { subject }) => c.json(full((await findInitiativeBySlug(db, subject.slug))!), 200),
  }));

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http', scheme: 'bearer', description: 'A personal API token from your account page',
  });
}
