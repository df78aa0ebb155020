/**
 * What a report says (docs/decisions/024): the schema of its content, for forms and JSON alike,
 * the form's numbered rows, and the stable anchors of its items.
 */
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { multiLine, optional, singleLine, webAddress, wholeNumber } from '../../platform/validation.ts';
import { locales } from '../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../platform/stakeholders.ts';

/** The Markdown of the summary: a long page, not a book (the issue's "oversized Markdown" is refused beside the field). */
export const maxSummary = 20_000;
/** One item (a takeaway, a proposal…). */
export const maxItem = 2_000;
/** Items per list, and participants. */
export const maxItems = 30;
export const maxParticipants = 60;
/** Rows the form shows beyond those filled in (no script adds rows). */
export const blankRows = 2;

export const participantRoles = ['moderator', 'speaker', 'rapporteur', 'online_moderator'] as const;
export const textLists = ['key_issues', 'takeaways', 'proposals', 'follow_ups'] as const;
export type TextList = (typeof textLists)[number];
export const genders = ['women', 'men', 'other'] as const;
export const presences = ['onsite', 'online'] as const;
export const linkKinds = ['recording', 'transcript', 'slides'] as const;

/** An item's anchor: kept across edits, so that a link to a takeaway keeps pointing at it. */
const anchor = z.string().regex(/^[a-z0-9-]{1,24}$/);
const count = optional(wholeNumber(0, 1_000_000));

const TextItem = z.object({ id: optional(anchor), text: multiLine(maxItem) });
const CallToAction = z.object({ id: optional(anchor), who: singleLine(200), what: multiLine(maxItem) });
const Participant = z.object({
  name: singleLine(200),
  role: z.enum(participantRoles),
  organisation: optional(singleLine(200)),
  stakeholder_group: optional(z.enum(stakeholderKeys)),
});

/** Counts for one presence: by stakeholder group and by gender (blank is not counted). */
const Counts = z.object({
  groups: z.object(Object.fromEntries(stakeholderKeys.map((g) => [g, count])) as Record<(typeof stakeholderKeys)[number], typeof count>).default({} as never),
  genders: z.object(Object.fromEntries(genders.map((g) => [g, count])) as Record<(typeof genders)[number], typeof count>).default({} as never),
});

/** Rows left blank on the form are null until validated, so each error lands on its own row. */
const rows = <T extends z.ZodType>(item: T, max: number) => z.array(item.nullable()).max(max).default([])
  .transform((list) => list.filter((row): row is NonNullable<typeof row> => row !== null) as Array<z.output<T>>);

export const ContentSchema = z.object({
  summary: optional(multiLine(maxSummary)),
  key_issues: rows(TextItem, maxItems),
  takeaways: rows(TextItem, maxItems),
  calls_to_action: rows(CallToAction, maxItems),
  proposals: rows(TextItem, maxItems),
  follow_ups: rows(TextItem, maxItems),
  participants: rows(Participant, maxParticipants),
  participation: z.object({ onsite: Counts.default({} as never), online: Counts.default({} as never) }).default({} as never),
  links: z.object(Object.fromEntries(linkKinds.map((k) => [k, optional(webAddress)])) as Record<(typeof linkKinds)[number], ReturnType<typeof optional<typeof webAddress>>>).default({} as never),
});
export type ContentInput = z.output<typeof ContentSchema>;

/** A report's fields besides its content: what a standalone report states itself (a session's come from the session). */
export const ReportFieldsSchema = z.object({
  title: singleLine(300, 3),
  held_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'reports.errors.date' }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'reports.errors.date' }),
  place: optional(singleLine(200)),
  language: z.enum(locales),
});

/** Saving a report: its fields and content; after publication, the reason for the change. */
export const ReportSaveSchema = ReportFieldsSchema.extend(ContentSchema.shape).extend({ reason: optional(singleLine(500)) });
export type ReportSaveInput = z.output<typeof ReportSaveSchema>;

