import { readFileSync } from 'node:fs';
import { gridItems, isProperty, perspectives, type Rating } from './grid.ts';
import type { BriefSnapshot } from './outcomes.ts';

/** The JSON Schema of the export (`/briefs/schema.json`), kept beside the code that writes it. */
export const exportSchemaText = readFileSync(new URL('./brief.schema.json', import.meta.url), 'utf8');

/** The snapshot with where it lives and when it was published, its grid as a list (brief.schema.json). */
export interface BriefExport extends Omit<BriefSnapshot, 'grid'> {
  $schema: string;
  url: string;
  published_at: string;
  snapshot_sha256: string;
  grid: Array<{ item: string; group: 'property' | 'enabler'; rating: Rating; reasoning: string | null; evidence: string | null; notes: Partial<Record<(typeof perspectives)[number], string>> }>;
}

/** A published version as the export and `GET /api/briefs/{id}` give it (brief.schema.json). */
export function exportOf(s: BriefSnapshot, version: { published_at: string; snapshot_sha256: string }, baseUrl: string): BriefExport {
  return {
    $schema: `${baseUrl}/briefs/schema.json`, id: s.id, url: `${baseUrl}/briefs/${s.id}`, version: s.version, published_at: version.published_at, snapshot_sha256: version.snapshot_sha256,
    title: s.title, kind: s.kind, jurisdiction: s.jurisdiction, language: s.language, stage: s.stage, summary: s.summary, links: s.links, authors: s.authors,
    grid: gridItems.map((item) => {
      const e = s.grid[item];
      return { item, group: isProperty(item) ? 'property' : 'enabler', rating: e.rating!, reasoning: e.reasoning, evidence: e.evidence, notes: e.notes };
    }),
  };
}
