/** What the positions, the consensus call and appeals accept (docs/decisions/038). */
import { z } from 'zod';
import { checked, multiLine, optional } from '../../platform/validation.ts';
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts';

export const stances = ['support', 'live_with', 'object'] as const;
export type Stance = (typeof stances)[number];
/** The whole text's target; a paragraph's is its anchor. */
export const wholeText = 'text';
export const outcomes = ['rough_consensus', 'with_reservations', 'no_consensus'] as const;
export const dispositionKinds = ['addressed', 'accommodated', 'not_accommodated'] as const;

const anchorOrText = z.string().regex(/^[a-z0-9]{1,40}$/, { message: 'consultations.positions.errors.target' });

/** A position; an objection needs its reason (checked here, so the form shows it beside the field). */
export const PositionSchema = z.object({
  target: anchorOrText,
  stance: z.enum(stances, { message: 'consultations.positions.errors.stance' }),
  reason: optional(multiLine(4_000, 3)),
  blocking: checked,
}).superRefine((v, ctx) => {
  if (v.stance === 'object' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'consultations.positions.errors.reason_needed' });
  if (v.blocking && v.stance !== 'object') ctx.addIssue({ code: 'custom', path: ['blocking'], message: 'consultations.positions.errors.blocking_needs_objection' });
});
export type PositionInput = z.output<typeof PositionSchema>;

/** What the call says of one objection: `link` is `amendment:<id>` or `version:<n>`. */
const DispositionSchema = z.object({
  kind: z.enum(dispositionKinds, { message: 'consultations.consensus.errors.disposition' }),
  link: optional(z.string().regex(/^(amendment:[A-Za-z0-9_-]{1,40}|version:[1-9]\d{0,5})$/, { message: 'consultations.consensus.errors.link' })),
  text: optional(multiLine(4_000, 3)),
}).superRefine((v, ctx) => {
  // Addressed: by a change or an answer; accommodated and in the rough: always said in words.
  if (v.kind === 'addressed' ? !v.link && !v.text : !v.text) ctx.addIssue({ code: 'custom', path: ['text'], message: `consultations.consensus.errors.text_${v.kind}` });
});
export type DispositionInput = z.output<typeof DispositionSchema>;

const positionId = /^[A-Za-z0-9_-]{1,40}$/;

export const CallSchema = z.object({
  outcome: z.enum(outcomes, { message: 'consultations.consensus.errors.outcome' }),
  strength: multiLine(4_000, 10),
  dispositions: z.record(z.string().regex(positionId), DispositionSchema),
});
export type CallInput = z.output<typeof CallSchema>;

/** The form names each objection's fields `kind_<id>`, `link_<id>` and `text_<id>`; the schema reads them as one record. */
export function callFromForm(values: FormValues): unknown {
  const dispositions: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(values)) {
    const match = /^(kind|link|text)_([A-Za-z0-9_-]{1,40})$/.exec(name);
    if (!match) continue;
    (dispositions[match[2]!] ??= {})[match[1]!] = Array.isArray(value) ? value[0] : value;
  }
  return { outcome: values.outcome, strength: values.strength, dispositions };
}

/** `dispositions.<id>.text` back to the form's `text_<id>`. */
export function callErrorsToFields(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => {
    const match = /^dispositions\.([^.]+)\.(kind|link|text)$/.exec(path);
    return [match ? `${match[2]}_${match[1]}` : path, message];
  }));
}

export const AppealSchema = z.object({ appeal: multiLine(4_000, 10) });
export const AnswerSchema = z.object({ answer: multiLine(4_000, 10) });
export const FlagSchema = z.object({});