export interface TextItemValue { id: string; text: string }
export interface CallToActionValue { id: string; who: string; what: string }
export interface ParticipantValue { name: string; role: string; organisation: string | null; stakeholder_group: string | null }
export interface CountsValue { groups: Record<string, number>; genders: Record<string, number> }

/** What is stored (canonical JSON) and published: every item with its anchor, counts only where given. */
export interface ReportContent {
  summary: string | null;
  key_issues: TextItemValue[];
  takeaways: TextItemValue[];
  calls_to_action: CallToActionValue[];
  proposals: TextItemValue[];
  follow_ups: TextItemValue[];
  participants: ParticipantValue[];
  participation: { onsite: CountsValue; online: CountsValue };
  links: Partial<Record<(typeof linkKinds)[number], string>>;
}

export const emptyContent = (): ReportContent => ({
  summary: null, key_issues: [], takeaways: [], calls_to_action: [], proposals: [], follow_ups: [], participants: [],
  participation: { onsite: { groups: {}, genders: {} }, online: { groups: {}, genders: {} } }, links: {},
});

const prefixOf: Record<TextList | 'calls_to_action', string> = { key_issues: 'issue', takeaways: 'takeaway', proposals: 'proposal', follow_ups: 'follow-up', calls_to_action: 'action' };

/**
 * Gives each item its anchor: the one it had, or one made from its text, so that a client that
 * sends no anchors gets the same ones for the same text (an anchor given twice is kept once).
 */
function anchored<T extends { id?: string | undefined }>(list: readonly T[], prefix: string, taken: Set<string>, text: (item: T) => string): Array<T & { id: string }> {
  return list.map((item) => {
    let id = item.id && !taken.has(item.id) ? item.id : '';
    const hash = createHash('sha256').update(text(item)).digest('hex');
    for (let n = 0; !id || taken.has(id); n++) id = `${prefix}-${hash.slice(0, 8)}${n ? `-${n}` : ''}`;
    taken.add(id);
    return { ...item, id };
  });
}

const definedCounts = (counts: Record<string, number | undefined>) => Object.fromEntries(Object.entries(counts).filter((entry): entry is [string, number] => entry[1] !== undefined));

/** The validated input as stored content. */
export function contentOf(input: ContentInput): ReportContent {
  const taken = new Set<string>();
  const texts = (list: TextList) => anchored(input[list], prefixOf[list], taken, (i) => i.text).map((i) => ({ id: i.id, text: i.text }));
  return {
    summary: input.summary ?? null,
    key_issues: texts('key_issues'),
    takeaways: texts('takeaways'),
    calls_to_action: anchored(input.calls_to_action, prefixOf.calls_to_action, taken, (i) => `${i.who}\n${i.what}`).map((i) => ({ id: i.id, who: i.who, what: i.what })),
    proposals: texts('proposals'),
    follow_ups: texts('follow_ups'),
    participants: input.participants.map((p) => ({ name: p.name, role: p.role, organisation: p.organisation ?? null, stakeholder_group: p.stakeholder_group ?? null })),
    participation: {
      onsite: { groups: definedCounts(input.participation.onsite.groups), genders: definedCounts(input.participation.onsite.genders) },
      online: { groups: definedCounts(input.participation.online.groups), genders: definedCounts(input.participation.online.genders) },
    },
    links: definedCounts(input.links as Record<string, never>) as ReportContent['links'],
  };
}

