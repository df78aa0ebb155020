import { z } from 'zod';
import { multiLine, optional } from '../../../platform/validation.ts';
import { maxSummary } from '../content.ts';

/** The committee's own sections, in Markdown, each as long as a report's summary may be. */
export const AnnualSchema = z.object({
  introduction: optional(multiLine(maxSummary)),
  preparation: optional(multiLine(maxSummary)),
  outcomes: optional(multiLine(maxSummary)),
});
export type AnnualInput = z.output<typeof AnnualSchema>;

export const PublishAnnualSchema = z.object({});

/** Years an annual report may be for: the IGF began in 2006; none for a year not yet begun. */
export const firstYear = 2006;
export const annualYear = (text: string | undefined, now: Date): number | null => {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= firstYear && year <= now.getUTCFullYear() ? year : null;
};
