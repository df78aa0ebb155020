import { z } from 'zod';
import { emailAddress, multiLine, optional, wholeNumber } from '../../platform/validation.ts';
import { ReportFieldsSchema } from './content.ts';

export { ContentSchema, ReportSaveSchema, type ReportSaveInput } from './content.ts';

/** Starting a session's report: nothing to type (it is prefilled from the session). */
export const StartSchema = z.object({});

/** Starting a standalone report: its initiative (slug) and what a session would have said. */
export const StandaloneSchema = ReportFieldsSchema.extend({ initiative: z.string().min(1, { message: 'common.errors.required' }).max(100) });

/** Sending it back: what to change. */
export const ReviewSchema = z.object({ note: multiLine(2_000) });

export const NameRapporteurSchema = z.object({ email: emailAddress });

/** The longest an event may give its rapporteurs: half a year. */
export const maxDeadlineDays = 180;

/** Days after a session ends that its report is due. */
export const DeadlineSchema = z.object({ days: wholeNumber(1, maxDeadlineDays) });

/** `POST /api/reports`: a session's id, or a standalone report's fields. */
export const CreateApiSchema = z.union([z.object({ session: z.string().min(1).max(40) }).strict(), StandaloneSchema]);

/** `POST /api/reports/{id}/transitions`. */
export const TransitionSchema = z.object({ action: z.enum(['submit', 'request_changes', 'publish']), note: optional(multiLine(2_000)) })
  .superRefine((v, ctx) => {
    if (v.action === 'request_changes' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'common.errors.required' });
  });
