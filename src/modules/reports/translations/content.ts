/**
 * A report's translation: its title, summary and items in another language, each item under the
 * original's anchor, so `/reports/<id>/translations/pt#takeaway-…` cites the same takeaway.
 */
import { z } from 'zod';
import { multiLine, optional, singleLine } from '../../../platform/validation.ts';
import { maxItem, maxItems, maxSummary, textLists, type ReportContent } from '../content.ts';

export interface TranslatedTexts {
  title: string;
  summary: string | null;
  /** Key issues, takeaways, proposals and follow-up actions, by anchor. */
  items: Record<string, string>;
  calls: Record<string, { who: string; what: string }>;
}

const anchor = z.string().regex(/^[a-z0-9-]{1,24}$/);
/** Every item a report can hold: four lists and its calls to action. */
const maxTranslated = maxItems * (textLists.length + 1);

export const TranslationSchema = z.object({
  title: singleLine(300, 3),
  summary: optional(multiLine(maxSummary)),
  items: z.record(anchor, multiLine(maxItem)).refine((r) => Object.keys(r).length <= maxTranslated, { message: 'reports.translations.too_many' }).default({}),
  calls: z.record(anchor, z.object({ who: singleLine(200), what: multiLine(maxItem) })).refine((r) => Object.keys(r).length <= maxTranslated, { message: 'reports.translations.too_many' }).default({}),
});
export type TranslationInput = z.output<typeof TranslationSchema>;

const itemField = /^text_([a-z0-9-]{1,24})$/;
const callField = /^(who|what)_([a-z0-9-]{1,24})$/;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The form's `text_<anchor>`, `who_<anchor>` and `what_<anchor>` as the schema's maps; a field left blank is not translated. */
export function translationFromForm(values: Record<string, string | string[]>): unknown {
  const items: Record<string, string> = {};
  const calls: Record<string, { who: string; what: string }> = {};
  for (const [key, value] of Object.entries(values)) {
    const text = one(value);
    const item = itemField.exec(key);
    if (item && text.trim()) items[item[1]!] = text;
    const call = callField.exec(key);
    if (call && (text.trim() || one(values[`${call[1] === 'who' ? 'what' : 'who'}_${call[2]}`]).trim())) {
      calls[call[2]!] = { ...(calls[call[2]!] ?? { who: '', what: '' }), [call[1]!]: text };
    }
  }
  return { title: one(values.title), summary: one(values.summary), items, calls };
}

/** The schema's paths (`items.<anchor>`, `calls.<anchor>.who`) as the form's fields. */
export function translationErrorsToFields(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => {
    const item = /^items\.(.+)$/.exec(path);
    const call = /^calls\.(.+)\.(who|what)$/.exec(path);
    return [item ? `text_${item[1]}` : call ? `${call[2]}_${call[1]}` : path, message];
  }));
}

/** What the form shows: the translation's texts under the form's names. */
export function translationValues(texts: TranslatedTexts): Record<string, string> {
  return {
    title: texts.title, summary: texts.summary ?? '',
    ...Object.fromEntries(Object.entries(texts.items).map(([id, text]) => [`text_${id}`, text])),
    ...Object.fromEntries(Object.entries(texts.calls).flatMap(([id, c]) => [[`who_${id}`, c.who], [`what_${id}`, c.what]])),
  };
}

/** The texts kept for the report as it now stands: only its items' anchors (an item removed since is dropped). */
export function textsFor(content: ReportContent, input: TranslationInput): TranslatedTexts {
  const anchors = new Set(textLists.flatMap((list) => content[list].map((i) => i.id)));
  const calls = new Set(content.calls_to_action.map((c) => c.id));
  return {
    title: input.title, summary: input.summary ?? null,
    items: Object.fromEntries(Object.entries(input.items).filter(([id]) => anchors.has(id))),
    calls: Object.fromEntries(Object.entries(input.calls).filter(([id]) => calls.has(id))),
  };
}

/**
 * The report's content in the translation's language: what was translated, nothing else (a part
 * left untranslated is read in the original, which the page links to). Participants, counts and
 * links are the original's.
 */
export function translatedContent(content: ReportContent, texts: TranslatedTexts): ReportContent {
  const items = <T extends { id: string; text: string }>(list: T[]) => list.filter((i) => texts.items[i.id]).map((i) => ({ ...i, text: texts.items[i.id]! }));
  return {
    ...content,
    summary: texts.summary,
    key_issues: items(content.key_issues), takeaways: items(content.takeaways), proposals: items(content.proposals), follow_ups: items(content.follow_ups),
    calls_to_action: content.calls_to_action.filter((c) => texts.calls[c.id]).map((c) => ({ ...c, ...texts.calls[c.id]! })),
  };
}

/** Whether every text of the report has its translation. */
export function isComplete(content: ReportContent, texts: TranslatedTexts): boolean {
  return (!content.summary || Boolean(texts.summary))
    && textLists.every((list) => content[list].every((i) => texts.items[i.id]))
    && content.calls_to_action.every((c) => texts.calls[c.id]);
}
