import { locales, registerCatalogs, translate, type Locale } from '../../platform/i18n/index.ts';
import type { SearchDocument, SearchSource } from '../../platform/search/index.ts';
import { stepByKey, steps } from './steps.ts';

export const catalogsDir = new URL('./i18n/', import.meta.url);
/** When the guidance was last rewritten: results rank it among others by this date. */
const guidanceWritten = '2026-11-30T13:00:00.000Z';

/** One record per step and language: `logistics.es`. */
export const guidanceRecordIds = () => steps.flatMap((s) => locales.map((l) => `${s.key}.${l}`));

/** A step's guidance as one text in a language: what, why, how, its sub-items and the pitfalls. */
export function guidanceText(key: string, locale: Locale): string {
  const step = stepByKey(key)!;
  const part = (name: string) => translate(locale, `toolkit.steps.${key}.${name}`);
  return [part('what'), part('why'), part('how'), ...step.items.map((i) => translate(locale, `toolkit.steps.${key}.items.${i}`)), part('pitfalls')].join('\n\n');
}

/**
 * The public guidance in the search index (`/search?q=logística` finds the step), in each of the
 * four languages it is written in. It is the same for everyone, and changes only with a release:
 * a shipped source, indexed at start-up (docs/decisions/032-toolkit.md).
 */
export const toolkitSearch: SearchSource = {
  kind: 'toolkit_step',
  label: 'toolkit.search.kind',
  fields: { title: 'A', guidance: 'B' },
  // In code and catalogs, changed only by a release: indexed afresh at every start-up.
  shipped: true,

  async recordIds() {
    return guidanceRecordIds();
  },

  async documents(_, recordIds): Promise<SearchDocument[]> {
    // Read from the catalogs themselves: start-up indexes the guidance before the app has loaded them.
    registerCatalogs('toolkit', catalogsDir);
    return recordIds.flatMap((id) => {
      const [key = '', locale = ''] = id.split('.');
      if (!stepByKey(key) || !(locales as readonly string[]).includes(locale)) return [];
      const title = translate(locale as Locale, `toolkit.steps.${key}.title`);
      return [{
        recordId: id, language: locale, title, url: `/toolkit#step-${key}`, visibility: 'public', updatedAt: guidanceWritten,
        fields: { title, guidance: guidanceText(key, locale as Locale) },
      }];
    });
  },

  async visibleTo() {
    return [];
  },
};
