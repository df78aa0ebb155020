import { z } from 'zod';
import { emailAddress, multiLine, optional, singleLine, webAddress } from '../../platform/validation.ts';
import { locales } from '../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts';
import {
  commentAnchors, gridItems, jurisdictions, maxComment, maxReview, verdicts, kinds, maxEvidence, maxLinks, maxNote, maxReasoning, maxSummary, perspectives, ratings, stages,
  type Grid, type GridEntry, type GridItem,
} from './grid.ts';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'common.errors.invalid_value' });

/** Starting a brief: what it is about. */
export const BriefStartSchema = z.object({
  title: singleLine(300),
  kind: choice(kinds),
  jurisdiction: choice(jurisdictions as unknown as [string, ...string[]]),
  language: choice(locales),
});

/** One address a line in the form, or a JSON array. */
const links = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : v === undefined ? [] : v),
  z.array(webAddress).max(maxLinks),
);

const EntrySchema = z.object({
  rating: optional(choice(ratings)),
  reasoning: optional(multiLine(maxReasoning)),
  evidence: optional(multiLine(maxEvidence)),
  notes: z.object(Object.fromEntries(perspectives.map((p) => [p, optional(multiLine(maxNote))])) as Record<(typeof perspectives)[number], ReturnType<typeof optional<ReturnType<typeof multiLine>>>>).strict(),
}).strict();

const GridSchema = z.object(Object.fromEntries(gridItems.map((item) => [item, EntrySchema])) as Record<GridItem, typeof EntrySchema>).strict();

/** Saving the working copy: a draft may leave ratings out (publishing may not). */
export const BriefSaveSchema = BriefStartSchema.extend({
  summary: optional(multiLine(maxSummary)),
  links,
  stage: choice(stages),
  grid: GridSchema,
});
export type BriefSaveInput = z.output<typeof BriefSaveSchema>;

export const AddAuthorSchema = z.object({ email: emailAddress });
export const EmptySchema = z.object({});

/**
 * A comment on the working copy: about the whole brief (no anchor), its summary or one grid item.
 * Fields are named for this form alone, as several forms share the draft page.
 */
export const CommentSchema = z.object({ anchor: optional(choice(commentAnchors)), comment: multiLine(maxComment) });
/** A reply joins its thread (its anchor is the thread's); its field is `reply_<thread>` on the page. */
export const ReplySchema = z.object({ reply: multiLine(maxComment) });
/** Asking someone with an account for a peer review. */
export const ReviewerSchema = z.object({ reviewer_email: emailAddress });
/** The consultation (its address) a published brief is attached to. */
export const AttachSchema = z.object({ consultation: singleLine(200) });
/** A reviewer's verdict and what they have to say. */
export const ReviewSchema = z.object({ verdict: choice(verdicts), review: multiLine(maxReview) });

/** The grid as stored: unwritten texts are null, unwritten notes absent. */
export function gridOf(input: BriefSaveInput['grid']): Grid {
  return Object.fromEntries(gridItems.map((item) => {
    const e = input[item];
    const notes = Object.fromEntries(perspectives.filter((p) => e.notes[p]).map((p) => [p, e.notes[p] as string]));
    const entry: GridEntry = { rating: e.rating ?? null, reasoning: e.reasoning ?? null, evidence: e.evidence ?? null, notes };
    return [item, entry];
  })) as Grid;
}

const one = (values: FormValues, name: string) => values[name];

/** The form's flat fields (`grid_<item>_rating`, `grid_<item>_users`…) as the schema's nested input. */
export function briefFromForm(values: FormValues): unknown {
  return {
    title: one(values, 'title'), kind: one(values, 'kind'), jurisdiction: one(values, 'jurisdiction'), language: one(values, 'language'),
    summary: one(values, 'summary'), links: one(values, 'links') ?? '', stage: one(values, 'stage'),
    grid: Object.fromEntries(gridItems.map((item) => [item, {
      rating: one(values, `grid_${item}_rating`), reasoning: one(values, `grid_${item}_reasoning`), evidence: one(values, `grid_${item}_evidence`),
      notes: Object.fromEntries(perspectives.map((p) => [p, one(values, `grid_${item}_${p}`)])),
    }])),
  };
}

/** Schema error paths as the form's field names: `grid.privacy.notes.users` is `grid_privacy_users`, `links.2` is `links`. */
export function briefErrorsToFields(errors: FieldErrors): FieldErrors {
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    const name = parts[0] === 'grid' && parts.length >= 3 ? `grid_${parts[1]}_${parts[parts.length - 1]}` : parts[0] === 'links' ? 'links' : path;
    fields[name] ??= message;
  }
  return fields;
}

/** The working copy as form values. */
export function briefValues(b: { title: string; kind: string; jurisdiction: string; language: string; summary: string | null; links: readonly string[]; stage: string; grid: Grid }): FormValues {
  const values: FormValues = { title: b.title, kind: b.kind, jurisdiction: b.jurisdiction, language: b.language, summary: b.summary ?? '', links: b.links.join('\n'), stage: b.stage };
  for (const item of gridItems) {
    const e = b.grid[item];
    values[`grid_${item}_rating`] = e.rating ?? '';
    values[`grid_${item}_reasoning`] = e.reasoning ?? '';
    values[`grid_${item}_evidence`] = e.evidence ?? '';
    for (const p of perspectives) values[`grid_${item}_${p}`] = e.notes[p] ?? '';
  }
  return values;
}
