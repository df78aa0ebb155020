import { z } from 'zod';
import { checked, list, multiLine, optional, singleLine, wholeNumber } from '../../platform/validation.ts';
import { commonLanguages, regions } from '../initiatives/index.ts';
import { topicKeyPattern } from '../events/index.ts';
import { toolkitSteps } from '../toolkit/index.ts';

export const offerStatuses = ['open', 'paused', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];
/** The most preferences a newcomer ranks: enough for a real choice, few enough for each to be asked in turn. */
export const maxPreferences = 5;
/** The most initiatives one offer takes at once. */
export const maxCapacity = 20;

const stepKeys = toolkitSteps.map((s) => s.key) as [string, ...string[]];

export const OfferSchema = z.object({
  languages: list(z.enum(commonLanguages as [string, ...string[]], { message: 'mentoring.errors.language' }), 20)
    .refine((v) => v.length > 0, { message: 'mentoring.errors.languages_needed' }),
  regions: list(z.enum(regions, { message: 'mentoring.errors.region' }), regions.length)
    .refine((v) => v.length > 0, { message: 'mentoring.errors.regions_needed' }),
  // A topic's key here; that the taxonomy offers it is checked by the command.
  topics: list(z.string().max(48).regex(topicKeyPattern, { message: 'mentoring.errors.topic' }), 30),
  steps: list(z.enum(stepKeys, { message: 'mentoring.errors.step' }), stepKeys.length)
    .refine((v) => v.length > 0, { message: 'mentoring.errors.steps_needed' }),
  capacity: wholeNumber(1, maxCapacity),
  note: optional(multiLine(1_000)),
}).transform((v) => ({ ...v, languages: [...new Set(v.languages)], regions: [...new Set(v.regions)], topics: [...new Set(v.topics)], steps: stepKeys.filter((s) => v.steps.includes(s)) }));
export type OfferInput = z.output<typeof OfferSchema>;

export const OfferStatusSchema = z.object({ status: z.enum(offerStatuses, { message: 'mentoring.errors.status' }) });

/** An offer id as it travels in forms. */
const offerId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'mentoring.errors.preference' });

/** The ranked choices: `choice_1` … `choice_5` in a form, `preferences` in order in JSON. */
export const RequestSchema = z.object({
  preferences: z.array(offerId).max(maxPreferences)
    .refine((v) => v.length > 0, { message: 'mentoring.errors.preferences_needed' })
    .refine((v) => new Set(v).size === v.length, { message: 'mentoring.errors.preference_twice' }),
  message: optional(multiLine(2_000)),
});
export type RequestInput = z.output<typeof RequestSchema>;

/** The form's numbered choices as one ordered list; a choice left blank is skipped. */
export function preferencesFromForm(values: Record<string, string | string[]>): { preferences: unknown; message: unknown } {
  const preferences: unknown[] = [];
  for (let i = 1; i <= maxPreferences; i++) {
    const value = values[`choice_${i}`];
    if (Array.isArray(value)) preferences.push(...value);
    else if (value) preferences.push(value);
  }
  return { preferences, message: values.message };
}

export const AnswerSchema = z.object({
  answer: z.enum(['accept', 'decline'], { message: 'mentoring.errors.answer' }),
  note: optional(multiLine(1_000)),
});

export const WithdrawSchema = z.object({});

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'mentoring.errors.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'mentoring.errors.date' });

/** Goals: one a line in the form, an array in JSON. */
export const GoalsSchema = z.object({
  goals: z.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v), list(singleLine(300), 12)),
});

export const MeetingSchema = z.object({
  held_on: calendarDay,
  notes: multiLine(4_000, 3),
});
export type MeetingInput = z.output<typeof MeetingSchema>;

export const ConsentSchema = z.object({ consent: checked });

export const FeedbackSchema = z.object({
  feedback: multiLine(2_000, 3),
  rating: wholeNumber(1, 5),
});
export type FeedbackInput = z.output<typeof FeedbackSchema>;

export const SettingsSchema = z.object({ approval_required: checked });

export const DecisionSchema = z.object({ decision: z.enum(['approve', 'reject'], { message: 'mentoring.errors.decision' }) });
