import { z } from 'zod';
import { emailAddress, list, multiLine, optional, singleLine, webAddress, wholeNumber } from '../../platform/validation.ts';
import { locales } from '../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../platform/stakeholders.ts';
import { topicKeyPattern } from '../events/index.ts';

/** Who answers for an item: a named person (an account, if they have one), an organisation, or a whole stakeholder group. */
export const responsibleKinds = ['person', 'organisation', 'group'] as const;
/** How an item is worked on (catalog `plans.mechanism.<key>`). */
export const mechanisms = ['working_group', 'consultation', 'event', 'research', 'advocacy', 'capacity_building', 'other'] as const;
export const itemStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
/** Items still to be done: the ones that can be overdue. */
export const openStatuses: readonly ItemStatus[] = ['planned', 'in_progress'];

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'plans.errors.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'plans.errors.date' });

export const PlanSchema = z.object({
  title: singleLine(200, 3),
  starts_on: calendarDay,
  ends_on: calendarDay,
  description: optional(multiLine(5_000)),
  language: z.enum(locales),
}).superRefine((v, ctx) => {
  if (v.ends_on < v.starts_on) ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'plans.errors.period' });
});
export type PlanInput = z.output<typeof PlanSchema>;

/**
 * Where an item comes from, as its address shows it: a report's call to action (its permalink,
 * `…/reports/<id>#action-…`: the report and the anchor) or a consultation's outcome (its record,
 * `…/consultations/<slug>/record`, whose consensus call is recorded).
 */
const reportPermalink = /^(?:https?:\/\/[^/\s]+)?\/reports\/([A-Za-z0-9_-]{1,40})#([a-z][a-z0-9-]{0,60})$/;
const consultationRecord = /^(?:https?:\/\/[^/\s]+)?\/consultations\/([a-z0-9-]{1,80})\/record(?:#[a-z-]{1,40})?$/;
export type ItemSource = { kind: 'report'; report: string; anchor: string } | { kind: 'consultation'; slug: string };
export const SourceSchema = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(300)
  .refine((v) => reportPermalink.test(v) || consultationRecord.test(v), { message: 'plans.errors.source' }))
  .transform((v): ItemSource => {
    const report = reportPermalink.exec(v);
    return report ? { kind: 'report', report: report[1]!, anchor: report[2]! } : { kind: 'consultation', slug: consultationRecord.exec(v)![1]! };
  });

export const ItemSchema = z.object({
  topic: z.string().max(48).regex(topicKeyPattern, { message: 'plans.errors.topic' }),
  action: multiLine(2_000, 3),
  responsible_kind: z.enum(responsibleKinds, { message: 'plans.errors.responsible_kind' }),
  responsible_name: optional(singleLine(200)),
  responsible_group: optional(z.enum(stakeholderKeys, { message: 'plans.errors.responsible_group' })),
  responsible_email: optional(emailAddress),
  mechanism: z.enum(mechanisms, { message: 'plans.errors.mechanism' }),
  due_on: calendarDay,
  source: optional(SourceSchema),
}).superRefine((v, ctx) => {
  // A group is named by its key; a person or an organisation by a name.
  if (v.responsible_kind === 'group' && !v.responsible_group) ctx.addIssue({ code: 'custom', path: ['responsible_group'], message: 'plans.errors.responsible_group' });
  if (v.responsible_kind !== 'group' && !v.responsible_name) ctx.addIssue({ code: 'custom', path: ['responsible_name'], message: 'common.errors.required' });
  if (v.responsible_kind !== 'person' && v.responsible_email) ctx.addIssue({ code: 'custom', path: ['responsible_email'], message: 'plans.errors.email_for_person' });
});
export type ItemInput = z.output<typeof ItemSchema>;

export const StatusSchema = z.object({ status: z.enum(itemStatuses, { message: 'plans.errors.status' }) });

/** Evidence: one address a line in the form, an array in JSON. */
const evidenceList = z.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v), list(webAddress, 10));

export const UpdateSchema = z.object({
  written_on: calendarDay,
  text: multiLine(4_000, 3),
  percent: optional(wholeNumber(0, 100)),
  evidence: evidenceList,
});
export type UpdateInput = z.output<typeof UpdateSchema>;

export const AdoptSchema = z.object({});

/** The cross-initiative view's filter. */
export const TopicQuery = z.object({ topic: z.string().max(48).regex(topicKeyPattern).optional() });
