import { z } from 'zod';
import { checked, list, optional, singleLine } from '../../../platform/validation.ts';
import { topicKeyPattern } from './taxonomy.ts';

/** More than any taxonomy offers: a longer list is someone else's input, refused. */
export const maxTopics = 20;

/**
 * A session's topics: absent leaves them as they are (an API client that does not know topics
 * keeps them); the form says it showed them (`topics_shown`), so that unchecking all clears them.
 */
export const SessionTopicsField = list(z.string().regex(topicKeyPattern, { message: 'events.topics.unknown' }), maxTopics).optional();

/** The form's checkboxes: none checked sends nothing, which the hidden `topics_shown` tells from "not on this form". */
export function topicsFromForm(values: Record<string, string | string[]>): string[] | string | undefined {
  return values.topics ?? (values.topics_shown !== undefined ? [] : undefined);
}

const label = optional(singleLine(100));

/** A topic's names in the four languages; blank keeps the catalog's (built-in topics only). */
export const TopicLabelsSchema = z.object({ label_es: label, label_en: label, label_pt: label, label_fr: label });

/** A topic the secretariat adds: a new key, named in every language. */
export const TopicAddSchema = TopicLabelsSchema.extend({
  key: z.string().trim().toLowerCase().regex(topicKeyPattern, { message: 'events.topics.key_format' }),
});
export type TopicAddInput = z.output<typeof TopicAddSchema>;

/** Renaming a topic, and retiring or offering it again. */
export const TopicSaveSchema = TopicLabelsSchema.extend({ retired: checked.default(false) });
export type TopicSaveInput = z.output<typeof TopicSaveSchema>;
