import { useView } from '../../../platform/views/context.ts';
import { countryName } from '../../../platform/geo/countryName.ts';
import { countryCodes } from '../../../platform/geo/iso3166.ts';

/** A jurisdiction in the reader's language: a country's name, or "Regional"/"Global". */
export function useJurisdiction() {
  const { t, locale } = useView();
  return (code: string) => (code === 'global' || code === 'regional' ? t(`briefs.jurisdiction.${code}`) : countryName(code, locale));
}

/** Every jurisdiction as options: global and regional first, then countries by name. */
export function useJurisdictionOptions() {
  const { locale } = useView();
  const name = useJurisdiction();
  const countries = countryCodes.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  return [{ value: 'global', label: name('global') }, { value: 'regional', label: name('regional') }, ...countries];
}
