import { z } from 'zod';
import { checked, multiLine, optional, singleLine, wholeNumber } from '../../../platform/validation.ts';
import { isCountryCode } from '../../../platform/geo/iso3166.ts';
import { locales } from '../../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { modalities } from '../domain/types.ts';
import { sessionFormats } from '../vocabulary.ts';
import { localDateTime } from '../time.ts';
import { AvailabilityText } from '../availability/format.ts';
import { maxQuestions, maxTracks, organiserRows, presences, speakerRows } from './vocabulary.ts';

const formatKeys = Object.keys(sessionFormats) as [keyof typeof sessionFormats, ...(keyof typeof sessionFormats)[]];

/** A wall-clock time as a datetime-local field sends it (read in the event's zone by the command). */
const wallClock = z
  .string()
  .refine((v) => localDateTime.test(v), { message: 'events.errors.date_time', abort: true })
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { message: 'events.errors.date_time' });

const rowId = optional(z.string().max(40).regex(/^[A-Za-z0-9_-]+$/));

/**
 * The call's settings as the command reads them: dates, the rules' thresholds, the formats offered
 * with their durations, the tracks and the extra questions. A track or question row without a name
 * is one the organisers removed (or a blank row left blank).
 */
export const CallSchema = z.object({
  opens: wallClock,
  closes: wallClock,
  min_speakers: wholeNumber(1, 20),
  min_stakeholder_groups: wholeNumber(1, 6),
  max_sessions_per_speaker: wholeNumber(1, 50),
  formats: z
    .array(z.object({ format: z.enum(formatKeys), offered: z.boolean(), duration: optional(wholeNumber(5, 600)) }))
    .max(formatKeys.length)
    .superRefine((rows, ctx) => {
      if (!rows.some((r) => r.offered)) ctx.addIssue({ code: 'custom', path: [], message: 'events.call.errors.format_needed' });
      rows.forEach((r, i) => {
        if (r.offered && r.duration === undefined) ctx.addIssue({ code: 'custom', path: [i, 'duration'], message: 'events.call.errors.duration_needed' });
      });
    }),
  tracks: z.array(z.object({ id: rowId, name: optional(singleLine(200)) })).max(maxTracks * 2),
  questions: z.array(z.object({ id: rowId, question: optional(multiLine(1000)), required: z.boolean() })).max(maxQuestions * 2),
});
export type CallInput = z.output<typeof CallSchema>;

