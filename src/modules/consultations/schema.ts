import { z } from 'zod';
import { emailAddress, list, multiLine, optional, singleLine, wholeNumber } from '../../platform/validation.ts';
import { locales } from '../../platform/i18n/index.ts';

/** What kind of text is consulted on (catalog `consultations.kind.<key>`). */
export const textKinds = ['declaration', 'action_plan', 'policy_proposal'] as const;
/** The phases, in order; each starts on its day and runs until the next one starts. */
export const phases = ['comments', 'amendments', 'positions', 'consensus', 'closed'] as const;
export type Phase = (typeof phases)[number] | 'upcoming';
export const roles = ['chair', 'drafter', 'moderator'] as const;
export type Role = (typeof roles)[number];

/** The longest text a consultation may hold, in characters. */
export const maxTextLength = 200_000;

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'consultations.errors.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'consultations.errors.date' });

/** Lowercase letters, digits and hyphens, as in every address of the platform. */
export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** People by the addresses of their accounts: one a line (or comma-separated) in the form, an array in JSON. */
const emails = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean) : v),
  list(emailAddress, 30),
);

const settingsFields = {
  title: singleLine(200, 3),
  text_kind: z.enum(textKinds, { message: 'consultations.errors.text_kind' }),
  language: z.enum(locales, { message: 'consultations.errors.language' }),
  languages: list(z.enum(locales, { message: 'consultations.errors.language' }), locales.length),
  comments_from: calendarDay,
  amendments_from: calendarDay,
  positions_from: calendarDay,
  consensus_from: calendarDay,
  closes_on: calendarDay,
  /** The tally warns of a stakeholder group with fewer people than this (docs/decisions/038); left empty, 3. */
  min_per_group: z.preprocess((v) => (v === undefined || v === '' ? 3 : v), wholeNumber(1, 1000)),
  /** Days after the consensus call during which anyone may appeal; left empty, 14. */
  appeal_days: z.preprocess((v) => (v === undefined || v === '' ? 14 : v), wholeNumber(1, 365)),
  chairs: emails,
  drafters: emails,
  moderators: emails,
};

/** Each phase starts on or after the one before it. */
function phasesInOrder(v: { comments_from: string; amendments_from: string; positions_from: string; consensus_from: string; closes_on: string }, ctx: z.RefinementCtx) {
  const days = [v.comments_from, v.amendments_from, v.positions_from, v.consensus_from, v.closes_on];
  const names = ['comments_from', 'amendments_from', 'positions_from', 'consensus_from', 'closes_on'];
  for (let i = 1; i < days.length; i++) {
    if (days[i]! < days[i - 1]!) ctx.addIssue({ code: 'custom', path: [names[i]!], message: 'consultations.errors.phase_order' });
  }
}

/** Opening a consultation: its settings, its people and the text of version 1. */
export const ConsultationSchema = z.object({
  ...settingsFields,
  slug: optional(z.string().max(80).regex(slugPattern, { message: 'consultations.errors.slug' })),
  markdown: multiLine(maxTextLength, 10),
}).superRefine(phasesInOrder);
export type ConsultationInput = z.output<typeof ConsultationSchema>;

/** Changing its settings and people (the text changes only through versions). */
export const SettingsSchema = z.object(settingsFields).superRefine(phasesInOrder);
export type SettingsInput = z.output<typeof SettingsSchema>;

export const DraftSchema = z.object({ markdown: multiLine(maxTextLength, 10) });
export const EmptySchema = z.object({});

export const CommentSchema = z.object({ body: multiLine(4_000, 2) });
/** A reply has a field of its own, so the page's comment form and reply form never share an id. */
export const ReplySchema = z.object({ reply: multiLine(4_000, 2) });
export type CommentInput = z.output<typeof CommentSchema> & { parent?: string };

export const AmendmentSchema = z.object({
  proposed: multiLine(8_000, 2),
  rationale: multiLine(4_000, 3),
});
export type AmendmentInput = z.output<typeof AmendmentSchema>;

export const DecisionSchema = z.object({
  decision: z.enum(['accepted', 'rejected'], { message: 'consultations.errors.decision' }),
  reason: multiLine(2_000, 3),
});
export type DecisionInput = z.output<typeof DecisionSchema>;
