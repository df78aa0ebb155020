import { z } from 'zod';
import { list, wholeNumber } from '../../../platform/validation.ts';
import { topicKeyPattern } from '../../events/index.ts';

/** More than any taxonomy offers: a longer list is someone else's input, refused. */
export const maxTopicsPerReport = 20;

const topicKey = z.string().regex(topicKeyPattern, { message: 'reports.topics.errors.unknown' });

/** The report form's checkboxes: none, one (a string) or several; the command checks each is offered. */
export const ReportTopicsSchema = z.object({
  topics: list(topicKey, maxTopicsPerReport),
});
export type ReportTopicsInput = z.output<typeof ReportTopicsSchema>;

/** A topic page's filters (GET): a year, an initiative (slug), a page. A value that is not one of these is answered 422. */
export const TopicQuerySchema = z.object({
  year: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(1900, 2200).optional()),
  initiative: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[a-z0-9-]{1,100}$/, { message: 'reports.topics.errors.initiative' }).optional()),
  page: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(1, 10_000).default(1)),
});
export type TopicQuery = z.output<typeof TopicQuerySchema>;