/** Rows of a form named `<prefix>_<index>_<field>`, in index order, up to `max`. */
function rows(values: FormValues, prefix: string, max: number, fields: readonly string[]): Record<string, string>[] {
  const indices = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}_(\\d{1,3})_`).exec(key);
    if (match && Number(match[1]) < max) indices.add(Number(match[1]));
  }
  const count = indices.size ? Math.max(...indices) + 1 : 0;
  return Array.from({ length: count }, (_, i) => Object.fromEntries(fields.map((f) => [f, one(values[`${prefix}_${i}_${f}`])])));
}

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The call form's fields as the schema's input. */
export function callFromForm(values: FormValues) {
  return {
    opens: one(values.opens), closes: one(values.closes), min_speakers: one(values.min_speakers), min_stakeholder_groups: one(values.min_stakeholder_groups),
    max_sessions_per_speaker: one(values.max_sessions_per_speaker),
    formats: formatKeys.map((format) => ({ format, offered: [values.formats].flat().includes(format), duration: one(values[`duration_${format}`]) })),
    tracks: rows(values, 'track', maxTracks * 2, ['id', 'name']),
    questions: rows(values, 'question', maxQuestions * 2, ['id', 'text', 'required']).map((q) => ({ id: q.id, question: q.text, required: q.required === 'on' })),
  };
}

/** Schema paths back to the call form's field names. */
export function callToFields(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let field = path;
    if (parts[0] === 'formats') field = parts.length >= 3 ? `duration_${formatKeys[Number(parts[1])]}` : 'formats';
    else if (parts[0] === 'tracks' && parts.length >= 3) field = `track_${parts[1]}_name`;
    else if (parts[0] === 'questions' && parts.length >= 3) field = `question_${parts[1]}_text`;
    out[field] ??= message;
  }
  return out;
}

const countryCode = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.string().refine(isCountryCode, { message: 'common.errors.invalid_choice' }));

/** A person named in a proposal; a row left wholly blank is no one. */
const personFields = {
  name: optional(singleLine(200)),
  organisation: optional(singleLine(200)),
};
const nameGiven = (row: { name?: string | undefined; organisation?: string | undefined }, ctx: z.RefinementCtx) => {
  if (!row.name && row.organisation) ctx.addIssue({ code: 'custom', path: ['name'], message: 'events.proposals.errors.name_needed' });
};
const PersonSchema = z.object(personFields).superRefine(nameGiven);

const SpeakerSchema = z
  .object({
    ...personFields,
    stakeholder_group: optional(z.enum(stakeholderKeys)),
    country: optional(countryCode),
    gender: optional(singleLine(60)),
    presence: optional(z.enum(presences)),
    confirmed: checked.optional().default(false),
    /** The days and times the speaker can attend, one window per line in the event's zone (availability/format.ts). */
    availability: AvailabilityText.optional(),
  })
  .superRefine((row, ctx) => {
    if (!row.name && (row.organisation || row.stakeholder_group || row.country || row.gender || row.presence || row.availability?.length)) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'events.proposals.errors.name_needed' });
    }
  });
export type SpeakerInput = z.output<typeof SpeakerSchema>;
export type PersonInput = z.output<typeof PersonSchema>;

const questionId = z.string().max(40).regex(/^[A-Za-z0-9_-]+$/);

/**
 * A proposal's fields, from the form or JSON. Whether the format and track are the call's, and
 * whether required questions are answered, depends on the call: the command checks those.
 */
export const ProposalSchema = z.object({
  title: singleLine(200, 3),
  description: multiLine(5000),
  policy_questions: optional(multiLine(2000)),
  language: z.enum(locales),
  format: z.enum(formatKeys),
  track: optional(z.string().max(40)),
  modality: z.enum(modalities),
  organisers: z.array(PersonSchema).max(organiserRows.max).default([]),
  speakers: z.array(SpeakerSchema).max(speakerRows.max).default([]),
  moderator: PersonSchema.optional(),
  online_moderator: PersonSchema.optional(),
  rapporteur: PersonSchema.optional(),
  answers: z.record(questionId, optional(multiLine(3000))).refine((a) => Object.keys(a).length <= maxQuestions * 2, { message: 'common.errors.invalid_value' }).default({}),
  /** Kept as a draft, or submitted (a submission must pass the screening rules). */
  intent: z.enum(['draft', 'submit']).default('draft'),
  /** The version the form was opened at; none for a new proposal or an API call that does not care. */
  version: optional(wholeNumber(1, 1_000_000)),
});
export type ProposalInput = z.output<typeof ProposalSchema>;

export const speakerFields = ['name', 'organisation', 'stakeholder_group', 'country', 'gender', 'presence', 'confirmed', 'availability'] as const;
export const singleRoles = ['moderator', 'online_moderator', 'rapporteur'] as const;

const personOf = (values: FormValues, role: (typeof singleRoles)[number]) => ({ name: one(values[`${role}_name`]), organisation: one(values[`${role}_organisation`]) });

/** The proposal form's fields as the schema's input: numbered rows become lists, kept at their index so errors find their row. */
export function proposalFromForm(values: FormValues) {
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^answer_([A-Za-z0-9_-]{1,40})$/.exec(key);
    if (match) answers[match[1]!] = one(value);
  }
  return {
    title: one(values.title), description: one(values.description), policy_questions: one(values.policy_questions), language: one(values.language),
    format: one(values.format), track: one(values.track), modality: one(values.modality), version: one(values.version),
    intent: one(values.intent) === 'submit' ? 'submit' : 'draft',
    organisers: rows(values, 'organiser', organiserRows.max, ['name', 'organisation']),
    speakers: rows(values, 'speaker', speakerRows.max, speakerFields),
    moderator: personOf(values, 'moderator'), online_moderator: personOf(values, 'online_moderator'), rapporteur: personOf(values, 'rapporteur'),
    answers,
  };
}

/** Schema paths back to the proposal form's field names ("speakers.2.name" → "speaker_2_name"). */
export function proposalToFields(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let field = path;
    if ((parts[0] === 'speakers' || parts[0] === 'organisers') && parts.length >= 3) field = `${parts[0].slice(0, -1)}_${parts[1]}_${parts[2]}`;
    else if ((singleRoles as readonly string[]).includes(parts[0]!) && parts.length >= 2) field = `${parts[0]}_${parts[1]}`;
    else if (parts[0] === 'answers' && parts.length >= 2) field = `answer_${parts[1]}`;
    out[field] ??= message;
  }
  return out;
}
