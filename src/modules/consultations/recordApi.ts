/** The public record's JSON, as the OpenAPI description names it (docs/decisions/038). */
import { z } from '@hono/zod-openapi';
import { dispositionKinds, outcomes } from './consensusSchema.ts';

const LogJson = z.object({
  index: z.number().int(),
  entry: z.string().openapi({ description: 'The entry, from /api/log/entries' }),
  inclusion_proof: z.string().openapi({ description: 'Its audit path in the tree of the size when the record was read' }),
}).nullable();

const TargetJson = { target: z.enum(['text', 'paragraph']), paragraph: z.number().int().nullable(), anchor: z.string().nullable() };

export const RecordJson = z.object({
  slug: z.string(),
  title: z.string(),
  url: z.string(),
  versions: z.array(z.object({ number: z.number().int(), published_at: z.string(), url: z.string(), log: LogJson })),
  consensus_call: z.object({
    version: z.number().int(),
    outcome: z.enum(outcomes).openapi({ description: 'The chair’s judgement, never computed from counts' }),
    strength: z.string(),
    called_by: z.string(),
    called_at: z.string(),
    breakdown: z.array(z.object({
      ...TargetJson,
      people: z.number().int(),
      groups: z.array(z.object({ group: z.string(), people: z.number().int(), support: z.number().int(), live_with: z.number().int(), object: z.number().int() })),
      equal_weight: z.object({ support: z.number(), live_with: z.number(), object: z.number() }).openapi({ description: 'Mean of the present groups’ shares: each group weighs the same' }),
      warnings: z.array(z.enum(['absent', 'few', 'concentrated', 'outnumbering'])),
    })),
    dispositions: z.array(z.object({
      objection: z.object({ by: z.string(), stakeholder_group: z.string(), ...TargetJson, reason: z.string(), blocking: z.enum(['author', 'chair']).nullable() }),
      disposition: z.enum(dispositionKinds),
      amendment: z.string().nullable(),
      version: z.number().int().nullable(),
      text: z.string(),
    })),
    log: LogJson,
  }).nullable(),
  appeals: z.array(z.object({
    by: z.string(), body: z.string(), filed_at: z.string(), answer: z.string().nullable(), answered_by: z.string().nullable(), answered_at: z.string().nullable(),
    log: z.object({ filed: LogJson, answered: LogJson }),
  })),
  appeals_until: z.string().nullable().openapi({ description: 'The last day an appeal may be filed (YYYY-MM-DD)' }),
  removed_paragraphs: z.array(z.object({
    anchor: z.string(), number: z.number().int(), last_version: z.number().int(), text: z.string(),
    comments: z.array(z.object({ by: z.string(), body: z.string(), at: z.string() })),
    amendments: z.array(z.object({ by: z.string(), proposed: z.string(), status: z.string() })),
  })),
}).openapi('ConsultationRecord');
