import type { Translate } from '../../../platform/i18n/index.ts';
import { countryName } from '../../../platform/geo/countryName.ts';
import { languageName, type Locale } from '../../../platform/i18n/index.ts';

/** Human names of codes, in the reader's language. */
export function placeNames(codes: string[], locale: Locale): string {
  return codes.map((code) => countryName(code, locale)).join(', ');
}

export function languageNames(codes: string[], locale: Locale): string {
  return codes.map((code) => languageName(code, locale)).join(', ');
}

export function typeLabel(t: Translate, type: string): string {
  return t(`initiatives.type.${type}`);
}

export function regionLabel(t: Translate, region: string | null): string {
  return region ? t(`initiatives.region.${region}`) : t('initiatives.region.none');
}
