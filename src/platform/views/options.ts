import { countryCodes } from '../geo/iso3166.ts';
import { countryName } from '../geo/countryName.ts';
import { languageName, type Locale } from '../i18n/index.ts';
import type { Option } from './components.tsx';

const cache = new Map<Locale, Option[]>();
const languageCache = new Map<string, Option[]>();

/** The given languages, named and sorted in the reader's language. */
export function languageOptions(codes: readonly string[], locale: Locale): Option[] {
  const key = `${locale}:${codes.join(',')}`;
  let options = languageCache.get(key);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = codes.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
    languageCache.set(key, options);
  }
  return options;
}

/** Every country, named and sorted in the reader's language. */
export function countryOptions(locale: Locale): Option[] {
  let options = cache.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = countryCodes
      .map((code) => ({ value: code, label: countryName(code, locale) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    cache.set(locale, options);
  }
  return options;
}
