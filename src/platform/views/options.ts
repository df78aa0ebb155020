import { countryCodes } from '../geo/iso3166.ts';
import { countryName } from '../geo/countryName.ts';
import type { Locale } from '../i18n/index.ts';
import type { Option } from './components.tsx';

const cache = new Map<Locale, Option[]>();

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
