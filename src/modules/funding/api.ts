import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { problem } from '../../platform/http/problem.ts';
import { problemResponse } from '../../platform/http/openapi.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { budgetsOf, eventsOfInitiative, ledgerOf, maxShareOf } from './queries.ts';
import { presentLedger } from './present.ts';

const SlugParam = z.object({ slug: z.string().min(1).max(100).openapi({ param: { name: 'slug', in: 'path' }, example: 'igf-colombia' }) });

const Minor = z.number().int().openapi({ description: 'Integer minor units of the currency (cents for USD; whole yen for JPY)' });
const EventRefJson = z.object({ slug: z.string(), title: z.string() });

const EntryJson = z.object({
  id: z.string(),
  kind: z.enum(['income', 'expense']),
  occurred_on: z.string().openapi({ example: '2026-09-15' }),
  amount_minor: Minor,
  currency: z.string().openapi({ description: 'ISO 4217 code', example: 'USD' }),
  exponent: z.number().int().openapi({ description: 'The currency’s minor unit: decimals of `amount`', example: 2 }),
  amount: z.string().openapi({ description: 'The same amount as an exact decimal', example: '1500.00' }),
  sponsor: z.string().nullable(),
  stakeholder_group: z.string().nullable().openapi({ description: 'The sponsor’s stakeholder group (one of the six stored keys)' }),
  support: z.string().nullable().openapi({ description: 'cash or in_kind, for income' }),
  conditions: z.string().nullable(),
  category: z.string().nullable(),
  event: EventRefJson.nullable(),
  description: z.string().nullable(),
  corrects: z.string().nullable().openapi({ description: 'The id of the published entry this one corrects' }),
  corrected_by: z.string().nullable().openapi({ description: 'The id of the published entry that corrects this one' }),
  counted: z.boolean().openapi({ description: 'Whether totals count it: false once a correction replaced it' }),
  published_at: z.string().nullable(),
  url: z.string(),
  receipt: z.object({
    media_type: z.string().openapi({ example: 'application/pdf' }),
    bytes: z.number().int(),
    sha256: z.string().openapi({ description: 'Hex SHA-256 of the file, also covered by the entry’s public log entry' }),
    url: z.string().nullable().openapi({ description: 'Where to download it; null when the committee keeps it private' }),
  }).nullable(),
}).openapi('FundingEntry');

const LedgerJson = z.object({
  initiative: z.object({ slug: z.string(), name: z.string() }),
  max_share: z.number().int().openapi({ description: 'Percent: a sponsor or stakeholder group giving more of a currency’s income is warned about' }),
  entries: z.array(EntryJson),
  totals: z.array(z.object({
    currency: z.string(), exponent: z.number().int(), income_minor: Minor, expenses_minor: Minor,
    by_group: z.array(z.object({ group: z.string(), amount_minor: Minor })),
    by_sponsor: z.array(z.object({ sponsor: z.string(), amount_minor: Minor })),
    by_category: z.array(z.object({ category: z.string(), amount_minor: Minor })),
  })).openapi({ description: 'Per currency; amounts in different currencies are never added up' }),
  warnings: z.array(z.object({ by: z.enum(['sponsor', 'group']), name: z.string(), currency: z.string(), amount_minor: Minor, total_minor: Minor })),
  budgets: z.array(z.object({ event: EventRefJson, currency: z.string(), planned_minor: Minor.nullable(), actual_minor: Minor })),
}).openapi('FundingLedger');

export function fundingApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  api.openapi(
    createRoute({
      method: 'get', path: '/initiatives/{slug}/funding', summary: 'An initiative’s published funding ledger: income, expenses, totals per currency, warnings and budgets per event',
      request: { params: SlugParam },
      responses: { 200: { description: 'The published ledger', content: { 'application/json': { schema: LedgerJson } } }, 404: problemResponse('No such initiative') },
    }),
    async (c) => {
      const initiative = await findInitiativeBySlug(db, c.req.valid('param').slug);
      if (!initiative) return problem(c, 404) as never;
      const events = await eventsOfInitiative(db, initiative.slug, services.clock());
      const [entries, budgets, maxShare] = await Promise.all([ledgerOf(db, initiative.id, events, { drafts: false }), budgetsOf(db, initiative.id, events), maxShareOf(db, initiative.id)]);
      return c.json(presentLedger({ initiative: { slug: initiative.slug, name: initiative.name }, entries, budgets, maxShare }, config.stakeholders, config.baseUrl), 200);
    },
  );
}
