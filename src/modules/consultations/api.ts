import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { problem } from '../../platform/http/problem.ts';
import { problemResponse } from '../../platform/http/openapi.ts';
import { consultationPolicy } from './policy.ts';
import { countsByAnchor, dayOf, findConsultation, findVersion, listConsultations, phaseOn, shownEvent, versionsOf } from './queries.ts';
import { phases, textKinds } from './schema.ts';
import { consultationHref, paragraphHref } from './views.tsx';
import { consultationRecordOf, recordJson } from './record.ts';
import { RecordJson } from './recordApi.ts';
import { opinionApi } from './opinion/api.ts';

const phaseNames = ['upcoming', ...phases] as const;

const SummaryJson = z.object({
  slug: z.string().openapi({ example: 'declaracion-igf-uruguay-2026' }),
  title: z.string(),
  kind: z.enum(textKinds),
  language: z.string(),
  version: z.number().int().openapi({ description: 'The latest published version' }),
  phase: z.enum(phaseNames),
  initiative: z.object({ slug: z.string(), name: z.string() }),
  event: z.object({ slug: z.string(), title: z.string() }).nullable()
    .openapi({ description: 'The event of the initiative whose organisers opened it (`/events/{slug}`), once that event is public; null for the initiative’s own' }),
  url: z.string(),
}).openapi('ConsultationSummary');

const BlockJson = z.object({
  anchor: z.string().openapi({ description: 'Stable across versions: the same paragraph keeps it (`#p-<anchor>`)', example: 'k3m9xq2a' }),
  kind: z.enum(['heading', 'paragraph']),
  number: z.number().int().openapi({ description: 'A heading’s section number, or a paragraph’s number through the text' }),
  level: z.number().int().openapi({ description: 'A heading’s level (1–6); 0 for a paragraph' }),
  text: z.string().openapi({ description: 'Markdown' }),
  comments: z.number().int(),
  open_amendments: z.number().int(),
  url: z.string().nullable(),
});

const ConsultationJson = SummaryJson.extend({
  languages: z.array(z.string()),
  phases: z.object(Object.fromEntries(phases.map((p) => [p, z.string().openapi({ description: 'The day it starts, YYYY-MM-DD' })])) as Record<(typeof phases)[number], z.ZodString>),
  sections: z.array(z.object({ anchor: z.string().nullable(), number: z.number().int(), title: z.string().nullable(), blocks: z.array(BlockJson) })),
  versions: z.array(z.object({ number: z.number().int(), published_at: z.string(), url: z.string(), diff: z.string().nullable() })),
}).openapi('Consultation');

export function consultationApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const today = () => dayOf(services.clock());
  opinionApi(api, services);

  api.openapi(
    createRoute({
      method: 'get', path: '/consultations', summary: 'Published consultations, newest first',
      responses: { 200: { description: 'The consultations', content: { 'application/json': { schema: z.object({ items: z.array(SummaryJson) }).openapi('Consultations') } } } },
    }),
    async (c) => {
      const items = (await listConsultations(db, today(), { userId: null, everyDraft: false })).map((i) => ({
        slug: i.slug, title: i.title, kind: i.text_kind as (typeof textKinds)[number], language: i.language, version: i.published_version, phase: i.phase,
        initiative: i.initiative, event: i.event, url: `${config.baseUrl}${consultationHref(i.slug)}`,
      }));
      return c.json({ items }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/consultations/{slug}', summary: 'A published consultation: its latest text in sections and paragraphs with their stable anchors, and its versions',
      request: { params: z.object({ slug: z.string().min(1).max(100) }) },
      responses: {
        200: { description: 'The consultation', content: { 'application/json': { schema: ConsultationJson } } },
        404: problemResponse('No such consultation, or none published'),
      },
    }),
    async (c) => {
      const found = await findConsultation(db, c.req.valid('param').slug);
      // The API shows what the public reads: the latest published version.
      if (!found || found.published_version === 0 || !consultationPolicy.view(c.get('actor'), found)) return problem(c, 404) as never;
      const [version, versions, counts] = await Promise.all([findVersion(db, found.id, found.published_version), versionsOf(db, found.id), countsByAnchor(db, found.id)]);
      const base = `${config.baseUrl}${consultationHref(found.slug)}`;
      const sections: Array<{ anchor: string | null; number: number; title: string | null; blocks: Array<z.infer<typeof BlockJson>> }> = [];
      for (const b of version?.blocks ?? []) {
        if (b.kind === 'heading' || sections.length === 0) sections.push(b.kind === 'heading' ? { anchor: b.anchor, number: b.number, title: b.text, blocks: [] } : { anchor: null, number: 0, title: null, blocks: [] });
        sections[sections.length - 1]!.blocks.push({
          anchor: b.anchor, kind: b.kind, number: b.number, level: b.level, text: b.text, comments: counts.get(b.anchor)?.comments ?? 0, open_amendments: counts.get(b.anchor)?.amendments ?? 0,
          url: b.kind === 'paragraph' ? `${config.baseUrl}${paragraphHref(found.slug, b.anchor)}` : null,
        });
      }
      return c.json({
        slug: found.slug, title: found.title, kind: found.text_kind as (typeof textKinds)[number], language: found.language, version: found.published_version,
        phase: phaseOn(found, today()), initiative: { slug: found.initiative.slug, name: found.initiative.name }, event: shownEvent(c.get('actor'), found), url: base, languages: found.languageList,
        phases: { comments: found.comments_from, amendments: found.amendments_from, positions: found.positions_from, consensus: found.consensus_from, closed: found.closes_on },
        sections,
        versions: versions.filter((v) => v.status === 'published').map((v) => ({ number: v.number, published_at: v.published_at!, url: `${base}/versions/${v.number}`, diff: v.number > 1 ? `${base}/versions/${v.number}/diff` : null })),
      }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/consultations/{slug}/record', summary: 'A consultation’s public record: its published versions, the consensus call with every disposition, appeals and answers, each with its entry in the public log',
      request: { params: z.object({ slug: z.string().min(1).max(100) }) },
      responses: {
        200: { description: 'The record', content: { 'application/json': { schema: RecordJson } } },
        404: problemResponse('No such consultation, or none published'),
      },
    }),
    async (c) => {
      const found = await findConsultation(db, c.req.valid('param').slug);
      if (!found || found.published_version === 0 || !consultationPolicy.view(c.get('actor'), found)) return problem(c, 404) as never;
      return c.json(recordJson(await consultationRecordOf(db, found), config.baseUrl) as z.infer<typeof RecordJson>, 200);
    },
  );
}
