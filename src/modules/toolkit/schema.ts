import { z } from 'zod';
import { multiLine, optional, webAddress } from '../../platform/validation.ts';

/**
 * Ticking a manual step: evidence as a note, a link (http or https only), or both; never neither.
 * The error goes beside the note, the first field.
 */
export const TickSchema = z.object({
  note: optional(multiLine(2_000)),
  link: optional(webAddress),
}).superRefine((v, ctx) => {
  if (!v.note && !v.link) ctx.addIssue({ code: 'custom', path: ['note'], message: 'toolkit.errors.evidence_needed' });
});
export type TickInput = z.output<typeof TickSchema>;

/** Unticking: nothing to type. */
export const UntickSchema = z.object({});

/** Offering help: nothing to type (the notification says who offers, the progress page what the step is). */
export const OfferSchema = z.object({});
