/**
 * What the program's forms and API accept (docs/decisions/019-events-program.md). Times are read
 * in the event's zone by the commands, which know the event; the schemas check their shape.
 */
import { z } from 'zod';
import { checked, emailAddress, multiLine, optional, singleLine, wholeNumber } from '../../../platform/validation.ts';
import { isCountryCode } from '../../../platform/geo/iso3166.ts';
import { locales } from '../../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { modalities, sessionRoles } from '../domain/types.ts';
import { sessionFormats } from '../vocabulary.ts';
import { localDateTime } from '../time.ts';
import { AvailabilityText } from '../availability/format.ts';
import { SessionTopicsField, topicsFromForm } from '../topics/schema.ts';

/** A session names at most this many people: a large plenary, not a way to fill the database. */
export const maxPeople = 40;
/** Rows of people the session form shows beyond those already named (no script adds rows). */
export const blankPersonRows = 4;

const countryCode = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.string().refine(isCountryCode, { message: 'common.errors.invalid_choice' }));
const formatKeys = Object.keys(sessionFormats) as [keyof typeof sessionFormats, ...Array<keyof typeof sessionFormats>];

export const PersonSchema = z.object({
  name: singleLine(200),
  role: z.enum(sessionRoles),
  organisation: optional(singleLine(200)),
  stakeholder_group: optional(z.enum(stakeholderKeys)),
  country: optional(countryCode),
  gender: optional(singleLine(100)),
  presence: optional(z.enum(['onsite', 'online'])),
  confirmed: checked.default(false),
  /** When they said they can take part, one window per line in the event's zone (availability/format.ts). */
  availability: AvailabilityText.optional(),
  /**
   * The address of their Cabildo account, which links the row to it: an online moderator then
   * handles the session's queue and a rapporteur drafts its report. Seen by the organisers only.
   */
  email: optional(emailAddress),
});
export type PersonInput = z.output<typeof PersonSchema>;

/**
 * A row of the form left blank is no person; keeping it as null keeps each error on its row. Each
 * person kept remembers its row, so that a command's refusal (a window outside the event) lands on it too.
 */
const personRows = z
  .array(PersonSchema.nullable())
  .max(maxPeople)
  .transform((rows) => rows.flatMap((row, index) => (row === null ? [] : [{ ...row, row: index }])));

export const SessionSchema = z.object({
  title: singleLine(200, 3),
  description: optional(multiLine(20_000)),
  original_locale: z.enum(locales),
  format: optional(z.enum(formatKeys)),
  /** A track of the event, by id (checked against the event's tracks by the command). */
  track: optional(z.string().max(40)),
  modality: z.enum(modalities),
  expected_attendance: optional(wholeNumber(1, 100_000)),
  capacity: optional(wholeNumber(1, 100_000)),
  people: personRows.default([]),
  /** Topics of the installation's taxonomy, by key (docs/decisions/027). */
  topics: SessionTopicsField,
});
export type SessionInput = z.output<typeof SessionSchema>;

const personFields = ['name', 'role', 'organisation', 'stakeholder_group', 'country', 'gender', 'presence', 'confirmed', 'availability', 'email'] as const;
const personField = /^person_(\d{1,2})_([a-z_]+)$/;

/** The form's rows `person_<n>_<field>` as the schema's `people` (a blank row is null). */
export function sessionFromForm(values: Record<string, string | string[]>): unknown {
  const rows: Array<Record<string, string> | null> = [];
  for (const [key, value] of Object.entries(values)) {
    const match = personField.exec(key);
    if (!match || !(personFields as readonly string[]).includes(match[2]!)) continue;
    const index = Number(match[1]);
    if (index >= maxPeople + blankPersonRows) continue;
    rows[index] ??= {};
    rows[index]![match[2]!] = Array.isArray(value) ? (value[0] ?? '') : value;
  }
  // A row with nothing typed (the role alone is a menu's default) is no person.
  const people = Array.from(rows, (row) => (row && Object.entries(row).some(([k, v]) => k !== 'role' && k !== 'confirmed' && v.trim() !== '') ? row : null));
  const { ...rest } = values;
  for (const key of Object.keys(rest)) if (personField.test(key)) delete rest[key];
  return { ...rest, people, topics: topicsFromForm(values) };
}

/** Schema paths (`people.2.name`) as the form's field names (`person_2_name`). */
export function sessionErrorsToFields(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => {
    const match = /^people\.(\d+)\.([a-z_]+)$/.exec(field);
    return [match ? `person_${match[1]}_${match[2]}` : field === 'people' ? 'person_0_name' : field, message];
  }));
}

/** A wall-clock time in the event's zone ("2026-12-01T09:00"), or for the API an ISO 8601 instant with its offset. */
const timeField = z.string().max(40).refine((v) => localDateTime.test(v) || isoWithOffset.test(v), { message: 'events.errors.date_time' });
export const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A time, or blank (null in JSON): the key itself must be there, so that an empty body changes nothing. */
const timeOrBlank = z.preprocess(
  (v) => (v === null ? '' : typeof v === 'string' ? v.trim() : v),
  z.union([z.literal(''), timeField]),
).transform((v) => v || undefined);

/** Placing a session: a room and both its times, or both times blank (taken off the program). */
export const ScheduleSchema = z.object({
  room: optional(z.string().max(40)),
  start: timeOrBlank,
  end: timeOrBlank,
});
export type ScheduleInput = z.output<typeof ScheduleSchema>;

/** Publishing: the organisers confirm the open conflicts they saw (their number, to notice new ones). */
export const PublishSchema = z.object({
  confirm: checked.default(false),
  seen_conflicts: optional(wholeNumber(0, 1_000_000)),
});
export type PublishInput = z.output<typeof PublishSchema>;
