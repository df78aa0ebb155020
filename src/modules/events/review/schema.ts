import { z } from 'zod';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { decisions, maxComment, maxCriterionLabel, maxReason, maxWeight } from './vocabulary.ts';

/** Text as typed: trimmed, control characters other than line breaks refused. */
const text = (max: number) =>
  z.string().trim().max(max).refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), { message: 'common.errors.invalid_value' });
const optionalText = (max: number) => text(max).optional().transform((v) => (v ? v : undefined));

/** An organiser seats a person (an existing account, by email) on the committee. */
export const MemberSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  stakeholder_group: z.enum(stakeholderKeys),
  chair: z.boolean().default(false),
  organisations: optionalText(1000),
});
export type MemberInput = z.output<typeof MemberSchema>;

export const memberFromForm = (v: FormValues) => ({ ...v, chair: v.chair === 'on' });

const weight = z.coerce.number().int().min(0).max(maxWeight);
/**
 * A weight per criterion of the event, 0 to leave it out (the command checks the keys are the
 * event's, all there, and that at least one counts: it knows the event's criteria).
 */
export const CriteriaSchema = z.object({ weights: z.record(z.string().max(40), weight), anonymous: z.boolean().default(false) });
export type CriteriaInput = z.output<typeof CriteriaSchema>;
/** The form's `weight_<key>` fields as `weights`. */
export function criteriaFromForm(v: FormValues) {
  const weights: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(v)) if (name.startsWith('weight_')) weights[name.slice('weight_'.length)] = Array.isArray(value) ? value[0] : value;
  return { weights, anonymous: v.anonymous === 'on' };
}
export const criteriaToFields = (e: FieldErrors) => Object.fromEntries(Object.entries(e).map(([k, m]) => [k.startsWith('weights.') ? `weight_${k.slice(8)}` : k, m]));

/**
 * A criterion of the committee's own: its label in one or more of the event's working languages
 * (`label_<lang>`, shown as typed; the command requires one in a language of the event) and a weight.
 */
const label = optionalText(maxCriterionLabel).refine((v) => !v || !/[\r\n]/.test(v), { message: 'common.errors.invalid_value' });
export const OwnCriterionSchema = z.object({ label_es: label, label_en: label, label_pt: label, label_fr: label, weight });
export type OwnCriterionInput = z.output<typeof OwnCriterionSchema>;

/** The chair adds or removes one reviewer on one proposal. */
export const AssignmentSchema = z.object({ proposal: z.string().min(1).max(40), member: z.string().min(1).max(40) });

/** A review: a score from 1 to 5 per criterion (the command checks the criteria are the event's), a comment for the proposers, a private note. */
export const ReviewSchema = z.object({
  scores: z.record(z.string().max(40), z.coerce.number().int().min(1).max(5)),
  comment: optionalText(maxComment),
  private_note: optionalText(maxComment),
});
export type ReviewInput = z.output<typeof ReviewSchema>;

/** The form's `score_<criterion>` fields as `scores`; a blank score is left out (and refused as missing). */
export function reviewFromForm(v: FormValues) {
  const scores: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(v)) {
    if (name.startsWith('score_') && value !== '') scores[name.slice('score_'.length)] = Array.isArray(value) ? value[0] : value;
  }
  return { scores, comment: v.comment, private_note: v.private_note };
}
export const reviewToFields = (e: FieldErrors) => Object.fromEntries(Object.entries(e).map(([k, m]) => [k.startsWith('scores.') ? `score_${k.slice(7)}` : k, m]));

/** The chair's decision, with its published reason; merging names the other proposal. */
export const DecisionSchema = z.object({
  decision: z.enum(decisions),
  reason: text(maxReason).pipe(z.string().min(1)),
  merge_with: optionalText(40),
}).refine((d) => d.decision !== 'merge_suggested' || d.merge_with, { message: 'events.decision.errors.merge_needs_other', path: ['merge_with'] });
export type DecisionInput = z.output<typeof DecisionSchema>;
