import { z } from 'zod';
import { list } from '../../../platform/validation.ts';
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