/** Form field names of the lists' rows: `<list>_<n>_<field>`. */
export const rowFields: Record<TextList | 'calls_to_action' | 'participants', readonly string[]> = {
  key_issues: ['id', 'text'], takeaways: ['id', 'text'], proposals: ['id', 'text'], follow_ups: ['id', 'text'],
  calls_to_action: ['id', 'who', 'what'], participants: ['name', 'role', 'organisation', 'stakeholder_group'],
};
const rowField = /^(key_issues|takeaways|proposals|follow_ups|calls_to_action|participants)_(\d{1,2})_([a-z_]+)$/;
const countField = /^(onsite|online)_(group|gender)_([a-z_]+)$/;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The form's flat fields as the schema's input (blank rows are null; the menu and the hidden anchor alone are no row). */
export function reportFromForm(values: Record<string, string | string[]>): unknown {
  const lists: Record<string, Array<Record<string, string> | null>> = {};
  const participation = { onsite: { groups: {} as Record<string, string>, genders: {} as Record<string, string> }, online: { groups: {} as Record<string, string>, genders: {} as Record<string, string> } };
  const links: Record<string, string> = {};
  const rest: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const row = rowField.exec(key);
    if (row) {
      const [, list, n, field] = row as unknown as [string, keyof typeof rowFields, string, string];
      const index = Number(n);
      if (!rowFields[list].includes(field) || index >= maxParticipants + blankRows) continue;
      const target = (lists[list] ??= []);
      target[index] ??= {};
      target[index]![field] = one(value);
      continue;
    }
    const counted = countField.exec(key);
    if (counted) {
      const [, presence, kind, which] = counted as unknown as ['', 'onsite' | 'online', 'group' | 'gender', string];
      participation[presence][kind === 'group' ? 'groups' : 'genders'][which] = one(value);
      continue;
    }
    if (key.startsWith('link_')) links[key.slice(5)] = one(value);
    else rest[key] = one(value);
  }
  const filled = (row: Record<string, string> | null | undefined) =>
    row && Object.entries(row).some(([k, v]) => k !== 'id' && k !== 'role' && v.trim() !== '') ? row : null;
  const shaped = Object.fromEntries(Object.keys(rowFields).map((list) => [list, Array.from(lists[list] ?? [], filled)]));
  return { ...rest, ...shaped, participation, links };
}

/** Schema paths (`takeaways.2.text`, `participation.onsite.groups.government`) as form field names. */
export function reportErrorsToFields(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => {
    const row = /^([a-z_]+)\.(\d+)\.([a-z_]+)$/.exec(path);
    if (row) return [`${row[1]}_${row[2]}_${row[3]}`, message];
    const counted = /^participation\.(onsite|online)\.(groups|genders)\.([a-z_]+)$/.exec(path);
    if (counted) return [`${counted[1]}_${counted[2] === 'groups' ? 'group' : 'gender'}_${counted[3]}`, message];
    const link = /^links\.([a-z]+)$/.exec(path);
    if (link) return [`link_${link[1]}`, message];
    return [path, message];
  }));
}

/** Stored content as the form's values. */
export function contentValues(content: ReportContent): Record<string, string> {
  const values: Record<string, string> = { summary: content.summary ?? '' };
  for (const list of textLists) content[list].forEach((item, i) => Object.assign(values, { [`${list}_${i}_id`]: item.id, [`${list}_${i}_text`]: item.text }));
  content.calls_to_action.forEach((item, i) => Object.assign(values, { [`calls_to_action_${i}_id`]: item.id, [`calls_to_action_${i}_who`]: item.who, [`calls_to_action_${i}_what`]: item.what }));
  content.participants.forEach((p, i) => Object.assign(values, {
    [`participants_${i}_name`]: p.name, [`participants_${i}_role`]: p.role, [`participants_${i}_organisation`]: p.organisation ?? '', [`participants_${i}_stakeholder_group`]: p.stakeholder_group ?? '',
  }));
  for (const presence of presences) {
    for (const [g, n] of Object.entries(content.participation[presence].groups)) values[`${presence}_group_${g}`] = String(n);
    for (const [g, n] of Object.entries(content.participation[presence].genders)) values[`${presence}_gender_${g}`] = String(n);
  }
  for (const [k, v] of Object.entries(content.links)) if (v) values[`link_${k}`] = v;
  return values;
}

/** Reads stored content (canonical JSON). */
export const readContent = (text: string): ReportContent => ({ ...emptyContent(), ...(JSON.parse(text) as Partial<ReportContent>) });
