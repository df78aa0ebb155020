/**
 * What the live queue's forms and API accept (docs/decisions/021-events-floor-and-statistics.md).
 */
import { z } from 'zod';
import { multiLine, optional, singleLine } from '../../../platform/validation.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';

export const requestKinds = ['floor', 'question'] as const;
export const requestStatuses = ['waiting', 'took_floor', 'answered', 'withdrawn', 'dismissed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const presences = ['onsite', 'online'] as const;
/** What a moderator may make of a waiting request. */
export const moderatorMarks = ['took_floor', 'answered', 'dismissed'] as const;

/** A question is read out in the session: a few sentences, not an essay. */
export const maxQuestion = 1_000;

/** Asking for the floor needs nothing more; a question needs its text. */
export const AskSchema = z
  .object({
    kind: z.enum(requestKinds),
    question: optional(multiLine(maxQuestion)),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'question' && !input.question) ctx.addIssue({ code: 'custom', path: ['question'], message: 'events.floor.errors.question_needed' });
  })
  .transform((input) => ({ kind: input.kind, question: input.kind === 'question' ? input.question! : null }));
export type AskInput = z.output<typeof AskSchema>;

/** The moderator's mark: took the floor (a floor request), answered (a question) or dismissed (either). */
export const MarkSchema = z.object({ status: z.enum(moderatorMarks) });
export type MarkInput = z.output<typeof MarkSchema>;

/** A speaker in the room the moderator gave the floor to: the name is optional (the balance needs only the group). */
export const SpeakerSchema = z.object({
  name: optional(singleLine(200)),
  stakeholder_group: optional(z.enum(stakeholderKeys)),
  presence: z.enum(presences).default('onsite'),
});
export type SpeakerInput = z.output<typeof SpeakerSchema>;
